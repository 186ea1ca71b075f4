package output

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

// table writes one report: a single file per format, or with partitioning one folder per day
// holding part files, at most Options.MaxOpenPartitions of them open at once.
type table struct {
	run         *Run
	rep         *report
	meta        map[string]string
	partitioned bool
	single      *fileSet
	parts       map[dayKey]*partition
	open        int    // partitions with open files
	clock       uint64 // last-use counter for closing the least recently used partition
	rows        int64
	touched     []*fileSet // files that received rows during the current write call
	finished    bool       // closed by Run.Finish; paths are its files
	paths       []string
}

type partition struct {
	name string // "day=2026-11-26"
	fs   *fileSet
	next int // number of the next part file
	used uint64
}

func (r *Run) newTable(rep *report) *table {
	meta := maps.Clone(r.meta)
	meta[MetaReport] = rep.name
	return &table{
		run:         r,
		rep:         rep,
		meta:        meta,
		partitioned: r.opts.PartitionByDay && rep.daily,
		parts:       make(map[dayKey]*partition),
	}
}

// arrowDataset is the folder of a partitioned report's Arrow copy, beside the Parquet one.
func arrowDataset(name string) string { return name + "-arrow" }

// partitionName returns the Hive folder name of a day.
func partitionName(day int32, ok bool) string {
	if !ok {
		return "day=" + HiveNullPartition
	}
	return "day=" + DayString(day)
}

// rowSource is the rows of one Write call as the tables see them.
type rowSource struct {
	n    int
	day  func(i int) (int32, bool) // row i's day; nil for reports without a day
	emit func(s sink, i int)       // sends row i to s, column by column
	// hit returns row i of a hits call, which the Parquet writer of hits takes as it is
	// (hitsFile) rather than through emit; nil for the other reports.
	hit func(i int) *Hit
}

// write writes the rows of src and flushes every batch it filled, so that no reference to
// the caller's rows remains when it returns.
func (t *table) write(src *rowSource) error {
	err := t.writeRows(src)
	for _, fs := range t.touched {
		if fs.pq != nil {
			if ferr := fs.pq.flush(); ferr != nil && err == nil {
				err = ferr
			}
		}
	}
	t.touched = t.touched[:0]
	return err
}

