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
	type groupKey struct {
		d      dayKey
		source string
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
	// One map lookup per article finds its day × source group, whose categories' sums are
	// consecutive in cats; the rows are then built in their final order instead of sorted.
	ncat := len(categories)
	groupOf := make(map[groupKey]int)
	var groups []groupKey
	var cats []acc // cats[g*ncat+c]: group g, category c
	topicOf := make(map[topicKey]int)
	var topicKeys []topicKey
	var topics []acc
	for i := range articles {
		a := &articles[i]
		d := keyOf(a.Day, a.HasDay)
		gk := groupKey{d, a.Source}
		g, ok := groupOf[gk]
		if !ok {
			g = len(groups)
			groupOf[gk] = g
			groups = append(groups, gk)
			cats = append(cats, make([]acc, ncat)...)
		}
		row := cats[g*ncat : (g+1)*ncat]
		var total float64
		anyHit := false
		for c := range row {
			var cs CategoryScore
			if c < len(a.Categories) {
				cs = a.Categories[c]
			}
			s := &row[c]
			s.n++
			if cs.Hits > 0 {
				s.hits++
				anyHit = true
			}
			s.score += cs.Score
			s.tone += a.Tone
			total += cs.Score
		}
		if a.HasTopic {
			tk := topicKey{d, a.TopicID}
			k, ok := topicOf[tk]
			if !ok {
				k = len(topics)
				topicOf[tk] = k
				topicKeys = append(topicKeys, tk)
				topics = append(topics, acc{label: a.TopicLabel})
			}
			s := &topics[k]
			s.n++
			if anyHit {
				s.hits++
			}
			s.score += total
			s.tone += a.Tone
		}
	}
	byDay := func(a, b dayKey) int {
		if a.ok != b.ok {
			if a.ok {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.day, b.day)
	}
	gs := make([]int, len(groups))
	for i := range gs {
		gs[i] = i
	}
	slices.SortFunc(gs, func(x, y int) int {
		return cmp.Or(byDay(groups[x].d, groups[y].d), cmp.Compare(groups[x].source, groups[y].source))
	})
	ts := make([]int, len(topicKeys))
	for i := range ts {
		ts[i] = i
	}
	slices.SortFunc(ts, func(x, y int) int {
		return cmp.Or(byDay(topicKeys[x].d, topicKeys[y].d), cmp.Compare(topicKeys[x].topic, topicKeys[y].topic))
	})
	out := make([]Trend, 0, len(groups)*ncat+len(topics))
	for len(gs) > 0 || len(ts) > 0 {
		// a day's category rows come before its topic rows
		if len(gs) > 0 && (len(ts) == 0 || byDay(groups[gs[0]].d, topicKeys[ts[0]].d) <= 0) {
			g := gs[0]
			gs = gs[1:]
			k := groups[g]
			for c, s := range cats[g*ncat : (g+1)*ncat] {
				out = append(out, Trend{
					Day: k.d.day, HasDay: k.d.ok, Kind: TrendCategory, Source: k.source, Category: categories[c],
					Articles: s.n, ArticlesWithHits: s.hits,
					MeanScore: s.score / float64(s.n), MeanTone: s.tone / float64(s.n),
				})
			}
			continue
		}
		k, s := topicKeys[ts[0]], &topics[ts[0]]
		ts = ts[1:]
		out = append(out, Trend{
			Day: k.d.day, HasDay: k.d.ok, Kind: TrendTopic, TopicID: k.topic, TopicLabel: s.label,
			Articles: s.n, ArticlesWithHits: s.hits,
			MeanScore: s.score / float64(s.n), MeanTone: s.tone / float64(s.n),
		})
	}
	return out
}
