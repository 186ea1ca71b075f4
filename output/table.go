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
	parts       map[string]*partition
	open        int    // partitions with open files
	clock       uint64 // last-use counter for closing the least recently used partition
	rows        int64
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
		parts:       make(map[string]*partition),
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

func (t *table) write(n int, day func(int) (int32, bool), emit func(sink, int)) error {
	if !t.partitioned {
		if t.single == nil {
			fs, err := t.openFiles(t.rep.name+".parquet", t.rep.name+".arrow")
			if err != nil {
				return err
			}
			t.single = fs
		}
		for i := range n {
			if err := t.single.add(emit, i); err != nil {
				return err
			}
			t.rows++
		}
		return nil
	}
	for i := 0; i < n; {
		d, ok := day(i)
		j := i + 1
		for j < n {
			dj, okj := day(j)
			if okj != ok || ok && dj != d {
				break
			}
			j++
		}
		p, err := t.partition(d, ok)
		if err != nil {
			return err
		}
		for k := i; k < j; k++ {
			if err := p.fs.add(emit, k); err != nil {
				return err
			}
			t.rows++
		}
		i = j
	}
	return nil
}

// partition returns the day's partition with its files open, closing the least recently used
// partition first when the limit of open partitions is reached.
func (t *table) partition(day int32, ok bool) (*partition, error) {
	name := partitionName(day, ok)
	p := t.parts[name]
	if p == nil {
		p = &partition{name: name}
		t.parts[name] = p
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
		filepath.Join(t.rep.name, name, part+".parquet"),
		filepath.Join(arrowDataset(t.rep.name), name, part+".arrow"))
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
	names := slices.Sorted(maps.Keys(t.parts))
	var errs []error
	for _, name := range names {
		p := t.parts[name]
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
		if opts.Parquet {
			paths = append(paths, filepath.Join(t.rep.name, name))
		}
		if opts.Arrow {
			paths = append(paths, filepath.Join(arrowDataset(t.rep.name), name))
		}
	}
	return paths, nil
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
	pq  *parquetFile
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
		fs.pq = newParquetFile(fs.pqf, t.rep, int64(opts.RowGroupRows), t.meta)
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

func (fs *fileSet) add(emit func(sink, int), i int) error {
	if fs.pq != nil {
		if err := fs.pq.add(emit, i); err != nil {
			return err
		}
	}
	if fs.ar != nil {
		if err := fs.ar.add(emit, i); err != nil {
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
