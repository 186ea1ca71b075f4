package output

import (
	"time"
)

// CategoryScore is one lexicon category's result for one article. Article.Categories is
// aligned with Options.Categories: element i belongs to category i.
type CategoryScore struct {
	Hits    int     // number of matches of the category's entries
	Score   float64 // sum of effective weights
	Density float64 // hits per 100 words
}

// Article is one row of articles.parquet. The zero values of the nullable fields write NULL:
// PublishedAt zero, HasDay false, empty Source/URL/Title/Dominant/TopicLabel, HasTopic false.
type Article struct {
	ID          string
	Source      string
	URL         string
	Title       string
	PublishedAt time.Time // written as microseconds since 1970 UTC; zero → NULL
	Day         int32     // days since 1970-01-01 (see DayOf); valid when HasDay
	HasDay      bool

	Chars, Words, Sentences int

	DevanagariRatio float64
	Tone            float64 // GDELT-style: positive − negative, per 100 words
	Positive        float64
	Negative        float64
	Polarity        float64

	Categories []CategoryScore // aligned with Options.Categories; missing entries write 0

	Dominant        string // category with the highest score; "" → NULL
	TopicID         int    // −1 for an outlier (an article that fits no topic)
	HasTopic        bool   // false → topic_id, topic_label and topic_similarity are NULL
	TopicLabel      string
	TopicSimilarity float64
	Flags           []string // repairs made by the reader, e.g. "invalid-utf8-replaced"
}

// Hit is one row of hits.parquet: one lexicon match in one article.
type Hit struct {
	ArticleID string
	Day       int32 // the article's day; partitions hits with Options.PartitionByDay
	HasDay    bool
	Sentence  int // 0-based sentence index in the article
	Start     int // byte offset of the match in the article text as given
	End       int // byte offset just past the match
	Surface   string
	Entry     string // the lexicon entry that matched
	Category  string
	Weight    float64
	Modifier  string // "negated", "intensified", …; "" → NULL
	// EffectiveWeight is Weight after the modifier was applied.
	EffectiveWeight float64
}

// Topic is one row of topics.parquet.
type Topic struct {
	ID                int
	Label             string
	Size              int
	TopTerms          []string
	TopWeights        []float64
	RepresentativeIDs []string
	NPMI              float64 // mean NPMI over pairs of top terms; valid when HasNPMI
	HasNPMI           bool
	Cohesion          float64 // mean similarity of the members to the centroid; valid when HasCohesion
	HasCohesion       bool
	FirstDay, LastDay int32 // days since 1970 of the earliest and latest member; valid when HasDays
	HasDays           bool
	Outlier           bool // the row that counts the outliers (topic id −1 in the articles)
	New               bool // the topic did not match a topic of a previous run
	// CategoryMeans is aligned with Options.Categories: mean category score of the members.
	CategoryMeans []float64
}

// Trend kinds.
const (
	TrendCategory = "category" // one row per day × source × category
	TrendTopic    = "topic"    // one row per day × topic
)

// Trend is one row of trends.parquet. With Kind TrendCategory, Source and Category are set
// and the topic columns are NULL; with Kind TrendTopic, TopicID and TopicLabel are set and
// source and category are NULL.
type Trend struct {
	Day    int32
	HasDay bool
	Kind   string
	Source string
	// Category is the lexicon category (TrendCategory rows).
	Category   string
	TopicID    int
	TopicLabel string
	Articles   int64
	// ArticlesWithHits counts articles with at least one hit of Category (TrendCategory) or
	// of any category (TrendTopic).
	ArticlesWithHits int64
	// MeanScore is the mean Category score (TrendCategory) or the mean summed score of all
	// categories (TrendTopic) over the Articles.
	MeanScore float64
	MeanTone  float64
}

// Reject is one row of rejects.parquet: an input row that did not become an article.
type Reject struct {
	Input   string // file path, or "-" for stdin
	Line    int64  // 1-based line (JSONL), record (CSV) or row (Parquet, Arrow); 0 for a whole input
	ID      string // "" → NULL
	Code    string // stable machine-friendly reason code, e.g. "malformed"; "" → NULL
	Reason  string // a sentence naming the field or column concerned
	Excerpt string // made valid UTF-8 and cut to at most MaxExcerptBytes by the writer
}

