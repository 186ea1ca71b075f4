package topics

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// Term is one distinct feature of a document: its key (the light stem of the matching key, or
// two such stems joined by a space for a bigram), the surface form that occurs most often in
// the document for that key, and how many times the key occurs.
//
// The Keys of one Append share one string (an Extractor's unigram Keys are substrings of the
// words it keeps from document to document) and the unigram Surfaces are substrings of the
// document's text: copy them (strings.Clone) to keep one without the others. Builder.Add
// copies what it keeps.
type Term struct {
	Key     string
	Surface string
	Count   int
	// Hash is the hash of Key that Features computes anyway, so that Builder.Add, which
	// runs serially, does not hash the key again. Leave it 0 in a Term built by hand (Add
	// then hashes Key), and keep it with its Key when copying Terms.
	Hash uint64
}

// Featurizer turns analysed documents into topic features. The zero value uses unigrams only;
// it is safe for concurrent use.
type Featurizer struct {
	// Bigrams adds, for every two adjacent kept words of one sentence, a feature whose key is
	// the two stems joined by a space.
	Bigrams bool
}

// Features appends the topic features of an analysed document to dst with the default
// Featurizer: one Term per distinct feature (light stem of the matching key, see lightStem;
// stopwords, punctuation, numbers and one-letter tokens dropped), sorted by key. Safe for
// concurrent use.
func Features(dst []Term, d *hindi.Doc) []Term { return Featurizer{}.Append(dst, d) }

// Append appends the features of d to dst, sorted by key. It allocates one string for all the
// keys (and one per distinct bigram surface), never one per token, besides its tables: an
// Extractor reuses them from document to document.
func (f Featurizer) Append(dst []Term, d *hindi.Doc) []Term {
	n := len(d.Tokens)/2 + 8 // about one distinct word in two tokens
	e := Extractor{Bigrams: f.Bigrams, c: counter{
		words: make([]word, 0, n), feats: make([]feat, 0, n), surfs: make([]surf, 0, n),
		order: make([]sortKey, 0, n), noCache: true,
	}}
	return e.Append(dst, d)
}

// Extractor is a Featurizer that keeps its tables from one document to the next, so that
// extracting the features of a stream of documents allocates only the strings of the
// results. The zero value uses unigrams only. An Extractor is not safe for concurrent use:
// give each goroutine its own.
type Extractor struct {
	// Bigrams is Featurizer.Bigrams.
	Bigrams bool
	// Unsorted leaves the features of a document in the order of their first occurrence
	// instead of sorting them by key, about a sixth of Append's time; Builder.Add
	// takes them in any order and builds the same vocabulary.
	Unsorted bool

	c counter
}

// Append appends the features of d to dst, sorted by key (unless Unsorted), exactly as
// Featurizer.Append does.
func (e *Extractor) Append(dst []Term, d *hindi.Doc) []Term {
	c := &e.c
	c.reset(d, e.Bigrams, 0)
	e.count(d)
	dst = c.appendTerms(dst, !e.Unsorted)
	c.d = nil // do not keep the document alive
	return dst
}

// count counts the features of d, the counter's document.
func (e *Extractor) count(d *hindi.Doc) {
	c := &e.c
	c.touch()
	var prev []byte // stem of the previous kept word, nil after a break
	prevTok, prevSent := -1, -1
	for i, t := range d.Tokens {
		if t.Kind != hindi.Word && t.Kind != hindi.Latin {
			if t.Kind != hindi.Symbol { // a number or punctuation breaks a bigram
				prev = nil
			}
			continue
		}
		fi := c.word(i)
		if fi < 0 {
			prev = nil
			continue
		}
		c.add(fi, int32(i), -1)
		stem := c.feats[fi].key
		if e.Bigrams && prev != nil && prevSent == t.Sentence {
			c.addBigram(prev, stem, int32(prevTok), int32(i))
		}
		prev, prevTok, prevSent = stem, i, t.Sentence
	}
}