func (t *table) writeRows(src *rowSource) error {
	n, day := src.n, src.day
	if !t.partitioned {
		if t.single == nil {
			fs, err := t.openFiles(t.rep.name+".parquet", t.rep.name+".arrow")
			if err != nil {
				return err
			}
			t.single = fs
		}
		t.touched = append(t.touched, t.single)
		for i := range n {
			if err := t.single.add(src, i); err != nil {
				return fmt.Errorf("row %d of the call: %w", i, err)
			}
			t.rows++
		}
		return nil
	}
	// Rows are grouped by day, keeping their order within a day, so that one call opens each
	// day's files once however its rows interleave.
	first := dayKey{}
	if n > 0 {
		first = keyOf(day(0))
	}
	same := true
	for i := 1; i < n && same; i++ {
		same = keyOf(day(i)) == first
	}
	if same {
		if n == 0 {
			return nil
		}
		return t.writeDay(first, n, func(k int) int { return k }, src)
	}
	var order []dayKey
	groups := make(map[dayKey][]int)
	for i := range n {
		k := keyOf(day(i))
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range order {
		idx := groups[k]
		if err := t.writeDay(k, len(idx), func(j int) int { return idx[j] }, src); err != nil {
			return err
		}
	}
	return nil
}

// dayKey identifies a partition: a day, or the unknown day.
type dayKey struct {
	day int32
	ok  bool
}

func keyOf(day int32, ok bool) dayKey {
	if !ok {
		return dayKey{}
	}
	return dayKey{day, true}
}

// writeDay writes m rows of one day; row(j) is the index of the j-th of them.
func (t *table) writeDay(k dayKey, m int, row func(int) int, src *rowSource) error {
	p, err := t.partition(k)
	if err != nil {
		return err
	}
	t.touched = append(t.touched, p.fs)
	for j := range m {
		if err := p.fs.add(src, row(j)); err != nil {
			return fmt.Errorf("row %d of the call: %w", row(j), err)
		}
		t.rows++
	}
	return nil
}

// partition returns the day's partition with its files open, closing the least recently used
// partition first when the limit of open partitions is reached.
func (t *table) partition(k dayKey) (*partition, error) {
	p := t.parts[k]
	if p == nil {
		p = &partition{name: partitionName(k.day, k.ok)}
		t.parts[k] = p
	}
	t.clock++
	p.used = t.clock
	if p.fs != nil {
		return p, nil
	}
	if t.open >= t.run.opts.MaxOpenPartitions {
		var lru *partition
		for _, q := range t.parts {
			if q.fs != nil && (lru == nil || q.used < lru.used) {
				lru = q
			}
		}
		err := lru.fs.close()
		lru.fs = nil
		t.open--
		if err != nil {
			return nil, fmt.Errorf("closing partition %s: %w", lru.name, err)
		}
	}
	part := "part-" + strconv.Itoa(p.next)
	fs, err := t.openFiles(
		filepath.Join(t.rep.name, p.name, part+".parquet"),
		filepath.Join(arrowDataset(t.rep.name), p.name, part+".arrow"))
	if err != nil {
		return nil, err
	}
	p.fs = fs
	p.next++
	t.open++
	return p, nil
}

// finish closes the table's files and returns the paths, relative to the run's folders, that
// Commit moves into place: files without partitioning (created empty when no row was
// written, so every report exists), one folder per day with it.
func (t *table) finish() ([]string, error) {
	opts := &t.run.opts
	if !t.partitioned {
		if t.single == nil {
			fs, err := t.openFiles(t.rep.name+".parquet", t.rep.name+".arrow")
			if err != nil {
				return nil, err
			}
			t.single = fs
		}
		fs := t.single
		t.single = nil
		if err := fs.close(); err != nil {
			return nil, err
		}
		var paths []string
		if opts.Parquet {
			paths = append(paths, t.rep.name+".parquet")
		}
		if opts.Arrow {
			paths = append(paths, t.rep.name+".arrow")
		}
		return paths, nil
	}
	byName := make(map[string]*partition, len(t.parts))
	for _, p := range t.parts {
		byName[p.name] = p
	}
	names := slices.Sorted(maps.Keys(byName))
	var errs []error
	for _, name := range names {
		p := byName[name]
		if p.fs != nil {
			if err := p.fs.close(); err != nil {
				errs = append(errs, fmt.Errorf("closing partition %s: %w", name, err))
			}
			p.fs = nil
			t.open--
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var paths []string
	for _, name := range names {
		paths = append(paths, t.datasetPaths(name)...)
	}
	return paths, nil
}

// dayNames returns the partition folder names ("day=…") the table wrote.
func (t *table) dayNames() []string {
	var out []string
	for _, p := range t.parts {
		out = append(out, p.name)
	}
	return out
}

// datasetPaths returns a day folder's paths, relative to the run's folders, in the formats
// the run writes.
func (t *table) datasetPaths(day string) []string {
	var paths []string
	if t.run.opts.Parquet {
		paths = append(paths, filepath.Join(t.rep.name, day))
	}
	if t.run.opts.Arrow {
		paths = append(paths, filepath.Join(arrowDataset(t.rep.name), day))
	}
	return paths
}

// abort closes every open file without checking; the caller removes the folder.
func (t *table) abort() {
	if t.single != nil {
		t.single.abort()
		t.single = nil
	}
	for _, p := range t.parts {
		if p.fs != nil {
			p.fs.abort()
			p.fs = nil
		}
	}
	t.open = 0
}

// fileSet is the open files of one report or partition: Parquet, Arrow or both.
type fileSet struct {
	pq  parquetWriter
	pqf *os.File
	ar  *arrowFile
	arf *os.File
}

func (t *table) openFiles(parquetRel, arrowRel string) (fs *fileSet, err error) {
	opts := &t.run.opts
	fs = &fileSet{}
	defer func() {
		if err != nil {
			fs.abort()
		}
	}()
	create := func(rel string) (*os.File, error) {
		path := filepath.Join(t.run.tmp, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("creating folder for %s: %w", rel, err)
		}
		f, err := os.Create(path)
		if err != nil {
			return nil, fmt.Errorf("creating %s: %w", rel, err)
		}
		return f, nil
	}
	if opts.Parquet {
		if fs.pqf, err = create(parquetRel); err != nil {
			return nil, err
		}
		fs.pq = newParquetWriter(fs.pqf, t.rep, int64(opts.RowGroupRows), t.meta, t.run.zstd)
	}
	if opts.Arrow {
		if fs.arf, err = create(arrowRel); err != nil {
			return nil, err
		}
		if fs.ar, err = newArrowFile(fs.arf, t.rep, t.meta); err != nil {
			return nil, fmt.Errorf("%s: %w", arrowRel, err)
		}
	}
	return fs, nil
}

func (fs *fileSet) add(src *rowSource, i int) error {
	if fs.pq != nil {
		if err := fs.pq.add(src, i); err != nil {
			return err
		}
	}
	if fs.ar != nil {
		if err := fs.ar.add(src.emit, i); err != nil {
			return err
		}
	}
	return nil
}

// close finishes both writers, then syncs and closes the files, checking every step.
func (fs *fileSet) close() error {
	var errs []error
	if fs.pq != nil {
		errs = append(errs, fs.pq.close(), syncClose(fs.pqf))
	}
	if fs.ar != nil {
		errs = append(errs, fs.ar.close(), syncClose(fs.arf))
	}
	return errors.Join(errs...)
}

func syncClose(f *os.File) error {
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("syncing %s: %w", f.Name(), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("closing %s: %w", f.Name(), err)
	}
	return nil
}

func (fs *fileSet) abort() {
	if fs.ar != nil {
		fs.ar.rb.Release()
	}
	if fs.pqf != nil {
		fs.pqf.Close()
	}
	if fs.arf != nil {
		fs.arf.Close()
	}
}
