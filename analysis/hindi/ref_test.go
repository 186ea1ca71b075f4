package hindi

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// analyzeRef is Analyze as it was before the Devanagari fast path (scanDevaToken, the copied
// keys and the inline case of split): every token through scanToken and split, every key
// through AppendKey. It is the reference the fast path must match byte for byte.
func (a *Analyzer) analyzeRef(d *Doc, text string) {
	d.Text = text
	d.Tokens = d.Tokens[:0]
	d.keys = d.keys[:0]
	d.keyEnd = d.keyEnd[:0]
	d.hashes = d.hashes[:0]
	d.sents = d.sents[:0]
	var st splitState
	n := len(text)
	i := 0
	for i < n {
		gapStart := i
		nl := 0
	gap:
		for i < n {
			c := text[i]
			if c < utf8.RuneSelf {
				switch {
				case c == '\n':
					nl++
				case c == '\r':
					if i+1 >= n || text[i+1] != '\n' {
						nl++
					}
				case asciiClass[c] != clSpace:
					break gap
				}
				i++
				continue
			}
			if c == 0xE0 && i+1 < n && (text[i+1] == 0xA4 || text[i+1] == 0xA5) {
				break
			}
			r, w, cl := decode(text, i)
			if cl != clSpace && cl != clJoiner {
				break
			}
			if r == 0x2028 || r == 0x2029 || r == 0x85 {
				nl++
			}
			i += w
		}
		if i >= n {
			break
		}
		end, kind, abbr := scanToken(text, i, st.prevAbbrev && i-gapStart <= 1)
		a.split(d, &st, text, i, end, kind, nl, i > gapStart)
		st.prevAbbrev = abbr
		d.Tokens = append(d.Tokens, Token{Start: i, End: end, Kind: kind, Sentence: len(d.sents) - 1})
		ks := len(d.keys)
		d.keys = AppendKey(d.keys, text[i:end])
		d.keyEnd = append(d.keyEnd, int32(len(d.keys)))
		d.hashes = append(d.hashes, HashKey(d.keys[ks:]))
		i = end
	}
}

// sameAnalysis fails t unless Analyze and analyzeRef give the same tokens, kinds, offsets,
// sentences, keys and key hashes for text.
func sameAnalysis(t *testing.T, a Analyzer, text string, got, want *Doc) {
	t.Helper()
	a.Analyze(got, text)
	a.analyzeRef(want, text)
	if !slices.Equal(got.Tokens, want.Tokens) {
		for i := range min(len(got.Tokens), len(want.Tokens)) {
			if got.Tokens[i] != want.Tokens[i] {
				t.Fatalf("JoinLines=%v: token %d = %+v, reference %+v (text %.200q)", a.JoinLines, i, got.Tokens[i], want.Tokens[i], text)
			}
		}
		t.Fatalf("JoinLines=%v: %d tokens, reference %d (text %.200q)", a.JoinLines, len(got.Tokens), len(want.Tokens), text)
	}
	if string(got.keys) != string(want.keys) || !slices.Equal(got.keyEnd, want.keyEnd) {
		for i := range got.Tokens {
			if string(got.Key(i)) != string(want.Key(i)) {
				t.Fatalf("JoinLines=%v: key of token %d (%q) = %q, reference %q", a.JoinLines, i, got.Surface(i), got.Key(i), want.Key(i))
			}
		}
		t.Fatalf("JoinLines=%v: keys differ from the reference (text %.200q)", a.JoinLines, text)
	}
	if !slices.Equal(got.hashes, want.hashes) || !slices.Equal(got.sents, want.sents) {
		t.Fatalf("JoinLines=%v: key hashes or sentences differ from the reference (text %.200q)", a.JoinLines, text)
	}
}

