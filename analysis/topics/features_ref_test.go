package topics

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// refOccurrence is one kept token of a document.
type refOccurrence struct {
	key, surface string
}

// referenceFeatures is the first implementation of Featurizer.Append (one string per
// kept token, a stable sort of every occurrence), kept as the oracle of the faster one.
func referenceFeatures(f Featurizer, dst []Term, d *hindi.Doc) []Term {
	occ := make([]refOccurrence, 0, len(d.Tokens))
	prev, prevSurface, prevSent := "", "", -1
	for i, t := range d.Tokens {
		if t.Kind != hindi.Word && t.Kind != hindi.Latin {
			if t.Kind != hindi.Symbol { // a number or punctuation breaks a bigram
				prev = ""
			}
			continue
		}
		key := d.Key(i)
		if !refKeepKey(key) {
			prev = ""
			continue
		}
		ks := string(key)
		if hindi.IsStopword(ks) || refIsExtraStopword(ks) {
			prev = ""
			continue
		}
		stem := refLightStem(ks)
		surface := d.Surface(i)
		occ = append(occ, refOccurrence{key: stem, surface: surface})
		if f.Bigrams && prev != "" && prevSent == t.Sentence {
			occ = append(occ, refOccurrence{key: prev + " " + stem, surface: prevSurface + " " + surface})
		}
		prev, prevSurface, prevSent = stem, surface, t.Sentence
	}
	return refAppendCounted(dst, occ)
}

// lightStem is the text layer's stem of a matching key when at least three code points remain,
// else the key itself: stripping down to two code points merges unrelated words (सेना → से,
// जीता → जी, खेती → खे) and cost 0.02–0.04 NMI on Hindi headlines.
func refLightStem(key string) string {
	if stem := hindi.Stem(key); utf8.RuneCountInString(stem) >= 3 {
		return stem
	}
	return key
}

// keepKey reports whether a matching key can be a feature: at least two letters and not made
// of digits only.
func refKeepKey(key []byte) bool {
	if utf8.RuneCount(key) < 2 {
		return false
	}
	letters := 0
	for _, r := range string(key) {
		if r < '0' || r > '9' {
			letters++
		}
	}
	return letters >= 2
}

// appendCounted groups refOccurrences by key and appends one Term per key, with the most frequent
// surface form (ties: the one seen first).
func refAppendCounted(dst []Term, occ []refOccurrence) []Term {
	slices.SortStableFunc(occ, func(a, b refOccurrence) int { return strings.Compare(a.key, b.key) })
	for i := 0; i < len(occ); {
		j := i
		for j < len(occ) && occ[j].key == occ[i].key {
			j++
		}
		// refOccurrences of a group are in document order, so a strict > keeps the first of ties
		best, bestN := occ[i].surface, 0
		for a := i; a < j; a++ {
			n := 0
			for b := i; b < j; b++ {
				if occ[b].surface == occ[a].surface {
					n++
				}
			}
			if n > bestN {
				best, bestN = occ[a].surface, n
			}
		}
		dst = append(dst, Term{Key: occ[i].key, Surface: best, Count: j - i, Hash: hashKey([]byte(occ[i].key))})
		i = j
	}
	return dst
}

// refIsExtraStopword is the first implementation's lookup of the extra stopwords.
func refIsExtraStopword(key string) bool {
	_, ok := extraStopwords[key]
	return ok
}