// AppendMerged appends to dst the features of an article's text and title (title may be
// nil), as Append gives them: those of text, then those of title that are not features of
// text. A feature of both has the sum of its counts and the surface form that Append gives
// for title when its count there is larger than in text (else the one for text). Unless
// Unsorted, the terms of text and those of title only are each sorted by key.
//
// An Unsorted Extractor counts the title into the text's tables, so that merging costs
// nothing; it gives the same terms as appending the two documents' features and merging them.
func (e *Extractor) AppendMerged(dst []Term, text, title *hindi.Doc) []Term {
	if title == nil || len(title.Tokens) == 0 {
		return e.Append(dst, text)
	}
	if !e.Unsorted {
		return e.appendMergedSorted(dst, text, title)
	}
	c := &e.c
	c.reset(text, e.Bigrams, len(title.Tokens))
	e.count(text)
	// what text gives each of its features; then the features count title alone
	prior := slices.Grow(c.prior[:0], len(c.feats))
	for i := range c.feats {
		ft := &c.feats[i]
		prior = append(prior, priorFeat{count: ft.count, surface: c.surface(c.best(ft))})
		ft.count, ft.first, ft.last = 0, -1, -1
	}
	c.next(title)
	e.count(title)
	dst = slices.Grow(dst, len(c.feats))
	keys := c.keyStrings(c.unsorted())
	off := 0
	for i := range c.feats {
		ft := &c.feats[i]
		key := ft.s
		if key == "" {
			key = keys[off : off+len(ft.key)]
			off += len(ft.key)
		}
		t := Term{Key: key, Count: int(ft.count), Hash: ft.hash}
		if ft.count > 0 {
			t.Surface = c.surface(c.best(ft))
		}
		if i < len(prior) {
			p := &prior[i]
			if t.Count <= int(p.count) {
				t.Surface = p.surface
			}
			t.Count += int(p.count)
		}
		dst = append(dst, t)
	}
	clear(prior) // do not keep the documents alive
	c.prior = prior[:0]
	c.d = nil
	return dst
}

// priorFeat is what the text of an article gives one feature: its count and surface form.
type priorFeat struct {
	count   int32
	surface string
}

// appendMergedSorted is AppendMerged for a sorted Extractor: the features of the two
// documents, merged.
func (e *Extractor) appendMergedSorted(dst []Term, text, title *hindi.Doc) []Term {
	start := len(dst)
	dst = e.Append(dst, text)
	n := len(dst)
	dst = e.Append(dst, title)
	merged := dst[start:n]
	w := n
	for j := n; j < len(dst); j++ {
		tt := dst[j]
		i := slices.IndexFunc(merged, func(t Term) bool { return t.Hash == tt.Hash && t.Key == tt.Key })
		if i < 0 {
			dst[w] = tt
			w++
			continue
		}
		t := &merged[i]
		if tt.Count > t.Count {
			t.Surface = tt.Surface
		}
		t.Count += tt.Count
	}
	clear(dst[w:])
	return dst[:w]
}

// lightStem is the text layer's stem of a matching key of n code points when at least three
// code points remain, else the key itself: stripping down to two code points merges unrelated
// words (सेना → से, जीता → जी, खेती → खे) and cost 0.02–0.04 NMI on Hindi headlines. It returns
// a prefix of key.
func lightStem(key []byte, n int) []byte {
	if n <= 3 { // a stripped suffix would leave fewer than three code points
		return key
	}
	// a stripped suffix is whole code points, so the stem keeps n minus the suffix's
	if stem := hindi.StemBytes(key); len(stem) == len(key) || n-runeCount(key[len(stem):]) >= 3 {
		return stem
	}
	return key
}

// keepKey reports whether a matching key of n code points can be a feature: at least two code
// points that are not ASCII digits.
func keepKey(key []byte, n int) bool {
	if n < 2 {
		return false
	}
	digits := 0
	for _, b := range key {
		if b >= '0' && b <= '9' { // an ASCII digit is always a code point of its own
			digits++
		}
	}
	return n-digits >= 2
}

// runeCount is utf8.RuneCount (an invalid byte counts as one code point), with a fast path for
// ASCII and the three-byte sequences of Devanagari and without the copy that utf8.RuneCount
// makes of a slice.
func runeCount(b []byte) int {
	n := 0
	for len(b) > 0 {
		switch c := b[0]; {
		case c < utf8.RuneSelf:
			b = b[1:]
		case c == 0xE0 && len(b) >= 3 && b[1] >= 0xA0 && b[1] <= 0xBF && b[2]&0xC0 == 0x80:
			b = b[3:]
		default:
			_, size := utf8.DecodeRune(b)
			b = b[size:]
		}
		n++
	}
	return n
}