// refTexts are texts that reach the fast path's edges: folds inside and at the ends of
// words, nasal + virama + stop at and after the first code point, final visarga, words
// running into marks, joiners, digits and abbreviation dots.
var refTexts = []string{
	"हिन्दी सम्बन्ध पण्डित न्द म्ब ङ्क अन्त स्त क्त राष्ट्रीय स्वास्थ्य",
	"ख़तरा ख़तरा चाँद क़दम ऩ ऱ ऴ १९४७ ज़ि",
	"संघर्षः अतः क्रमशः पुनः नमः ः कः",
	"क\u200dष क\u0301 क\u0951 क\ua8e0 क॰ डॉ. बी.जे.पी. ए. आर. रहमान",
	"क", "क्", "\xe0\xa4", "क\xe0\xa4", "क\xe0\xa4\xff", "।क॥", "क१", "कa", "क्\u200dत",
	"न्द अन्द म्प ङ्ग ञ्ज ण्ड न्प म्त न्‌द", "A z Z, . \xff । ॥ X।Y॥ \x00 ~",
}

// TestDevaWordEndKeyExhaustive checks devaWordEndKey against the key on every run of one to
// three code points of U+0900..U+097F, alone and after क: when it reports the key equal to the
// run, appendKey (the key before the final-visarga trim) must agree.
func TestDevaWordEndKeyExhaustive(t *testing.T) {
	var buf []byte
	cp := func(lo int) string { return string(rune(0x0900 + lo)) }
	for a := range 128 {
		for b := -1; b < 128; b++ {
			for c := -1; c < 128; c++ {
				if b < 0 && c >= 0 {
					continue
				}
				run := cp(a)
				if b >= 0 {
					run += cp(b)
				}
				if c >= 0 {
					run += cp(c)
				}
				for _, s := range []string{run, "क" + run} {
					end, same := devaWordEndKey(s+" ", 0)
					if end != len(s) {
						continue // a code point that is not a word's ends the run early
					}
					buf = appendKey(buf[:0], s)
					if same && string(buf) != s {
						t.Fatalf("devaWordEndKey(%q) reports the key equal, appendKey gives %q", s, buf)
					}
					// The only runs reported changed whose key is the run: those with a
					// Vedic tone mark (left to the NFC path) and a nasal + virama + stop at
					// the very start.
					if !same && string(buf) == s && !strings.ContainsAny(s, "\u0951\u0952\u0953\u0954") &&
						!(b == 0x4D && homorganicNasal(rune(0x0900+c)) == rune(0x0900+a) && s == run) {
						t.Errorf("devaWordEndKey(%q) reports the key changed, but it is the run", s)
					}
				}
			}
		}
	}
}

func TestAnalyzeMatchesReference(t *testing.T) {
	var got, want Doc
	for _, join := range []bool{false, true} {
		a := Analyzer{JoinLines: join}
		for _, s := range append(append([]string{fixtureText}, fuzzSeeds...), refTexts...) {
			sameAnalysis(t, a, s, &got, &want)
		}
	}
}

// TestAnalyzeMatchesReferenceNews compares Analyze with analyzeRef on every text of the
// JSONL corpus named by $DRISHTI_BENCH_JSONL (e.g. the 50 MB corpus of docs/performance.md),
// else on the newspaper text in ../shared/data.
func TestAnalyzeMatchesReferenceNews(t *testing.T) {
	var got, want Doc
	p := os.Getenv("DRISHTI_BENCH_JSONL")
	if p == "" {
		text := newsText(t, 1<<30)
		for _, join := range []bool{false, true} {
			sameAnalysis(t, Analyzer{JoinLines: join}, text, &got, &want)
		}
		return
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	n := 0
	for sc.Scan() {
		var row struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			continue // the reader rejects it; nothing to tokenize
		}
		for _, s := range []string{row.Title, row.Text} {
			sameAnalysis(t, Analyzer{}, s, &got, &want)
			sameAnalysis(t, Analyzer{JoinLines: true}, s, &got, &want)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no JSON rows in %s", p)
	}
	t.Logf("%d rows of %s match the reference", n, p)
}

func FuzzAnalyzeReference(f *testing.F) {
	for _, s := range append(append([]string{fixtureText}, fuzzSeeds...), refTexts...) {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, join bool) {
		var got, want Doc
		sameAnalysis(t, Analyzer{JoinLines: join}, text, &got, &want)
	})
}
