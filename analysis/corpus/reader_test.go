package corpus

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// readAll reads everything from r.
func readAll(t testing.TB, r *Reader) (arts []*Article, rejs []*Reject) {
	t.Helper()
	for it, err := range r.All() {
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		if (it.Article == nil) == (it.Reject == nil) {
			t.Fatalf("item with both or neither of article and reject: %+v", it)
		}
		if it.Article != nil {
			arts = append(arts, it.Article)
		} else {
			rejs = append(rejs, it.Reject)
		}
	}
	if err := r.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return arts, rejs
}

func readString(t testing.TB, name, data string, opts Options) ([]*Article, []*Reject, []InputStats) {
	t.Helper()
	r, err := OpenReader(name, strings.NewReader(data), opts)
	if err != nil {
		t.Fatalf("OpenReader(%s): %v", name, err)
	}
	a, rj := readAll(t, r)
	return a, rj, r.Stats()
}

// jsonLine returns a JSONL line of a good article with some fields overridden (nil deletes).
func jsonLine(i int, override map[string]any) string {
	a := sampleArticle(i)
	m := map[string]any{"id": a.ID, "title": a.Title, "text": a.Text, "source": a.Source,
		"published_at": "2026-11-26T09:30:00+05:30", "url": fmt.Sprintf("https://example.org/%d", i)}
	for k, v := range override {
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return string(b)
}

var hindi = sampleSentences[0]

func TestRejectReasons(t *testing.T) {
	tests := []struct {
		name     string
		line     string
		opts     Options
		code     string
		contains string
	}{
		{"malformed json", `{"id": "x", "text": "` + hindi + `"`, Options{}, CodeMalformed, "unexpected end of JSON input at column"},
		{"malformed json char", `{"id": "x" "text": 1}`, Options{}, CodeMalformed, "invalid character '\"' after object key:value pair at column 12"},
		{"array", `[1, 2, 3]`, Options{}, CodeNotObject, "json value is an array, not an object"},
		{"string", `"just text"`, Options{}, CodeNotObject, "a string"},
		{"number", `42`, Options{}, CodeNotObject, "a number"},
		{"binary junk", "\x00\x01\x02PK\x03\x04\x00\x00", Options{}, CodeBinary, "NUL"},
		{"control chars in text", jsonLine(1, map[string]any{"text": "\x01\x02\x03\x04\x05\x06\x07\x08 क ख"}), Options{}, CodeBinary, "control characters"},
		{"escaped NUL in text", jsonLine(1, map[string]any{"text": hindi + "\x00"}), Options{}, CodeBinary, "NUL"},
		{"no id", jsonLine(1, map[string]any{"id": nil}), Options{}, CodeMissingID, `missing id (field "id")`},
		{"blank id", jsonLine(1, map[string]any{"id": "  "}), Options{}, CodeMissingID, "missing id"},
		{"no text", jsonLine(1, map[string]any{"text": nil}), Options{}, CodeMissingText, `missing text (field "text")`},
		{"null text", jsonLine(1, map[string]any{"text": nil, "x": 1})[:0] + `{"id":"a","text":null}`, Options{}, CodeMissingText, "missing text"},
		{"mapped text missing", jsonLine(1, nil), Options{Fields: map[string]string{"text": "body"}}, CodeMissingText, `field "text" (column "body")`},
		{"empty text", jsonLine(1, map[string]any{"text": ""}), Options{}, CodeEmptyText, "empty text"},
		{"white space text", jsonLine(1, map[string]any{"text": " \n\t "}), Options{}, CodeEmptyText, "empty text"},
		{"text as array", jsonLine(1, map[string]any{"text": []string{hindi}}), Options{}, CodeFieldType, `field "text": want a string, got an array`},
		{"title as number", jsonLine(1, map[string]any{"title": 12}), Options{}, CodeFieldType, `field "title": want a string, got number 12`},
		{"id as bool", jsonLine(1, map[string]any{"id": true}), Options{}, CodeFieldType, `field "id": want a string, got a boolean`},
		{"too large", jsonLine(1, map[string]any{"text": strings.Repeat("क", 400)}), Options{MaxArticleBytes: 1000}, CodeTooLarge, "over the limit of 1000"},
		{"not hindi", jsonLine(1, map[string]any{"text": "The cabinet met today to discuss the budget for next year."}), Options{}, CodeNotHindi, "0% of 47 letters are Devanagari (minimum 50%)"},
		{"no letters", jsonLine(1, map[string]any{"text": "१२३ 456 — ।"}), Options{}, CodeNotHindi, `field "text" is not Hindi: it has no letters`},
		{"not hindi, check off", jsonLine(1, map[string]any{"text": "English", "id": nil}), Options{MinDevanagari: -1}, CodeMissingID, "missing id"},
		{"mostly invalid utf8", `{"id":"u","text":"` + strings.Repeat("\xff\xfe", 20) + `क"}`, Options{}, CodeInvalidUTF8, "40 of 43 bytes invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, rejs, _ := readString(t, "in.jsonl", "\n"+tt.line+"\n", tt.opts)
			if len(arts) != 0 || len(rejs) != 1 {
				t.Fatalf("got %d articles and %d rejects, want 0 and 1 (%+v)", len(arts), len(rejs), rejs)
			}
			r := rejs[0]
			if r.Code != tt.code || !strings.Contains(r.Reason, tt.contains) {
				t.Errorf("got code %q reason %q, want code %q reason containing %q", r.Code, r.Reason, tt.code, tt.contains)
			}
			if r.Input != "in.jsonl" || r.Line != 2 {
				t.Errorf("got position %s:%d, want in.jsonl:2", r.Input, r.Line)
			}
			if !utf8.ValidString(r.Excerpt) || len(r.Excerpt) > MaxExcerptBytes {
				t.Errorf("excerpt not valid or too long: %q", r.Excerpt)
			}
		})
	}
}