// isStopKey reports whether a matching key is one of the text layer's stopwords or a function
// word or news-reporting filler of extraStopwords.
func isStopKey(key []byte) bool {
	_, ok := stopKeys[string(key)] // no allocation: the conversion is only used for the lookup
	return ok
}

// counter counts the features of one document. Two open-addressing hash tables map the bytes
// of a word's matching key to its feature (so a repeated word is stemmed and checked against
// the stopwords once) and the bytes of a feature's key to the feature; each feature keeps its
// surface forms in order of first occurrence. A slot holds the upper 32 bits of the key's
// hash (compared before the key bytes) and the entry's index + 1 (0: empty). The tables are
// sized from the number of tokens so that they are never more than half full, and are kept
// from one document to the next.
type counter struct {
	d      *hindi.Doc
	keys   []byte   // d's keys, back to back
	ends   []int32  // d's key ends
	hashes []uint64 // d's key hashes
	wslots []uint64
	words  []word
	fslots []uint64
	feats  []feat
	surfs  []surf
	arena  []byte // bigram keys
	order  []sortKey
	packed []uint64 // sortFeatures' buffer
	prior  []priorFeat
	cache  stemCache
	// doc numbers the documents the counter read (the current one included), so that the
	// stemCache can hold each key's feature in the current document.
	doc int32
	// wready reports whether wslots was emptied for the current document.
	wready bool
	// noCache skips the stemCache, for a counter used once.
	noCache bool
	// sink keeps touch's loads.
	sink uint64
}

// stemAndHash returns stemDecision(key) and the hash of the stem (h, the hash of key, when the
// stem is the whole key; 0 when key is not a feature).
func stemAndHash(key []byte, h uint64) (int, uint64) {
	stem := stemDecision(key)
	switch {
	case stem < 0:
		return stem, 0
	case stem < len(key):
		return stem, hashKey(key[:stem])
	}
	return stem, h
}

// stemDecision returns the length of the light stem of key, or −1 when key is not a feature.
func stemDecision(key []byte) int {
	if n := runeCount(key); keepKey(key, n) && !isStopKey(key) {
		return len(lightStem(key, n))
	}
	return -1
}

// stemCache remembers, across the documents an Extractor reads, whether a matching key can
// be a feature and the length of its light stem, so that a word is checked against the
// stopwords and stemmed once per Extractor rather than once per document. It is an
// open-addressing table like the counter's, its keys back to back in an arena, and stops
// growing at maxCached keys (a news vocabulary is a few hundred thousand words).
//
// The arena is a string, so that the key of a feature (a word's stem, a prefix of the word)
// is a substring of it rather than a string made for each document: a strings.Builder
// never changes the bytes it wrote, and a string taken from it before it grows keeps the
// old buffer.
type stemCache struct {
	slots []uint64 // hash's upper 32 bits | index+1 into ents, 0 = empty
	ents  []cached
	arena strings.Builder
	text  string // arena.String() since the last write
	limit int    // the most keys to cache; 0: maxCached
}

// cached is one key of the stemCache, text[start:end], its stem length (−1: not a feature)
// and the hash of its stem; and, for the document being read when doc is the counter's
// current document number, the key's feature in that document (−1: none).
type cached struct {
	start, end, stem int32
	doc, feat        int32
	hash             uint64
	// inline holds the key when it fits (most words: ten Devanagari code points), so that
	// a lookup compares it in the entry's cache line rather than in the arena
	inline [inlineKey]byte
}

// inlineKey is the longest key a cached entry holds inline: the entry then fills a cache line.
const inlineKey = 32

// is reports whether e is the entry of key.
func (sc *stemCache) is(e *cached, key []byte) bool {
	if int(e.end-e.start) != len(key) {
		return false
	}
	if len(key) <= inlineKey {
		return string(e.inline[:len(key)]) == string(key)
	}
	return sc.text[e.start:e.end] == string(key)
}

// maxCached bounds the keys of a stemCache (about 24 MB of tables and keys).
const maxCached = 1 << 18

