package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// DefaultRowGroupRows is the row-group limit used when Options.RowGroupRows is 0.
const DefaultRowGroupRows = 128 * 1024

// DefaultMaxOpenPartitions bounds the partition files open at once per report when
// Options.MaxOpenPartitions is 0.
const DefaultMaxOpenPartitions = 16

// HiveNullPartition is the partition value of rows whose day is unknown; DuckDB and Spark
// read it back as NULL.
const HiveNullPartition = "__HIVE_DEFAULT_PARTITION__"

// ManifestFile is the name of the run manifest written by Commit.
const ManifestFile = "manifest.json"

// tmpPrefix starts the name of the folder inside Options.Dir in which a run writes.
const tmpPrefix = ".drishti-tmp-"

// Keys of the key-value metadata written into every Parquet file and Arrow schema.
const (
	MetaVersion         = "drishti.version"
	MetaRunID           = "drishti.run_id"
	MetaSchemaVersion   = "drishti.schema_version"
	MetaLexiconChecksum = "drishti.lexicon_checksum"
	MetaReport          = "drishti.report"
	MetaCategories      = "drishti.categories"
)

// Sentinel errors.
var (
	// ErrClosed is returned by the Write methods and Commit after Commit or Abort.
	ErrClosed = errors.New("output: run already committed or aborted")
	// ErrFinished is returned by a write to a report closed by Run.Finish.
	ErrFinished = errors.New("output: report already finished")
	// ErrOptions wraps every error about invalid Options.
	ErrOptions = errors.New("output: invalid options")
	// errNotRestored marks a Commit whose rollback failed: previous reports are in the
	// temporary folder's .old and the folder must not be removed.
	errNotRestored = errors.New("output: previous reports could not all be restored")
)

// Options configures a Run. Dir, RunID and Categories are the only fields most callers set;
// the zero value of every other field is a sensible default.
type Options struct {
	// Dir is the output folder (--out); it is created if missing.
	Dir string
	// Parquet and Arrow select the formats; when both are false Parquet is written.
	Parquet, Arrow bool
	// PartitionByDay writes articles, hits and trends as Hive-style datasets
	// (articles/day=2026-11-26/part-0.parquet); topics and rejects stay single files. Commit
	// replaces every day folder of the three datasets for each day any of them wrote.
	PartitionByDay bool
	// Categories are the lexicon categories, in column order. Names must match
	// [A-Za-z_][A-Za-z0-9_]* and be unique, so that C_hits, C_score… are plain SQL names.
	Categories []string
	// RowGroupRows caps the rows per Parquet row group (default DefaultRowGroupRows).
	RowGroupRows int
	// MaxOpenPartitions caps the partition files open at once per report (default
	// DefaultMaxOpenPartitions); when a day comes back after its file was closed, the next
	// part file (part-1, part-2, …) of that day is opened.
	MaxOpenPartitions int

	RunID           string // required; names the temporary folder, so [A-Za-z0-9._-] only
	Version         string // drishti version, written as MetaVersion
	LexiconChecksum string // written as MetaLexiconChecksum
	// Metadata holds further key-value pairs for every file; the Meta… keys above win.
	Metadata map[string]string
}

// Run writes one run's reports into a temporary folder inside Options.Dir and moves them into
// place on Commit. Its methods are safe for concurrent use, but rows passed in separate calls
// are written in call order, so callers that want deterministic files call from one goroutine
// in a deterministic order. A Write method keeps no reference to its rows after it returns.
// The first write error poisons the run: later writes return it and Commit refuses to
// publish.
type Run struct {
	mu     sync.Mutex
	opts   Options
	tmp    string
	meta   map[string]string
	tables map[string]*table
	done   bool
	err    error // first write error; Commit refuses to publish after one
	// rename is os.Rename; tests replace it to make a rename fail part-way through Commit.
	rename func(oldpath, newpath string) error
	// zstd compresses the pages of every Parquet file of the run.
	zstd *zstdCodec
}

