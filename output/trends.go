package output

import (
	"cmp"
	"slices"
)

// Trends aggregates articles into trend rows: one TrendCategory row per day × source ×
// category (every category, also when no article of the group hit it) and one TrendTopic row
// per day × topic for articles with a topic. Articles without a day form the NULL day. Rows
// are sorted by day (unknown last), kind (category first), source, category in the order of
// categories, and topic id, so the result does not depend on the order of articles beyond
// the choice of each topic's label (the first article's).
func Trends(articles []Article, categories []string) []Trend {
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
