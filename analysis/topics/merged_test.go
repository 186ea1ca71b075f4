package topics

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// mergedReference is AppendMerged the long way: the features of text and of title, each
// from Append, merged as the pipeline first did (the text's, then the title's it lacks; a
// shared feature sums its counts and takes the title's surface when its count is larger).
func mergedReference(e *Extractor, dst []Term, text, title *hindi.Doc) []Term {
	start := len(dst)
	dst = e.Append(dst, text)
	if title == nil {
		return dst
	}
	n := len(dst)
	titleTerms := e.Append(nil, title)
	for _, tt := range titleTerms {
		i := slices.IndexFunc(dst[start:n], func(t Term) bool { return t.Key == tt.Key })
		if i < 0 {
			dst = append(dst, tt)
			continue
		}
		t := &dst[start+i]
		if tt.Count > t.Count {
			t.Surface = tt.Surface
		}
		t.Count += tt.Count
	}
	return dst
}

// mergedCases are (text, title) pairs: titles that share features with their text (with a
// larger, equal or smaller count, the same or another surface form), titles of new features
// only, empty and missing titles.
func mergedCases() [][2]string {
	var cases [][2]string
	var texts []string
	for j := 0; j < 3; j++ {
		for _, story := range []string{"flood", "budget", "cricket"} {
			texts = append(texts, article(story, j))
		}
	}
	texts = append(texts, featureTexts...)
	titles := []string{
		"", "।", "क",
		"बाढ़ बाढ़ बाढ़ बाढ़ बाढ़ से राहत, राहत शिविरों में लोग",
		"सरकार सरकारें सरकारों का बजट बजट बजट बजट बजट बजट",
		"लडकियां लड़कियों लड़कियां जीतीं: सेनाओं सेना",
		"RRB RRB rrb Group notification 2024",
		"नया शब्द अनोखा विषय बिल्कुल अलग",
	}
	for i, text := range texts {
		for j, title := range titles {
			if (i+j)%2 == 0 || title == "" {
				cases = append(cases, [2]string{text, title})
			}
		}
		// the text's own first words as its title
		if w := strings.Fields(text); len(w) > 0 {
			cases = append(cases, [2]string{text, strings.Join(w[:min(6, len(w))], " ")})
		}
	}
	return cases
}

// TestAppendMerged checks that AppendMerged, sorted or not, with or without bigrams, with a
// stem cache that fills up at once or not, gives the terms of mergedReference, after what
// dst holds, and that the Extractor gives the same afterwards (its tables reused from
// article to article).
func TestAppendMerged(t *testing.T) {
	for _, limit := range []int{0, 3} {
		for _, unsorted := range []bool{true, false} {
			for _, bigrams := range []bool{false, true} {
				testAppendMerged(t, limit, unsorted, bigrams)
			}
		}
	}
}

func testAppendMerged(t *testing.T, limit int, unsorted, bigrams bool) {
	got, ref := &Extractor{Bigrams: bigrams, Unsorted: unsorted}, &Extractor{Bigrams: bigrams, Unsorted: unsorted}
	got.c.cache.limit = limit
	prefix := []Term{{Key: "z", Surface: "Z", Count: 9}}
	merged := 0
	for round := 0; round < 2; round++ {
		for i, c := range mergedCases() {
			text := analyse(c[0])
			var title *hindi.Doc
			if c[1] != "" || i%3 == 0 {
				title = analyse(c[1])
			}
			want := mergedReference(ref, slices.Clone(prefix), text, title)
			g := got.AppendMerged(slices.Clone(prefix), text, title)
			if !reflect.DeepEqual(g, want) {
				t.Fatalf("limit %d, unsorted %v, bigrams %v, case %d (%q | %q):\n got %v\nwant %v", limit, unsorted, bigrams, i, c[0], c[1], g, want)
			}
			if title != nil {
				merged += len(ref.Append(nil, text)) + len(ref.Append(nil, title)) - (len(g) - 1)
			}
		}
	}
	if merged == 0 {
		t.Errorf("unsorted %v, bigrams %v: no title shared a feature with its text", unsorted, bigrams)
	}
}

// TestAppendMergedSurface checks the surface form and count of a feature of both the text
// and the title: the title's form only when its count there is larger.
func TestAppendMergedSurface(t *testing.T) {
	for _, tc := range []struct {
		text, title string
		surface     string
		count       int
	}{
		{"सरकार ने कहा। सरकार", "सरकारें सरकारें सरकारें", "सरकारें", 5}, // the title's count is larger
		{"सरकार ने कहा। सरकार", "सरकारें सरकारें", "सरकार", 4},           // a tie: the text's
		{"सरकार ने कहा। सरकार", "सरकारें", "सरकार", 3},
	} {
		e := Extractor{Unsorted: true}
		terms := e.AppendMerged(nil, analyse(tc.text), analyse(tc.title))
		i := slices.IndexFunc(terms, func(t Term) bool { return t.Key == stemOf("सरकार") })
		if i < 0 {
			t.Fatalf("%q | %q: no term %q in %v", tc.text, tc.title, stemOf("सरकार"), terms)
		}
		if got := terms[i]; got.Surface != tc.surface || got.Count != tc.count {
			t.Errorf("%q | %q: got %s×%d, want %s×%d", tc.text, tc.title, got.Surface, got.Count, tc.surface, tc.count)
		}
	}
}

// TestAppendMergedNews compares AppendMerged with mergedReference on every article of the
// corpus named by $DRISHTI_NEWS_JSONL (opt-in).
func TestAppendMergedNews(t *testing.T) {
	docs := jobDocs(t)
	got, ref := Extractor{Unsorted: true}, Extractor{Unsorted: true}
	var g, w []Term
	for i, d := range docs {
		g = got.AppendMerged(g[:0], d.text, d.title)
		w = mergedReference(&ref, w[:0], d.text, d.title)
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("article %d: got %d terms, want %d", i, len(g), len(w))
		}
	}
	t.Logf("%d articles", len(docs))
}