// Create validates opts and makes the temporary folder Dir/.drishti-tmp-<RunID>.
func Create(opts Options) (*Run, error) {
	if opts.Dir == "" {
		return nil, fmt.Errorf("%w: Dir is empty", ErrOptions)
	}
	if !validRunID(opts.RunID) {
		return nil, fmt.Errorf("%w: run id %q must be non-empty and use only A-Z a-z 0-9 . _ -", ErrOptions, opts.RunID)
	}
	seen := make(map[string]bool, len(opts.Categories))
	for i, c := range opts.Categories {
		if !validCategory(c) {
			return nil, fmt.Errorf("%w: category %d %q is not a valid column name prefix", ErrOptions, i+1, c)
		}
		if seen[c] {
			return nil, fmt.Errorf("%w: category %q is listed twice", ErrOptions, c)
		}
		seen[c] = true
	}
	if opts.RowGroupRows < 0 || opts.MaxOpenPartitions < 0 {
		return nil, fmt.Errorf("%w: RowGroupRows and MaxOpenPartitions must not be negative", ErrOptions)
	}
	if opts.RowGroupRows == 0 {
		opts.RowGroupRows = DefaultRowGroupRows
	}
	if opts.MaxOpenPartitions == 0 {
		opts.MaxOpenPartitions = DefaultMaxOpenPartitions
	}
	if !opts.Parquet && !opts.Arrow {
		opts.Parquet = true
	}
	opts.Categories = slices.Clone(opts.Categories)

	codec, err := newZstdCodec()
	if err != nil {
		return nil, fmt.Errorf("preparing the zstd encoder: %w", err)
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating output folder: %w", err)
	}
	tmp := filepath.Join(opts.Dir, tmpPrefix+opts.RunID)
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("creating temporary folder: %w", err)
	}
	meta := make(map[string]string, len(opts.Metadata)+5)
	for k, v := range opts.Metadata {
		meta[k] = v
	}
	meta[MetaVersion] = opts.Version
	meta[MetaRunID] = opts.RunID
	meta[MetaSchemaVersion] = SchemaVersion
	meta[MetaLexiconChecksum] = opts.LexiconChecksum
	meta[MetaCategories] = strings.Join(opts.Categories, ",")

	r := &Run{opts: opts, tmp: tmp, meta: meta, tables: make(map[string]*table), rename: os.Rename, zstd: codec}
	for _, rep := range []*report{
		articlesReport(opts.Categories), hitsReport(), topicsReport(opts.Categories),
		trendsReport(), rejectsReport(),
	} {
		r.tables[rep.name] = r.newTable(rep)
	}
	return r, nil
}

// Leftovers lists the temporary folders (.drishti-tmp-*) that runs killed before Commit or
// Abort left in dir. They hold no report a reader sees; when a run was killed during the
// renames of Commit, a leftover's .old folder holds the reports it had moved aside. Callers
// may log them, and delete them once no run is writing into dir.
func Leftovers(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), tmpPrefix) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

// TempDir returns the temporary folder the run writes into before Commit.
func (r *Run) TempDir() string { return r.tmp }

func validRunID(id string) bool {
	if id == "" || id == "." || id == ".." || len(id) > 200 {
		return false
	}
	for _, c := range []byte(id) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func validCategory(c string) bool {
	if c == "" || len(c) > 100 {
		return false
	}
	for i, b := range []byte(c) {
		letter := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
		if !letter && !(i > 0 && b >= '0' && b <= '9') {
			return false
		}
	}
	return true
}

// usable reports why the run takes no more writes: ErrClosed after Commit or Abort, or the
// first write error. The caller holds r.mu.
func (r *Run) usable() error {
	if r.done {
		return ErrClosed
	}
	return r.err
}

// write sends the rows of src to the named table under the run's lock.
func (r *Run) write(name string, src *rowSource) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.usable(); err != nil {
		return err
	}
	t := r.tables[name]
	if t.finished {
		return fmt.Errorf("writing %s: %w", name, ErrFinished)
	}
	if err := t.write(src); err != nil {
		r.err = fmt.Errorf("writing %s: %w", name, err)
		return r.err
	}
	return nil
}

