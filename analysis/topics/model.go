package topics

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"gonum.org/v1/gonum/stat"
)

// ModelFormat is the value of Model.Format written by this version.
const ModelFormat = "drishti-topics/1"

// maxCentroidTerms bounds the terms kept per centroid in a saved model (the largest weights;
// the rest of a centroid's mass is small and the file stays small).
const maxCentroidTerms = 2000

// Model is a fitted topic model, saved between scheduled runs so that topics keep their ids.
// It is stored as one JSON object; docs/topics.md documents the fields.
type Model struct {
	Format   string       `json:"format"`
	Features string       `json:"features"`
	Docs     int          `json:"docs"` // documents seen since the last refit (for idf)
	MinDF    int          `json:"min_df"`
	MaxDF    float64      `json:"max_df"`
	NextID   int          `json:"next_id"` // the id the next new topic gets
	Terms    []ModelTerm  `json:"terms"`
	Topics   []ModelTopic `json:"topics"`
}

// ModelTerm is one vocabulary entry: key, the surface form shown to readers, and its document
// frequency since the last refit.
type ModelTerm struct {
	Key     string `json:"key"`
	Surface string `json:"surface"`
	DF      int    `json:"df"`
}

// ModelTopic is one topic of a model. Its centroid is sparse: Terms index Model.Terms and
// Weights are the matching weights of the unit-length centroid.
type ModelTopic struct {
	ID       int     `json:"id"`
	Label    string  `json:"label"`
	Size     int     `json:"size"`      // documents assigned since the topic was opened
	Mass     float64 `json:"mass"`      // decayed document count weighing the centroid's history
	FirstDay int32   `json:"first_day"` // days since 1970; NoDay (−2147483648) if unknown
	LastDay  int32   `json:"last_day"`
	Median   float64 `json:"median"` // median similarity of the members when last fitted
	Join     float64 `json:"join"`   // similarity a document needs to join: 5th percentile of the members'

	Terms   []int32   `json:"terms"`
	Weights []float64 `json:"weights"`
}

// joinQuantile: a document joins a prior topic when it is at least as similar to the centroid
// as the loosest 5 % of the topic's own members were to the centroid of the other members
// (leave-one-out) when it was fitted.
const joinQuantile = 0.05

// model builds the model to save after a fit.
func (st *state) model(v *vocabulary, o Options, res *Result) *Model {
	m := &Model{Format: ModelFormat, Features: o.Features, Docs: v.docs, MinDF: o.MinDF, MaxDF: o.MaxDF, NextID: st.next}
	for c, k := range v.keys {
		m.Terms = append(m.Terms, ModelTerm{Key: k, Surface: v.surfaces[c], DF: v.df[c]})
	}
	byID := map[int]*Topic{}
	for i := range res.Topics {
		byID[res.Topics[i].ID] = &res.Topics[i]
	}
	if len(st.ids) > 0 {
		m.Topics = make([]ModelTopic, len(st.ids))
	}
	// topics in parallel: each sorts its own centroid
	parallelRange(len(st.ids), o.Workers, func(a int) {
		id := st.ids[a]
		mt := ModelTopic{ID: id, FirstDay: NoDay, LastDay: NoDay}
		if p := st.prior[a]; p != nil {
			mt = *p
			mt.Terms, mt.Weights = nil, nil
			mt.Mass *= priorDecay
		}
		if t, ok := byID[id]; ok {
			mt.Size += t.Size
			mt.Mass += float64(t.Size)
			mt.FirstDay, mt.LastDay = t.FirstDay, t.LastDay
			if mt.Label == "" {
				mt.Label = t.Label
			}
			s := slices.Clone(st.loo[a])
			slices.Sort(s)
			if len(s) > 0 {
				mt.Median = stat.Quantile(0.5, stat.Empirical, s, nil)
				mt.Join = stat.Quantile(joinQuantile, stat.Empirical, s, nil)
			}
		}
		row := st.cent.RawRowView(a)[:len(v.keys)]
		var cols []int
		for c, w := range row {
			if w > 0 {
				cols = append(cols, c)
			}
		}
		if len(cols) > maxCentroidTerms {
			slices.SortFunc(cols, func(x, y int) int { // a total order: columns are distinct
				switch {
				case row[x] > row[y]:
					return -1
				case row[x] < row[y]:
					return 1
				}
				return x - y
			})
			cols = cols[:maxCentroidTerms]
			slices.Sort(cols)
		}
		for _, c := range cols {
			mt.Terms = append(mt.Terms, int32(c))
			mt.Weights = append(mt.Weights, row[c])
		}
		m.Topics[a] = mt
	})
	return m
}