func TestDuplicateID(t *testing.T) {
	in := jsonLine(1, nil) + "\n" + jsonLine(2, nil) + "\n" + jsonLine(1, map[string]any{"title": "दूसरा"}) + "\n"
	arts, rejs, _ := readString(t, "d.jsonl", in, Options{})
	if len(arts) != 2 || len(rejs) != 1 {
		t.Fatalf("got %d articles, %d rejects; want 2, 1", len(arts), len(rejs))
	}
	if got, want := rejs[0].Reason, `duplicate id "art-0001", first seen at d.jsonl:1`; got != want {
		t.Errorf("got reason %q, want %q", got, want)
	}
	if rejs[0].ID != "art-0001" || rejs[0].Line != 3 || rejs[0].Code != CodeDuplicateID {
		t.Errorf("got %+v", rejs[0])
	}
	// A rejected row does not claim its id: a later good row with that id is kept.
	in = jsonLine(5, map[string]any{"text": ""}) + "\n" + jsonLine(5, nil) + "\n"
	arts, rejs, _ = readString(t, "d.jsonl", in, Options{})
	if len(arts) != 1 || len(rejs) != 1 || arts[0].Line != 2 {
		t.Errorf("got %d articles, %d rejects; want the second line kept", len(arts), len(rejs))
	}
}

