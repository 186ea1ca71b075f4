package corpus

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// scanTextEdges are texts at the edges of scanText's Devanagari runs: other bytes, broken
// sequences and runs that end at every offset of a word, runs at the end of the text, and
// every code point of U+0900..U+097F.
func scanTextEdges() []string {
	var all strings.Builder
	for r := rune(0x900); r < 0x980; r++ {
		all.WriteRune(r)
		if r%5 == 0 {
			all.WriteByte(' ')
		}
	}
	out := []string{all.String(), "क", "क ", "कख", "क\xe0\xa4", "क\xe0", "\xe0\xa4\x95\xe0\xa4"}
	word := "भारत में कोरोना के मामले बढ़े। "
	intruders := []string{"", ",", "\n", "a", "\xe0", "\xa4", "\x95", "\xe0\xa6\x95", "\u200d", "\x00", "\xe0\xa4\xe0", "  "}
	for off := range 12 {
		for _, in := range intruders {
			s := strings.Repeat(word, 2)
			k := len("भारत") + off
			out = append(out, s[:k]+in+s[k:], s[:k], s[off:], s[:len(s)-off])
		}
	}
	return out
}

// TestScanTextEdges compares scanText with its plain definition on scanTextEdges.
func TestScanTextEdges(t *testing.T) {
	for _, s := range scanTextEdges() {
		if got, want := scanText(s), naiveScan(s); got != want {
			t.Fatalf("scanText(%q) = %+v, want %+v", s, got, want)
		}
	}
}

// TestScanTextCorpus compares scanText with its plain definition on every text of the JSONL
// corpus named by $DRISHTI_BENCH_JSONL (e.g. the 50 MB corpus of docs/performance.md).
func TestScanTextCorpus(t *testing.T) {
	p := os.Getenv("DRISHTI_BENCH_JSONL")
	if p == "" {
		t.Skip("set DRISHTI_BENCH_JSONL to a JSONL corpus to run this test")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	n := 0
	for sc.Scan() {
		var row struct{ Title, Text string }
		if json.Unmarshal(sc.Bytes(), &row) != nil {
			continue
		}
		for _, s := range []string{row.Title, row.Text} {
			if got, want := scanText(s), naiveScan(s); got != want {
				t.Fatalf("line %d: scanText = %+v, want %+v", n+1, got, want)
			}
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no JSON rows in %s", p)
	}
}