// Save writes the model to path as JSON, atomically: it writes a temporary file in the same
// directory and renames it over path.
func (m *Model) Save(path string) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("saving topic model: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	if err := enc.Encode(m); err != nil {
		return fmt.Errorf("saving topic model %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("saving topic model %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("saving topic model %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("saving topic model %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("saving topic model %s: %w", path, err)
	}
	return nil
}

// ErrModelFormat is wrapped by LoadModel's errors for a file that is not a valid model.
var ErrModelFormat = errors.New("not a valid topic model")

// LoadModel reads a model written by Save and checks it.
func LoadModel(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loading topic model: %w", err)
	}
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("loading topic model %s: %w: %w", path, ErrModelFormat, err)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("loading topic model %s: %w: %w", path, ErrModelFormat, err)
	}
	return &m, nil
}

// check validates the invariants Fit relies on.
func (m *Model) check() error {
	if m.Format != ModelFormat {
		return fmt.Errorf("format %q, want %q", m.Format, ModelFormat)
	}
	if m.Docs < 0 {
		return fmt.Errorf("field docs: negative (%d)", m.Docs)
	}
	seen := map[string]bool{}
	for i, t := range m.Terms {
		if t.Key == "" || seen[t.Key] {
			return fmt.Errorf("term %d: empty or repeated key %q", i, t.Key)
		}
		seen[t.Key] = true
		if t.DF < 0 {
			return fmt.Errorf("term %d (%q): negative df", i, t.Key)
		}
	}
	ids := map[int]bool{}
	for i, t := range m.Topics {
		if t.ID < 0 || ids[t.ID] {
			return fmt.Errorf("topic %d: negative or repeated id %d", i, t.ID)
		}
		ids[t.ID] = true
		if t.ID >= m.NextID {
			return fmt.Errorf("topic %d: id %d not below next_id %d", i, t.ID, m.NextID)
		}
		if len(t.Terms) != len(t.Weights) {
			return fmt.Errorf("topic %d: %d terms but %d weights", t.ID, len(t.Terms), len(t.Weights))
		}
		for _, ti := range t.Terms {
			if ti < 0 || int(ti) >= len(m.Terms) {
				return fmt.Errorf("topic %d: term index %d out of range", t.ID, ti)
			}
		}
		if t.Mass < 0 {
			return fmt.Errorf("topic %d: negative mass", t.ID)
		}
	}
	return nil
}

// parallelRange calls fn(i) for every i in [0,n), on up to workers goroutines that take
// contiguous ranges.
func parallelRange(n, workers int, fn func(i int)) {
	workers = max(1, min(workers, n))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				fn(i)
			}
		})
	}
	wg.Wait()
}

// Expire drops from m the topics last seen more than days days before the latest day on
// which any topic of m was seen, and returns their ids in ascending order. The days are the
// articles' days, not the clock's, so re-running or backfilling a day expires the same
// topics. Topics whose days are unknown are kept. NextID does not change: an expired topic's
// id is never given to another topic. days ≤ 0 keeps every topic.
func (m *Model) Expire(days int) []int {
	if days <= 0 {
		return nil
	}
	latest := NoDay
	for _, t := range m.Topics {
		latest = maxDay(latest, t.LastDay)
	}
	if latest == NoDay {
		return nil
	}
	cut := int64(latest) - int64(days)
	var expired []int
	kept := m.Topics[:0]
	for _, t := range m.Topics {
		if t.LastDay != NoDay && int64(t.LastDay) < cut {
			expired = append(expired, t.ID)
			continue
		}
		kept = append(kept, t)
	}
	clear(m.Topics[len(kept):])
	m.Topics = kept
	slices.Sort(expired)
	return expired
}
