package analysis

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/drishti-news/drishti/analysis/corpus"
	"github.com/drishti-news/drishti/output"
)

// Summary tells what a run did, for the person who started it.
type Summary struct {
	RunID      string
	Out        string
	Articles   int
	Rejects    int
	Outliers   int
	Categories []string
	Topics     []output.Topic
	Reports    map[string]int64
	Inputs     []corpus.InputStats
	Duration   time.Duration
}

// Print writes a short human summary: counts, the biggest topics and where the reports are.
func (s *Summary) Print(w io.Writer) {
	fmt.Fprintf(w, "Drishti run %s: %d articles analysed, %d rejected, in %.1fs.\n",
		s.RunID, s.Articles, s.Rejects, s.Duration.Seconds())
	if len(s.Topics) > 0 {
		ts := slices.Clone(s.Topics)
		slices.SortStableFunc(ts, func(a, b output.Topic) int { return b.Size - a.Size })
		fmt.Fprintf(w, "%d topics (%d outlier articles); the largest:\n", len(ts), s.Outliers)
		for i, t := range ts {
			if i == 8 {
				break
			}
			best, bestScore := "", 0.0
			for c, m := range t.CategoryMeans {
				if m > bestScore {
					best, bestScore = s.Categories[c], m
				}
			}
			tone := ""
			if best != "" {
				tone = fmt.Sprintf("  [%s %.1f]", best, bestScore)
			}
			fmt.Fprintf(w, "  #%-3d %4d  %s%s\n", t.ID, t.Size, t.Label, tone)
		}
	}
	abs, err := filepath.Abs(s.Out)
	if err != nil {
		abs = s.Out
	}
	fmt.Fprintf(w, "Reports in %s:", abs)
	for _, name := range output.ReportNames() {
		fmt.Fprintf(w, " %s (%d rows)", name, s.Reports[name])
	}
	fmt.Fprintln(w)
	if s.Rejects > 0 {
		fmt.Fprintf(w, "See rejects.parquet for the %d rejected rows and their reasons.\n", s.Rejects)
	}
}

// fileSHA256 returns the hex SHA-256 of a file's contents, or "" if it cannot be read (the
// lexicon loader has already read it successfully by then).
func fileSHA256(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