// MaxExcerptBytes bounds Reject.Excerpt; the writer cuts longer excerpts at a rune boundary.
const MaxExcerptBytes = 200

// DayOf returns t's calendar day in UTC as days since 1970-01-01, the value of a DATE column.
func DayOf(t time.Time) int32 {
	y, m, d := t.UTC().Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// DayString formats a DATE value (days since 1970) as YYYY-MM-DD.
func DayString(day int32) string {
	return time.Unix(int64(day)*86400, 0).UTC().Format(time.DateOnly)
}

// sink receives the values of one row, column by column, in schema order. The Parquet and
// Arrow writers implement it, so each report's row layout is written once (the emit
// functions below) and cannot drift between the two formats.
type sink interface {
	str(s string)
	optStr(s string) // "" → NULL
	i32(v int)
	optI32(v int, ok bool)
	i64(v int64)
	f64(v float64)
	optF64(v float64, ok bool)
	boolean(v bool)
	ts(t time.Time) // zero → NULL
	date(d int32, ok bool)
	strs(v []string)
	f64s(v []float64)
}

var (
	_ sink = (*parquetSink)(nil)
	_ sink = (*arrowSink)(nil)
)

func emitArticle(s sink, a *Article, ncat int) {
	s.str(a.ID)
	s.optStr(a.Source)
	s.optStr(a.URL)
	s.optStr(a.Title)
	s.ts(a.PublishedAt)
	s.date(a.Day, a.HasDay)
	s.i32(a.Chars)
	s.i32(a.Words)
	s.i32(a.Sentences)
	s.f64(a.DevanagariRatio)
	s.f64(a.Tone)
	s.f64(a.Positive)
	s.f64(a.Negative)
	s.f64(a.Polarity)
	for i := range ncat {
		var c CategoryScore
		if i < len(a.Categories) {
			c = a.Categories[i]
		}
		s.i32(c.Hits)
		s.f64(c.Score)
		s.f64(c.Density)
	}
	s.optStr(a.Dominant)
	s.optI32(a.TopicID, a.HasTopic)
	if a.HasTopic {
		s.optStr(a.TopicLabel)
	} else {
		s.optStr("")
	}
	s.optF64(a.TopicSimilarity, a.HasTopic)
	s.strs(a.Flags)
}

func emitHit(s sink, h *Hit) {
	s.str(h.ArticleID)
	s.date(h.Day, h.HasDay)
	s.i32(h.Sentence)
	s.i32(h.Start)
	s.i32(h.End)
	s.str(h.Surface)
	s.str(h.Entry)
	s.str(h.Category)
	s.f64(h.Weight)
	s.optStr(h.Modifier)
	s.f64(h.EffectiveWeight)
}

func emitTopic(s sink, t *Topic, ncat int) {
	s.i32(t.ID)
	s.str(t.Label)
	s.i32(t.Size)
	s.strs(t.TopTerms)
	s.f64s(t.TopWeights)
	s.strs(t.RepresentativeIDs)
	s.optF64(t.NPMI, t.HasNPMI)
	s.optF64(t.Cohesion, t.HasCohesion)
	s.date(t.FirstDay, t.HasDays)
	s.date(t.LastDay, t.HasDays)
	s.boolean(t.Outlier)
	s.boolean(t.New)
	for i := range ncat {
		var m float64
		if i < len(t.CategoryMeans) {
			m = t.CategoryMeans[i]
		}
		s.f64(m)
	}
}

func emitTrend(s sink, t *Trend) {
	s.date(t.Day, t.HasDay)
	s.str(t.Kind)
	topic := t.Kind == TrendTopic
	if topic {
		s.optStr("")
		s.optStr("")
	} else {
		s.optStr(t.Source)
		s.optStr(t.Category)
	}
	s.optI32(t.TopicID, topic)
	if topic {
		s.optStr(t.TopicLabel)
	} else {
		s.optStr("")
	}
	s.i64(t.Articles)
	s.i64(t.ArticlesWithHits)
	s.f64(t.MeanScore)
	s.f64(t.MeanTone)
}

func emitReject(s sink, r *Reject) {
	s.str(r.Input)
	s.i64(r.Line)
	s.optStr(r.ID)
	s.optStr(r.Code)
	s.str(r.Reason)
	s.str(excerpt(r.Excerpt))
}
