package topics

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

func analyse(text string) *hindi.Doc {
	var d hindi.Doc
	(&hindi.Analyzer{}).Analyze(&d, text)
	return &d
}

// stemOf is the feature key of a word.
func stemOf(w string) string { return hindi.Stem(hindi.Key(w)) }

func TestFeatures(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]int // word (its stem is the key) -> count
		surface    map[string]string
	}{
		{
			name:    "stopwords numbers punctuation and one letter dropped",
			text:    "सरकार ने 2024 में बजट पेश किया। सरकार का बजट, सरकार की नीति। क",
			want:    map[string]int{"सरकार": 3, "बजट": 2, "पेश": 1, "नीति": 1},
			surface: map[string]string{"सरकार": "सरकार"},
		},
		{
			name: "latin words lower-cased, english function words dropped",
			text: "RRB Group D Notification: the RRB notification for Group D",
			want: map[string]int{"rrb": 2, "group": 2, "notification": 2},
		},
		{
			name:    "most frequent surface form wins",
			text:    "लड़कियों ने कहा, लड़कियां खेलेंगी, लड़कियां जीतेंगी",
			want:    map[string]int{},
			surface: map[string]string{"लड़कियां": "लड़कियां"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Features(nil, analyse(tt.text))
			byKey := map[string]Term{}
			for i, tm := range got {
				if i > 0 && got[i-1].Key >= tm.Key {
					t.Errorf("keys not sorted and distinct: %q then %q", got[i-1].Key, tm.Key)
				}
				if strings.Contains(tm.Key, " ") {
					t.Errorf("unigram featurizer produced bigram %q", tm.Key)
				}
				byKey[tm.Key] = tm
			}
			for w, n := range tt.want {
				if c := byKey[stemOf(w)].Count; c != n {
					t.Errorf("count of %q = %d, want %d (features %v)", w, c, n, got)
				}
			}
			if len(tt.want) > 0 && len(got) != len(tt.want) {
				t.Errorf("features %v, want exactly the keys of %v", got, tt.want)
			}
			for w, s := range tt.surface {
				if g := byKey[stemOf(w)].Surface; g != s {
					t.Errorf("surface of %q = %q, want %q", w, g, s)
				}
			}
		})
	}
}

func TestFeaturesBigrams(t *testing.T) {
	d := analyse("वित्त मंत्री बजट पेश करेंगी। वित्त मंत्री संसद पहुंचीं।")
	got := Featurizer{Bigrams: true}.Append(nil, d)
	bi := hindi.Stem(hindi.Key("वित्त")) + " " + hindi.Stem(hindi.Key("मंत्री"))
	var found *Term
	for i := range got {
		if got[i].Key == bi {
			found = &got[i]
		}
		// no bigram crosses the sentence end: "पेश" + "वित्त" must not appear
		if got[i].Key == hindi.Stem(hindi.Key("पेश"))+" "+hindi.Stem(hindi.Key("वित्त")) {
			t.Errorf("bigram across sentences: %q", got[i].Key)
		}
	}
	if found == nil {
		t.Fatalf("bigram %q missing from %v", bi, got)
	}
	if found.Count != 2 || found.Surface != "वित्त मंत्री" {
		t.Errorf("bigram = %+v, want count 2, surface %q", *found, "वित्त मंत्री")
	}
}

func FuzzFeatures(f *testing.F) {
	for _, s := range stories {
		f.Add(strings.Join(s, " "))
	}
	f.Add("RRB Group D: आरआरबी ने भर्ती के लिए 1,20,000 पद, जानें क्या हुआ।")
	f.Fuzz(func(t *testing.T, text string) {
		d := analyse(text)
		got := Featurizer{Bigrams: true}.Append(nil, d)
		for i, tm := range got {
			if tm.Count < 1 || tm.Key == "" || tm.Surface == "" {
				t.Fatalf("bad term %+v", tm)
			}
			if i > 0 && got[i-1].Key >= tm.Key {
				t.Fatalf("keys not sorted and distinct: %q, %q", got[i-1].Key, tm.Key)
			}
		}
	})
}

