package corpus

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

type pqGuardRow struct {
	ID    string `parquet:"id"`
	Text  string `parquet:"text"`
	Paper string `parquet:"source,dict"`
	Views int64  `parquet:"views,optional"`
}

// pqFixture writes n articles as Parquet with a codec, two row groups when n > 64.
func pqFixture(t testing.TB, n int, codec parquet.WriterOption) []byte {
	t.Helper()
	var b bytes.Buffer
	w := parquet.NewGenericWriter[pqGuardRow](&b, codec, parquet.MaxRowsPerRowGroup(64))
	rows := make([]pqGuardRow, n)
	for i := range rows {
		a := sampleArticle(i)
		rows[i] = pqGuardRow{ID: a.ID, Text: a.Text, Paper: a.Source, Views: int64(i)}
	}
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var pqCompact thrift.CompactProtocol

// pqFooter decodes the footer of a Parquet file; it returns the metadata and where it starts.
func pqFooter(t testing.TB, data []byte) (*format.FileMetaData, int) {
	t.Helper()
	n := int(binary.LittleEndian.Uint32(data[len(data)-8:]))
	start := len(data) - 8 - n
	md := new(format.FileMetaData)
	if err := thrift.Unmarshal(&pqCompact, data[start:len(data)-8], md); err != nil {
		t.Fatal(err)
	}
	return md, start
}

// pqWithFooter returns body followed by the footer md.
func pqWithFooter(t testing.TB, body []byte, md *format.FileMetaData) []byte {
	t.Helper()
	f, err := thrift.Marshal(&pqCompact, md)
	if err != nil {
		t.Fatal(err)
	}
	out := append(bytes.Clone(body), f...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(f)))
	return append(out, "PAR1"...)
}

// pqEditPage rewrites the first page header of a column chunk and moves the rest of the file,
// fixing the offsets in the footer, so that the header is the only thing wrong.
func pqEditPage(t testing.TB, data []byte, group, col int, edit func(*format.PageHeader)) []byte {
	t.Helper()
	md, start := pqFooter(t, data)
	m := &md.RowGroups[group].Columns[col].MetaData
	base := m.DataPageOffset
	if m.DictionaryPageOffset != 0 {
		base = m.DictionaryPageOffset
	}
	r := pqCompact.NewReaderFromBytes(data[base:start])
	h := new(format.PageHeader)
	if err := thrift.NewDecoder(r).Decode(h); err != nil {
		t.Fatal(err)
	}
	old := int64(r.BytesRead())
	edit(h)
	nh, err := thrift.Marshal(&pqCompact, h)
	if err != nil {
		t.Fatal(err)
	}
	d := int64(len(nh)) - old
	shift := func(off *int64) {
		if *off > base {
			*off += d
		}
	}
	for g := range md.RowGroups {
		rg := &md.RowGroups[g]
		shift(&rg.FileOffset)
		for c := range rg.Columns {
			cc := &rg.Columns[c]
			shift(&cc.FileOffset)
			shift(&cc.MetaData.DataPageOffset)
			shift(&cc.MetaData.DictionaryPageOffset)
			shift(&cc.ColumnIndexOffset)
			shift(&cc.OffsetIndexOffset)
		}
	}
	m.TotalCompressedSize += d
	body := append(append(bytes.Clone(data[:base]), nh...), data[base+old:start]...)
	return pqWithFooter(t, body, md)
}

// readPQ reads a Parquet file with a good JSONL file after it, and returns the TotalAlloc of
// reading the Parquet file alone.
func readPQ(t *testing.T, data []byte) ([]*Article, []*Reject, uint64) {
	t.Helper()
	dir := t.TempDir()
	p := writeFile(t, filepath.Join(dir, "in.parquet"), data)
	good := writeFile(t, filepath.Join(dir, "good.jsonl"), []byte(jsonLine(1001, nil)+"\n"+jsonLine(1002, nil)+"\n"))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	openAll(t, []string{p}, Options{})
	runtime.ReadMemStats(&after)
	arts, rejs, _ := openAll(t, []string{p, good}, Options{})
	return arts, rejs, after.TotalAlloc - before.TotalAlloc
}

func TestParquetGuardValid(t *testing.T) {
	for name, codec := range map[string]parquet.WriterOption{
		"none":   parquet.Compression(&parquet.Uncompressed),
		"snappy": parquet.Compression(&parquet.Snappy),
		"zstd":   parquet.Compression(&parquet.Zstd),
		"gzip":   parquet.Compression(&parquet.Gzip),
	} {
		data := pqFixture(t, 150, codec)
		arts, rejs, _ := readPQ(t, data)
		if len(arts) != 152 || len(rejs) != 0 {
			t.Fatalf("%s: got %d articles, rejects %v; want 152, none", name, len(arts), rejs)
		}
		if a := arts[149]; a.ID != sampleArticle(149).ID || a.Text != sampleArticle(149).Text || a.Source != sampleArticle(149).Source {
			t.Errorf("%s: got %+v", name, a)
		}
		// The editing helper itself keeps a file valid and row-identical.
		same := pqEditPage(t, data, 1, 1, func(h *format.PageHeader) { h.CRC = 0 })
		arts2, rejs2, _ := readPQ(t, same)
		if len(rejs2) != 0 || !reflect.DeepEqual(pqKeys(arts2), pqKeys(arts)) {
			t.Errorf("%s: no-op edit: got %d articles, rejects %v", name, len(arts2), rejs2)
		}
	}
}

