package topics

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestExtractorUnsorted checks that an Unsorted Extractor gives the sorted Extractor's terms
// in another order, and that Builders fed either build the same vocabulary (same ids, counts,
// surfaces and documents).
func TestExtractorUnsorted(t *testing.T) {
	var texts []string
	for j := 0; j < 4; j++ {
		for story := range stories {
			texts = append(texts, article(story, j))
		}
	}
	slices.Sort(texts) // map order is random
	texts = append(texts, featureTexts...)
	for _, bigrams := range []bool{false, true} {
		sorted, unsorted := &Extractor{Bigrams: bigrams}, &Extractor{Bigrams: bigrams, Unsorted: true}
		a, b := NewBuilder(), NewBuilder()
		reordered := false
		for i, text := range texts {
			d := analyse(text)
			want := sorted.Append(nil, d)
			got := unsorted.Append(nil, d)
			if !slices.IsSortedFunc(want, func(x, y Term) int { return strings.Compare(x.Key, y.Key) }) {
				t.Fatalf("text %d: sorted Extractor's terms are not sorted", i)
			}
			reordered = reordered || !reflect.DeepEqual(got, want)
			byKey := slices.Clone(got)
			slices.SortFunc(byKey, func(x, y Term) int { return strings.Compare(x.Key, y.Key) })
			if !reflect.DeepEqual(byKey, want) {
				t.Fatalf("text %d (bigrams %v): unsorted terms sorted %+v, want %+v", i, bigrams, byKey, want)
			}
			a.Add(fmt.Sprint(i), NoDay, want)
			b.Add(fmt.Sprint(i), NoDay, got)
		}
		if !reordered {
			t.Errorf("bigrams %v: the Unsorted Extractor never changed the order", bigrams)
		}
		if !reflect.DeepEqual(a.terms, b.terms) || !reflect.DeepEqual(a.ent, b.ent) || !reflect.DeepEqual(a.cnt, b.cnt) || !reflect.DeepEqual(a.loc, b.loc) {
			t.Errorf("bigrams %v: builders differ: %d and %d terms", bigrams, len(a.terms), len(b.terms))
		}
	}
}

// TestBuilderNewTermsInKeyOrder checks that new terms get their ids in key order whatever
// the order given, and that a key repeated in one document, new or known, is summed.
func TestBuilderNewTermsInKeyOrder(t *testing.T) {
	b := NewBuilder()
	b.Add("x", NoDay, []Term{{Key: "c", Surface: "C", Count: 1}, {Key: "a", Surface: "A", Count: 2}, {Key: "b", Surface: "B", Count: 1}, {Key: "a", Surface: "A2", Count: 3}})
	b.Add("y", NoDay, []Term{{Key: "e", Surface: "E", Count: 1}, {Key: "b", Surface: "B", Count: 4}, {Key: "d", Surface: "D", Count: 1}, {Key: "b", Surface: "B", Count: 1}})
	var keys []string
	for _, ts := range b.terms {
		keys = append(keys, ts.key)
	}
	if want := []string{"a", "b", "c", "d", "e"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("ids in order %v, want %v", keys, want)
	}
	ent, cnt := b.doc(0)
	if !reflect.DeepEqual(ent, []int32{0, 1, 2}) || !reflect.DeepEqual(cnt, []int32{5, 1, 1}) {
		t.Errorf("document 0: %v %v, want [0 1 2] [5 1 1]", ent, cnt)
	}
	ent, cnt = b.doc(1)
	if !reflect.DeepEqual(ent, []int32{1, 3, 4}) || !reflect.DeepEqual(cnt, []int32{5, 1, 1}) {
		t.Errorf("document 1: %v %v, want [1 3 4] [5 1 1]", ent, cnt)
	}
	// "a": A (2) then A2 (3) in given order: the vote ends with A2 ahead by 1
	if ts := b.terms[0]; ts.surface != "A2" || ts.vote != 1 || ts.total != 5 || ts.df != 1 {
		t.Errorf("term a = %+v, want surface A2, vote 1, total 5, df 1", ts)
	}
	if ts := b.terms[1]; ts.surface != "B" || ts.total != 6 || ts.df != 2 {
		t.Errorf("term b = %+v, want surface B, total 6, df 2", ts)
	}
}

// TestExtractorDocNumberWraps checks that the stem cache's per-document features stay right
// when the Extractor's document number wraps around.
func TestExtractorDocNumberWraps(t *testing.T) {
	e := &Extractor{}
	e.c.doc = math.MaxInt32 - 2
	texts := []string{article("flood", 0), article("budget", 1), article("flood", 0), article("cricket", 2), article("budget", 1)}
	for i, text := range texts {
		d := analyse(text)
		if got, want := e.Append(nil, d), Features(nil, d); !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d (document number %d): %d terms, want %d", i, e.c.doc, len(got), len(want))
		}
	}
	if e.c.doc >= math.MaxInt32-2 {
		t.Errorf("document number %d: did not wrap", e.c.doc)
	}
	for _, c := range e.c.cache.ents { // the documents before the wrap are forgotten
		if c.doc != -1 && (c.doc < 0 || c.doc > e.c.doc) {
			t.Fatalf("cached key seen in document %d after the wrap to %d", c.doc, e.c.doc)
		}
	}
}
