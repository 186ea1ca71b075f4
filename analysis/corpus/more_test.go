package corpus

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/drishti-news/drishti/internal/shareddata"

	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/parquet-go/parquet-go"
)

func TestStdin(t *testing.T) {
	data := jsonLine(1, nil) + "\n" + jsonLine(2, nil) + "\n"
	for name, in := range map[string][]byte{"plain": []byte(data), "gzip": gzipBytes(t, []byte(data))} {
		arts, rejs, r := openAll(t, []string{"-"}, Options{Stdin: bytes.NewReader(in)})
		if len(arts) != 2 || len(rejs) != 0 || arts[0].Input != "-" || r.TotalBytes() != -1 {
			t.Errorf("%s: got %d articles, %v, total %d", name, len(arts), rejs, r.TotalBytes())
		}
		if got := r.Stats()[0]; got.Input != "-" || got.Format != FormatJSONL || got.Kept != 2 {
			t.Errorf("%s: got stats %+v", name, got)
		}
	}
}

// TestHugeCSVRecord: a quoted field of many megabytes spanning lines is rejected without being
// held, and the next record is read.
func TestHugeCSVRecord(t *testing.T) {
	a := sampleArticle(1)
	const pattern = "कख \"\"quoted\"\"\n" // 18 bytes, an even number of quotes
	r := io.MultiReader(
		strings.NewReader("id,text\nbig,\"start\n"),
		&repeatReader{b: []byte(pattern), n: len(pattern) * 1_200_000},
		strings.NewReader("end\"\n"+a.ID+","+a.Text+"\n"),
	)
	rd, err := OpenReader("big.csv", r, Options{MaxArticleBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	arts, rejs := readAll(t, rd)
	if len(arts) != 1 || arts[0].ID != a.ID || len(rejs) != 1 || rejs[0].Code != CodeTooLarge || rejs[0].Line != 2 {
		t.Fatalf("got %v, rejects %v", arts, rejs)
	}
}

// TestTextFileLimit: an oversized .txt file is rejected after reading only the limit.
func TestTextFileLimit(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, filepath.Join(dir, "big.txt"), bytes.Repeat([]byte("क "), 200_000))
	_, rejs, _ := openAll(t, []string{p}, Options{MaxArticleBytes: 100_000})
	if len(rejs) != 1 || rejs[0].Code != CodeTooLarge || rejs[0].ID != "big.txt" {
		t.Errorf("got %v", rejs)
	}
}

// sharedData returns ../shared/data relative to the module root, or skips.
func sharedData(t *testing.T) string { return shareddata.Dir(t) }

// TestRealNewsFolder reads the real newspaper files as a folder of .txt articles.
func TestRealNewsFolder(t *testing.T) {
	root := filepath.Join(sharedData(t), "news", "covid2020")
	arts, rejs, r := openAll(t, []string{root}, Options{})
	files := 0
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files++
		}
		return nil
	})
	if len(arts)+len(rejs) != files || files == 0 {
		t.Fatalf("got %d articles + %d rejects, want %d files", len(arts), len(rejs), files)
	}
	if len(rejs) > files/50 {
		t.Errorf("got %d rejects of %d real Hindi files: %v", len(rejs), files, rejs[:min(len(rejs), 5)])
	}
	papers := map[string]int{}
	for _, a := range arts {
		papers[a.Source]++
		if strings.Contains(a.ID, "\\") || strings.HasPrefix(a.ID, "/") {
			t.Fatalf("id %q is not a relative slash path", a.ID)
		}
	}
	if len(papers) != 5 {
		t.Errorf("got sources %v, want the 5 papers (top folders)", papers)
	}
	t.Logf("%d articles from %d papers, %d rejects, %d bytes", len(arts), len(papers), len(rejs), r.BytesRead())
}

// TestRealCSVEquivalence parses the real headline files with the bounded parser and with
// encoding/csv and compares every record.
func TestRealCSVEquivalence(t *testing.T) {
	data := sharedData(t)
	for _, tc := range []struct {
		path  string
		delim byte
	}{
		{"headlines/l3cube/Hindi_SHC_Valid.csv", ','},
		{"headlines/bbc/BBC_train_data.tsv", '\t'},
	} {
		b, err := os.ReadFile(filepath.Join(data, tc.path))
		if err != nil {
			t.Fatal(err)
		}
		cr := csv.NewReader(bytes.NewReader(b))
		cr.Comma = rune(tc.delim)
		cr.FieldsPerRecord = -1
		cfg, _ := newConfig(Options{})
		format := FormatCSV
		if tc.delim == '\t' {
			format = FormatTSV
		}
		src := newCSVSource(&input{format: format}, cfg, &stream{r: bytes.NewReader(b)}, &InputStats{})
		n := 0
		for ; ; n++ {
			want, werr := cr.Read()
			rec, gerr := src.readRecord()
			if werr == io.EOF && gerr == io.EOF {
				break
			}
			if werr != nil {
				if rec.problem == "" {
					t.Fatalf("%s record %d: encoding/csv: %v; got no problem", tc.path, n, werr)
				}
				t.Logf("%s record %d: both report a problem: %v / %s", tc.path, n, werr, rec.problem)
				break
			}
			got := make([]string, len(src.ends))
			for i := range got {
				got[i] = string(src.field(i))
			}
			if strings.Join(got, "\x1f") != strings.Join(want, "\x1f") {
				t.Fatalf("%s record %d: got %q, want %q", tc.path, n, got, want)
			}
		}
		if n < 1000 {
			t.Errorf("%s: compared only %d records", tc.path, n)
		}
	}
}

// FuzzColumnar: bytes that are not valid Parquet or Arrow never panic the reader.
func FuzzColumnar(f *testing.F) {
	rec := arrowRecord(f, 3)
	defer rec.Release()
	var sb bytes.Buffer
	w := ipc.NewWriter(&sb, ipc.WithSchema(rec.Schema()))
	w.Write(rec)
	w.Close()
	f.Add(sb.Bytes(), false)
	var pb bytes.Buffer
	pw := parquet.NewGenericWriter[pqRow](&pb)
	pw.Write([]pqRow{{GUID: "x", Body: hindi, Published: time.Unix(0, 0)}})
	pw.Close()
	f.Add(pb.Bytes(), true)
	// Seeds for the Parquet guard: compressed pages, a dictionary, an optional column.
	for _, codec := range []parquet.WriterOption{parquet.Compression(&parquet.Snappy), parquet.Compression(&parquet.Zstd)} {
		f.Add(pqFixture(f, 3, codec), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, isParquet bool) {
		name := "f.arrow"
		if isParquet {
			name = "f.parquet"
		}
		arts, rejs, stats := readString(t, name, string(data), Options{})
		checkItems(t, arts, rejs, stats, stats[0].Rows)
	})
}