// featureTexts are original texts that exercise the corners of Features: stopwords, numbers,
// one-letter tokens, code-mixed Latin, nukta spellings, repeated surfaces with ties, and
// sentence breaks for bigrams.
var featureTexts = []string{
	"",
	"क",
	"सरकार ने 2024 में बजट पेश किया। सरकार का बजट, सरकार की नीति। क",
	"RRB Group D Notification: the RRB notification for Group D, RRB 2024 G20 A1",
	"लड़कियों ने कहा, लड़कियां खेलेंगी, लड़कियां जीतेंगी, लडकियां हारेंगी",
	"सेना जीता खेती सेना, सेनाओं ने जीती खेतियां",
	"वित्त मंत्री बजट पेश करेंगी। वित्त मंत्री संसद पहुंचीं। वित्त  मंत्री; वित्त मंत्री",
	"मौसम मौसम मौसम. Mausam MAUSAM mausam! मौसम-विभाग ने ३ दिन की चेतावनी दी",
	"किसान किसानों किसानो किसान किसानों — किसानों ने मंडी में गेहूं बेचा, किसान खुश",
	"जानें क्या हुआ: कोरोना के 12 नए मामले, कोरोना वायरस से कोरोना पीड़ित ठीक",
}

// newsTexts returns the blocks (headlines and paragraphs, split on blank lines) of the real
// newspaper files of the shared data, or skips.
func newsTexts(t *testing.T) []string {
	t.Helper()
	root := sharedData(t, filepath.Join("news", "covid2020"))
	var out []string
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, block := range strings.Split(string(b), "\n\n") {
			if block = strings.TrimSpace(block); block != "" {
				out = append(out, block)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Skipf("no .txt files under %s", root)
	}
	return out
}

// extractors returns a unigram and a bigram Extractor for checkSameFeatures to reuse from
// text to text; a cache limit above 0 bounds their stem caches.
func extractors(limit int) []*Extractor {
	ex := []*Extractor{{}, {Bigrams: true}}
	for _, e := range ex {
		e.c.cache.limit = limit
	}
	return ex
}

// checkSameFeatures compares Featurizer.Append, and the Extractors of ex (reused from call to
// call), with referenceFeatures on one text and returns the number of unigram features.
func checkSameFeatures(t *testing.T, name, text string, ex ...*Extractor) int {
	t.Helper()
	n := 0
	d := analyse(text)
	for _, f := range []Featurizer{{}, {Bigrams: true}} {
		prefix := []Term{{Key: "x", Surface: "x", Count: 1}} // Append must keep dst's contents
		want := referenceFeatures(f, slices.Clone(prefix), d)
		for _, e := range ex {
			if e.Bigrams == f.Bigrams {
				if got := e.Append(slices.Clone(prefix), d); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s (bigrams %v): Extractor gives %d terms %+v, want %d %+v", name, f.Bigrams, len(got), got, len(want), want)
				}
			}
		}
		got := f.Append(slices.Clone(prefix), d)
		if !reflect.DeepEqual(got, want) {
			n := min(len(got), len(want))
			for i := 0; i < n; i++ {
				if got[i] != want[i] {
					t.Fatalf("%s (bigrams %v): term %d = %+v, want %+v (%d terms, want %d)", name, f.Bigrams, i, got[i], want[i], len(got), len(want))
				}
			}
			t.Fatalf("%s (bigrams %v): %d terms, want %d", name, f.Bigrams, len(got), len(want))
		}
		if !f.Bigrams {
			n = len(got) - len(prefix)
		}
	}
	return n
}

func TestFeaturesMatchReference(t *testing.T) {
	for _, limit := range []int{0, 3} { // 3: the stem caches fill up at once
		ex := extractors(limit)
		for i, text := range featureTexts {
			checkSameFeatures(t, fmt.Sprintf("text %d", i), text, ex...)
		}
		for _, s := range stories {
			checkSameFeatures(t, s[0], strings.Join(s, " "), ex...)
		}
		for j := 0; j < 3; j++ {
			checkSameFeatures(t, "articles", article("flood", j)+article("budget", j)+article("cricket", j), ex...)
		}
		for _, e := range ex {
			if n := len(e.c.cache.ents); limit > 0 && n != limit {
				t.Errorf("limit %d: %d keys cached", limit, n)
			}
		}
	}
}

