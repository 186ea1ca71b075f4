package output

import (
	"fmt"
	"io"
	"math"
	"unsafe"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
)

// hitRow is one row of hits.parquet as parquet-go's typed writer takes it. Its fields are
// the columns of hitsReport in the same order, names and types (TestHitRowMatchesSchema
// checks it), so parquet-go copies each column straight out of a batch of rows instead of
// splitting parquet.Row values: on the 150k hits of a 50 MB corpus, about half the CPU of
// writing the file. The encodings are those of hitsReport's columns, not of these tags.
//
// The nullable columns are pointers: parquet-go v0.32 writes some zero values of optional
// non-pointer fields as values rather than NULL, depending on where they fall in the batch
// (parquet-go issue #154), and later versions changed what a zero value means there.
type hitRow struct {
	ArticleID       string  `parquet:"article_id"`
	Day             *int32  `parquet:"day,optional,date"` // nil → NULL
	Sentence        int32   `parquet:"sentence"`
	Start           int32   `parquet:"start"`
	End             int32   `parquet:"end"`
	Surface         string  `parquet:"surface"`
	Entry           string  `parquet:"entry"`
	Category        string  `parquet:"category"`
	Weight          float64 `parquet:"weight"`
	Modifier        *string `parquet:"modifier,optional"` // nil → NULL
	EffectiveWeight float64 `parquet:"effective_weight"`
}

// hitsBatchRows is the number of hits handed to parquet-go at once.
const hitsBatchRows = 1024

// hitsFile writes hits.parquet from Hit values, with the same values as parquetFile would
// write through emitHit: strings made valid UTF-8, integers checked against INT32, a NULL
// day when HasDay is false and a NULL modifier when it is empty.
type hitsFile struct {
	w     *parquet.GenericWriter[hitRow]
	batch []hitRow
	days  []int32  // batch[k].Day points to days[k]
	mods  []string // batch[k].Modifier points to mods[k]
	n     int      // rows in batch
	// strings already made valid, per string column but surface: a hit's article id is
	// mostly the previous hit's, and its entry, category and modifier are mostly the very
	// strings of the lexicon, the same bytes every time
	articles, entries, categories, modifiers validCache
}

// validCache remembers the valid UTF-8 form of recently seen strings, keyed by the address
// and length of their bytes, so that a string shared by many rows is checked once per batch.
type validCache [64]struct{ in, out string }

// valid returns validUTF8(s).
func (c *validCache) valid(s string) string {
	p := unsafe.StringData(s)
	e := &c[(uintptr(unsafe.Pointer(p))>>3^uintptr(len(s)))%uintptr(len(c))]
	if len(e.in) != len(s) || unsafe.StringData(e.in) != p {
		e.in, e.out = s, validUTF8(s)
	}
	return e.out
}

func newHitsFile(out io.Writer, rep *report, rowGroupRows int64, meta map[string]string, codec compress.Codec) *hitsFile {
	return &hitsFile{
		w:     parquet.NewGenericWriter[hitRow](out, writerOptions(rep, rowGroupRows, meta, codec)...),
		batch: make([]hitRow, hitsBatchRows),
		days:  make([]int32, hitsBatchRows),
		mods:  make([]string, hitsBatchRows),
	}
}

// add converts row i of src and writes the batch when it is full.
func (f *hitsFile) add(src *rowSource, i int) error {
	h := src.hit(i)
	r := &f.batch[f.n]
	var err error
	r.Sentence, err = toInt32("sentence", h.Sentence)
	if err != nil {
		return err
	}
	if r.Start, err = toInt32("start", h.Start); err != nil {
		return err
	}
	if r.End, err = toInt32("end", h.End); err != nil {
		return err
	}
	r.ArticleID = f.articles.valid(h.ArticleID)
	r.Day = nil
	if h.HasDay {
		f.days[f.n] = h.Day
		r.Day = &f.days[f.n]
	}
	r.Surface = validUTF8(h.Surface)
	r.Entry = f.entries.valid(h.Entry)
	r.Category = f.categories.valid(h.Category)
	r.Weight = h.Weight
	r.Modifier = nil
	if h.Modifier != "" {
		f.mods[f.n] = f.modifiers.valid(h.Modifier)
		r.Modifier = &f.mods[f.n]
	}
	r.EffectiveWeight = h.EffectiveWeight
	f.n++
	if f.n == len(f.batch) {
		return f.flush()
	}
	return nil
}

func toInt32(col string, v int) (int32, error) {
	if v < math.MinInt32 || v > math.MaxInt32 {
		return 0, fmt.Errorf("column %s: value %d overflows INT32", col, v)
	}
	return int32(v), nil
}

func (f *hitsFile) flush() error {
	if f.n == 0 {
		return nil
	}
	_, err := f.w.Write(f.batch[:f.n])
	// parquet-go copied the values: drop the references to the caller's strings
	clear(f.batch[:f.n])
	clear(f.mods[:f.n])
	f.articles, f.entries, f.categories, f.modifiers = validCache{}, validCache{}, validCache{}, validCache{}
	f.n = 0
	if err != nil {
		return fmt.Errorf("writing parquet rows: %w", err)
	}
	return nil
}

func (f *hitsFile) close() error { return flushClose(f.flush, f.w) }
