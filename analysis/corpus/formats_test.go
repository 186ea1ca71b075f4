package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/parquet-go/parquet-go"
)

func writeFile(t testing.TB, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func openAll(t testing.TB, inputs []string, opts Options) ([]*Article, []*Reject, *Reader) {
	t.Helper()
	r, err := Open(inputs, opts)
	if err != nil {
		t.Fatalf("Open(%v): %v", inputs, err)
	}
	arts, rejs := readAll(t, r)
	return arts, rejs, r
}

func TestCSV(t *testing.T) {
	a0, a1 := sampleArticle(0), sampleArticle(1)
	csvText := "\xef\xbb\xbfid,title,text,published_at,extra\r\n" +
		a0.ID + "," + a0.Title + `,"` + strings.ReplaceAll(a0.Text, "।", `। ""उद्धरण""`) + "\r\nदूसरी पंक्ति\",2026-11-25,x\r\n" +
		"\r\n" +
		"short,row\r\n" +
		a1.ID + `,"शीर्षक, अल्पविराम सहित",` + a1.Text + ",2026-11-25 10:00:00,y\r\n" +
		`bad,"unclosed"x,text,,` + "\r\n"
	dir := t.TempDir()
	p := writeFile(t, filepath.Join(dir, "feed.csv"), []byte(csvText))
	arts, rejs, r := openAll(t, []string{p}, Options{})
	if len(arts) != 2 {
		t.Fatalf("got %d articles (%v), want 2", len(arts), rejs)
	}
	if want := strings.ReplaceAll(a0.Text, "।", `। "उद्धरण"`) + "\nदूसरी पंक्ति"; arts[0].Text != want {
		t.Errorf("quoted multi-line field: got %q, want %q", arts[0].Text, want)
	}
	if arts[0].Line != 2 || arts[1].Line != 6 || arts[1].Title != "शीर्षक, अल्पविराम सहित" {
		t.Errorf("got lines %d, %d and title %q", arts[0].Line, arts[1].Line, arts[1].Title)
	}
	if arts[0].Source != "feed" || !arts[1].PublishedAt.Equal(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("got source %q, time %v", arts[0].Source, arts[1].PublishedAt)
	}
	wantRej := []struct {
		line int64
		code string
	}{{5, CodeFieldCount}, {7, CodeMalformed}}
	if len(rejs) != len(wantRej) {
		t.Fatalf("got rejects %v, want %v", rejs, wantRej)
	}
	for i, w := range wantRej {
		if rejs[i].Line != w.line || rejs[i].Code != w.code {
			t.Errorf("reject %d: got %d %s (%s), want %d %s", i, rejs[i].Line, rejs[i].Code, rejs[i].Reason, w.line, w.code)
		}
	}
	if !strings.Contains(rejs[0].Reason, "row has 2 fields, the header has 5") {
		t.Errorf("got reason %q", rejs[0].Reason)
	}
	if s := r.Stats()[0]; s.Rows != 4 || s.Kept != 2 || s.Rejected != 2 || s.Format != FormatCSV {
		t.Errorf("got stats %+v", s)
	}
}

func TestTSVMappingAndMissingColumn(t *testing.T) {
	a := sampleArticle(4)
	tsv := "guid\tbody\tpaper\n" + a.ID + "\t" + a.Text + "\tनगर दैनिक\n"
	dir := t.TempDir()
	p := writeFile(t, filepath.Join(dir, "x.tsv.gz"), gzipBytes(t, []byte(tsv)))
	arts, rejs, _ := openAll(t, []string{p}, Options{Fields: map[string]string{"id": "guid", "text": "body", "source": "paper"}})
	if len(arts) != 1 || len(rejs) != 0 || arts[0].ID != a.ID || arts[0].Source != "नगर दैनिक" {
		t.Fatalf("got %+v %v", arts, rejs)
	}
	// Without the mapping the header lacks id and text: one reject for the whole input.
	arts, rejs, _ = openAll(t, []string{p}, Options{})
	if len(arts) != 0 || len(rejs) != 1 || rejs[0].Code != CodeBadInput ||
		!strings.Contains(rejs[0].Reason, `header has no column "id" for field "id" (columns: guid, body, paper)`) {
		t.Errorf("got %v", rejs)
	}
}

type pqRow struct {
	GUID      string    `parquet:"guid"`
	Body      string    `parquet:"body"`
	Title     *string   `parquet:"title,optional"`
	Published time.Time `parquet:"published_at,timestamp(millisecond)"`
	Views     int64     `parquet:"views"`
	Tags      []string  `parquet:"tags,list"`
}

func TestParquet(t *testing.T) {
	dir := t.TempDir()
	title := "एक शीर्षक"
	var rows []pqRow
	for i := range 300 {
		a := sampleArticle(i)
		r := pqRow{GUID: a.ID, Body: a.Text, Published: time.Date(2026, 11, 20+i%5, 8, 0, 0, 0, time.UTC), Views: int64(i), Tags: []string{"क", "ख"}}
		if i%2 == 0 {
			r.Title = &title
		}
		if i == 7 {
			r.Body = "English only text here."
		}
		rows = append(rows, r)
	}
	p := filepath.Join(dir, "a.parquet")
	if err := parquet.WriteFile(p, rows, parquet.MaxRowsPerRowGroup(128)); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	gz := writeFile(t, filepath.Join(dir, "b.parquet.gz"), gzipBytes(t, data))
	opts := Options{Fields: map[string]string{"id": "guid", "text": "body"}}
	for _, in := range []string{p, gz} {
		arts, rejs, _ := openAll(t, []string{in}, opts)
		if len(arts) != 299 || len(rejs) != 1 || rejs[0].Line != 8 || rejs[0].Code != CodeNotHindi {
			t.Fatalf("%s: got %d articles, rejects %v", in, len(arts), rejs)
		}
		a := arts[10]
		if a.ID != sampleArticle(11).ID || a.Line != 12 || a.Title != "" || a.Source != strings.SplitN(filepath.Base(in), ".", 2)[0] {
			t.Errorf("%s: got %+v", in, a)
		}
		if !arts[0].PublishedAt.Equal(rows[0].Published) || arts[0].Title != title {
			t.Errorf("%s: got time %v title %q", in, arts[0].PublishedAt, arts[0].Title)
		}
	}
	// Missing column; not Parquet at all.
	_, rejs, _ := openAll(t, []string{p}, Options{})
	if len(rejs) != 1 || !strings.Contains(rejs[0].Reason, `parquet file has no column "id"`) {
		t.Errorf("got %v", rejs)
	}
	junk := writeFile(t, filepath.Join(dir, "junk.parquet"), []byte("not a parquet file at all"))
	_, rejs, _ = openAll(t, []string{junk}, opts)
	if len(rejs) != 1 || rejs[0].Code != CodeBadInput || !strings.Contains(rejs[0].Reason, "not a readable parquet file") {
		t.Errorf("got %v", rejs)
	}
}

func arrowRecord(t testing.TB, n int) arrow.Record {
	mem := memory.NewGoAllocator()
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.BinaryTypes.String},
		{Name: "text", Type: arrow.BinaryTypes.LargeString},
		{Name: "published_at", Type: &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}, Nullable: true},
		{Name: "source", Type: arrow.BinaryTypes.String, Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	for i := range n {
		a := sampleArticle(i)
		b.Field(0).(*array.StringBuilder).Append(a.ID)
		b.Field(1).(*array.LargeStringBuilder).Append(a.Text)
		ts := arrow.Timestamp(time.Date(2026, 11, 26, 0, 0, i, 0, time.UTC).UnixMicro())
		b.Field(2).(*array.TimestampBuilder).Append(ts)
		if i%2 == 0 {
			b.Field(3).(*array.StringBuilder).AppendNull()
		} else {
			b.Field(3).(*array.StringBuilder).Append(a.Source)
		}
	}
	return b.NewRecord()
}