// TestStemCacheGrows checks that the stem cache finds every key it holds after its table has
// grown several times.
func TestStemCacheGrows(t *testing.T) {
	var sc stemCache
	keys := make([][]byte, 5000)
	for i := range keys {
		keys[i] = []byte(hindi.Key(fmt.Sprintf("सरकारों%d", i)))
	}
	for _, k := range keys {
		sc.stemLen(k, hashKey(k))
	}
	if len(sc.ents) != len(keys) || len(sc.slots) < 2*len(keys) {
		t.Fatalf("%d keys in %d slots, want %d in at least %d", len(sc.ents), len(sc.slots), len(keys), 2*len(keys))
	}
	for _, k := range keys {
		got, gotHash := sc.stemLen(k, hashKey(k))
		if want := stemDecision(k); got != want {
			t.Fatalf("stemLen(%q) = %d, want %d", k, got, want)
		}
		if got >= 0 && gotHash != hashKey(k[:got]) {
			t.Fatalf("stemLen(%q): hash %x, want the stem's %x", k, gotHash, hashKey(k[:got]))
		}
	}
	if len(sc.ents) != len(keys) {
		t.Fatalf("%d keys cached after lookups, want %d", len(sc.ents), len(keys))
	}
}

// TestFeaturesMatchReferenceNews compares the two implementations on every real newspaper
// file of the shared data (545k words, block by block), with and without bigrams.
func TestFeaturesMatchReferenceNews(t *testing.T) {
	if testing.Short() {
		t.Skip("real-data comparison skipped in -short mode")
	}
	texts := newsTexts(t)
	terms := 0
	ex := extractors(0)
	for i, text := range texts {
		terms += checkSameFeatures(t, fmt.Sprintf("news block %d", i), text, ex...)
	}
	if terms == 0 {
		t.Fatal("no features in the news files")
	}
	t.Logf("%d blocks, %d unigram terms: identical", len(texts), terms)
}

func FuzzFeaturesMatchReference(f *testing.F) {
	for _, s := range featureTexts {
		f.Add(s)
	}
	ex := extractors(0) // reused: one fuzz process calls the target sequentially
	f.Fuzz(func(t *testing.T, text string) {
		checkSameFeatures(t, "fuzz", text, ex...)
	})
}

// BenchmarkFeaturesReference is BenchmarkFeatures with the first implementation.
func BenchmarkFeaturesReference(b *testing.B) {
	text := article("flood", 0) + article("budget", 2) + article("cricket", 1)
	d := analyse(text)
	var dst []Term
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		dst = referenceFeatures(Featurizer{}, dst[:0], d)
	}
}

// benchmarkNews runs a features function over the blocks of the real newspaper files.
func benchmarkNews(b *testing.B, fn func(dst []Term, d *hindi.Doc) []Term) {
	docs, size := newsDocs(b)
	var dst []Term
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			dst = fn(dst[:0], d)
		}
	}
}

// BenchmarkBuilderAddNews adds the features of the real newspaper files, cut into articles
// of about 3.5 KB, to a new Builder.
func BenchmarkBuilderAddNews(b *testing.B) {
	docs, size := newsDocs(b)
	terms := make([][]Term, len(docs))
	for i, d := range docs {
		terms[i] = Features(nil, d)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bl := NewBuilder()
		for j, ts := range terms {
			bl.Add("id", int32(j), ts)
		}
	}
}

// newsDocs returns the real newspaper files cut into articles of about 3.5 KB, the size of
// make-corpus's, and their total size, or skips.
func newsDocs(b *testing.B) ([]*hindi.Doc, int) {
	root := sharedData(b, filepath.Join("news", "covid2020"))
	var docs []*hindi.Doc
	size := 0
	_ = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".txt") || len(docs) > 3000 {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// articles of about 3.5 KB, the size of make-corpus's
		var sb strings.Builder
		for _, block := range strings.Split(string(raw), "\n\n") {
			sb.WriteString(block)
			sb.WriteString("\n\n")
			if sb.Len() >= 3500 {
				docs = append(docs, analyse(sb.String()))
				size += sb.Len()
				sb.Reset()
			}
		}
		return nil
	})
	if len(docs) == 0 {
		b.Skip("no news files")
	}
	return docs, size
}