func TestBuilderAdd(t *testing.T) {
	b := NewBuilder()
	b.Add("a", 1, []Term{{Key: "x", Surface: "X", Count: 2}, {Key: "y", Surface: "Y", Count: 1}, {Key: "x", Surface: "Xs", Count: 1}, {Key: "", Surface: "", Count: 3}, {Key: "z", Surface: "Z", Count: 0}})
	b.Add("b", NoDay, []Term{{Key: "y", Surface: "Y2", Count: 3}})
	b.Add("c", 2, []Term{{Key: "y", Surface: "Y2", Count: 1}})
	if got, want := b.Len(), 3; got != want {
		t.Fatalf("Len = %d, want %d", got, want)
	}
	ent, cnt := b.doc(0)
	if got, want := len(ent), 2; got != want {
		t.Fatalf("doc a has %d entries, want %d (repeated key merged, empty and zero dropped)", got, want)
	}
	x, _ := b.id("x")
	for j, id := range ent {
		if id == x && cnt[j] != 3 {
			t.Errorf("count of x = %d, want 3", cnt[j])
		}
	}
	yid, _ := b.id("y")
	y := b.terms[yid]
	if y.df != 3 || y.total != 5 || y.surface != "Y2" {
		t.Errorf("y = %+v, want df 3, total 5, surface Y2", y)
	}
}

func TestTFIDF(t *testing.T) {
	b := NewBuilder()
	b.Add("1", NoDay, []Term{{Key: "a", Surface: "a", Count: 1}, {Key: "b", Surface: "b", Count: 3}})
	b.Add("2", NoDay, []Term{{Key: "a", Surface: "a", Count: 1}})
	b.Add("3", NoDay, []Term{{Key: "b", Surface: "b", Count: 1}, {Key: "c", Surface: "c", Count: 1}})
	v := buildVocabulary(b, nil, 1, 1)
	x := tfidf(b, v)
	// idf = ln((1+3)/(1+2)) + 1 for a and b; tf(b in 1) = 1 + ln 3
	idfAB := math.Log(4.0/3) + 1
	wa, wb := idfAB, (1+math.Log(3))*idfAB
	n := math.Hypot(wa, wb)
	idx, val := x.row(0)
	if !slices.Equal(idx, []int32{0, 1}) || !approx(val[0], wa/n, 1e-12) || !approx(val[1], wb/n, 1e-12) {
		t.Errorf("row 1 = %v %v, want [0 1] [%g %g]", idx, val, wa/n, wb/n)
	}
	if _, val := x.row(1); len(val) != 1 || !approx(val[0], 1, 1e-12) {
		t.Errorf("row 2 = %v, want one unit value", val)
	}
	// min df 2 drops c
	v2 := buildVocabulary(b, nil, 2, 1)
	if got, want := v2.keys, []string{"a", "b"}; !slices.Equal(got, want) {
		t.Errorf("pruned vocabulary = %v, want %v", got, want)
	}
}

func TestNMIARI(t *testing.T) {
	tests := []struct {
		name          string
		classes       []string
		clusters      []int
		wantNMI, wARI float64
	}{
		{"identical", []string{"a", "a", "b", "b"}, []int{5, 5, 7, 7}, 1, 1},
		{"independent", []string{"a", "a", "b", "b"}, []int{0, 1, 0, 1}, 0, -0.5},
		// hand-computed: MI = (2/3) ln 2, H(U) = ln 2, H(V) = ln 3; ARI = (2 − 1.2) / (4.5 − 1.2)
		{"split", []string{"a", "a", "a", "b", "b", "b"}, []int{1, 1, 2, 2, 3, 3},
			(2.0 / 3 * math.Ln2) / ((math.Ln2 + math.Log(3)) / 2), 0.8 / 3.3},
		{"one cluster", []string{"a", "b", "a", "b"}, []int{0, 0, 0, 0}, 0, 0},
		{"both trivial", []string{"a", "a"}, []int{1, 1}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NMI(tt.classes, tt.clusters); !approx(got, tt.wantNMI, 1e-9) {
				t.Errorf("NMI = %.6f, want %.6f", got, tt.wantNMI)
			}
			if got := ARI(tt.classes, tt.clusters); !approx(got, tt.wARI, 1e-9) {
				t.Errorf("ARI = %.6f, want %.6f", got, tt.wARI)
			}
		})
	}
}