// stemLen returns the length of the light stem of key, whose hash is h, or −1 when key is
// not a feature; and the hash of the stem.
func (sc *stemCache) stemLen(key []byte, h uint64) (int, uint64) {
	if e := sc.entry(key, h); e != nil {
		return int(e.stem), e.hash
	}
	return stemAndHash(key, h)
}

// entry returns the cache entry of key, whose hash is h, adding it unless the cache is full
// (nil then). An entry added has doc −1.
func (sc *stemCache) entry(key []byte, h uint64) *cached {
	if len(sc.slots) == 0 {
		sc.slots = make([]uint64, 1024)
	}
	tag := h &^ 0xFFFFFFFF
	mask := uint64(len(sc.slots) - 1)
	j := h & mask
	for ; sc.slots[j] != 0; j = (j + 1) & mask {
		if s := sc.slots[j]; s&^0xFFFFFFFF == tag {
			if e := &sc.ents[uint32(s)-1]; sc.is(e, key) {
				return e
			}
		}
	}
	limit := sc.limit
	if limit <= 0 {
		limit = maxCached
	}
	if len(sc.ents) >= limit || sc.arena.Len()+len(key) > math.MaxInt32 {
		return nil
	}
	stem, sh := stemAndHash(key, h)
	start := int32(sc.arena.Len())
	sc.arena.Write(key)
	sc.text = sc.arena.String()
	sc.ents = append(sc.ents, cached{start: start, end: int32(len(sc.text)), stem: int32(stem), doc: -1, hash: sh})
	if len(key) <= inlineKey {
		copy(sc.ents[len(sc.ents)-1].inline[:], key)
	}
	sc.slots[j] = tag | uint64(len(sc.ents))
	if 2*len(sc.ents) > len(sc.slots) {
		sc.grow()
	}
	return &sc.ents[len(sc.ents)-1]
}

// forget marks every entry as seen in no document, when the counter's document numbers
// start again from 0.
func (sc *stemCache) forget() {
	for i := range sc.ents {
		sc.ents[i].doc = -1
	}
}

// grow doubles the slots of sc.
func (sc *stemCache) grow() {
	slots := make([]uint64, 2*len(sc.slots))
	mask := uint64(len(slots) - 1)
	for i := range sc.ents {
		e := &sc.ents[i]
		var h uint64
		if n := int(e.end - e.start); n <= inlineKey {
			h = hashKey(e.inline[:n])
		} else {
			h = hashKey([]byte(sc.text[e.start:e.end]))
		}
		j := h & mask
		for slots[j] != 0 {
			j = (j + 1) & mask
		}
		slots[j] = h&^0xFFFFFFFF | uint64(i+1)
	}
	sc.slots = slots
}

// touch loads the stemCache slot of every token's key, then the entry it holds, in two
// passes of independent loads: their cache misses overlap, where the lookups of word, one
// token after the other, would wait for each in turn. In the pipeline, where tone scoring
// evicts the cache between articles, it cut the job's user CPU by 2–3 % (it does not
// help a benchmark that only extracts features).
func (c *counter) touch() {
	sc := &c.cache
	if c.noCache || len(sc.slots) == 0 {
		return
	}
	slots, ents := sc.slots, sc.ents
	mask := uint64(len(slots) - 1)
	var sink uint64
	for _, h := range c.hashes {
		sink += slots[h&mask]
	}
	for _, h := range c.hashes {
		if s := slots[h&mask]; s != 0 {
			sink += uint64(ents[uint32(s)-1].end)
		}
	}
	c.sink = sink
}

// reset empties c for the document d, and sizes its feature table for extra more tokens
// (of the document that next will follow).
func (c *counter) reset(d *hindi.Doc, bigrams bool, extra int) {
	feats := len(d.Tokens) + extra // at most one distinct word per token
	if bigrams {
		feats *= 2 // and one bigram
	}
	c.fslots = resetSlots(c.fslots, feats)
	c.feats, c.arena = c.feats[:0], c.arena[:0]
	c.next(d)
}

// next makes d the counter's document, keeping the features counted so far.
func (c *counter) next(d *hindi.Doc) {
	c.d = d
	c.keys, c.ends = d.Keys()
	c.hashes = d.KeyHashes()
	c.wready = false // the word table is emptied when first needed: see word
	if c.doc == math.MaxInt32 {
		c.cache.forget()
		c.doc = -1
	}
	c.doc++
	c.words, c.surfs = c.words[:0], c.surfs[:0]
}

