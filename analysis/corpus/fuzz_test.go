package corpus

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func jsonSeeds(f *testing.F) {
	for _, s := range []string{
		jsonLine(1, nil),
		`{"id":"a","text":"क\u0916\ud83d\ude00\ud800x\\\"\/\b\f\n\r\t","title":null,"url":["x",{"y":[1,-2.5e+3,true,false,null]}]}`,
		`{"id":1e5,"text":"a\xffb\xe0\xa4","text":"second wins"}`,
		`[{"id":"x"}]`, `"s"`, `-0.1E-2`, `{"id":"x",}`, `{"a":01}`, `{"a":"\u12"}`, "{\"a\":\"\x01\"}",
		`{"te\u0078t":"escaped key"}`, " \t{ } ", `{"id":"x"} {}`, "[[[[[[[[[[", `{"a":[1,]}`,
	} {
		f.Add([]byte(s))
	}
}

// FuzzJSONEquivalence checks the hand-written decoder against encoding/json: the same lines
// are valid, the same are objects, and the wanted members decode to the same values.
func FuzzJSONEquivalence(f *testing.F) {
	jsonSeeds(f)
	cfg, _ := newConfig(Options{})
	f.Fuzz(func(t *testing.T, line []byte) {
		dec := jsonDecoder{keys: cfg.colIndex}
		var rec record
		err := dec.decode(line, &rec)
		var notObj *notObjectError
		isNotObj := errors.As(err, &notObj)
		valid := json.Valid(line)
		if valid != (err == nil || isNotObj) {
			t.Fatalf("json.Valid = %v, decode error = %v", valid, err)
		}
		if !valid {
			var je *jsonError
			if !errors.As(err, &je) || je.off < 0 || je.off > len(line) {
				t.Fatalf("got error %v, want a jsonError with an offset in the line", err)
			}
			return
		}
		var m map[string]json.RawMessage
		objErr := json.Unmarshal(line, &m)
		trimmed := bytes.TrimLeft(line, " \t\r\n")
		if isObj := objErr == nil && trimmed[0] == '{'; isObj != (err == nil) {
			t.Fatalf("object: encoding/json %v (%v), decoder error %v", isObj, objErr, err)
		}
		if err != nil {
			return
		}
		for fi, name := range fieldNames {
			got := rec.v[fi]
			raw, ok := m[name]
			if !ok || string(raw) == "null" {
				if got.kind != absent {
					t.Fatalf("field %s: got %+v, want absent", name, got)
				}
				continue
			}
			switch raw[0] {
			case '"':
				var want string
				if err := json.Unmarshal(raw, &want); err != nil {
					t.Fatal(err)
				}
				if got.kind != kString || replaceInvalid(got.s) != want {
					t.Fatalf("field %s: got %q, want %q", name, got.s, want)
				}
			case '{', '[':
				if got.kind != kOther {
					t.Fatalf("field %s: got %+v, want other", name, got)
				}
			case 't', 'f':
				if got.kind != kBool {
					t.Fatalf("field %s: got %+v, want bool", name, got)
				}
			default:
				if got.kind != kNumber || got.s != string(raw) {
					t.Fatalf("field %s: got %+v, want number %s", name, got, raw)
				}
			}
		}
	})
}

// checkItems checks the invariants every reader keeps on any input.
func checkItems(t *testing.T, arts []*Article, rejs []*Reject, stats []InputStats, maxLine int64) {
	t.Helper()
	for _, r := range rejs {
		if !utf8.ValidString(r.Excerpt) || len(r.Excerpt) > MaxExcerptBytes {
			t.Fatalf("bad excerpt %q", r.Excerpt)
		}
		if r.Line < 0 || r.Line > maxLine+1 || r.Reason == "" || r.Code == "" {
			t.Fatalf("bad reject %+v (max line %d)", r, maxLine)
		}
	}
	seen := map[string]bool{}
	for _, a := range arts {
		if a.ID == "" || strings.TrimSpace(a.Text) == "" || a.Line < 1 || a.Line > maxLine {
			t.Fatalf("bad article %+v", a)
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.ID) || !utf8.ValidString(a.Title) {
			t.Fatalf("article with invalid UTF-8: %+v", a)
		}
		if seen[a.ID] {
			t.Fatalf("duplicate id %q kept", a.ID)
		}
		seen[a.ID] = true
	}
	var kept, rejected int64
	for _, s := range stats {
		kept += s.Kept
		rejected += s.Rejected
	}
	if kept != int64(len(arts)) || rejected != int64(len(rejs)) {
		t.Fatalf("stats %+v disagree with %d articles and %d rejects", stats, len(arts), len(rejs))
	}
}

// FuzzJSONL: any input is read to the end without panic; every non-blank line is exactly one
// article or reject.
func FuzzJSONL(f *testing.F) {
	jsonSeeds(f)
	f.Add([]byte(jsonLine(1, nil) + "\n\n" + jsonLine(1, nil) + "\r\n" + `{"id":"x","text":"` + hindi + "\"}\n\x00\x01\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, rejs, stats := readString(t, "f.jsonl", string(data), Options{MaxArticleBytes: 512})
		lines := bytes.Split(data, []byte{'\n'})
		if len(lines) > 0 && len(lines[len(lines)-1]) == 0 {
			lines = lines[:len(lines)-1]
		}
		nonBlank := int64(0)
		for i, l := range lines {
			if i == 0 {
				l = bytes.TrimPrefix(l, []byte("\xef\xbb\xbf"))
			}
			if len(bytes.TrimLeft(l, " \t\r\n")) > 0 {
				nonBlank++
			}
		}
		if stats[0].Rows != nonBlank || int64(len(arts)+len(rejs)) != nonBlank {
			t.Fatalf("%d non-blank lines, got %d rows, %d articles, %d rejects", nonBlank, stats[0].Rows, len(arts), len(rejs))
		}
		checkItems(t, arts, rejs, stats, int64(len(lines)))
	})
}