// WriteArticles appends articles. It may be called any number of times. An article's
// Categories may be shorter than Options.Categories (missing scores are written as 0) but
// not longer.
func (r *Run) WriteArticles(rows []Article) error {
	ncat := len(r.opts.Categories)
	for i := range rows {
		if len(rows[i].Categories) > ncat {
			return fmt.Errorf("writing articles: row %d (id %q) has %d category scores for %d categories", i, rows[i].ID, len(rows[i].Categories), ncat)
		}
	}
	return r.write(ReportArticles, &rowSource{
		n:    len(rows),
		day:  func(i int) (int32, bool) { return rows[i].Day, rows[i].HasDay },
		emit: func(s sink, i int) { emitArticle(s, &rows[i], ncat) },
	})
}

// WriteHits appends lexicon matches; it streams and may be called any number of times.
func (r *Run) WriteHits(rows []Hit) error {
	return r.write(ReportHits, &rowSource{
		n:    len(rows),
		day:  func(i int) (int32, bool) { return rows[i].Day, rows[i].HasDay },
		emit: func(s sink, i int) { emitHit(s, &rows[i]) },
		hit:  func(i int) *Hit { return &rows[i] },
	})
}

// WriteHitRuns appends the hits of runs, one after the other, in one call: the files are
// those WriteHits of the runs joined would write, without joining them.
func (r *Run) WriteHitRuns(runs [][]Hit) error {
	ends := make([]int, len(runs)) // ends[j]: the hits in runs[:j+1]
	n := 0
	for j, run := range runs {
		n += len(run)
		ends[j] = n
	}
	cur := 0 // the run of the last row asked for: rows come mostly in order
	at := func(i int) *Hit {
		if i >= ends[cur] || (cur > 0 && i < ends[cur-1]) {
			cur, _ = slices.BinarySearch(ends, i+1)
		}
		if cur > 0 {
			i -= ends[cur-1]
		}
		return &runs[cur][i]
	}
	return r.write(ReportHits, &rowSource{
		n:    n,
		day:  func(i int) (int32, bool) { h := at(i); return h.Day, h.HasDay },
		emit: func(s sink, i int) { emitHit(s, at(i)) },
		hit:  at,
	})
}

// WriteTopics appends topics. A topic's CategoryMeans may be shorter than
// Options.Categories (missing means are written as 0) but not longer.
func (r *Run) WriteTopics(rows []Topic) error {
	ncat := len(r.opts.Categories)
	for i := range rows {
		if len(rows[i].CategoryMeans) > ncat {
			return fmt.Errorf("writing topics: row %d (topic %d) has %d category means for %d categories", i, rows[i].ID, len(rows[i].CategoryMeans), ncat)
		}
	}
	return r.write(ReportTopics, &rowSource{
		n:    len(rows),
		emit: func(s sink, i int) { emitTopic(s, &rows[i], ncat) },
	})
}

// WriteTrends appends trend rows (see Trends).
func (r *Run) WriteTrends(rows []Trend) error {
	return r.write(ReportTrends, &rowSource{
		n:    len(rows),
		day:  func(i int) (int32, bool) { return rows[i].Day, rows[i].HasDay },
		emit: func(s sink, i int) { emitTrend(s, &rows[i]) },
	})
}

// WriteRejects appends rejected input rows; it streams and may be called any number of times.
func (r *Run) WriteRejects(rows []Reject) error {
	return r.write(ReportRejects, &rowSource{
		n:    len(rows),
		emit: func(s sink, i int) { emitReject(s, &rows[i]) },
	})
}

// Finish closes the files of one report (ReportHits, …) before Commit, checking each Close:
// a report that receives no more rows can be finished early, while other work goes on,
// rather than in Commit. Later writes to it return ErrFinished; finishing it again does
// nothing. Commit publishes it with the others; Abort removes it.
func (r *Run) Finish(name string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.usable(); err != nil {
		return err
	}
	t, ok := r.tables[name]
	if !ok {
		return fmt.Errorf("finishing %q: no such report", name)
	}
	if t.finished {
		return nil
	}
	paths, err := t.finish()
	if err != nil {
		r.err = fmt.Errorf("finishing %s: %w", name, err)
		return r.err
	}
	t.finished, t.paths = true, paths
	return nil
}

