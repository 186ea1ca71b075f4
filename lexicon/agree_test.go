package lexicon

import (
	"reflect"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// matchReference is Match without its fast paths (kind mask, fingerprints, the edge table
// and its filter, expanded stems): every token is looked up in the trie's maps directly,
// stemmed with hindi.Stem. Match must agree with it exactly.
func matchReference(l *Lexicon, d *hindi.Doc) []Match {
	var out []Match
	covered := make([]int, l.nslots)
	for i := range d.Tokens {
		bestEnd := make([]int, l.nslots)
		bestEnt := make([]int, l.nslots)
		var walk func(n int32, j int)
		walk = func(n int32, j int) {
			for _, e := range l.nodes[n].ents {
				if slot := l.slotOf[e]; bestEnd[slot] < j+1 {
					bestEnd[slot], bestEnt[slot] = j+1, int(e)
				}
			}
			j = nextWord(d, j+1)
			if j >= len(d.Tokens) || d.Tokens[j].Sentence != d.Tokens[i].Sentence {
				return
			}
			if c, ok := l.nodes[n].exact[string(d.Key(j))]; ok {
				walk(c, j)
			}
			if c, ok := l.nodes[n].stem[hindi.Stem(string(d.Key(j)))]; ok {
				walk(c, j)
			}
		}
		if c, ok := l.nodes[0].exact[string(d.Key(i))]; ok {
			walk(c, i)
		}
		if c, ok := l.nodes[0].stem[hindi.Stem(string(d.Key(i)))]; ok {
			walk(c, i)
		}
		for slot := range bestEnd {
			if bestEnd[slot] > 0 && i >= covered[slot] {
				out = append(out, Match{Start: i, End: bestEnd[slot], Entry: bestEnt[slot]})
				covered[slot] = bestEnd[slot]
			}
		}
	}
	return out
}

// nextWord returns the first token at or after j that a phrase does not skip: quotation
// marks are skipped, and one hyphen.
func nextWord(d *hindi.Doc, j int) int {
	hyphen := false
	for ; j < len(d.Tokens); j++ {
		switch k := d.Key(j); {
		case IsQuote(k):
		case isHyphen(k) && !hyphen:
			hyphen = true
		default:
			return j
		}
	}
	return j
}

func TestMatchAgreesWithReference(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"दो विश्व युद्धों के बाद भी परमाणु हथियार और सेनाओं का ख़तरा कभी नहीं टला, लेकिन शांति समझौते हुए।",
		"संघर्ष-विराम का उल्लंघन: सीमा पर भारी गोलीबारी, 3 जवान शहीद; रक्षा मंत्री ने कहा कि जवाब दिया जाएगा।",
		"न युद्ध, न शांति — BJP और कांग्रेस में गठबंधन? ISIS के आतंकी हमले की आशंका से अलर्ट जारी",
		"'आतंकवादी हमले' की कोशिश, “परमाणु” ‘ख़तरा’ और \"संघर्ष\"-'विराम' का ''उल्लंघन'' `युद्ध´",
	}
	var b testing.B
	texts = append(texts, benchDoc(&b).Text[:200000])
	// The same lexicon with stem edges listed under their stems (the table of a lexicon too
	// large to expand): Match then stems the tokens it looks up.
	plain := *l
	plain.edges = newEdgeTable(l.nodes, 0)
	if !l.edges.expanded || plain.edges.expanded {
		t.Fatalf("expanded: default %v, plain %v; want true, false", l.edges.expanded, plain.edges.expanded)
	}
	var (
		a  hindi.Analyzer
		d  hindi.Doc
		sc Scratch
	)
	for _, text := range texts {
		a.Analyze(&d, text)
		want := matchReference(l, &d)
		for _, lex := range []*Lexicon{l, &plain, l} { // the Scratch is reused
			got := lex.Match(nil, &d, &sc)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Match (expanded %v) disagrees with the reference on %q…: %d vs %d matches",
					lex.edges.expanded, text[:min(len(text), 60)], len(got), len(want))
			}
		}
	}
	if n := len(matchReference(l, &d)); n < 100 {
		t.Errorf("only %d matches in the long text: the test is not exercising the matcher", n)
	}
}