func csvSeeds(f *testing.F) {
	a := sampleArticle(2)
	for _, s := range []string{
		"id,text\n" + a.ID + "," + a.Text + "\n",
		"id,text,title\r\n1,\"" + hindi + "\r\n\"\"x\"\"\",t\r\n\r\n2,a\"b,c\n3,\"x\"y,z\n4,\"open\n",
		"\"a\nb\",c\n\"\"\n,,\n\"x\"\"\"\r",
		"id\ttext\nx\t" + hindi + "\ty\n",
		"a,b\n\"\",\"\"\"\",\"\r\r\n\"\n",
	} {
		f.Add([]byte(s))
	}
}

// FuzzCSV: any input is read to the end without panic, with the reader invariants.
func FuzzCSV(f *testing.F) {
	csvSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.csv", "f.tsv"} {
			arts, rejs, stats := readString(t, name, string(data), Options{MaxArticleBytes: 256})
			lines := int64(bytes.Count(data, []byte{'\n'}) + 1)
			if stats[0].Kept+stats[0].Rejected > stats[0].Rows+1 {
				t.Fatalf("stats %+v: more items than rows", stats[0])
			}
			checkItems(t, arts, rejs, stats, lines)
		}
	})
}

// FuzzCSVEquivalence checks the bounded CSV parser against encoding/csv: the same records up
// to encoding/csv's first error, and an error at the same record.
func FuzzCSVEquivalence(f *testing.F) {
	csvSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
			return // the reader drops a byte order mark; encoding/csv keeps it
		}
		cr := csv.NewReader(bytes.NewReader(data))
		cr.FieldsPerRecord = -1
		cfg, _ := newConfig(Options{})
		src := newCSVSource(&input{format: FormatCSV}, cfg, &stream{r: bytes.NewReader(data)}, &InputStats{})
		for k := 0; ; k++ {
			want, werr := cr.Read()
			rec, gerr := src.readRecord()
			if werr == io.EOF {
				if gerr != io.EOF {
					t.Fatalf("record %d: encoding/csv ended, got %+v %v", k, rec, gerr)
				}
				return
			}
			if werr != nil {
				if gerr != nil || rec.problem == "" {
					t.Fatalf("record %d: encoding/csv error %v, got %+v %v", k, werr, rec, gerr)
				}
				return
			}
			if gerr != nil || rec.problem != "" || rec.long {
				t.Fatalf("record %d: want %q, got %+v %v", k, want, rec, gerr)
			}
			got := make([]string, len(src.ends))
			for i := range got {
				got[i] = string(src.field(i))
			}
			if strings.Join(got, "\x1f") != strings.Join(want, "\x1f") || len(got) != len(want) {
				t.Fatalf("record %d: got %q, want %q", k, got, want)
			}
			if line, _ := cr.FieldPos(0); int64(line) != rec.line {
				t.Fatalf("record %d: got line %d, want %d", k, rec.line, line)
			}
		}
	})
}

// FuzzGzip: a gzip stream cut anywhere gives the articles before the cut, in order, and one
// reject naming the truncation.
func FuzzGzip(f *testing.F) {
	var b strings.Builder
	for i := range 30 {
		b.WriteString(jsonLine(i, nil) + "\n")
	}
	full := gzipBytes(f, []byte(b.String()))
	f.Add(uint16(len(full) / 2))
	f.Add(uint16(5))
	f.Add(uint16(len(full) - 3))
	f.Fuzz(func(t *testing.T, cut uint16) {
		n := int(cut) % (len(full) + 1)
		arts, rejs, stats := readString(t, "g.jsonl.gz", string(full[:n]), Options{})
		for i, a := range arts {
			if a.ID != sampleArticle(i).ID {
				t.Fatalf("article %d: got %s", i, a.ID)
			}
		}
		checkItems(t, arts, rejs, stats, 31)
		if n == len(full) {
			if len(arts) != 30 || len(rejs) != 0 {
				t.Fatalf("whole stream: got %d articles, %v", len(arts), rejs)
			}
			return
		}
		if len(rejs) != 1 || rejs[0].Code != CodeTruncated {
			t.Fatalf("cut at %d of %d: got %d articles, rejects %v", n, len(full), len(arts), rejs)
		}
	})
}

// naiveScan is the plain definition that scanText computes quickly.
func naiveScan(s string) textStats {
	var st textStats
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			st.invalid++
			st.nonSpace = true
			continue
		}
		st.chars++
		switch {
		case r == 0:
			st.nul++
		case unicode.IsLetter(r):
			st.letters++
			if r >= 0x900 && r <= 0x97f {
				st.deva++
			}
		case unicode.IsSpace(r):
			continue
		case unicode.IsControl(r):
			st.control++
		}
		st.nonSpace = true
	}
	return st
}

// FuzzScanText checks the fast text scan against its plain definition.
func FuzzScanText(f *testing.F) {
	for _, s := range sampleSentences {
		f.Add(s)
	}
	f.Add("a\x00b\x01\u0085\u00a0 \xe0\xa4\xe0\xa4\x95\xe0\xa5\xbf\xe0\xa6\x95ab")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := scanText(s), naiveScan(s); got != want {
			t.Fatalf("scanText(%q) = %+v, want %+v", s, got, want)
		}
	})
}