// RowCounts returns the rows written so far per report name.
func (r *Run) RowCounts() map[string]int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := make(map[string]int64, len(r.tables))
	for name, t := range r.tables {
		m[name] = t.rows
	}
	return m
}

// Commit closes every writer (checking each Close), writes manifest (any JSON-marshalable
// value; a Manifest or *Manifest gets Reports, Files and SchemaVersion filled in, and RunID
// and Version when empty; nil writes no manifest) as manifest.json, and moves the
// new files into Options.Dir. Each file or partition folder is replaced by one rename; the
// files it replaces are first moved aside and are moved back if a later rename fails, and
// manifest.json is renamed last. On any error before the renames begin, Options.Dir is left
// exactly as it was and the temporary folder is removed.
func (r *Run) Commit(manifest any) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.done {
		return ErrClosed
	}
	r.done = true
	err := r.commit(manifest)
	if err != nil {
		r.closeAll()
		if errors.Is(err, errNotRestored) {
			return err // the temporary folder holds previous reports: keep it
		}
		if rerr := os.RemoveAll(r.tmp); rerr != nil {
			err = errors.Join(err, fmt.Errorf("removing temporary folder: %w", rerr))
		}
	}
	return err
}

// Abort closes every writer and removes the temporary folder; the reports in Options.Dir
// are untouched. Abort after Commit or Abort does nothing and returns nil, so a deferred
// Abort is safe.
func (r *Run) Abort() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.done {
		return nil
	}
	r.done = true
	r.closeAll()
	if err := os.RemoveAll(r.tmp); err != nil {
		return fmt.Errorf("removing temporary folder: %w", err)
	}
	return nil
}

func (r *Run) closeAll() {
	for _, name := range reportNames {
		r.tables[name].abort()
	}
}

func (r *Run) commit(manifest any) error {
	if r.err != nil {
		return fmt.Errorf("not committing after a write error: %w", r.err)
	}
	// The reports are finished at the same time: the pages of one are compressed while the
	// file of another is synced to disk.
	var (
		paths [len(reportNames)][]string
		errs  [len(reportNames)]error
		wg    sync.WaitGroup
	)
	for k, name := range reportNames {
		t := r.tables[name]
		if t.finished { // by Finish
			paths[k] = t.paths
			continue
		}
		wg.Go(func() { paths[k], errs[k] = t.finish() })
	}
	wg.Wait()
	var moves []string // paths relative to tmp and Dir, in move order
	for k, name := range reportNames {
		if errs[k] != nil {
			return fmt.Errorf("finishing %s: %w", name, errs[k])
		}
		moves = append(moves, paths[k]...)
	}
	// A partitioned run replaces the days it covers in every dataset: a day folder of an
	// earlier run is removed from a dataset to which this run wrote nothing for that day (a
	// re-run that finds no hit on a day must not leave the old hits of that day behind).
	var removals []string
	if r.opts.PartitionByDay {
		days := make(map[string]bool)
		for _, name := range reportNames {
			for _, d := range r.tables[name].dayNames() {
				days[d] = true
			}
		}
		written := make(map[string]bool, len(moves))
		for _, p := range moves {
			written[p] = true
		}
		for _, name := range reportNames {
			t := r.tables[name]
			if !t.partitioned {
				continue
			}
			for _, d := range slices.Sorted(maps.Keys(days)) {
				for _, p := range t.datasetPaths(d) {
					if !written[p] {
						removals = append(removals, p)
					}
				}
			}
		}
	}
	if m, ok := manifest.(Manifest); ok {
		manifest = &m // a Manifest passed by value is filled in too
	}
	if m, ok := manifest.(*Manifest); ok && m != nil {
		m.Reports = make(map[string]int64, len(r.tables))
		for name, t := range r.tables {
			m.Reports[name] = t.rows
		}
		m.Files = slices.Clone(moves)
		m.SchemaVersion = SchemaVersion
		if m.RunID == "" {
			m.RunID = r.opts.RunID
		}
		if m.Version == "" {
			m.Version = r.opts.Version
		}
	}
	if manifest != nil {
		data, err := json.MarshalIndent(manifest, "", "  ")
		if err != nil {
			return fmt.Errorf("encoding manifest: %w", err)
		}
		if err := writeFileSync(filepath.Join(r.tmp, ManifestFile), append(data, '\n')); err != nil {
			return fmt.Errorf("writing manifest: %w", err)
		}
		moves = append(moves, ManifestFile)
	}
	if err := publish(r.tmp, r.opts.Dir, append(removals, moves...), r.rename); err != nil {
		return err
	}
	if err := os.RemoveAll(r.tmp); err != nil {
		return fmt.Errorf("removing temporary folder after commit: %w", err)
	}
	syncDir(r.opts.Dir)
	return nil
}