// pqKeys returns what identifies the articles read, without the input's path.
func pqKeys(arts []*Article) []string {
	var keys []string
	for _, a := range arts {
		keys = append(keys, fmt.Sprint(a.ID, a.Line, a.Source, a.Title, a.Text, a.PublishedAt))
	}
	return keys
}

func TestParquetGuardRejects(t *testing.T) {
	valid := pqFixture(t, 150, parquet.Compression(&parquet.Snappy))
	_, start := pqFooter(t, valid)
	const (
		text  = 1 // column "text"
		views = 3 // column "views"
	)
	footerBomb := func() []byte { // a footer claiming 2^31-1 row groups
		f := []byte{0x49, 0xfc, 0xff, 0xff, 0xff, 0xff, 0x07, 0x00}
		out := append(bytes.Clone(valid[:start]), f...)
		out = binary.LittleEndian.AppendUint32(out, uint32(len(f)))
		return append(out, "PAR1"...)
	}
	deep := func() []byte { // structs nested 200 deep
		f := append(bytes.Repeat([]byte{0x1c}, 200), bytes.Repeat([]byte{0}, 201)...)
		out := append(bytes.Clone(valid[:start]), f...)
		out = binary.LittleEndian.AppendUint32(out, uint32(len(f)))
		return append(out, "PAR1"...)
	}
	hugeFooter := bytes.Clone(valid)
	binary.LittleEndian.PutUint32(hugeFooter[len(hugeFooter)-8:], 0xfffffff0)
	chunkPast := func() []byte {
		md, _ := pqFooter(t, valid)
		m := &md.RowGroups[1].Columns[text].MetaData
		m.DataPageOffset, m.DictionaryPageOffset = int64(len(valid))+1000, 0
		return pqWithFooter(t, valid[:start], md)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"2 GiB uncompressed page", pqEditPage(t, valid, 0, text, func(h *format.PageHeader) { h.UncompressedPageSize = 1<<31 - 1 }),
			`row group 0, column "text": page at byte 363: uncompressed size of 2147483647 bytes, over the limit of 268435456`},
		{"compressed size past the chunk end", pqEditPage(t, valid, 1, text, func(h *format.PageHeader) { h.CompressedPageSize += 1 << 20 }),
			`row group 1, column "text": page at byte`},
		{"over the codec ratio", pqEditPage(t, valid, 0, text, func(h *format.PageHeader) { h.UncompressedPageSize = 100 << 20 }),
			"over the codec's ratio of 32"},
		{"num_values bomb", pqEditPage(t, valid, 0, views, func(h *format.PageHeader) {
			h.DataPageHeader.V.NumValues = 1 << 30
			h.DataPageHeaderV2.V.NumValues = 1 << 30
		}),
			`column "views": page at byte 7280: 1073741824 values, over the limit of 16777216`},
		{"chunk offset past the file end", chunkPast(), `row group 1, column "text": chunk of`},
		{"truncated file", valid[:len(valid)/2], "no PAR1 magic numbers"},
		{"footer length past the file", hugeFooter, "footer of 4294967280 bytes claimed"},
		{"footer list bomb", footerBomb(), "list of 2147483647 elements"},
		{"footer nesting", deep(), "thrift nesting over 32"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts, rejs, alloc := readPQ(t, tc.data)
			if len(arts) != 2 || len(rejs) != 1 {
				t.Fatalf("got %d articles, rejects %v; want the 2 of the good file and 1 reject", len(arts), rejs)
			}
			r := rejs[0]
			if r.Code != CodeBadInput || !strings.HasSuffix(r.Input, "in.parquet") || !strings.Contains(r.Reason, tc.want) {
				t.Errorf("got reject %+v, want code %s, reason containing %q", r, CodeBadInput, tc.want)
			}
			if alloc > 4<<20 {
				t.Errorf("reading allocated %d bytes, want under 4 MiB", alloc)
			}
			t.Log(r.Reason)
		})
	}
}

// TestPQFormatSizes: pqStructCost covers the structs a footer holds in lists.
func TestPQFormatSizes(t *testing.T) {
	for _, v := range []any{format.RowGroup{}, format.ColumnChunk{}, format.SchemaElement{}, format.KeyValue{},
		format.ColumnOrder{}, format.PageEncodingStats{}, format.SortingColumn{}} {
		if got := reflect.TypeOf(v).Size(); got > pqStructCost {
			t.Errorf("%T is %d bytes, over pqStructCost %d", v, got, pqStructCost)
		}
	}
}

func BenchmarkParquetGuard(b *testing.B) {
	data := pqFixture(b, 2000, parquet.Compression(&parquet.Snappy))
	r := bytes.NewReader(data)
	lim := pqLimits{page: pqMinPageLimit, meta: pqMetaLimit}
	pf, err := parquet.OpenFile(r, int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n, err := checkPQFooter(r, int64(len(data)), lim)
		if err == nil {
			err = checkPQChunks(r, int64(len(data)), n, pf.Metadata(), lim)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParquetGuard: damaged Parquet never panics or crashes the reader (a fatal out-of-memory
// would end the fuzzer), and whatever it reads stays in order.
func FuzzParquetGuard(f *testing.F) {
	for _, codec := range []parquet.WriterOption{parquet.Compression(&parquet.Uncompressed),
		parquet.Compression(&parquet.Snappy), parquet.Compression(&parquet.Zstd), parquet.Compression(&parquet.Gzip)} {
		f.Add(pqFixture(f, 3, codec))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, rejs, stats := readString(t, "f.parquet", string(data), Options{})
		checkItems(t, arts, rejs, stats, stats[0].Rows)
	})
}
