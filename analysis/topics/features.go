package topics

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// Term is one distinct feature of a document: its key (the light stem of the matching key, or
// two such stems joined by a space for a bigram), the surface form that occurs most often in
// the document for that key, and how many times the key occurs.
//
// The Keys of one Append share one string and the unigram Surfaces are substrings of the
// document's text: copy them (strings.Clone) to keep one without the others. Builder.Add
// copies what it keeps.
type Term struct {
	Key     string
	Surface string
	Count   int
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
// keys (and one per distinct bigram surface), never one per token.
func (f Featurizer) Append(dst []Term, d *hindi.Doc) []Term {
	c := newCounter(d)
	var prev []byte // stem of the previous kept word, nil after a break
	prevTok, prevSent := -1, -1
	for i, t := range d.Tokens {
		if t.Kind != hindi.Word && t.Kind != hindi.Latin {
			if t.Kind != hindi.Symbol { // a number or punctuation breaks a bigram
				prev = nil
			}
			continue
		}
		fi := c.word(d.Key(i))
		if fi < 0 {
			prev = nil
			continue
		}
		c.add(fi, int32(i), -1)
		stem := c.feats[fi].key
		if f.Bigrams && prev != nil && prevSent == t.Sentence {
			c.addBigram(prev, stem, int32(prevTok), int32(i))
		}
		prev, prevTok, prevSent = stem, i, t.Sentence
	}
	return c.appendTerms(dst)
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
// surface forms in order of first occurrence.
type counter struct {
	d      *hindi.Doc
	wslots []int32 // index+1 into words, 0 = empty; the length is a power of two
	words  []word
	fslots []int32 // index+1 into feats
	feats  []feat
	surfs  []surf
	arena  []byte // bigram keys
}

// newCounter sizes the tables for the tokens of d: about one distinct word in two tokens.
func newCounter(d *hindi.Doc) *counter {
	n := len(d.Tokens)/2 + 8
	size := 64
	for size < 2*n {
		size <<= 1
	}
	return &counter{
		d:      d,
		wslots: make([]int32, size),
		words:  make([]word, 0, n),
		fslots: make([]int32, size),
		feats:  make([]feat, 0, n),
		surfs:  make([]surf, 0, n),
	}
}

// word is one distinct matching key of the document and its feature (−1: not a feature).
type word struct {
	key  []byte
	hash uint32
	feat int32
}

// feat is one distinct feature: its key (aliasing the Doc's keys or the arena), its count and
// its list of surface forms.
type feat struct {
	key         []byte
	hash        uint32
	count       int32
	first, last int32 // indexes into surfs
}

// surf is one distinct surface form of a feature: token a (and token b for a bigram, else
// −1), how many times it occurs, and the next form of the same feature (−1 at the end).
type surf struct {
	a, b, n, next int32
}

// hashKey is FNV-1a over the key bytes.
func hashKey(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// probe returns the slot of the entry with hash h for which same reports true, or the empty
// slot where it belongs.
func probe(slots []int32, h uint32, same func(e int32) bool) int {
	mask := uint32(len(slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		if e := slots[i]; e == 0 || same(e-1) {
			return int(i)
		}
	}
}

// rehash returns slots grown to hold n+1 entries at a load of at most one half.
func rehash(slots []int32, n int, hash func(e int) uint32) []int32 {
	if 2*(n+1) <= len(slots) {
		return slots
	}
	size := max(64, 2*len(slots))
	out := make([]int32, size)
	mask := uint32(size - 1)
	for e := 0; e < n; e++ {
		i := hash(e) & mask
		for out[i] != 0 {
			i = (i + 1) & mask
		}
		out[i] = int32(e + 1)
	}
	return out
}

// word returns the feature of a matching key, or −1 when the key is not a feature.
func (c *counter) word(key []byte) int {
	c.wslots = rehash(c.wslots, len(c.words), func(e int) uint32 { return c.words[e].hash })
	h := hashKey(key)
	i := probe(c.wslots, h, func(e int32) bool { return c.words[e].hash == h && bytes.Equal(c.words[e].key, key) })
	if e := c.wslots[i]; e != 0 {
		return int(c.words[e-1].feat)
	}
	fi := -1
	if n := runeCount(key); keepKey(key, n) && !isStopKey(key) {
		fi, _ = c.find(lightStem(key, n))
	}
	c.words = append(c.words, word{key: key, hash: h, feat: int32(fi)})
	c.wslots[i] = int32(len(c.words))
	return fi
}

// find returns the index of the feature with key, adding it (with the key slice as given)
// when absent; added reports whether it was added.
func (c *counter) find(key []byte) (f int, added bool) {
	c.fslots = rehash(c.fslots, len(c.feats), func(e int) uint32 { return c.feats[e].hash })
	h := hashKey(key)
	i := probe(c.fslots, h, func(e int32) bool { return c.feats[e].hash == h && bytes.Equal(c.feats[e].key, key) })
	if e := c.fslots[i]; e != 0 {
		return int(e - 1), false
	}
	c.feats = append(c.feats, feat{key: key, hash: h, first: -1, last: -1})
	c.fslots[i] = int32(len(c.feats))
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
	fi, added := c.find(c.arena[start:len(c.arena):len(c.arena)])
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

// appendTerms appends one Term per feature, sorted by key, with its most frequent surface
// form (ties: the one seen first).
func (c *counter) appendTerms(dst []Term) []Term {
	order := make([]int32, len(c.feats))
	total := 0
	for i := range order {
		order[i] = int32(i)
		total += len(c.feats[i].key)
	}
	slices.SortFunc(order, func(x, y int32) int { return bytes.Compare(c.feats[x].key, c.feats[y].key) })
	var sb strings.Builder
	sb.Grow(total)
	for _, i := range order {
		sb.Write(c.feats[i].key)
	}
	keys := sb.String()
	dst = slices.Grow(dst, len(order))
	off := 0
	for _, i := range order {
		ft := &c.feats[i]
		best := &c.surfs[ft.first]
		for s := c.surfs[ft.first].next; s >= 0; s = c.surfs[s].next {
			if c.surfs[s].n > best.n { // strict: the first seen wins ties
				best = &c.surfs[s]
			}
		}
		dst = append(dst, Term{Key: keys[off : off+len(ft.key)], Surface: c.surface(best), Count: int(ft.count)})
		off += len(ft.key)
	}
	return dst
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