// publish renames each path from tmp into dir. An existing target is first renamed into
// tmp/.old; a path missing from tmp only removes (moves aside) its target. If a step fails,
// the moves done so far are undone in reverse order.
func publish(tmp, dir string, paths []string, rename func(string, string) error) error {
	old := filepath.Join(tmp, ".old")
	type move struct {
		rel      string
		replaced bool // an earlier target was moved aside
		removal  bool // nothing was moved in
	}
	var done []move
	undo := func(cause error) error {
		var errs []error
		for i := len(done) - 1; i >= 0; i-- {
			m := done[i]
			dst := filepath.Join(dir, m.rel)
			if !m.removal {
				if err := rename(dst, filepath.Join(tmp, m.rel)); err != nil {
					errs = append(errs, err)
					continue
				}
			}
			if m.replaced {
				if err := rename(filepath.Join(old, m.rel), dst); err != nil {
					errs = append(errs, err)
				}
			}
		}
		if len(errs) > 0 {
			return errors.Join(cause, fmt.Errorf("%w (see %s): %w", errNotRestored, old, errors.Join(errs...)))
		}
		return cause
	}
	for _, rel := range paths {
		src, dst := filepath.Join(tmp, rel), filepath.Join(dir, rel)
		m := move{rel: rel}
		if _, err := os.Lstat(src); errors.Is(err, os.ErrNotExist) {
			m.removal = true
		} else if err != nil {
			return undo(fmt.Errorf("checking %s: %w", rel, err))
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return undo(fmt.Errorf("creating folder for %s: %w", rel, err))
		}
		if _, err := os.Lstat(dst); err == nil {
			aside := filepath.Join(old, rel)
			if err := os.MkdirAll(filepath.Dir(aside), 0o755); err != nil {
				return undo(fmt.Errorf("moving previous %s aside: %w", rel, err))
			}
			if err := rename(dst, aside); err != nil {
				return undo(fmt.Errorf("moving previous %s aside: %w", rel, err))
			}
			m.replaced = true
		} else if !errors.Is(err, os.ErrNotExist) {
			return undo(fmt.Errorf("checking %s: %w", rel, err))
		}
		if m.removal {
			if m.replaced {
				done = append(done, m)
			}
			continue
		}
		if err := rename(src, dst); err != nil {
			if m.replaced {
				if rerr := rename(filepath.Join(old, rel), dst); rerr != nil {
					err = errors.Join(err, fmt.Errorf("%w (see %s): %w", errNotRestored, old, rerr))
				}
			}
			return undo(fmt.Errorf("moving %s into place: %w", rel, err))
		}
		done = append(done, m)
	}
	return nil
}

func writeFileSync(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir flushes a folder's entries to disk where the platform allows it; failure is
// harmless (the renames are done) and ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

func sortedKV(m map[string]string) (keys, vals []string) {
	keys = make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	vals = make([]string, len(keys))
	for i, k := range keys {
		vals[i] = m[k]
	}
	return keys, vals
}
