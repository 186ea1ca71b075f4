package tone

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/internal/shareddata"

	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/lexicon"
)

// testLexicon is written for these tests; it is not the default lexicon.
const testLexicon = `war	युद्ध	10
war	विश्व युद्ध	10
war	हमला	9
war	सेना	6	forms:सेनाओं|सेनाएं
war	जंग	9
war	कोरोना से जंग	0	stem	an exclusion: metaphorical war
war	कोरोना	-6	stem	a context entry: army words in a sentence about the epidemic
war	बदमाश	-9	stem	a context entry: crime
war	सेना भर्ती	-9	stem	a context entry: recruitment
threat	मैच	-7	exact	a context entry: sport
threat	खतरा	7
threat	धमकी	6
alliance	समझौता	8
alliance	रक्षा समझौता	9
alliance	सहयोग	5
economy	महंगाई	5
positive	शांति	2
positive	सफलता	3
positive	संकट खत्म	2	stem	the crisis is over: a phrase ending in a verb of ending
negative	मौत	3
negative	हिंसा	3
@negator	नहीं	-0.74	exact
@negator	न	-0.74	exact
@negator	बिना	-0.74	exact
@negator	कभी नहीं	-1	exact
@negator	कभी न	-1	exact
@intensifier	बेहद	1.5	exact
@intensifier	भारी	1.25	exact
@diminisher	मामूली	0.5	exact
@contrast	लेकिन	1.5	exact
@contrast	पर	1.5	exact
`

