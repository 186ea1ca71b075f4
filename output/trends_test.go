package output

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// trendsReference is the first Trends: one map entry per day × source × category, and the
// rows sorted at the end. Trends must return exactly its rows.
func trendsReference(articles []Article, categories []string) []Trend {
	type dayKey struct {
		day int32
		ok  bool
	}
	type catKey struct {
		d      dayKey
		source string
		cat    int
	}
	type topicKey struct {
		d     dayKey
		topic int
	}
	type acc struct {
		n, hits     int64
		score, tone float64
		label       string
	}
	cats := make(map[catKey]*acc)
	topics := make(map[topicKey]*acc)
	for i := range articles {
		a := &articles[i]
		d := dayKey{a.Day, a.HasDay}
		if !d.ok {
			d.day = 0
		}
		var total float64
		anyHit := false
		for c := range categories {
			var cs CategoryScore
			if c < len(a.Categories) {
				cs = a.Categories[c]
			}
			k := catKey{d, a.Source, c}
			g := cats[k]
			if g == nil {
				g = &acc{}
				cats[k] = g
			}
			g.n++
			if cs.Hits > 0 {
				g.hits++
				anyHit = true
			}
			g.score += cs.Score
			g.tone += a.Tone
			total += cs.Score
		}
		if a.HasTopic {
			k := topicKey{d, a.TopicID}
			g := topics[k]
			if g == nil {
				g = &acc{label: a.TopicLabel}
				topics[k] = g
			}
			g.n++
			if anyHit {
				g.hits++
			}
			g.score += total
			g.tone += a.Tone
		}
	}
	out := make([]Trend, 0, len(cats)+len(topics))
	for k, g := range cats {
		out = append(out, Trend{
			Day: k.d.day, HasDay: k.d.ok, Kind: TrendCategory, Source: k.source,
			Category: categories[k.cat], TopicID: k.cat, // TopicID holds the category index until sorted
			Articles: g.n, ArticlesWithHits: g.hits,
			MeanScore: g.score / float64(g.n), MeanTone: g.tone / float64(g.n),
		})
	}
	for k, g := range topics {
		out = append(out, Trend{
			Day: k.d.day, HasDay: k.d.ok, Kind: TrendTopic, TopicID: k.topic, TopicLabel: g.label,
			Articles: g.n, ArticlesWithHits: g.hits,
			MeanScore: g.score / float64(g.n), MeanTone: g.tone / float64(g.n),
		})
	}
	slices.SortFunc(out, func(a, b Trend) int {
		if a.HasDay != b.HasDay {
			if a.HasDay {
				return -1
			}
			return 1
		}
		return cmp.Or(
			cmp.Compare(a.Day, b.Day),
			cmp.Compare(a.Kind, b.Kind), // "category" < "topic"
			cmp.Compare(a.Source, b.Source),
			cmp.Compare(a.TopicID, b.TopicID), // category index, or topic id
		)
	})
	for i := range out {
		if out[i].Kind == TrendCategory {
			out[i].TopicID = 0
		}
	}
	return out
}

// TestTrendsMatchesReference: on articles with many days, sources (and none), topics, missing
// category scores and NaN, Trends returns the reference's rows, bit for bit.
func TestTrendsMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	cats := []string{"war", "alliance", "threat", "peace"}
	for _, n := range []int{0, 1, 2, 50, 3000} {
		arts := make([]Article, n)
		for i := range arts {
			a := Article{
				ID:     string(rune('a' + i%26)),
				Source: []string{"", "s1", "s2", "दैनिक", "s3"}[rng.IntN(5)],
				Day:    int32(20000 + rng.IntN(9) - 4), HasDay: rng.IntN(6) != 0,
				Tone:     rng.NormFloat64(),
				HasTopic: rng.IntN(4) != 0, TopicID: rng.IntN(7) - 1,
			}
			a.TopicLabel = []string{"x", "y", "z"}[(a.TopicID+1)%3]
			for range rng.IntN(len(cats) + 1) {
				cs := CategoryScore{Hits: rng.IntN(3), Score: rng.Float64() * 4, Density: rng.Float64()}
				if rng.IntN(500) == 0 {
					cs.Score = math.NaN()
				}
				a.Categories = append(a.Categories, cs)
			}
			arts[i] = a
		}
		for _, cs := range [][]string{cats, nil} {
			got, want := Trends(arts, cs), trendsReference(arts, cs)
			if !slices.EqualFunc(got, want, sameTrend) {
				t.Fatalf("%d articles, %d categories: got %d rows, want %d\ngot  %+v\nwant %+v", n, len(cs), len(got), len(want), got, want)
			}
		}
	}
}

// sameTrend is == with the floats compared bit for bit, so that NaN equals NaN.
func sameTrend(a, b Trend) bool {
	if math.Float64bits(a.MeanScore) != math.Float64bits(b.MeanScore) || math.Float64bits(a.MeanTone) != math.Float64bits(b.MeanTone) {
		return false
	}
	a.MeanScore, b.MeanScore, a.MeanTone, b.MeanTone = 0, 0, 0, 0
	return a == b
}

// BenchmarkTrends sums the trends of 15,000 articles, about the 50 MB corpus.
func BenchmarkTrends(b *testing.B) {
	arts := benchArticles(15_000)
	for b.Loop() {
		Trends(arts, benchCategories)
	}
}
