package output

import (
	"testing"
)

// TestWriteHitRunsMatchesWriteHits: the hits of several runs written in one WriteHitRuns call
// give the same files, byte for byte, as WriteHits of the runs joined, with and without day
// partitions (whose rows are grouped by day across the runs).
func TestWriteHitRunsMatchesWriteHits(t *testing.T) {
	hits := testHits(60)
	runs := [][]Hit{hits[:7], hits[7:8], nil, hits[8:41], hits[41:]}
	for _, partitioned := range []bool{false, true} {
		joined, split := t.TempDir(), t.TempDir()
		for _, dir := range []string{joined, split} {
			opts := testOptions(dir)
			opts.Arrow = true
			opts.PartitionByDay = partitioned
			r, err := Create(opts)
			if err != nil {
				t.Fatal(err)
			}
			if dir == joined {
				err = r.WriteHits(hits)
			} else {
				err = r.WriteHitRuns(runs)
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Commit(&Manifest{RunID: opts.RunID}); err != nil {
				t.Fatal(err)
			}
		}
		got, want := snapshot(t, split), snapshot(t, joined)
		delete(got, ManifestFile)
		delete(want, ManifestFile)
		if len(want) == 0 {
			t.Fatal("no files written")
		}
		sameSnapshot(t, got, want)
	}
}