func storyLabels(docs []fixtureDoc) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.story)
	}
	return out
}

func topicsOf(r *Result) []int {
	var out []int
	for _, a := range r.Assign {
		out = append(out, a.Topic)
	}
	return out
}

func TestFitSeparatesStories(t *testing.T) {
	b, docs := fixtureBuilder(t, Featurizer{}, 20000, 0, 6, "flood", "cricket", "budget")
	res, err := b.Fit(context.Background(), Options{K: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := NMI(storyLabels(docs), topicsOf(res)); got != 1 {
		t.Errorf("NMI = %.3f, want 1 (assignments %v)", got, topicsOf(res))
	}
	if res.Outliers != 0 || len(res.Topics) != 3 {
		t.Fatalf("outliers %d, topics %d; want 0 and 3", res.Outliers, len(res.Topics))
	}
	for _, tp := range res.Topics {
		if tp.Size != 6 || len(tp.TopTerms) == 0 || tp.Label == "" || len(tp.Representative) != 3 {
			t.Errorf("topic %+v: want size 6, top terms, a label and 3 representatives", tp)
		}
		if tp.NPMI <= 0 {
			t.Errorf("topic %d NPMI = %.3f, want > 0 for a tight story", tp.ID, tp.NPMI)
		}
		if tp.FirstDay != 20000 || tp.LastDay != 20000 || !tp.New {
			t.Errorf("topic %d days %d..%d new %v, want 20000..20000 new", tp.ID, tp.FirstDay, tp.LastDay, tp.New)
		}
		story := strings.SplitN(tp.Representative[0], "-", 2)[0]
		for _, id := range tp.Representative {
			if !strings.HasPrefix(id, story+"-") {
				t.Errorf("topic %d representatives mix stories: %v", tp.ID, tp.Representative)
			}
		}
	}
}

func TestFitDeterministicAcrossWorkers(t *testing.T) {
	b, _ := synthetic(3000, 4000, 8, 60, 7)
	x := tfidf(b, buildVocabulary(b, nil, 2, 0.5))
	all := make([]int, b.Len())
	for i := range all {
		all[i] = i
	}
	if m, n := meanNonZeros(x, all), sampleSize(x, all, 20000); m < longDocNonZeros || n < len(all) {
		t.Fatalf("fixture: %.1f non-zeros per document, sample of %d: want the long-document plan on all %d", m, n, len(all))
	}
	var prev *Result
	// restarts 0: the default number of restarts, on a sample of 1,500 documents or (sample size
	// 0: the default) on all documents, which are long enough for restartPlan's long-document plan
	for _, cfg := range []struct{ restarts, sample int }{{3, 1500}, {0, 1500}, {0, 0}} {
		prev = nil
		for _, w := range []int{1, 2, 4, 7} {
			res, err := b.Fit(context.Background(), Options{K: 8, Seed: 42, Workers: w, Restarts: cfg.restarts, SampleSize: cfg.sample})
			if err != nil {
				t.Fatal(err)
			}
			if prev != nil {
				if !reflect.DeepEqual(prev.Assign, res.Assign) || !reflect.DeepEqual(prev.Topics, res.Topics) || !reflect.DeepEqual(prev.Model, res.Model) {
					t.Fatalf("%+v: workers %d gives a different result from workers 1", cfg, w)
				}
			}
			prev = res
		}
	}
	other, err := b.Fit(context.Background(), Options{K: 8, Seed: 43, Restarts: 3, SampleSize: 1500})
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(other.Assign, prev.Assign) && reflect.DeepEqual(other.Model, prev.Model) {
		t.Log("seed 43 gives the same clustering as seed 42 (possible for well-separated data)")
	}
}

func TestFitSyntheticQuality(t *testing.T) {
	b, labels := synthetic(2000, 3000, 6, 80, 3)
	res, err := b.Fit(context.Background(), Options{K: 6, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := NMI(labels, topicsOf(res)); got < 0.9 {
		t.Errorf("NMI on synthetic topics = %.3f, want ≥ 0.9", got)
	}
}

func TestAutoK(t *testing.T) {
	b, docs := fixtureBuilder(t, Featurizer{}, NoDay, 0, 8, "flood", "cricket", "budget", "election")
	res, err := b.Fit(context.Background(), Options{MinK: 2, MaxK: 8, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.Criterion != "npmi" || len(res.Scores) != 7 {
		t.Errorf("criterion %q with %d scores, want npmi with 7", res.Criterion, len(res.Scores))
	}
	if res.K != 4 {
		t.Errorf("auto k = %d, want 4 (scores %v)", res.K, res.Scores)
	}
	if got := NMI(storyLabels(docs), topicsOf(res)); got < 0.99 {
		t.Errorf("NMI = %.3f, want 1", got)
	}
	if res.Topics[0].FirstDay != NoDay {
		t.Errorf("FirstDay = %d, want NoDay for undated documents", res.Topics[0].FirstDay)
	}
}

// TestStableIDs is the scheduled-run scenario: day 1 has three stories; day 2 continues two
// of them and brings a new one. Continuing stories keep their ids; the new one gets a new id.
func TestStableIDs(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "topics.json")
	b1, docs1 := fixtureBuilder(t, Featurizer{}, 20000, 0, 6, "flood", "cricket", "budget")
	r1, err := b1.Fit(ctx, Options{K: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := r1.Model.Save(path); err != nil {
		t.Fatal(err)
	}
	idOf := map[string]int{}
	for i, d := range docs1 {
		idOf[d.story] = r1.Assign[i].Topic
	}
	prior, err := LoadModel(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(prior, r1.Model) {
		t.Fatalf("loaded model differs from the saved one")
	}
	b2, docs2 := fixtureBuilder(t, Featurizer{}, 20001, 6, 4, "cricket", "budget", "election")
	r2, err := b2.Fit(ctx, Options{Seed: 2, Prior: prior})
	if err != nil {
		t.Fatal(err)
	}
	newID := -1
	for i, d := range docs2 {
		got := r2.Assign[i].Topic
		switch d.story {
		case "cricket", "budget":
			if got != idOf[d.story] {
				t.Errorf("day 2 %s: topic %d, want the day-1 id %d", d.id, got, idOf[d.story])
			}
		case "election":
			if got < 3 {
				t.Errorf("day 2 %s: topic %d, want a new id (≥ 3)", d.id, got)
			}
			if newID >= 0 && got != newID {
				t.Errorf("day 2 %s: topic %d, want the same new topic %d as the story's other articles", d.id, got, newID)
			}
			newID = got
		}
	}
	for _, tp := range r2.Topics {
		switch tp.ID {
		case idOf["cricket"]:
			if tp.New || tp.FirstDay != 20000 || tp.LastDay != 20001 {
				t.Errorf("continuing topic %+v: want not new, days 20000..20001", tp)
			}
		case newID:
			if !tp.New || tp.FirstDay != 20001 || tp.Size != 4 {
				t.Errorf("new topic %+v: want new, first day 20001, size 4", tp)
			}
		case idOf["flood"]:
			t.Errorf("flood has no article on day 2 but is listed: %+v", tp)
		}
	}
	if r2.Model.NextID != newID+1 || len(r2.Model.Topics) != 4 {
		t.Errorf("day-2 model: next id %d, %d topics; want %d and 4 (flood kept)", r2.Model.NextID, len(r2.Model.Topics), newID+1)
	}
	// day 3 with the day-2 model: the election story keeps its new id
	prior3 := saveLoad(t, r2.Model, path)
	b3, docs3 := fixtureBuilder(t, Featurizer{}, 20002, 10, 3, "election", "flood")
	r3, err := b3.Fit(ctx, Options{Seed: 3, Prior: prior3})
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs3 {
		want := idOf["flood"]
		if d.story == "election" {
			want = newID
		}
		if got := r3.Assign[i].Topic; got != want {
			t.Errorf("day 3 %s: topic %d, want %d", d.id, got, want)
		}
	}
	// a prior built with other features is refused
	if _, err := b3.Fit(ctx, Options{Prior: prior3, Features: "unigrams+bigrams"}); err == nil {
		t.Error("Fit accepted a prior model built with other features")
	}
}

func TestLoadModelErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, body, want string }{
		{"not json", "{", "unexpected end"},
		{"format", `{"format":"other/1"}`, "format"},
		{"term index", `{"format":"drishti-topics/1","next_id":1,"terms":[{"key":"a","df":1}],"topics":[{"id":0,"terms":[3],"weights":[1]}]}`, "out of range"},
		{"repeated id", `{"format":"drishti-topics/1","next_id":2,"topics":[{"id":1},{"id":1}]}`, "repeated id"},
		{"next id", `{"format":"drishti-topics/1","next_id":1,"topics":[{"id":1}]}`, "next_id"},
		{"lengths", `{"format":"drishti-topics/1","next_id":1,"terms":[{"key":"a","df":1}],"topics":[{"id":0,"terms":[0],"weights":[]}]}`, "weights"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.name+".json")
			if err := os.WriteFile(p, []byte(tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadModel(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrModelFormat) {
				t.Errorf("LoadModel error = %v, want ErrModelFormat mentioning %q", err, tt.want)
			}
		})
	}
	if _, err := LoadModel(filepath.Join(dir, "missing.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: error %v, want os.ErrNotExist", err)
	}
}

func TestFitNoDocuments(t *testing.T) {
	b := NewBuilder()
	b.Add("a", NoDay, nil)
	b.Add("b", NoDay, []Term{{Key: "x", Surface: "x", Count: 1}})
	if _, err := b.Fit(context.Background(), Options{K: 2}); !errors.Is(err, ErrNoDocuments) {
		t.Errorf("error = %v, want ErrNoDocuments", err)
	}
}

func TestFitCanceled(t *testing.T) {
	b, _ := synthetic(500, 1000, 4, 40, 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := b.Fit(ctx, Options{K: 4}); !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}

func TestOutliers(t *testing.T) {
	b, _ := fixtureBuilder(t, Featurizer{}, NoDay, 0, 5, "flood", "cricket")
	var an hindi.Analyzer
	var d hindi.Doc
	an.Analyze(&d, "२०२४ में, और।") // nothing survives: an outlier
	b.Add("empty", NoDay, Features(nil, &d))
	res, err := b.Fit(context.Background(), Options{K: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Assign[b.Len()-1]; got.Topic != -1 || got.Similarity != 0 {
		t.Errorf("empty document = %+v, want outlier with similarity 0", got)
	}
	if res.Outliers != 1 {
		t.Errorf("outliers = %d, want 1", res.Outliers)
	}
}

// TestBuilderHash checks that Add gives the same vocabulary whether the Terms carry the hash
// of Features or none, and keeps apart different keys whose hashes collide.
func TestBuilderHash(t *testing.T) {
	d := analyse(article("flood", 0) + article("budget", 1))
	terms := Features(nil, d)
	bare := make([]Term, len(terms))
	for i, tm := range terms {
		if tm.Hash != hashKey([]byte(tm.Key)) {
			t.Fatalf("term %q: Hash = %x, want %x", tm.Key, tm.Hash, hashKey([]byte(tm.Key)))
		}
		bare[i] = Term{Key: tm.Key, Surface: tm.Surface, Count: tm.Count}
	}
	a, b := NewBuilder(), NewBuilder()
	for i := 0; i < 3; i++ {
		a.Add("d", NoDay, terms)
		b.Add("d", NoDay, bare)
	}
	if !reflect.DeepEqual(a.terms, b.terms) || !reflect.DeepEqual(a.ent, b.ent) || !reflect.DeepEqual(a.cnt, b.cnt) {
		t.Fatalf("with hashes: %d terms, without: %d terms, or different entries", len(a.terms), len(b.terms))
	}
	for _, tm := range terms {
		if _, ok := a.id(tm.Key); !ok {
			t.Errorf("id(%q) not found", tm.Key)
		}
	}

	c := NewBuilder()
	var many []Term
	for i := 0; i < 3000; i++ { // same hash for all: every lookup probes past the others
		many = append(many, Term{Key: fmt.Sprintf("k%04d", i), Surface: "s", Count: 1, Hash: 1<<40 | 7})
	}
	c.Add("x", NoDay, many)
	c.Add("y", NoDay, many[:10])
	if got, want := len(c.terms), len(many); got != want {
		t.Fatalf("colliding hashes: %d terms, want %d", got, want)
	}
	if ent, _ := c.doc(1); !reflect.DeepEqual(ent, []int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
		t.Errorf("second document's ids = %v, want 0–9", ent)
	}
}

// TestFitNoModel: NoModel leaves the model out and changes nothing else.
func TestFitNoModel(t *testing.T) {
	b, _ := synthetic(400, 800, 5, 30, 11)
	for _, k := range []int{0, 5} {
		with, err := b.Fit(context.Background(), Options{K: k, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		without, err := b.Fit(context.Background(), Options{K: k, Seed: 3, NoModel: true})
		if err != nil {
			t.Fatal(err)
		}
		if with.Model == nil || without.Model != nil {
			t.Fatalf("k=%d: Model %v with, %v without NoModel; want set, then nil", k, with.Model != nil, without.Model != nil)
		}
		with.Model = nil
		if !reflect.DeepEqual(with, without) {
			t.Errorf("k=%d: results differ beyond the model", k)
		}
	}
}

// saveLoad saves m to path and loads it back, as the next scheduled run would.
func saveLoad(t *testing.T, m *Model, path string) *Model {
	t.Helper()
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadModel(path)
	if err != nil {
		t.Fatal(err)
	}
	return loaded
}

// TestAutoKDeterministicAcrossWorkers: the choice of k fits its candidates one after the other
// with one worker and side by side with several; every score, the chosen k and the result
// must not depend on it.
func TestAutoKDeterministicAcrossWorkers(t *testing.T) {
	b, _ := synthetic(1500, 3000, 6, 60, 5)
	var prev *Result
	for _, w := range []int{1, 2, 3, 7} {
		res, err := b.Fit(context.Background(), Options{MinK: 2, MaxK: 10, Seed: 3, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Scores) != 9 {
			t.Fatalf("workers %d: %d scores, want 9", w, len(res.Scores))
		}
		if prev != nil {
			if res.K != prev.K || !reflect.DeepEqual(res.Scores, prev.Scores) {
				t.Fatalf("workers %d: k %d, scores %v; workers 1: k %d, scores %v", w, res.K, res.Scores, prev.K, prev.Scores)
			}
			if !reflect.DeepEqual(prev.Assign, res.Assign) || !reflect.DeepEqual(prev.Topics, res.Topics) || !reflect.DeepEqual(prev.Model, res.Model) {
				t.Fatalf("workers %d gives a different result from workers 1", w)
			}
		}
		prev = res
	}
}
