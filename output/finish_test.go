package output

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestFinishEarly checks that finishing reports before Commit gives the same files as
// finishing them in Commit, that a finished report takes no more rows, that finishing twice
// is harmless, and that Abort after Finish removes the finished files.
func TestFinishEarly(t *testing.T) {
	for _, partition := range []bool{false, true} {
		early, late := t.TempDir(), t.TempDir()
		opts := testOptions(late)
		opts.Arrow, opts.PartitionByDay = true, partition
		mLate := writeAll(t, opts, testArticles(40), testHits(60))

		opts.Dir = early
		r, err := Create(opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.WriteRejects(testRejects()); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteHits(testHits(60)); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{ReportHits, ReportRejects, ReportHits} {
			if err := r.Finish(name); err != nil {
				t.Fatalf("Finish(%s): %v", name, err)
			}
		}
		if err := r.WriteHits(testHits(1)); !errors.Is(err, ErrFinished) {
			t.Errorf("WriteHits after Finish: %v, want ErrFinished", err)
		}
		if err := r.Finish("nope"); err == nil {
			t.Error("Finish of an unknown report: no error")
		}
		arts := testArticles(40)
		if err := r.WriteArticles(arts); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteTopics(testTopics()); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteTrends(Trends(arts, opts.Categories)); err != nil {
			t.Fatal(err)
		}
		mEarly := &Manifest{RunID: opts.RunID, Version: opts.Version}
		if err := r.Commit(mEarly); err != nil {
			t.Fatal(err)
		}
		if err := r.Finish(ReportArticles); !errors.Is(err, ErrClosed) {
			t.Errorf("Finish after Commit: %v, want ErrClosed", err)
		}
		if !reflect.DeepEqual(mEarly.Files, mLate.Files) || !reflect.DeepEqual(mEarly.Reports, mLate.Reports) {
			t.Errorf("partition %v: files %v rows %v, want %v %v", partition, mEarly.Files, mEarly.Reports, mLate.Files, mLate.Reports)
		}
		se, sl := snapshot(t, early), snapshot(t, late)
		delete(se, ManifestFile)
		delete(sl, ManifestFile)
		sameSnapshot(t, se, sl)
	}

	// Abort after Finish leaves nothing behind
	dir := t.TempDir()
	r, err := Create(testOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteHits(testHits(5)); err != nil {
		t.Fatal(err)
	}
	if err := r.Finish(ReportHits); err != nil {
		t.Fatal(err)
	}
	tmp := r.TempDir()
	if err := r.Abort(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("temporary folder after Abort: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, ReportHits+".parquet")); !os.IsNotExist(err) {
		t.Errorf("hits.parquet after Abort: %v", err)
	}
}