func newTestScorer(t testing.TB) *Scorer {
	t.Helper()
	es, err := lexicon.Parse(strings.NewReader(testLexicon), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return NewScorer(lexicon.New(es), Options{})
}

func score(s *Scorer, text string) (*hindi.Doc, *Result) {
	var (
		a   hindi.Analyzer
		d   hindi.Doc
		res Result
	)
	a.Analyze(&d, text)
	s.Score(&d, &res)
	return &d, &res
}

// hitString renders hits as "surface:category:modifier:effective".
func hitString(hits []Hit) string {
	var parts []string
	for _, h := range hits {
		parts = append(parts, fmt.Sprintf("%s:%s:%s:%g", h.Surface, h.Category, h.Modifier, math.Round(h.Effective*1000)/1000))
	}
	return strings.Join(parts, " ")
}

func TestRules(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		name, text, want string
	}{
		{"plain", "सीमा पर हमला हुआ", "हमला:war::9"},
		{"negator after (verb-final)", "हमला नहीं होगा", "हमला:war:negated:0"},
		{"negator after the verb", "हमला किया नहीं गया", "हमला:war:negated:0"},
		{"negator before", "नहीं होगा युद्ध", "युद्ध:war:negated:0"},
		{"बिना before", "बिना युद्ध के जीत", "युद्ध:war:negated:0"},
		{"multi-word negator", "युद्ध कभी नहीं होगा", "युद्ध:war:negated:0"},
		{"postpositions do not use the window", "हमले की योजना नहीं थी", "हमले:war:negated:0"},
		{"negator out of the window", "हमले में घायल दो लोग नहीं बचे", "हमले:war::9"},
		{"comma ends the clause", "हमला हुआ, घायल नहीं", "हमला:war::9"},
		{"conjunction ends the clause", "हमला हुआ और बातचीत नहीं हुई", "हमला:war::9"},
		{"negator does not cross sentences", "युद्ध हुआ। नहीं बचा कोई", "युद्ध:war::10"},
		{"intensifier before", "बेहद खतरा है", "खतरा:threat:intensified:10.5"},
		{"intensifier two words before", "भारी तोपखाने सेना ने", "सेना:war:intensified:7.5"},
		{"intensifier after does nothing", "खतरा बेहद है", "खतरा:threat::7"},
		{"diminisher", "मामूली खतरा", "खतरा:threat:diminished:3.5"},
		{"negated and intensified", "बेहद खतरा नहीं", "खतरा:threat:negated+intensified:0"},
		{"contrast", "समझौता हुआ लेकिन युद्ध का खतरा बना", "समझौता:alliance:contrast:4 युद्ध:war:contrast:15 खतरा:threat:contrast:10.5"},
		{"पर as a conjunction", "समझौता हुआ, पर खतरा बना", "समझौता:alliance:contrast:4 खतरा:threat:contrast:10.5"},
		{"पर as a postposition", "सीमा पर खतरा", "खतरा:threat::7"},
		{"contrast stays in its sentence", "समझौता हुआ। लेकिन खतरा है", "समझौता:alliance::8 खतरा:threat:contrast:10.5"},
		{"contrast ends the clause of a negator", "हमला नहीं लेकिन खतरा", "हमला:war:negated+contrast:0 खतरा:threat:contrast:10.5"},
		{"phrase beats its words", "विश्व युद्ध का डर", "विश्व युद्ध:war::10"},
		{"context: up to its weight", "कोरोना से लड़ने में सेना ने मदद की", "सेना:war:offtopic:0"},
		{"context after the hit", "सेना के जवानों में कोरोना की पुष्टि", "सेना:war:offtopic:0"},
		{"context: stronger hits count", "कोरोना के बीच सीमा पर हमला, सेना तैनात", "हमला:war::9 सेना:war:offtopic:0"},
		{"context: only its sentence", "कोरोना के मामले बढ़े। सीमा पर सेना तैनात", "सेना:war::6"},
		{"context: only its category", "मैच से पहले सेना का खतरा", "सेना:war::6 खतरा:threat:offtopic:0"},
		{"a context phrase with a category word", "सेना भर्ती रैली टली", "सेना:war:offtopic:0"},
		{"context reaches events", "बदमाशों ने किया हमला", "हमला:war:offtopic:0"},
		{"context beside negation", "कोरोना में सेना नहीं आई", "सेना:war:negated+offtopic:0"},
		{"phrase inflected", "रक्षा समझौते पर दस्तखत", "रक्षा समझौते:alliance::9"},
		{"listed forms", "सेनाओं की तैनाती", "सेनाओं:war::6"},
		{"nukta variant", "ख़तरा बढ़ा", "ख़तरा:threat::7"},
		{"exclusion shadows its words", "कोरोना से जंग जारी", ""},
		{"exclusion inflected", "कोरोना से जंगों में", ""},
		{"word outside the exclusion", "सीमा पर जंग", "जंग:war::9"},
		{"negated positive", "शांति नहीं है", "शांति:positive:negated:-1.48"},
		{"a refused alliance is still about the alliance", "समझौता नहीं होगा", "समझौता:alliance:negated:8"},
		{"negated hit does not cancel others", "युद्ध जारी है, हमला नहीं होगा", "युद्ध:war::10 हमला:war:negated:0"},
		{"a negated stop verb: the attacks go on", "हमले नहीं रुके", "हमले:war::9"},
		{"a negated stop verb after the term", "हमला अभी रुका नहीं", "हमला:war::9"},
		{"a negated end verb with a multi-word negator", "खतरा ख़त्म नहीं है", "खतरा:threat::7"},
		{"a negated stop verb keeps a tone word's side", "शांति नहीं रुकी", "शांति:positive::2"},
		{"a negator beside no stop verb still negates", "हमला नहीं, रुका नहीं युद्ध", "हमला:war:negated:0 युद्ध:war::10"},
		{"a stop verb inside the hit is negated with it", "संकट खत्म नहीं हुआ", "संकट खत्म:positive:negated:-1.48"},
		{"not only (न सिर्फ) negates nothing", "न सिर्फ हमला किया बल्कि धमकी भी दी", "हमला:war::9 धमकी:threat::6"},
		{"not only (न केवल)", "न केवल युद्ध", "युद्ध:war::10"},
		{"X न X is an indefinite", "कहीं न कहीं खतरा है", "खतरा:threat::7"},
		{"X न X with a multi-word negator", "कभी न कभी युद्ध होगा", "युद्ध:war::10"},
		{"न between different words negates", "यहाँ न खतरा है", "खतरा:threat:negated:0"},
		{"सिर्फ … नहीं (not just) is still negated: a known limit", "सिर्फ युद्ध नहीं", "युद्ध:war:negated:0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, res := score(s, tt.text)
			if got := hitString(res.Hits); got != tt.want {
				t.Errorf("Score(%q) hits:\ngot  %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestNegatedHitIsNotPresent(t *testing.T) {
	s := newTestScorer(t)
	_, res := score(s, "हमला नहीं होगा")
	war := res.Categories[s.Lexicon().CategoryIndex("war")]
	if war.Score != 0 || war.Hits != 0 {
		t.Errorf("war score, hits = %g, %d for a negated attack; want ≤ 0, 0", war.Score, war.Hits)
	}
	if res.Dominant != "" {
		t.Errorf("Dominant = %q, want none", res.Dominant)
	}
}

// A negated negative word counts as neither side by default, and as positive with
// NegatedNegativeFlips (VADER's rule); a negated positive word is negative either way.
func TestNegatedToneWords(t *testing.T) {
	lex := newTestScorer(t).Lexicon()
	tests := []struct {
		text               string
		flips              bool
		hits               string
		positive, negative float64 // percent of words
		valence            float64
	}{
		{"हिंसा नहीं हुई", false, "हिंसा:negative:negated:0", 0, 0, 0},
		{"हिंसा नहीं हुई", true, "हिंसा:negative:negated:-2.22", 100.0 / 3, 0, 2.22},
		{"शांति नहीं है", false, "शांति:positive:negated:-1.48", 0, 100.0 / 3, -1.48},
		{"शांति नहीं है", true, "शांति:positive:negated:-1.48", 0, 100.0 / 3, -1.48},
		{"हिंसा हुई", false, "हिंसा:negative::3", 0, 50, -3},
	}
	for _, tt := range tests {
		s := NewScorer(lex, Options{NegatedNegativeFlips: tt.flips})
		_, res := score(s, tt.text)
		if got := hitString(res.Hits); got != tt.hits {
			t.Errorf("%q flips=%v: hits %s, want %s", tt.text, tt.flips, got, tt.hits)
		}
		near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
		if !near(res.Positive, tt.positive) || !near(res.Negative, tt.negative) || !near(res.Valence, tt.valence) {
			t.Errorf("%q flips=%v: positive %g negative %g valence %g, want %g %g %g", tt.text, tt.flips,
				res.Positive, res.Negative, res.Valence, tt.positive, tt.negative, tt.valence)
		}
	}
}

func TestResult(t *testing.T) {
	s := newTestScorer(t)
	text := "शांति समझौते पर हस्ताक्षर हुए, लेकिन हिंसा और मौत का खतरा बना रहा। महंगाई बढ़ी।"
	d, res := score(s, text)
	if res.Words != 15 {
		t.Errorf("Words = %d, want 15", res.Words)
	}
	got := map[string]Category{}
	for _, c := range res.Categories {
		got[c.Name] = c
	}
	want := map[string]Category{
		"threat":   {Name: "threat", Hits: 1, Score: 7 * 1.5, Density: 100.0 / 15},
		"alliance": {Name: "alliance", Hits: 1, Score: 8 * 0.5, Density: 100.0 / 15},
		"war":      {Name: "war"},
		"economy":  {Name: "economy", Hits: 1, Score: 5, Density: 100.0 / 15},
	}
	for name, w := range want {
		g := got[name]
		if g.Hits != w.Hits || math.Abs(g.Score-w.Score) > 1e-9 || math.Abs(g.Density-w.Density) > 1e-9 {
			t.Errorf("%s = %+v, want %+v", name, g, w)
		}
	}
	if names := strings.Join(s.Lexicon().Categories(), ","); names != "threat,alliance,war,economy" {
		t.Errorf("categories %s", names)
	}
	// शांति (before the contrast) positive; हिंसा and मौत negative.
	if res.Positive != 100.0/15 || res.Negative != 200.0/15 || res.Polarity != 300.0/15 {
		t.Errorf("Positive, Negative, Polarity = %g, %g, %g", res.Positive, res.Negative, res.Polarity)
	}
	if math.Abs(res.Tone-(-100.0/15)) > 1e-9 {
		t.Errorf("Tone = %g, want %g", res.Tone, -100.0/15)
	}
	if math.Abs(res.Valence-(2*0.5-3*1.5-3*1.5)) > 1e-9 {
		t.Errorf("Valence = %g", res.Valence)
	}
	if res.Dominant != "threat" {
		t.Errorf("Dominant = %q, want threat", res.Dominant)
	}
	for _, h := range res.Hits {
		if d.Text[h.Start:h.End] != h.Surface {
			t.Errorf("hit %+v: offsets give %q", h, d.Text[h.Start:h.End])
		}
	}
	if h := res.Hits[len(res.Hits)-1]; h.Surface != "महंगाई" || h.Sentence != 1 || h.Start != strings.Index(text, "महंगाई") {
		t.Errorf("last hit = %+v", h)
	}
}

func TestDominantTie(t *testing.T) {
	s := newTestScorer(t)
	// threat 7 + war 0; alliance 8 would win; here threat and economy tie at 5 … use धमकी 6 vs सेना 6.
	_, res := score(s, "धमकी और सेना")
	if res.Dominant != "threat" {
		t.Errorf("Dominant = %q, want threat (ties go to the earlier category)", res.Dominant)
	}
}

func TestScoreReusesResult(t *testing.T) {
	s := newTestScorer(t)
	var (
		a   hindi.Analyzer
		d   hindi.Doc
		res Result
	)
	a.Analyze(&d, "युद्ध और शांति")
	s.Score(&d, &res)
	a.Analyze(&d, "कुछ नहीं")
	s.Score(&d, &res)
	if len(res.Hits) != 0 || res.Tone != 0 || res.Dominant != "" || res.Categories[2].Score != 0 {
		t.Errorf("stale result after rescoring: %+v", res)
	}
	text := strings.Repeat("भारत और पाकिस्तान में बेहद तनाव है, लेकिन युद्ध नहीं होगा और शांति समझौता हुआ। ", 20)
	a.Analyze(&d, text)
	s.Score(&d, &res)
	allocs := testing.AllocsPerRun(20, func() { s.Score(&d, &res) })
	if allocs > 0 {
		t.Errorf("Score allocates %v times per document, want 0", allocs)
	}
}

func TestExplain(t *testing.T) {
	s := newTestScorer(t)
	d, res := score(s, "हमला नहीं होगा, लेकिन खतरा है।")
	var sb strings.Builder
	if err := Explain(&sb, d, res, ExplainOptions{}); err != nil {
		t.Fatal(err)
	}
	out := sb.String()
	for _, want := range []string{"[हमला]{war/negated} नहीं होगा, लेकिन [खतरा]{threat} है।", "dominant: threat", "threat           1     10.50"} {
		if !strings.Contains(out, want) {
			t.Errorf("Explain output lacks %q:\n%s", want, out)
		}
	}
	sb.Reset()
	if err := Explain(&sb, d, res, ExplainOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sb.String(), "\x1b[9;31mहमला\x1b[0m") {
		t.Errorf("colour output lacks a struck-through negated war hit:\n%q", sb.String())
	}
}

// TestContextExplained checks that the context entries that cancelled hits are listed in
// Result.Context and by Explain, and that a sentence without a hit they could cancel is not
// looked up.
func TestContextExplained(t *testing.T) {
	s := newTestScorer(t)
	d, res := score(s, "कोरोना के बीच सेना तैनात। मैच रद्द। कोरोना के मामले बढ़े, युद्ध जारी। कोरोना के बीच सीमा पर हमला")
	var got []string
	for _, h := range res.Context {
		got = append(got, fmt.Sprintf("%d:%s:%s:%g:%s", h.Sentence, h.Surface, h.Category, h.Weight, h.Modifier))
	}
	// मैच (threat, -7) is in a sentence without a threat hit; the third sentence's war hit
	// (युद्ध, 10) is above every war context entry: neither sentence is looked up. The
	// fourth is (हमला, 9, is within reach of बदमाश, -9), but its कोरोना (-6) cancels
	// nothing and is not listed.
	if want := "0:कोरोना:war:-6:context"; strings.Join(got, " ") != want {
		t.Errorf("Context = %q, want %q", strings.Join(got, " "), want)
	}
	var sb strings.Builder
	if err := Explain(&sb, d, res, ExplainOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[सेना]{war/offtopic} तैनात", "context (", "war             6  कोरोना = कोरोना"} {
		if !strings.Contains(sb.String(), want) {
			t.Errorf("Explain output lacks %q:\n%s", want, sb.String())
		}
	}
}

// TestScoreTitled checks that the title's context entries apply to every sentence of the
// text, and that the title is not scored otherwise.
func TestScoreTitled(t *testing.T) {
	s := newTestScorer(t)
	var (
		a          hindi.Analyzer
		d, title   hindi.Doc
		res, plain Result
	)
	a.Analyze(&title, "कोरोना: हमला नहीं")
	a.Analyze(&d, "सेना तैनात। सीमा पर हमला।")
	s.ScoreTitled(&d, &title, &res)
	if got, want := hitString(res.Hits), "सेना:war:offtopic:0 हमला:war::9"; got != want {
		t.Errorf("hits with the title = %q, want %q", got, want)
	}
	if len(res.Context) != 1 || res.Context[0].Sentence != -1 || res.Context[0].Surface != "कोरोना" || res.Context[0].Start != 0 {
		t.Errorf("Context = %+v, want कोरोना in the title (sentence -1)", res.Context)
	}
	s.Score(&d, &plain)
	if got, want := hitString(plain.Hits), "सेना:war::6 हमला:war::9"; got != want {
		t.Errorf("hits without the title = %q, want %q", got, want)
	}
	if len(plain.Context) != 0 {
		t.Errorf("Context without the title = %+v", plain.Context)
	}
}

func TestEvaluate(t *testing.T) {
	s := newTestScorer(t)
	data := "id\tsource\tthreat\talliance\twar\ttone\ttext\n" +
		"a\tx\t0\t0\t1\t-1\tसीमा पर हमला हुआ\n" + // war TP, tone: no tone words → 0 ≠ -1
		"b\tx\t0\t0\t0\t0\tहमला नहीं होगा\n" + // war TN
		"c\tx\t1\t1\t0\t1\tरक्षा समझौता हुआ, शांति आएगी\n" + // alliance TP, threat FN, tone agrees
		"d\tx\t?\t0\t1\t?\tखतरा और युद्ध\n" + // threat skipped, war TP
		"e\tx\t0\t0\t0\t-1\tहिंसा में मौत, सेना तैनात\n" // war FP, tone agrees
	ev, err := s.Evaluate(strings.NewReader(data), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]CategoryEval{}
	for _, c := range ev.Categories {
		byName[c.Name] = c
	}
	want := map[string]CategoryEval{
		"threat":   {Name: "threat", TN: 3, FN: 1},
		"alliance": {Name: "alliance", TP: 1, TN: 4, Precision: 1, Recall: 1, F1: 1},
		"war":      {Name: "war", TP: 2, FP: 1, TN: 2, Precision: 2.0 / 3, Recall: 1, F1: 0.8},
	}
	for name, w := range want {
		g := byName[name]
		if g.TP != w.TP || g.FP != w.FP || g.FN != w.FN || g.TN != w.TN || math.Abs(g.F1-w.F1) > 1e-9 || math.Abs(g.Precision-w.Precision) > 1e-9 {
			t.Errorf("%s = %+v, want %+v", name, g, w)
		}
	}
	if math.Abs(ev.MacroF1-0.6) > 1e-9 {
		t.Errorf("MacroF1 = %g, want 0.6", ev.MacroF1)
	}
	if ev.ToneRows != 4 || ev.ToneAgree != 3 {
		t.Errorf("tone agree %d/%d, want 3/4", ev.ToneAgree, ev.ToneRows)
	}
	var sb strings.Builder
	if err := ev.WriteText(&sb); err != nil || !strings.Contains(sb.String(), "macro F1") {
		t.Errorf("WriteText: %q, %v", sb.String(), err)
	}
	sb.Reset()
	if err := ev.WriteMisses(&sb, "war"); err != nil || !strings.HasPrefix(sb.String(), "6\te\twar\tFP\t") || !strings.Contains(sb.String(), "सेना=सेना(6)") {
		t.Errorf("WriteMisses(war) = %q, %v", sb.String(), err)
	}

	for _, bad := range []string{"", "id\tlabel\n", "id\ttext\twar\nx\tहमला\n", "text\twar\nहमला\t2\n"} {
		if _, err := s.Evaluate(strings.NewReader(bad), "bad.tsv"); err == nil {
			t.Errorf("Evaluate(%q): no error", bad)
		}
	}
}

// findSharedData returns ../shared/data relative to the module root, or skips.
func findSharedData(t testing.TB) string { return shareddata.Dir(t) }

// TestScoreConcurrent shares one Scorer between goroutines, each with its own Result, and
// checks that they agree with a sequential run (go test -race finds shared state).
func TestScoreConcurrent(t *testing.T) {
	s := newTestScorer(t)
	texts := []string{"हमला नहीं होगा, लेकिन खतरा है।", "रक्षा समझौते पर हस्ताक्षर", "बेहद खतरा और युद्ध", "शांति नहीं है"}
	want := make([]string, len(texts))
	for i, text := range texts {
		_, res := score(s, text)
		want[i] = hitString(res.Hits)
	}
	errs := make(chan string, 4*len(texts))
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			var (
				a   hindi.Analyzer
				d   hindi.Doc
				res Result
			)
			for round := 0; round < 50; round++ {
				for i, text := range texts {
					a.Analyze(&d, text)
					s.Score(&d, &res)
					if got := hitString(res.Hits); got != want[i] {
						errs <- fmt.Sprintf("%q: got %s, want %s", text, got, want[i])
						return
					}
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// wordClassReference is wordClass as one switch: the table and the switch of wordClass must
// agree with it on every key.
func wordClassReference(key []byte) uint8 {
	switch string(key) {
	case "का", "की", "के", "में", "से", "को", "ने", "तक", "लिए", "द्वारा":
		return wordPostposition
	case "पर":
		return wordPostposition | wordAmbiguousContrast
	case "और", "तथा", "एवं", "व", "या", "अथवा", "कि", "क्योंकि", "जबकि", "ताकि", "इसलिए", "अतः",
		"फिर", "जब", "तब", "यदि", "अगर", "तो", "वरना":
		return wordConjunction
	case "रुका", "रुकी", "रुके", "रुक", "रुकेगा", "रुकेगी", "रुकेंगे", "रोका", "रोकी", "रोके", "रोक",
		"थमा", "थमी", "थमे", "थम", "थमेगा", "थमेगी", "थमेंगे", "टला", "टली", "टले", "टल", "टाला",
		"टाली", "टाले", "टाल", "खत्म", "समाप्त", "बंद":
		return wordCessation
	case "सिर्फ", "केवल":
		return wordOnly
	}
	return 0
}

func TestWordClassAgrees(t *testing.T) {
	text := "का की के में से को ने तक लिए द्वारा पर और तथा एवं व या अथवा कि क्योंकि जबकि ताकि इसलिए " +
		"अतः फिर जब तब यदि अगर तो वरना कार कक के़ हम भारत पाकिस्तान हमला ि a ab abc abcdefg abcdefgh " +
		"युद्ध नहीं लेकिन पर। कितना \x00 \x00\x00 का\x00 कि\x00 कीx "
	var b testing.B
	text += benchText(&b)[:100000] + " अथवा और का"
	var (
		a hindi.Analyzer
		d hindi.Doc
	)
	a.Analyze(&d, text)
	classified := 0
	res := Result{hashes: d.KeyHashes()}
	for i := range d.Tokens {
		k := d.Key(i)
		got, want := wordClass(k), wordClassReference(k)
		if got != want {
			t.Errorf("wordClass(%q) = %d, want %d", k, got, want)
		}
		// The class of a token in a document compares its key by words (lookupAt), and by
		// bytes at the end of the buffer.
		if got := res.class(&d, i); got != want {
			t.Errorf("class of token %d (%q) = %d, want %d", i, k, got, want)
		}
		if want != 0 {
			classified++
		}
	}
	if classified < 30 {
		t.Errorf("only %d grammar words in the test text: the test is not exercising wordClass", classified)
	}
}