// BenchmarkFeaturesNews extracts the features of the real newspaper files, cut into articles
// of about 3.5 KB.
func BenchmarkFeaturesNews(b *testing.B) { benchmarkNews(b, Features) }

// BenchmarkFeaturesNewsReference is BenchmarkFeaturesNews with the first implementation.
func BenchmarkFeaturesNewsReference(b *testing.B) {
	benchmarkNews(b, func(dst []Term, d *hindi.Doc) []Term { return referenceFeatures(Featurizer{}, dst, d) })
}

func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "abc", "सरकार", "\xe0\xa4", "\xe0\x80\x80", "a\xffb", "ज़िला", "€uro", "\xed\xa0\x80", "\xe0\xa4\x95\xe0"} {
		if got, want := runeCount([]byte(s)), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// BenchmarkExtractorNews is BenchmarkFeaturesNews with one Extractor reused for every
// article, as a pipeline worker holds one.
func BenchmarkExtractorNews(b *testing.B) {
	var e Extractor
	benchmarkNews(b, e.Append)
}

// prefixPieces are byte sequences around the edges of ASCII and of the Devanagari block,
// truncated and invalid sequences, other scripts and zero bytes (keyPrefix's padding).
var prefixPieces = []string{
	"", "\x00", " ", "/", "0", "9", "a", "z", "\x7f", "\x80", "\xc3\xa9", "\xdf\xbf",
	"\xe0", "\xe0\xa3\xbf", "\xe0\xa4", "\xe0\xa4\x41", "\xe0\xa4\x80", "\xe0\xa4\x95",
	"\xe0\xa4\xbf", "\xe0\xa4\xc0", "\xe0\xa5", "\xe0\xa5\x41", "\xe0\xa5\x80",
	"\xe0\xa5\x8d", "\xe0\xa5\xbf", "\xe0\xa5\xc0", "\xe0\xa6\x95", "\xe1\x80\x80",
	"\xef\xbf\xbd", "\xff",
}

// checkPrefixOrder fails when keyPrefix contradicts bytes.Compare on a and b.
func checkPrefixOrder(t *testing.T, a, b []byte) {
	t.Helper()
	pa, pb := keyPrefix(a), keyPrefix(b)
	if c := bytes.Compare(a, b); (pa < pb && c >= 0) || (pa > pb && c <= 0) || (c == 0 && pa != pb) {
		t.Fatalf("keyPrefix(%q) = %x, keyPrefix(%q) = %x, but bytes.Compare = %d", a, pa, b, pb, c)
	}
}

func TestKeyPrefixOrder(t *testing.T) {
	var keys [][]byte
	for _, x := range prefixPieces {
		for _, y := range prefixPieces {
			for _, z := range []string{"", "\x00"} { // what follows a difference must not matter
				keys = append(keys, []byte(x+y+z))
			}
		}
	}
	for _, w := range []string{"सरकार", "सरकारों", "सरकारी", "लडकियां", "लडकियों", "मौसम", "rrb", "g20", "कोरोनावायरस", "कोरोनावायरसों"} {
		keys = append(keys, []byte(hindi.Key(w)))
	}
	for _, a := range keys {
		for _, b := range keys {
			checkPrefixOrder(t, a, b)
		}
	}
	if p, q := keyPrefix([]byte("\xe0\xa4\x95\xe0\xa4\xbe")), keyPrefix([]byte("\xe0\xa4\x95\xe0\xa4\xbf")); p >= q {
		t.Errorf("keyPrefix(का) = %x, not below keyPrefix(कि) = %x", p, q)
	}
}

func FuzzKeyPrefixOrder(f *testing.F) {
	f.Add([]byte("सरकार"), []byte("सरकारी"))
	f.Add([]byte("\xe0\xa4\xc0"), []byte("\xe0\xa4\xbf\x00"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		checkPrefixOrder(t, a, b)
	})
}
