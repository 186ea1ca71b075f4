package corpus

import (
	"strings"
	"testing"
)

// TestArticleCharStats: the reader reports each text's characters and Devanagari share of
// letters (vowel signs are marks, not letters, as in the not-Hindi check).
func TestArticleCharStats(t *testing.T) {
	in := `{"id":"a","text":"भारत Indi"}` + "\n" + `{"id":"b","text":"खतरा १२ ।"}` + "\n"
	rd, err := OpenReader("t.jsonl", strings.NewReader(in), Options{MinDevanagari: -1})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		chars int
		share float64
	}{{9, 3.0 / 7}, {9, 1}}
	for i, w := range want {
		it, err := rd.Next()
		if err != nil || it.Article == nil {
			t.Fatalf("row %d: %v %+v", i, err, it.Reject)
		}
		if a := it.Article; a.Chars != w.chars || a.DevanagariShare != w.share {
			t.Errorf("row %d: chars %d share %v, want %d %v", i, a.Chars, a.DevanagariShare, w.chars, w.share)
		}
	}
}