// TestFingerprintAt checks that a key's fingerprint read in place from a shared buffer
// (whole words across the key's bounds, masked) equals the one computed from the key alone,
// for every length and position, and that keys differing in one byte differ in their words.
func TestFingerprintAt(t *testing.T) {
	buf := make([]byte, 0, 200)
	for i := 0; i < 200; i++ {
		buf = append(buf, byte(0x80|i*37%64)) // continuation-like bytes, all distinct nearby
	}
	for s := 0; s < len(buf); s++ {
		for e := s; e <= len(buf) && e-s <= 60; e++ {
			var got keyPrint
			got.setAt(buf, s, e)
			if want := fingerprint(buf[s:e]); got != want {
				t.Fatalf("setAt(buf, %d, %d) = %+v, want %+v", s, e, got, want)
			}
		}
	}
	for n := 1; n <= maxWords; n++ {
		k := append([]byte(nil), buf[:n]...)
		p := fingerprint(k)
		for i := range k {
			k[i] ^= 1
			if q := fingerprint(k); q.w0 == p.w0 && q.w1 == p.w1 && q.w2 == p.w2 {
				t.Errorf("length %d: changing byte %d leaves the words unchanged", n, i)
			}
			k[i] ^= 1
		}
	}
}

// TestEdgeTableTiny checks the table on a lexicon built to collide: many stems sharing
// prefixes, short and long keys, phrases, both layouts.
func TestEdgeTableTiny(t *testing.T) {
	long := "अंतरराष्ट्रीयकरणवादियों" // longer than maxWords bytes
	es := []Entry{
		{Category: War, Term: "हमला", Weight: 5, Match: MatchStem},
		{Category: War, Term: "हमलावर", Weight: 6, Match: MatchExact},
		{Category: War, Term: long, Weight: 2, Match: MatchExact},
		{Category: War, Term: long + " हमला", Weight: 7, Match: MatchStem},
		{Category: Threat, Term: "क", Weight: 1, Match: MatchExact},
		{Category: Threat, Term: "के हमले", Weight: 3, Match: MatchExact},
		{Category: Alliance, Term: "bjp", Weight: 4, Match: MatchExact},
	}
	l := New(es)
	plain := *l
	plain.edges = newEdgeTable(l.nodes, 0)
	text := "हमलों के हमले हमलावर हमलावरों क के " + long + " हमलों। BJP " + long + "। हमल हमला"
	var (
		a  hindi.Analyzer
		d  hindi.Doc
		sc Scratch
	)
	a.Analyze(&d, text)
	want := matchReference(l, &d)
	if len(want) < 8 {
		t.Fatalf("reference finds only %d matches: the fixture is not exercising the table", len(want))
	}
	for _, lex := range []*Lexicon{l, &plain} {
		if got := lex.Match(nil, &d, &sc); !reflect.DeepEqual(got, want) {
			t.Errorf("expanded %v: Match = %v, want %v", lex.edges.expanded, got, want)
		}
	}
}

// FuzzMatchAgrees checks Match, in both table layouts, against the plain trie walk on
// arbitrary text.
func FuzzMatchAgrees(f *testing.F) {
	for _, s := range []string{
		"संघर्ष-विराम का उल्लंघन: सीमा पर भारी गोलीबारी",
		"न युद्ध, न शांति — BJP और कांग्रेस में गठबंधन?",
		"हमलों के हमले हमलावरों क के अंतरराष्ट्रीयकरणवादियों। ",
		"", "a", "\u200d\u200d", "ख़तरा ख़तरा खतरा",
		"'आतंकवादी हमले' की कोशिश, “परमाणु” ‘ख़तरा’ और \"संघर्ष\"-'विराम' का ''उल्लंघन''",
	} {
		f.Add(s)
	}
	l, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	plain := *l
	plain.edges = newEdgeTable(l.nodes, 0)
	f.Fuzz(func(t *testing.T, text string) {
		var (
			a  hindi.Analyzer
			d  hindi.Doc
			sc Scratch
		)
		a.Analyze(&d, text)
		want := matchReference(l, &d)
		for _, lex := range []*Lexicon{l, &plain} {
			if got := lex.Match(nil, &d, &sc); !reflect.DeepEqual(got, want) {
				t.Fatalf("expanded %v: Match = %v, want %v", lex.edges.expanded, got, want)
			}
		}
	})
}
