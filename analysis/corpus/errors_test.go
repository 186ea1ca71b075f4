package corpus

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
)

var errDisk = errors.New("disk on fire")

// failingReader yields data, then fails with errDisk.
type failingReader struct{ r io.Reader }

func (f *failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, errDisk
	}
	return n, err
}

// TestIOErrorEndsReading: a failure of the machine (not bad data) is returned by Next, after
// the rows read before it, and stays.
func TestIOErrorEndsReading(t *testing.T) {
	data := jsonLine(1, nil) + "\n" + jsonLine(2, nil) + "\n"
	for name, in := range map[string][]byte{"x.jsonl": []byte(data), "x.jsonl.gz": gzipBytes(t, []byte(data))[:40]} {
		r, err := OpenReader(name, &failingReader{bytes.NewReader(in)}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var last error
		n := 0
		for {
			it, err := r.Next()
			if err != nil {
				last = err
				break
			}
			if it.Article != nil {
				n++
			}
		}
		if !errors.Is(last, errDisk) {
			t.Errorf("%s: got error %v after %d articles, want the I/O error", name, last, n)
		}
		if _, err := r.Next(); !errors.Is(err, errDisk) {
			t.Errorf("%s: error not sticky: %v", name, err)
		}
		if name == "x.jsonl" && n != 2 {
			t.Errorf("%s: got %d articles before the error, want 2", name, n)
		}
	}
}

func TestRejectError(t *testing.T) {
	tests := []struct {
		r    Reject
		want string
	}{
		{Reject{Input: "a.jsonl", Line: 3, Reason: "empty text"}, "a.jsonl:3: empty text"},
		{Reject{Input: "b.parquet", Reason: "not a readable parquet file"}, "b.parquet: not a readable parquet file"},
	}
	for _, tt := range tests {
		if got := tt.r.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestClose(t *testing.T) {
	r, err := OpenReader("c.jsonl", strings.NewReader(jsonLine(1, nil)+"\n"+jsonLine(2, nil)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if it, err := r.Next(); err != nil || it.Article == nil {
		t.Fatalf("got %+v, %v", it, err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); err == nil || err == io.EOF {
		t.Errorf("Next after Close: got %v, want an error", err)
	}
}

// BenchmarkCSV measures the CSV reader on project-written rows with quoted multi-line fields.
func BenchmarkCSV(b *testing.B) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"id", "title", "text", "published_at"})
	for i := 0; buf.Len() < 8<<20; i++ {
		a := sampleArticle(i)
		w.Write([]string{a.ID, a.Title, a.Text + "\n\"उद्धरण\", अगला अनुच्छेद", "2026-11-26"})
		w.Flush()
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r, _ := OpenReader("bench.csv", bytes.NewReader(data), Options{})
		arts, rejs := readAll(b, r)
		if len(arts) == 0 || len(rejs) != 0 {
			b.Fatalf("got %d articles, %d rejects", len(arts), len(rejs))
		}
	}
}
