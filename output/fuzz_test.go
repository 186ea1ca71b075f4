package output

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
)

// FuzzRejectRoundTrip writes arbitrary strings (the raw bytes of broken input rows) as a
// reject and reads them back: the writer must never fail or panic, and must store valid
// UTF-8 that equals the repaired input, with the excerpt cut to at most MaxExcerptBytes.
func FuzzRejectRoundTrip(f *testing.F) {
	f.Add("in.jsonl", "x1", "malformed JSON", "{\"id\": \"x1\", \"text\": ")
	f.Add("-", "", "invalid UTF-8", "ab\xff\xfe\xc3")
	f.Add("a.csv", "क़", "wrong field count", string(bytes.Repeat([]byte("युद्ध"), 30)))
	f.Add("", "", "", "\x00\x01binary")
	f.Fuzz(func(t *testing.T, input, id, reason, exc string) {
		var buf bytes.Buffer
		codec, err := newZstdCodec()
		if err != nil {
			t.Fatal(err)
		}
		pf := newParquetFile(&buf, rejectsReport(), 128, map[string]string{MetaVersion: "fuzz"}, codec)
		rows := []Reject{{Input: input, Line: 7, ID: id, Code: "malformed", Reason: reason, Excerpt: exc}}
		if err := pf.add(&rowSource{n: 1, emit: func(s sink, i int) { emitReject(s, &rows[i]) }}, 0); err != nil {
			t.Fatal(err)
		}
		if err := pf.close(); err != nil {
			t.Fatal(err)
		}
		file, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		got := make([]parquet.Row, 2)
		rd := parquet.NewReader(file)
		n, _ := rd.ReadRows(got)
		if n != 1 {
			t.Fatalf("read %d rows, want 1", n)
		}
		vals := map[int]string{}
		for _, v := range got[0] {
			if !v.IsNull() && v.Kind() == parquet.ByteArray {
				vals[v.Column()] = string(v.ByteArray())
			}
		}
		for col, s := range vals {
			if !utf8.ValidString(s) {
				t.Errorf("column %d holds invalid UTF-8 %q", col, s)
			}
		}
		if vals[0] != validUTF8(input) || vals[4] != validUTF8(reason) {
			t.Errorf("input/reason = %q/%q, want %q/%q", vals[0], vals[4], validUTF8(input), validUTF8(reason))
		}
		if e := vals[5]; len(e) > MaxExcerptBytes || e != excerpt(exc) {
			t.Errorf("excerpt = %q (%d bytes), want %q", e, len(e), excerpt(exc))
		}
		if _, isNull := vals[2]; isNull == (id == "") {
			t.Errorf("id %q: present in file = %v", id, isNull)
		}
	})
}