func TestRepairs(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"r1","text":"` + hindi + "\xff" + `","published_at":"yesterday"}`,
		`{"id":"r2","text":"` + hindi + `","source":""}`,
		"\xef\xbb\xbf" + `{"id":"r3","text":"` + hindi + `","title":"a\u00e9\ud800b"}`,
	}, "\n")
	// The BOM is only skipped at the start of the input; put r3 first.
	lines := strings.Split(in, "\n")
	in = lines[2] + "\n" + lines[0] + "\r\n" + lines[1]
	arts, rejs, _ := readString(t, "rep.jsonl", in, Options{})
	if len(rejs) != 0 || len(arts) != 3 {
		t.Fatalf("got %d articles, %d rejects (%v); want 3, 0", len(arts), len(rejs), rejs)
	}
	byID := map[string]*Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	if a := byID["r3"]; a.Title != "aé\uFFFDb" || a.Line != 1 {
		t.Errorf("r3: got title %q line %d", a.Title, a.Line)
	}
	a := byID["r1"]
	if !strings.HasSuffix(a.Text, "\uFFFD") || !slices.Contains(a.Flags, FlagInvalidUTF8) ||
		!slices.Contains(a.Flags, FlagBadPublishedAt) || !a.PublishedAt.IsZero() {
		t.Errorf("r1: got text end %q flags %v time %v", a.Text[len(a.Text)-6:], a.Flags, a.PublishedAt)
	}
	if a := byID["r2"]; a.Source != "rep" || !slices.Contains(a.Flags, FlagSourceFromName) || a.Line != 3 {
		t.Errorf("r2: got source %q flags %v line %d, want source from the input name", a.Source, a.Flags, a.Line)
	}
}

func TestPublishedAt(t *testing.T) {
	ist := time.FixedZone("", 5*3600+1800)
	tests := []struct {
		in   string // JSON value
		want time.Time
		ok   bool
	}{
		{`"2026-11-26T09:30:00+05:30"`, time.Date(2026, 11, 26, 9, 30, 0, 0, ist), true},
		{`"2026-11-26T04:00:00Z"`, time.Date(2026, 11, 26, 4, 0, 0, 0, time.UTC), true},
		{`"2026-11-26T04:00:00.250Z"`, time.Date(2026, 11, 26, 4, 0, 0, 250e6, time.UTC), true},
		{`"2026-11-26T04:00:00"`, time.Date(2026, 11, 26, 4, 0, 0, 0, time.UTC), true},
		{`"2026-11-26 04:00:00"`, time.Date(2026, 11, 26, 4, 0, 0, 0, time.UTC), true},
		{`"2026-11-26"`, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), true},
		{`1795651200`, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), true},
		{`1795651200.5`, time.Date(2026, 11, 26, 0, 0, 0, 5e8, time.UTC), true},
		{`"1795651200"`, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), true},
		{`null`, time.Time{}, true},
		{`""`, time.Time{}, true},
		{`"26/11/2026"`, time.Time{}, false},
		{`"2026"`, time.Time{}, false},
		{`1e300`, time.Time{}, false},
		{`"0001-01-01"`, time.Time{}, false},
	}
	for _, tt := range tests {
		line := `{"id":"t","text":"` + hindi + `","published_at":` + tt.in + "}"
		arts, rejs, _ := readString(t, "t.jsonl", line, Options{})
		if len(arts) != 1 {
			t.Errorf("%s: got rejects %v", tt.in, rejs)
			continue
		}
		a := arts[0]
		if !a.PublishedAt.Equal(tt.want) || (tt.ok && !tt.want.IsZero() && a.PublishedAt.String() != tt.want.String()) {
			t.Errorf("%s: got %v, want %v", tt.in, a.PublishedAt, tt.want)
		}
		if got := !slices.Contains(a.Flags, FlagBadPublishedAt); got != tt.ok {
			t.Errorf("%s: got ok %v (flags %v), want %v", tt.in, got, a.Flags, tt.ok)
		}
	}
}

// TestMixedJSONL: 40 good articles among broken lines; every good one is kept, every broken
// line is a reject at its line.
func TestMixedJSONL(t *testing.T) {
	var b strings.Builder
	wantRejectLines := map[int64]string{}
	line := int64(0)
	add := func(s, code string) {
		line++
		b.WriteString(s + "\n")
		if code != "" {
			wantRejectLines[line] = code
		}
	}
	broken := []struct{ s, code string }{
		{`{"id": "b1", "text": `, CodeMalformed},
		{`["not", "an", "object"]`, CodeNotObject},
		{"\x00\x00\x00\x01binary", CodeBinary},
		{jsonLine(900, map[string]any{"id": nil}), CodeMissingID},
		{jsonLine(901, map[string]any{"text": "   "}), CodeEmptyText},
		{jsonLine(902, map[string]any{"text": "Only English words in this one."}), CodeNotHindi},
		{jsonLine(3, nil), CodeDuplicateID},
		{`{"id":"b8","text":"` + strings.Repeat("\xff", 30) + `"}`, CodeInvalidUTF8},
		{jsonLine(903, map[string]any{"text": strings.Repeat("क", 3000)}), CodeTooLarge},
	}
	for i := range 40 {
		add(jsonLine(i, nil), "")
		if i%4 == 3 {
			br := broken[(i/4)%len(broken)]
			add(br.s, br.code)
			add("", "") // blank lines are skipped
		}
	}
	arts, rejs, stats := readString(t, "mixed.jsonl", b.String(), Options{MaxArticleBytes: 4096})
	if len(arts) != 40 {
		t.Errorf("got %d articles, want 40", len(arts))
	}
	for i, a := range arts {
		if want := sampleArticle(i).ID; a.ID != want {
			t.Errorf("article %d: got id %s, want %s (input order)", i, a.ID, want)
		}
	}
	if len(rejs) != len(wantRejectLines) {
		t.Errorf("got %d rejects, want %d", len(rejs), len(wantRejectLines))
	}
	for _, r := range rejs {
		if want, ok := wantRejectLines[r.Line]; !ok || r.Code != want {
			t.Errorf("reject at line %d: got code %s (%s), want %q", r.Line, r.Code, r.Reason, want)
		}
	}
	if s := stats[0]; s.Rows != 50 || s.Kept != 40 || s.Rejected != 10 {
		t.Errorf("got stats %+v, want 50 rows, 40 kept, 10 rejected", s)
	}
}

// TestHugeLine: a 50 MB line is rejected without being held in memory, and reading goes on.
func TestHugeLine(t *testing.T) {
	const huge = 50 << 20
	head := `{"id":"big","text":"`
	r := io.MultiReader(
		strings.NewReader(jsonLine(1, nil)+"\n"+head),
		&repeatReader{b: []byte("क"), n: huge},
		strings.NewReader("\"}\n"+jsonLine(2, nil)+"\n"),
	)
	rd, err := OpenReader("huge.jsonl", r, Options{MaxArticleBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	arts, rejs := readAll(t, rd)
	runtime.ReadMemStats(&after)
	if len(arts) != 2 || len(rejs) != 1 || rejs[0].Code != CodeTooLarge || rejs[0].Line != 2 {
		t.Fatalf("got %d articles, rejects %+v; want 2 articles and a too-large reject at line 2", len(arts), rejs)
	}
	if !strings.HasPrefix(rejs[0].Excerpt, head) {
		t.Errorf("got excerpt %q, want the start of the line", rejs[0].Excerpt)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	if alloc > 8<<20 {
		t.Errorf("reading a 50 MB line allocated %d bytes, want under 8 MiB", alloc)
	}
	t.Logf("reading a 50 MB line with a 1 MiB limit allocated %d bytes", alloc)
}

// repeatReader yields n bytes of b repeated, without holding them.
type repeatReader struct {
	b   []byte
	n   int
	off int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.n > 0 {
		c := copy(p[k:min(len(p), k+r.n)], r.b[r.off:])
		k += c
		r.n -= c
		r.off = (r.off + c) % len(r.b)
	}
	return k, nil
}

func gzipBytes(t testing.TB, data []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTruncatedGzip(t *testing.T) {
	var b strings.Builder
	for i := range 200 {
		b.WriteString(jsonLine(i, nil) + "\n")
	}
	gz := gzipBytes(t, []byte(b.String()))
	cut := gz[:len(gz)*2/3]
	arts, rejs, stats := readString(t, "cut.jsonl.gz", string(cut), Options{})
	if len(arts) == 0 || len(arts) >= 200 {
		t.Fatalf("got %d articles, want the ones before the cut", len(arts))
	}
	if len(rejs) != 1 || rejs[0].Code != CodeTruncated || !strings.Contains(rejs[0].Reason, "gzip stream truncated after") {
		t.Fatalf("got rejects %+v, want one truncated-gzip reject", rejs)
	}
	if got, want := rejs[0].Line, int64(len(arts)+1); got != want {
		t.Errorf("got reject at line %d, want %d (the line after the last article)", got, want)
	}
	for i, a := range arts {
		if a.ID != sampleArticle(i).ID {
			t.Fatalf("article %d: got %s", i, a.ID)
		}
	}
	if stats[0].Kept != int64(len(arts)) || !stats[0].Gzip {
		t.Errorf("got stats %+v", stats[0])
	}
	// Not gzip at all.
	_, rejs, _ = readString(t, "plain.jsonl.gz", b.String(), Options{})
	if len(rejs) != 1 || rejs[0].Code != CodeTruncated || rejs[0].Line != 0 {
		t.Errorf("got %+v, want one reject for the whole input", rejs)
	}
	// A whole gzip reads every line.
	arts, rejs, _ = readString(t, "ok.jsonl.gz", string(gz), Options{})
	if len(arts) != 200 || len(rejs) != 0 {
		t.Errorf("got %d articles, %d rejects; want 200, 0", len(arts), len(rejs))
	}
}

func TestFieldMapping(t *testing.T) {
	fields, err := ParseFields([]string{"text=body", " id = guid "})
	if err != nil {
		t.Fatal(err)
	}
	line := `{"guid": 17, "body": "` + hindi + `", "text": "ignored", "id": "ignored", "meta": {"x": [1, {"y": null}]}}`
	arts, rejs, _ := readString(t, "m.jsonl", line, Options{Fields: fields})
	if len(arts) != 1 || arts[0].ID != "17" || arts[0].Text != hindi {
		t.Fatalf("got %+v %+v, want id 17 with the body as text", arts, rejs)
	}
	for _, bad := range [][]string{{"text"}, {"body=text"}, {"text="}, {"text=a", "text=b"}} {
		if _, err := ParseFields(bad); !errors.Is(err, ErrUsage) {
			t.Errorf("ParseFields(%q): got %v, want a usage error", bad, err)
		}
	}
	if _, err := OpenReader("x.jsonl", strings.NewReader(""), Options{Fields: map[string]string{"text": "id"}}); !errors.Is(err, ErrUsage) {
		t.Errorf("two fields on one column: got %v, want a usage error", err)
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("क", 100) // 300 bytes
	tests := []struct{ in, want string }{
		{"abc", "abc"},
		{"a\x00b\nc\td", "a b c d"},
		{"x\xffy", "x\uFFFDy"},
		{long, strings.Repeat("क", 66)},
	}
	for _, tt := range tests {
		got := excerptOf([]byte(tt.in))
		if got != tt.want {
			t.Errorf("excerptOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !utf8.ValidString(got) || len(got) > MaxExcerptBytes {
			t.Errorf("excerptOf(%q) = %q: invalid or too long", tt.in, got)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	odd := filepath.Join(dir, "notes.docx")
	os.WriteFile(odd, []byte("x"), 0o644)
	tests := []struct {
		inputs []string
		is     error
	}{
		{[]string{filepath.Join(dir, "missing.jsonl")}, os.ErrNotExist},
		{[]string{odd}, ErrUnknownFormat},
		{[]string{"-", "-"}, ErrUsage},
	}
	for _, tt := range tests {
		_, err := Open(tt.inputs, Options{})
		if !errors.Is(err, tt.is) || !errors.Is(err, ErrUsage) {
			t.Errorf("Open(%v): got %v, want %v and ErrUsage", tt.inputs, err, tt.is)
		}
	}
}