// resetSlots returns an empty table of at least 16 slots and at least twice n.
func resetSlots(slots []uint64, n int) []uint64 {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	if cap(slots) < size {
		return make([]uint64, size)
	}
	slots = slots[:size]
	clear(slots)
	return slots
}

// word is one distinct matching key of the document, keys[start:end], and its feature (−1:
// not a feature).
type word struct {
	start, end, feat int32
}

// feat is one distinct feature: its key (aliasing the Doc's keys or the arena), its count and
// its list of surface forms.
type feat struct {
	key []byte
	// s is key as a string of the stemCache's arena, or "" (then appendTerms makes one)
	s           string
	hash        uint64
	count       int32
	first, last int32 // indexes into surfs
}

// surf is one distinct surface form of a feature: token a (and token b for a bigram, else
// −1), how many times it occurs, and the next form of the same feature (−1 at the end).
type surf struct {
	a, b, n, next int32
}

// sortKey orders the features: the first eight bytes of the key, big-endian and padded with
// zeros (so that a smaller prefix means a smaller key), and the feature's index.
type sortKey struct {
	prefix uint64
	feat   int32
}

// hashKey is the text layer's key hash, hindi.HashKey: the hash the Doc reports for each
// token's key, so that a word's hash is read rather than computed again.
func hashKey(b []byte) uint64 { return hindi.HashKey(b) }

// word returns the feature of token i's matching key, or −1 when the key is not a feature.
func (c *counter) word(i int) int {
	start := int32(0)
	if i > 0 {
		start = c.ends[i-1]
	}
	end := c.ends[i]
	key := c.keys[start:end:end]
	h := c.hashes[i] // hashKey(key), computed by Analyze
	if !c.noCache {
		// a cached key keeps its feature in the current document: one table for both
		if e := c.cache.entry(key, h); e != nil {
			if e.doc != c.doc {
				e.doc, e.feat = c.doc, -1
				if e.stem >= 0 {
					fi, _ := c.find(key[:e.stem], e.hash)
					e.feat = int32(fi)
					if ft := &c.feats[fi]; ft.s == "" {
						ft.s = c.cache.text[e.start : e.start+e.stem]
					}
				}
			}
			return int(e.feat)
		}
	}
	if !c.wready {
		c.wslots = resetSlots(c.wslots, len(c.d.Tokens))
		c.wready = true
	}
	tag := h &^ 0xFFFFFFFF
	mask := uint64(len(c.wslots) - 1)
	j := h & mask
	for ; c.wslots[j] != 0; j = (j + 1) & mask {
		if s := c.wslots[j]; s&^0xFFFFFFFF == tag {
			if w := &c.words[uint32(s)-1]; bytes.Equal(c.keys[w.start:w.end], key) {
				return int(w.feat)
			}
		}
	}
	fi := -1
	if stem, sh := stemAndHash(key, h); stem >= 0 { // not cached: see above
		fi, _ = c.find(key[:stem], sh)
	}
	c.words = append(c.words, word{start: start, end: end, feat: int32(fi)})
	c.wslots[j] = tag | uint64(len(c.words))
	return fi
}

// find returns the index of the feature with key, whose hash is h, adding it (with the key
// slice as given) when absent; added reports whether it was added.
func (c *counter) find(key []byte, h uint64) (f int, added bool) {
	tag := h &^ 0xFFFFFFFF
	mask := uint64(len(c.fslots) - 1)
	j := h & mask
	for ; c.fslots[j] != 0; j = (j + 1) & mask {
		if s := c.fslots[j]; s&^0xFFFFFFFF == tag && bytes.Equal(c.feats[uint32(s)-1].key, key) {
			return int(uint32(s) - 1), false
		}
	}
	c.feats = append(c.feats, feat{key: key, hash: h, first: -1, last: -1})
	c.fslots[j] = tag | uint64(len(c.feats))
	return len(c.feats) - 1, true
}

