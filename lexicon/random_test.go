package lexicon

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// naiveMatch is the plain definition of Match, with no trie: at each token, every variant
// of every entry is compared with the tokens that follow (a stem entry's words after
// hindi.Stem, quotation marks and one hyphen skipped between words, within the sentence);
// per slot the longest match wins, an exact entry before a stem entry of the same length,
// and a match starts only after the slot's previous match ends. It assumes no two entries
// of a slot share a key sequence (randomLexicon ensures it), so that none replaces another.
// With context false it matches the entries that are not context entries (as Match), with
// context true the context entries (as MatchContext).
func naiveMatch(l *Lexicon, d *hindi.Doc, context bool) []Match {
	type variant struct {
		keys  []string
		stem  bool
		entry int
	}
	var (
		a  hindi.Analyzer
		vd hindi.Doc
		vs []variant
	)
	for ei := range l.entries {
		if l.entries[ei].IsContext() != context {
			continue
		}
		keys, stem, _ := variants(&a, &vd, &l.entries[ei])
		for _, k := range keys {
			vs = append(vs, variant{k, stem, ei})
		}
	}
	var out []Match
	covered := make([]int, l.nslots)
	for i := range d.Tokens {
		bestEnd := make([]int, l.nslots)
		bestEnt := make([]int, l.nslots)
		bestStem := make([]bool, l.nslots)
		for _, v := range vs {
			pos, ok := i, true
			for w, k := range v.keys {
				if w > 0 {
					// Between words: any quotation marks and at most one hyphen.
					for hyphen := false; pos < len(d.Tokens); pos++ {
						if k := d.Key(pos); !IsQuote(k) && (hyphen || !isHyphen(k)) {
							break
						} else if isHyphen(k) {
							hyphen = true
						}
					}
				}
				if pos >= len(d.Tokens) || d.Tokens[pos].Sentence != d.Tokens[i].Sentence {
					ok = false
					break
				}
				key := string(d.Key(pos))
				if v.stem {
					key = hindi.Stem(key)
				}
				if key != k {
					ok = false
					break
				}
				pos++
			}
			slot := l.slotOf[v.entry]
			if ok && (pos > bestEnd[slot] || pos == bestEnd[slot] && bestStem[slot] && !v.stem) {
				bestEnd[slot], bestEnt[slot], bestStem[slot] = pos, v.entry, v.stem
			}
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

// randomWords are the words of the random lexicons and texts: frequent grammar words that
// start phrases, inflected nouns and verbs, Latin and numeric tokens, a key longer than a
// fingerprint's words, hyphens, quotation marks (in terms, where they are left out).
var randomWords = strings.Fields(`के की का से को में पर ने और नहीं न बहुत कम लेकिन
	हमला हमले हमलों हमलावर युद्ध युद्धों सेना सेनाएं सेनाओं खतरा ख़तरा खतरे धमकी धमकियां
	गठबंधन समझौता समझौते शांति वार्ता सीमा गोलीबारी संघर्ष विराम लड़ाई लड़ाइयों सरकार
	मौत मौतें घायल बढ़ा बढ़ी बढ़े जीत हार मदद सहयोग bjp isis covid 12 २०२० 3.5
	अंतरराष्ट्रीयकरणवादियों - ‐ ‑ ' “ ”`)

// randomQuotes are the quotation marks of the random texts, with the backtick, a prime,
// two apostrophes, a run of two marks and a look-alike that is no quotation mark (a
// dash).
var randomQuotes = []string{"'", `"`, "‘", "’", "“", "”", "«", "»", "„", "`", "′", "''", `'"`, "–"}

// randomLexicon returns n random entries whose key sequences differ within each slot.
func randomLexicon(r *rand.Rand, n int) []Entry {
	cats := []string{Threat, Alliance, War, Positive, Negative, Negator, Intensifier, Diminisher,
		Contrast, "economy"}
	var (
		a    hindi.Analyzer
		d    hindi.Doc
		es   []Entry
		seen = map[string]bool{}
	)
	slotOf := func(c string) string {
		if c == Positive || c == Negative || IsModifier(c) {
			return c
		}
		return "cat:" + c
	}
	for len(es) < n {
		words := make([]string, 1+r.IntN(4)*r.IntN(2))
		for i := range words {
			words[i] = randomWords[r.IntN(len(randomWords))]
		}
		sep := " "
		if r.IntN(8) == 0 {
			sep = "-"
		}
		e := Entry{
			Category: cats[r.IntN(len(cats))],
			Term:     strings.Join(words, sep),
			Weight:   float64(r.IntN(5)),
			Match:    MatchKind(r.IntN(3)),
			Line:     len(es) + 1,
		}
		if IsContextCategory(e.Category) && r.IntN(6) == 0 {
			e.Weight = -1 - float64(r.IntN(9)) // a context entry
		}
		if e.Match == MatchForms {
			for range 1 + r.IntN(2) {
				e.Forms = append(e.Forms, e.Term+[]string{"ों", "े", "ें"}[r.IntN(3)])
			}
		}
		vs, stem, _ := variants(&a, &d, &e)
		ok := len(vs) > 0
		var ks []string
		for _, v := range vs {
			k := fmt.Sprint(slotOf(e.Category), stem, v)
			ok = ok && !seen[k]
			ks = append(ks, k)
		}
		if !ok {
			continue
		}
		for _, k := range ks {
			seen[k] = true
		}
		es = append(es, e)
	}
	return es
}

// randomText returns a text of n random words or terms of es, inflected at times, with
// punctuation, quotation marks (glued or spaced, before and after words) and line breaks,
// ending at times with a term.
func randomText(r *rand.Rand, n int, es []Entry) string {
	var sb strings.Builder
	quote := func() {
		switch r.IntN(10) {
		case 0:
			sb.WriteString(randomQuotes[r.IntN(len(randomQuotes))])
		case 1:
			sb.WriteString(randomQuotes[r.IntN(len(randomQuotes))] + " ")
		}
	}
	for w := range n {
		quote()
		if len(es) > 0 && (r.IntN(4) == 0 || w == n-1 && r.IntN(2) == 0) {
			sb.WriteString(es[r.IntN(len(es))].Term)
		} else {
			sb.WriteString(randomWords[r.IntN(len(randomWords))])
		}
		if r.IntN(5) == 0 {
			sb.WriteString([]string{"ों", "े", "ी", "ा", "ें"}[r.IntN(5)])
		}
		quote()
		switch r.IntN(12) {
		case 0:
			sb.WriteString(" । ")
		case 1:
			sb.WriteString(", ")
		case 2:
			sb.WriteString("\n")
		case 3:
			// no space: hyphens and words run together
		default:
			sb.WriteString(" ")
		}
	}
	return sb.String()
}

// layouts returns l with each of its table layouts: expanded with the start filters as
// built, with every root key filed as ending an entry (no pair filter) and with at most one
// pair per root key, and unexpanded.
func layouts(l *Lexicon) map[string]*Lexicon {
	out := map[string]*Lexicon{"expanded": l}
	for _, maxPairs := range []int{0, 1} {
		c := *l
		c.edges.starts = newStartFilters(&c.edges, c.nodes, maxPairs)
		out[fmt.Sprintf("expanded, at most %d pairs", maxPairs)] = &c
	}
	plain := *l
	plain.edges = newEdgeTable(l.nodes, 0)
	out["unexpanded"] = &plain
	return out
}

// TestMatchRandomLexicons checks Match in every table layout against the trie walk
// (matchReference) and the naive definition (naiveMatch), on random lexicons of random
// sizes and random texts over the same words, and on real news text.
func TestMatchRandomLexicons(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	var (
		a        hindi.Analyzer
		d        hindi.Doc
		sc       Scratch
		matches  int
		contexts int
		b        testing.B
	)
	news := benchDoc(&b).Text[:60000]
	for round := range 40 {
		es := randomLexicon(r, 1+r.IntN(120))
		l := New(es)
		if !l.edges.expanded {
			t.Fatal("a small lexicon is not expanded")
		}
		texts := []string{news}
		for range 8 {
			texts = append(texts, randomText(r, r.IntN(200), es))
		}
		for ti, text := range texts {
			if ti == 0 && round%8 != 0 {
				continue // the long text with a few of the lexicons
			}
			a.Analyze(&d, text)
			want := matchReference(l, &d)
			if naive := naiveMatch(l, &d, false); !reflect.DeepEqual(naive, want) {
				t.Fatalf("round %d text %d: the references disagree:\nnaive %v\ntrie  %v", round, ti, naive, want)
			}
			matches += len(want)
			wantCtx := naiveMatch(l, &d, true)
			if got := l.MatchContext(nil, &d, &sc); !reflect.DeepEqual(got, wantCtx) {
				t.Fatalf("round %d text %d: MatchContext = %v, want %v\ntext %q", round, ti, got, wantCtx, text)
			}
			contexts += len(wantCtx)
			for name, lex := range layouts(l) {
				if got := lex.Match(nil, &d, &sc); !reflect.DeepEqual(got, want) {
					t.Fatalf("round %d text %d, %s: Match = %v, want %v\ntext %q", round, ti, name, got, want, text)
				}
			}
		}
	}
	if matches < 2000 || contexts < 100 {
		t.Errorf("only %d matches and %d context matches in all: the test is not exercising the matcher", matches, contexts)
	}
}

// FuzzMatchRandomLexicon checks Match in every layout against matchReference on a random
// lexicon (from a seed) and arbitrary text.
func FuzzMatchRandomLexicon(f *testing.F) {
	f.Add(uint64(1), "के हमले में सेना और सरकार के बीच समझौता नहीं, लेकिन शांति वार्ता")
	f.Add(uint64(2), "संघर्ष-विराम का उल्लंघन: सीमा पर भारी गोलीबारी")
	f.Add(uint64(3), "हमलों के हमले हमलावरों क के अंतरराष्ट्रीयकरणवादियों। ")
	f.Fuzz(func(t *testing.T, seed uint64, text string) {
		r := rand.New(rand.NewPCG(seed, 3))
		es := randomLexicon(r, 1+r.IntN(80))
		l := New(es)
		text += " " + randomText(r, 30, es)
		var (
			a  hindi.Analyzer
			d  hindi.Doc
			sc Scratch
		)
		a.Analyze(&d, text)
		want := matchReference(l, &d)
		for name, lex := range layouts(l) {
			if got := lex.Match(nil, &d, &sc); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: Match = %v, want %v", name, got, want)
			}
		}
	})
}

// TestStartFiltersHoldEveryStart checks that the start filters have no false negative: every
// root key of the default lexicon's expanded table passes the root filter with its kind,
// every pair of a key that only starts phrases and a key after it passes the filter of
// second words and the pair filter, and tokens that start nothing mostly fail.
func TestStartFiltersHoldEveryStart(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tab := &l.edges
	f := &tab.starts
	hash := func(e *edgeEntry) uint64 { return hindi.HashKey(tab.keys[e.off : e.off+e.n]) }
	byNode := map[int32][]int{}
	for j := range tab.entries {
		byNode[tab.entries[j].node] = append(byNode[tab.entries[j].node], j)
	}
	roots, pairs := 0, 0
	for i := range tab.entries {
		e := &tab.entries[i]
		if e.node != 0 {
			continue
		}
		roots++
		h1 := hash(e)
		ends, inner := false, false
		for _, c := range []int32{e.exact, e.stem} {
			if c >= 0 {
				ends = ends || l.info[c].ends1 > l.info[c].ends0
				inner = inner || l.info[c].inner
			}
		}
		got := f.root(h1)
		if ends && got&startEnds == 0 || !ends && got == 0 {
			t.Fatalf("root key %q: root filter kinds %b (ends an entry: %v)", tab.keys[e.off:e.off+e.n], got, ends)
		}
		if ends || got&startPairs == 0 {
			continue // filed as ending an entry: too many pairs, or looked up anyway
		}
		for _, n := range []int32{e.exact, e.stem} {
			for _, j := range byNode[n] {
				c := &tab.entries[j]
				pairs++
				if n < 0 {
					continue
				}
				// The pair is filed whole (end bits), or as one that only starts longer
				// phrases (cont bits) with every third word.
				h2 := hash(c)
				if !f.maySecond(h2) {
					t.Fatalf("second word %q of %q missing from the filter of second words", tab.keys[c.off:c.off+c.n], tab.keys[e.off:e.off+e.n])
				}
				w, end, cont := f.pairBits(h1, h2)
				if f.pairs[w]&end == end {
					continue
				}
				if f.pairs[w]&cont != cont {
					t.Fatalf("pair %q %q missing", tab.keys[e.off:e.off+e.n], tab.keys[c.off:c.off+c.n])
				}
				for _, n2 := range []int32{c.exact, c.stem} {
					if n2 < 0 {
						continue
					}
					if l.info[n2].ends1 > l.info[n2].ends0 {
						t.Fatalf("pair %q %q ends an entry but is filed as one that only starts phrases", tab.keys[e.off:e.off+e.n], tab.keys[c.off:c.off+c.n])
					}
					for _, k := range byNode[n2] {
						g := &tab.entries[k]
						if w, m := f.tripleBits(h1, h2, hash(g)); f.pairs[w]&m != m {
							t.Fatalf("triple %q %q %q missing", tab.keys[e.off:e.off+e.n], tab.keys[c.off:c.off+c.n], tab.keys[g.off:g.off+g.n])
						}
					}
				}
			}
		}
	}
	if roots < 1000 || pairs < 1000 {
		t.Fatalf("%d root keys, %d pairs: the test is not exercising the filters", roots, pairs)
	}
	// Keys that are no root key pass the root filter rarely.
	passed := 0
	for i := range 100000 {
		if f.root(hindi.HashKey(fmt.Appendf(nil, "absent-%d", i))) != 0 {
			passed++
		}
	}
	if passed > 5000 {
		t.Errorf("%d of 100,000 absent keys pass the root filter", passed)
	}
	// The keys that phrases skip are second words; absent keys rarely are.
	for _, k := range gapKeys() {
		if !f.maySecond(hindi.HashKey([]byte(k))) {
			t.Errorf("gap key %q missing from the filter of second words", k)
		}
	}
	passed = 0
	for i := range 100000 {
		if f.maySecond(hindi.HashKey(fmt.Appendf(nil, "absent-%d", i))) {
			passed++
		}
	}
	if passed > 3000 {
		t.Errorf("%d of 100,000 absent keys pass the filter of second words", passed)
	}
}

// TestStartFiltersPairsOnly checks the two refinements of the start filters on the default
// lexicon: a root key that only starts phrases, even one whose bits are set in the half of
// the keys that end an entry, goes to the pair test (pairsOnly), and a token that starts
// only phrases of three words or more passes only with a third word that may follow.
func TestStartFiltersPairsOnly(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tab := &l.edges
	f := &tab.starts
	listed := 0
	for i := range tab.entries {
		e := &tab.entries[i]
		if e.node != 0 {
			continue
		}
		h := hindi.HashKey(tab.keys[e.off : e.off+e.n])
		ends := false
		for _, c := range []int32{e.exact, e.stem} {
			ends = ends || c >= 0 && l.info[c].ends1 > l.info[c].ends0
		}
		switch got := f.root(h); {
		case ends && f.isPairsOnly(h):
			t.Errorf("root key %q ends an entry but is listed as one that only starts phrases", tab.keys[e.off:e.off+e.n])
		case !ends && got&startPairs != 0 && got&startEnds != 0 && !f.isPairsOnly(h):
			t.Errorf("root key %q only starts phrases and passes both halves, but is not listed", tab.keys[e.off:e.off+e.n])
		case f.isPairsOnly(h):
			listed++
		}
	}
	if listed == 0 {
		t.Errorf("no root key passes both halves: the test is not exercising pairsOnly")
	}

	// A tiny lexicon: "के लिए खतरा" is the only phrase of के (no entry ends at के लिए).
	tiny := New([]Entry{{Category: "threat", Term: "के लिए खतरा", Weight: 1, Match: MatchExact}})
	var (
		a hindi.Analyzer
		d hindi.Doc
		s Scratch
	)
	for _, c := range []struct {
		text string
		want bool // token 0 is a candidate
	}{
		{"के लिए खतरा", true},
		{"के लिए 'खतरा'", true}, // a quotation mark may follow: passes untested
		{"के लिए काम", false},
		{"के बाद खतरा", false},
	} {
		a.Analyze(&d, c.text)
		cand := tiny.candidates(&s, d.Tokens, d.KeyHashes()[:len(d.Tokens)])
		if got := cand[0]&1 != 0; got != c.want {
			t.Errorf("%q: token 0 candidate = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestRootMasks checks the masks of the root filter (triples): each has three bits, no two
// are equal, and every bit is used by about as many masks (within 10 % of the mean), so
// that the filter's bits fill evenly.
func TestRootMasks(t *testing.T) {
	seen := map[uint32]bool{}
	var perBit [32]int
	for i, m := range triples {
		if bits.OnesCount32(m) != 3 {
			t.Fatalf("mask %d = %032b: %d bits, want 3", i, m, bits.OnesCount32(m))
		}
		if seen[m] {
			t.Fatalf("mask %d = %032b is taken twice", i, m)
		}
		seen[m] = true
		for b := range perBit {
			perBit[b] += int(m >> b & 1)
		}
	}
	mean := 3 * len(triples) / 32
	for b, n := range perBit {
		if n < mean*9/10 || n > mean*11/10 {
			t.Errorf("bit %d is in %d masks, want about %d", b, n, mean)
		}
	}
}
