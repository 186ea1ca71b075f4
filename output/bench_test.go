package output

import (
	"fmt"
	"testing"
	"time"
)

var benchCategories = []string{"war", "alliance", "treaty", "threat", "warning", "peace"}

func benchArticles(n int) []Article {
	out := make([]Article, n)
	for i := range out {
		cs := make([]CategoryScore, len(benchCategories))
		for c := range cs {
			cs[c] = CategoryScore{Hits: (i + c) % 4, Score: float64((i+c)%4) * 1.25, Density: float64((i*7+c)%100) / 10}
		}
		pub := time.Date(2026, 11, 20+i%7, i%24, i%60, 0, 0, time.UTC)
		out[i] = Article{
			ID: fmt.Sprintf("https://news.example/2026/11/%08d", i), Source: []string{"अमर समाचार", "दैनिक प्रभात", "नवभारत दर्पण", "जनवाणी"}[i%4],
			URL: fmt.Sprintf("https://news.example/2026/11/%08d.html", i), Title: fmt.Sprintf("सीमा पर तनाव के बीच रक्षा समझौता %d", i),
			PublishedAt: pub, Day: DayOf(pub), HasDay: true,
			Chars: 2000 + i%3000, Words: 400 + i%600, Sentences: 20 + i%30, DevanagariRatio: 0.93,
			Tone: float64(i%21-10) / 2, Positive: 2.5, Negative: 3.1, Polarity: 5.6, Categories: cs,
			Dominant: benchCategories[i%len(benchCategories)], TopicID: i % 20, HasTopic: true,
			TopicLabel: fmt.Sprintf("विषय %d", i%20), TopicSimilarity: 0.42,
		}
	}
	return out
}

func benchHits(n int) []Hit {
	surfaces := []string{"युद्ध", "सैन्य गठबंधन", "चेतावनी", "संधि", "हमले की धमकी", "शांति वार्ता"}
	out := make([]Hit, n)
	for i := range out {
		out[i] = Hit{
			ArticleID: fmt.Sprintf("https://news.example/2026/11/%08d", i/8), Day: DayOf(time.Date(2026, 11, 20+i/8%7, 0, 0, 0, 0, time.UTC)), HasDay: true,
			Sentence: i % 30, Start: i % 5000, End: i%5000 + 15, Surface: surfaces[i%6], Entry: surfaces[i%6],
			Category: benchCategories[i%6], Weight: 1.5, Modifier: []string{"", "", "negated", "intensified"}[i%4], EffectiveWeight: 1.5,
		}
	}
	return out
}

// benchWrite writes b.N rows from a pool of pre-built rows in calls of chunk rows and
// commits, reporting rows/s. Measure a million rows with
// go test -run '^$' -bench Write -benchtime 1000000x ./output/
func benchWrite[T any](b *testing.B, pool []T, write func(*Run, []T) error, partition bool, chunk int) {
	dir := b.TempDir()
	opts := Options{Dir: dir, RunID: "bench", Version: "bench", Categories: benchCategories, PartitionByDay: partition}
	b.ReportAllocs()
	b.ResetTimer()
	r, err := Create(opts)
	if err != nil {
		b.Fatal(err)
	}
	for left := b.N; left > 0; {
		n := min(left, len(pool), chunk)
		off := (b.N - left) % (len(pool) - n + 1)
		if err := write(r, pool[off:off+n]); err != nil {
			b.Fatal(err)
		}
		left -= n
	}
	if err := r.Commit(nil); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkWriteArticles(b *testing.B) {
	pool := benchArticles(10_000)
	b.Run("single", func(b *testing.B) { benchWrite(b, pool, (*Run).WriteArticles, false, len(pool)) })
	b.Run("partitioned", func(b *testing.B) { benchWrite(b, pool, (*Run).WriteArticles, true, len(pool)) })
}

func BenchmarkWriteHits(b *testing.B) {
	pool := benchHits(10_000)
	b.Run("single", func(b *testing.B) { benchWrite(b, pool, (*Run).WriteHits, false, len(pool)) })
	b.Run("partitioned", func(b *testing.B) { benchWrite(b, pool, (*Run).WriteHits, true, len(pool)) })
	// The pipeline streams one article's hits per call.
	b.Run("streamed-8", func(b *testing.B) { benchWrite(b, pool, (*Run).WriteHits, false, 8) })
}