// add counts one occurrence of feature fi with surface token a (and b for a bigram, else −1).
func (c *counter) add(fi int, a, b int32) {
	ft := &c.feats[fi]
	ft.count++
	for s := ft.first; s >= 0; s = c.surfs[s].next {
		if c.sameSurface(&c.surfs[s], a, b) {
			c.surfs[s].n++
			return
		}
	}
	c.surfs = append(c.surfs, surf{a: a, b: b, n: 1, next: -1})
	s := int32(len(c.surfs) - 1)
	if ft.last >= 0 {
		c.surfs[ft.last].next = s
	} else {
		ft.first = s
	}
	ft.last = s
}

// addBigram counts the bigram of two stems with surface tokens a and b.
func (c *counter) addBigram(prev, stem []byte, a, b int32) {
	start := len(c.arena)
	c.arena = append(c.arena, prev...)
	c.arena = append(c.arena, ' ')
	c.arena = append(c.arena, stem...)
	key := c.arena[start:len(c.arena):len(c.arena)]
	fi, added := c.find(key, hashKey(key))
	if !added {
		c.arena = c.arena[:start] // a known key: its bytes are not needed
	}
	c.add(fi, a, b)
}

// sameSurface reports whether the surface of s is the surface of tokens a and b (a bigram's
// surface is its two tokens joined by a space).
func (c *counter) sameSurface(s *surf, a, b int32) bool {
	sa, ta := c.d.Surface(int(s.a)), c.d.Surface(int(a))
	if b < 0 || s.b < 0 {
		return b < 0 && s.b < 0 && sa == ta
	}
	sb, tb := c.d.Surface(int(s.b)), c.d.Surface(int(b))
	if sa == ta && sb == tb {
		return true
	}
	return len(sa)+len(sb) == len(ta)+len(tb) && sa+" "+sb == ta+" "+tb // a space inside a token
}

// surface returns the text of s.
func (c *counter) surface(s *surf) string {
	if s.b < 0 {
		return c.d.Surface(int(s.a))
	}
	return c.d.Surface(int(s.a)) + " " + c.d.Surface(int(s.b))
}

// appendTerms appends one Term per feature, sorted by key when sorted (else in the order of
// the features), with its most frequent surface form (ties: the one seen first).
func (c *counter) appendTerms(dst []Term, sorted bool) []Term {
	var order []sortKey
	if sorted {
		order = c.sortFeatures()
	} else {
		order = c.unsorted()
	}
	keys := c.keyStrings(order)
	dst = slices.Grow(dst, len(order))
	off := 0
	for _, o := range order {
		ft := &c.feats[o.feat]
		key := ft.s
		if key == "" {
			key = keys[off : off+len(ft.key)]
			off += len(ft.key)
		}
		dst = append(dst, Term{Key: key, Surface: c.surface(c.best(ft)), Count: int(ft.count), Hash: ft.hash})
	}
	return dst
}

// unsorted returns the features in their order.
func (c *counter) unsorted() []sortKey {
	order := c.order[:0]
	for i := range c.feats {
		order = append(order, sortKey{feat: int32(i)})
	}
	c.order = order
	return order
}

// keyStrings returns, back to back in one string and in the order given, the keys of the
// features that have no string yet.
func (c *counter) keyStrings(order []sortKey) string {
	total := 0
	for i := range c.feats {
		if c.feats[i].s == "" {
			total += len(c.feats[i].key)
		}
	}
	if total == 0 {
		return ""
	}
	var sb strings.Builder
	sb.Grow(total)
	for _, o := range order {
		if ft := &c.feats[o.feat]; ft.s == "" {
			sb.Write(ft.key)
		}
	}
	return sb.String()
}

// best returns the most frequent surface form of ft (ties: the one seen first).
func (c *counter) best(ft *feat) *surf {
	best := &c.surfs[ft.first]
	for s := best.next; s >= 0; s = c.surfs[s].next {
		if c.surfs[s].n > best.n { // strict: the first seen wins ties
			best = &c.surfs[s]
		}
	}
	return best
}

