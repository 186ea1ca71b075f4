package analysis

import (
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/drishti-news/drishti/analysis/corpus"
)

// progress shows the reader's progress (bytes, MB/s, ETA) on a terminal.
type progress struct {
	bar  *progressbar.ProgressBar
	stop chan struct{}
	done chan struct{}
}

// articles counts the articles analysed so far; it is read atomically for the description.
func newProgress(w io.Writer, rd *corpus.Reader, articles *atomic.Int64) *progress {
	if w == nil {
		return nil
	}
	p := &progress{
		bar: progressbar.NewOptions64(rd.TotalBytes(),
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("reading"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		),
		stop: make(chan struct{}),
		done: make(chan struct{}),
	}
	go func() {
		defer close(p.done)
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				_ = p.bar.Set64(rd.BytesRead())
				return
			case <-t.C:
				p.bar.Describe(fmt.Sprintf("%d articles", articles.Load()))
				_ = p.bar.Set64(rd.BytesRead())
			}
		}
	}()
	return p
}

func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.done
	_ = p.bar.Finish()
	_ = p.bar.Clear()
}
