package topics

import (
	"os"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

func TestDumpTmp(t *testing.T) {
	in := os.Getenv("DUMP_IN")
	if in == "" {
		t.Skip()
	}
	f, _ := os.Open(in)
	docs, err := ReadLabeled(f, in, "text", "label")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := os.Create(os.Getenv("DUMP_OUT"))
	var an hindi.Analyzer
	var d hindi.Doc
	fz := Featurizer{Bigrams: os.Getenv("DUMP_BI") != ""}
	for _, doc := range docs {
		an.Analyze(&d, doc.Text)
		var ks []string
		for _, tm := range fz.Append(nil, &d) {
			for i := 0; i < tm.Count; i++ {
				ks = append(ks, strings.ReplaceAll(tm.Key, " ", "_"))
			}
		}
		out.WriteString(doc.Label + "\t" + strings.Join(ks, " ") + "\n")
	}
	out.Close()
}