func TestArrow(t *testing.T) {
	dir := t.TempDir()
	rec := arrowRecord(t, 50)
	defer rec.Release()
	// IPC file format.
	fp := filepath.Join(dir, "a.arrow")
	f, err := os.Create(fp)
	if err != nil {
		t.Fatal(err)
	}
	fw, err := ipc.NewFileWriter(f, ipc.WithSchema(rec.Schema()))
	if err != nil {
		t.Fatal(err)
	}
	for k := range int64(2) {
		if err := fw.Write(rec.NewSlice(k*25, k*25+25)); err != nil {
			t.Fatal(err)
		}
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// IPC stream format, gzipped.
	var sb bytes.Buffer
	sw := ipc.NewWriter(&sb, ipc.WithSchema(rec.Schema()))
	if err := sw.Write(rec); err != nil {
		t.Fatal(err)
	}
	sw.Close()
	sp := writeFile(t, filepath.Join(dir, "s.feather.gz"), gzipBytes(t, sb.Bytes()))
	fdata, _ := os.ReadFile(fp)
	fgz := writeFile(t, filepath.Join(dir, "f.arrow.gz"), gzipBytes(t, fdata))
	for _, in := range []string{fp, sp, fgz} {
		arts, rejs, _ := openAll(t, []string{in}, Options{})
		if len(arts) != 50 || len(rejs) != 0 {
			t.Fatalf("%s: got %d articles, rejects %v", in, len(arts), rejs)
		}
		a := arts[3]
		if a.ID != sampleArticle(3).ID || a.Line != 4 || a.Source != sampleArticle(3).Source ||
			!a.PublishedAt.Equal(time.Date(2026, 11, 26, 0, 0, 3, 0, time.UTC)) {
			t.Errorf("%s: got %+v", in, a)
		}
		if arts[2].Source != baseSource(in) || !slices.Contains(arts[2].Flags, FlagSourceFromName) {
			t.Errorf("%s: null source: got %q %v", in, arts[2].Source, arts[2].Flags)
		}
	}
	// Truncated stream: rows before the cut are kept.
	var big bytes.Buffer
	sw = ipc.NewWriter(&big, ipc.WithSchema(rec.Schema()))
	for k := range 4 {
		sw.Write(rec.NewSlice(int64(k*10), int64(k*10+10)))
	}
	sw.Close()
	cut := writeFile(t, filepath.Join(dir, "cut.arrow"), big.Bytes()[:big.Len()*3/4])
	arts, rejs, _ := openAll(t, []string{cut}, Options{})
	if len(arts) == 0 || len(arts)%10 != 0 || len(arts) >= 40 || len(rejs) != 1 || rejs[0].Line != int64(len(arts)+1) {
		t.Errorf("truncated: got %d articles, rejects %v", len(arts), rejs)
	}
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "feeds")
	a := sampleArticle(20)
	writeFile(t, filepath.Join(root, "paper1", "2026", "b.txt"), []byte("  \n"+a.Title+"\n\n"+a.Text+"\n"))
	writeFile(t, filepath.Join(root, "paper1", "a.txt"), []byte(sampleArticle(21).Text))
	writeFile(t, filepath.Join(root, "top.txt.gz"), gzipBytes(t, []byte(sampleArticle(22).Text)))
	writeFile(t, filepath.Join(root, "z.jsonl"), []byte(jsonLine(23, nil)+"\n"))
	writeFile(t, filepath.Join(root, ".hidden.jsonl"), []byte(jsonLine(24, nil)+"\n"))
	writeFile(t, filepath.Join(root, ".git", "x.jsonl"), []byte(jsonLine(25, nil)+"\n"))
	writeFile(t, filepath.Join(root, "README.md"), []byte("notes"))
	writeFile(t, filepath.Join(root, "empty.txt"), []byte("\n\n"))
	arts, rejs, r := openAll(t, []string{root}, Options{})
	var got []string
	for _, x := range arts {
		got = append(got, x.ID+"|"+x.Source+"|"+x.Title)
	}
	want := []string{
		"paper1/2026/b.txt|paper1|" + a.Title,
		"paper1/a.txt|paper1|",
		"top.txt.gz|feeds|",
		sampleArticle(23).ID + "|" + sampleArticle(23).Source + "|" + sampleArticle(23).Title,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if arts[0].Text != a.Text+"\n" {
		t.Errorf("txt body: got %q", arts[0].Text)
	}
	if len(rejs) != 1 || rejs[0].Code != CodeEmptyText || rejs[0].ID != "empty.txt" {
		t.Errorf("got rejects %v", rejs)
	}
	if sk := r.Skipped(); len(sk) != 1 || filepath.Base(sk[0]) != "README.md" {
		t.Errorf("got skipped %v", sk)
	}
	if n := len(r.Stats()); n != 5 {
		t.Errorf("got %d inputs, want 5", n)
	}
	if r.BytesRead() == 0 || r.BytesRead() != r.TotalBytes() {
		t.Errorf("got %d bytes read of %d", r.BytesRead(), r.TotalBytes())
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct{ in, title, text string }{
		{"शीर्षक\n\nपाठ", "शीर्षक", "पाठ"},
		{"शीर्षक\r\n\r\nपाठ\r\n", "शीर्षक", "पाठ\r\n"},
		{"\n\nशीर्षक\n \n\nपाठ", "शीर्षक", "पाठ"},
		{"पहली पंक्ति\nदूसरी पंक्ति", "", "पहली पंक्ति\nदूसरी पंक्ति"},
		{"केवल एक पंक्ति", "", "केवल एक पंक्ति"},
		{"शीर्षक\n", "", "शीर्षक\n"},
	}
	for _, tt := range tests {
		title, text := splitTitle([]byte(tt.in))
		if string(title) != tt.title || string(text) != tt.text {
			t.Errorf("splitTitle(%q) = %q, %q; want %q, %q", tt.in, title, text, tt.title, tt.text)
		}
	}
}

// TestArrowCompressed: compressed record batches (pyarrow's Feather v2 default is LZ4) are
// read through the memory guard.
func TestArrowCompressed(t *testing.T) {
	rec := arrowRecord(t, 40)
	defer rec.Release()
	dir := t.TempDir()
	for name, opt := range map[string]ipc.Option{"lz4.feather": ipc.WithLZ4(), "zstd.arrow": ipc.WithZstd()} {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		fw, err := ipc.NewFileWriter(f, ipc.WithSchema(rec.Schema()), opt)
		if err != nil {
			t.Fatal(err)
		}
		if err := fw.Write(rec); err != nil {
			t.Fatal(err)
		}
		if err := fw.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		arts, rejs, _ := openAll(t, []string{p}, Options{})
		if len(arts) != 40 || len(rejs) != 0 || arts[39].Text != sampleArticle(39).Text {
			t.Errorf("%s: got %d articles, rejects %v", name, len(arts), rejs)
		}
	}
}

func TestCheckCompressed(t *testing.T) {
	body := make([]byte, 32)
	body[0] = 0xff
	body[7] = 0x7f // claims about 9e18 bytes
	if err := checkCompressed(body, [][2]int64{{0, 16}}); err == nil {
		t.Error("a huge uncompressed length passed")
	}
	body[7] = 0
	body[0], body[1] = 0x00, 0x10 // 4096 bytes
	if err := checkCompressed(body, [][2]int64{{0, 16}}); err != nil {
		t.Errorf("a small uncompressed length failed: %v", err)
	}
}

// TestTruncatedCSVGzip: rows before the cut are kept; the reject names the line cut.
func TestTruncatedCSVGzip(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,text\n")
	for i := range 300 {
		a := sampleArticle(i)
		b.WriteString(a.ID + ",\"" + a.Text + "\"\n")
	}
	gz := gzipBytes(t, []byte(b.String()))
	for _, cut := range []int{len(gz) / 2, len(gz) - 4} {
		arts, rejs, stats := readString(t, "cut.csv.gz", string(gz[:cut]), Options{})
		if len(arts) == 0 || len(rejs) != 1 || rejs[0].Code != CodeTruncated {
			t.Fatalf("cut %d: got %d articles, rejects %v", cut, len(arts), rejs)
		}
		// Header is line 1, article i is on line i+2; the reject is on the next line.
		if got, want := rejs[0].Line, int64(len(arts)+2); got != want {
			t.Errorf("cut %d: got reject at line %d, want %d (%s)", cut, got, want, rejs[0].Reason)
		}
		if stats[0].Kept != int64(len(arts)) {
			t.Errorf("cut %d: got stats %+v", cut, stats[0])
		}
	}
}
