package analysis

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/corpus"
	"github.com/drishti-news/drishti/output"
)

// TestPrefetch: what is read ahead and what the reader gives after it come out in input
// order, rejects included, whether the read-ahead stopped at once, part-way or at the end.
func TestPrefetch(t *testing.T) {
	var in strings.Builder
	for i := range 40 {
		if i == 17 {
			in.WriteString("{not json\n") // a reject, in its place
			continue
		}
		in.WriteString(`{"id": "a` + string(rune('A'+i)) + `", "text": "सरकार ने आज घोषणा की।"}` + "\n")
	}
	want := readAll(t, in.String(), func(rd *corpus.Reader) func() (corpus.Item, error) { return rd.Next })
	if len(want) != 40 {
		t.Fatalf("fixture: %d items, want 40", len(want))
	}
	stopped := make(chan struct{})
	close(stopped)
	for name, stop := range map[string]chan struct{}{"stopped": stopped, "to the end": make(chan struct{})} {
		got := readAll(t, in.String(), func(rd *corpus.Reader) func() (corpus.Item, error) {
			p := startPrefetch(rd, stop)
			p.wait()
			if name == "to the end" && (len(p.items) != 40 || !errors.Is(p.err, io.EOF)) {
				t.Errorf("%s: read ahead %d items (err %v), want all 40 and io.EOF", name, len(p.items), p.err)
			}
			return p.next
		})
		if len(got) != len(want) {
			t.Fatalf("%s: %d items, want %d", name, len(got), len(want))
		}
		for i := range want {
			if describeItem(got[i]) != describeItem(want[i]) {
				t.Errorf("%s: item %d is %s, want %s", name, i, describeItem(got[i]), describeItem(want[i]))
			}
		}
	}
}

// readAll reads every item through the next function that mk makes of a fresh reader of in,
// and checks that io.EOF stays.
func readAll(t *testing.T, in string, mk func(*corpus.Reader) func() (corpus.Item, error)) []corpus.Item {
	t.Helper()
	rd, err := corpus.OpenReader("in.jsonl", strings.NewReader(in), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	next := mk(rd)
	var items []corpus.Item
	for {
		it, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, it)
	}
	if _, err := next(); !errors.Is(err, io.EOF) {
		t.Fatalf("after the end: %v, want io.EOF", err)
	}
	return items
}

func describeItem(it corpus.Item) string {
	if it.Reject != nil {
		return "reject@" + it.Reject.Reason
	}
	return "article " + it.Article.ID
}

// TestSpillWriterError: a failed write cancels the stream with its error, the writer keeps
// taking spills so that senders never block, and wait returns the error.
func TestSpillWriterError(t *testing.T) {
	out, err := output.Create(output.Options{Dir: t.TempDir(), Parquet: true, RunID: "t1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := out.Abort(); err != nil { // every later write fails
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	col := newCollector(out)
	sw := startSpillWriter(ctx, col, cancel)
	hits := []output.Hit{{ArticleID: "a1", Surface: "x", Entry: "x", Category: "c"}}
	for range 5 {
		sw.in <- spill{hits: [][]output.Hit{hits}, n: holdHits + 1} // beyond the hold: written at once
	}
	close(sw.in)
	sw.release()
	werr := sw.wait()
	if werr == nil || !errors.Is(werr, output.ErrClosed) {
		t.Fatalf("wait: %v, want the write error", werr)
	}
	if cause := context.Cause(ctx); !errors.Is(cause, output.ErrClosed) {
		t.Errorf("the stream was canceled with %v, want the write error", cause)
	}
}

// TestSpillWriterStopsWhenCanceled: once the run is canceled, held spills are dropped, not
// written, and wait reports the cause, so that the run cannot commit reports without them.
func TestSpillWriterStopsWhenCanceled(t *testing.T) {
	dir := t.TempDir()
	out, err := output.Create(output.Options{Dir: dir, Parquet: true, RunID: "t2"})
	if err != nil {
		t.Fatal(err)
	}
	defer out.Abort()
	ctx, cancel := context.WithCancelCause(context.Background())
	col := newCollector(out)
	sw := startSpillWriter(ctx, col, cancel)
	hits := []output.Hit{{ArticleID: "a1", Surface: "x", Entry: "x", Category: "c"}}
	sw.in <- spill{hits: [][]output.Hit{hits}, n: 1} // held: below holdHits
	stop := errors.New("stopped by the test")
	cancel(stop)
	close(sw.in)
	sw.release()
	if err := sw.wait(); !errors.Is(err, stop) {
		t.Fatalf("wait: %v, want the cause of the cancellation", err)
	}
	if n := out.RowCounts()[output.ReportHits]; n != 0 {
		t.Errorf("%d hits written after the cancellation, want 0", n)
	}
}