// sortFeatures returns the features ordered by key. Each is packed into one number, the first
// six bytes of its key above its index, so that the sort compares integers; the features
// whose keys share their first six bytes are then ordered by their whole keys.
func (c *counter) sortFeatures() []sortKey {
	order := c.order[:0]
	if len(c.feats) > 1<<16 { // too many to pack: compare the keys
		for i := range c.feats {
			order = append(order, sortKey{prefix: keyPrefix(c.feats[i].key), feat: int32(i)})
		}
		slices.SortFunc(order, func(x, y sortKey) int {
			if x.prefix != y.prefix {
				if x.prefix < y.prefix {
					return -1
				}
				return 1
			}
			return bytes.Compare(c.feats[x.feat].key, c.feats[y.feat].key)
		})
		c.order = order
		return order
	}
	packed := c.packed[:0]
	for i := range c.feats {
		packed = append(packed, keyPrefix(c.feats[i].key)&^0xFFFF|uint64(i))
	}
	slices.Sort(packed)
	c.packed = packed
	for _, p := range packed {
		order = append(order, sortKey{prefix: p &^ 0xFFFF, feat: int32(uint16(p))})
	}
	for i := 0; i < len(order); {
		j := i + 1
		for j < len(order) && order[j].prefix == order[i].prefix {
			j++
		}
		if run := order[i:j]; len(run) > 1 { // keys sharing their first six bytes
			slices.SortFunc(run, func(x, y sortKey) int {
				return bytes.Compare(c.feats[x.feat].key, c.feats[y.feat].key)
			})
		}
		i = j
	}
	c.order = order
	return order
}

// keyPrefix returns the first eight bytes of key as a big-endian number, padded with zeros:
// keyPrefix(a) < keyPrefix(b) implies bytes.Compare(a, b) < 0. (A prefix of one byte per
// code point, eight Devanagari letters instead of two and a half, made the sort's ties rarer
// but cost more to build than it saved.)
func keyPrefix(key []byte) uint64 {
	if len(key) >= 8 {
		return binary.BigEndian.Uint64(key)
	}
	var p uint64
	for i, b := range key {
		p |= uint64(b) << (56 - 8*i)
	}
	return p
}

// stopKeys is a read-only table: the text layer's stopwords and extraStopwords.
var stopKeys = func() map[string]struct{} {
	m := make(map[string]struct{}, len(extraStopwords)+300)
	for k := range extraStopwords {
		m[k] = struct{}{}
	}
	for _, k := range hindi.Stopwords() {
		m[k] = struct{}{}
	}
	return m
}()

// extraStopwords is a read-only table of function words and news-reporting fillers that carry
// no topic, beyond the text layer's stopword list: Hindi postpositions, auxiliaries, pronouns
// and light verbs, and English function words of code-mixed headlines (matching keys: nukta
// dropped, lower case).
var extraStopwords = func() map[string]struct{} {
	words := strings.Fields(`
	का की के है हैं में से को और पर ने यह वह था थे थी भी तो कि ही या एक इस उस इन उन जो
	लिए लिये साथ बाद पहले तक द्वारा बीच ओर तरह वाले वाली वाला रहे रही रहा गए गई गया गयी
	कर करने करते करता करती किया किए किये की करें करेंगे करेगा करेगी होगा होगी होंगे हो होने होता होती
	होते हुआ हुई हुए हुये था थीं सकता सकती सकते सके जा जाता जाती जाते जाने जाएगा जाएगी जाएंगे
	दिया दी दिए दिये देने देते देता लेकर ले लिया ली लिए कहा कहते कहना बताया अपने अपना अपनी
	अब जब तब यहां वहां यहाँ वहाँ कैसे क्या क्यों कौन किस किसी कोई कुछ सब सभी बहुत अधिक कम
	नहीं न ना मैं हम आप तुम उनके उनकी उनका इसके इसकी इसका उसके उसकी उसका इनके उनको इसको
	हमारे हमारी हमारा आपके आपकी आपका वे ये वो जिस जिसे जिन जिनके जिसके जिसकी कभी फिर
	अगर लेकिन मगर परंतु किंतु क्योंकि इसलिए जबकि यदि तथा एवं व अथवा वर्ना ऐसे ऐसा ऐसी वैसे
	जैसे जैसा जैसी दौरान अंदर बाहर ऊपर नीचे पास दूर सामने पीछे आगे रूप स्थित जारी मौजूद
	जानें जानिए जानिये देखें पढ़ें पढें पढ़िए
	the a an of to in on for and or is are was were be been with by at from as that this it
	its into about after over new will can has have had not no but his her their our your
	you we they he she i what how why when who which vs amp
	`)
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[hindi.Key(w)] = struct{}{}
	}
	return m
}()
