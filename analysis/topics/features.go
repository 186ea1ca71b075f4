package topics

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// Term is one distinct feature of a document: its key (the light stem of the matching key, or
// two such stems joined by a space for a bigram), the surface form that occurs most often in
// the document for that key, and how many times the key occurs.
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

// occurrence is one kept token of a document.
type occurrence struct {
	key, surface string
}

// Append appends the features of d to dst, sorted by key.
func (f Featurizer) Append(dst []Term, d *hindi.Doc) []Term {
	occ := make([]occurrence, 0, len(d.Tokens))
	prev, prevSurface, prevSent := "", "", -1
	for i, t := range d.Tokens {
		if t.Kind != hindi.Word && t.Kind != hindi.Latin {
			if t.Kind != hindi.Symbol { // a number or punctuation breaks a bigram
				prev = ""
			}
			continue
		}
		key := d.Key(i)
		if !keepKey(key) {
			prev = ""
			continue
		}
		ks := string(key)
		if hindi.IsStopword(ks) || isExtraStopword(ks) {
			prev = ""
			continue
		}
		stem := lightStem(ks)
		surface := d.Surface(i)
		occ = append(occ, occurrence{key: stem, surface: surface})
		if f.Bigrams && prev != "" && prevSent == t.Sentence {
			occ = append(occ, occurrence{key: prev + " " + stem, surface: prevSurface + " " + surface})
		}
		prev, prevSurface, prevSent = stem, surface, t.Sentence
	}
	return appendCounted(dst, occ)
}

// lightStem is the text layer's stem of a matching key when at least three code points remain,
// else the key itself: stripping down to two code points merges unrelated words (सेना → से,
// जीता → जी, खेती → खे) and cost 0.02–0.04 NMI on Hindi headlines.
func lightStem(key string) string {
	if stem := hindi.Stem(key); utf8.RuneCountInString(stem) >= 3 {
		return stem
	}
	return key
}

// keepKey reports whether a matching key can be a feature: at least two letters and not made
// of digits only.
func keepKey(key []byte) bool {
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

// appendCounted groups occurrences by key and appends one Term per key, with the most frequent
// surface form (ties: the one seen first).
func appendCounted(dst []Term, occ []occurrence) []Term {
	slices.SortStableFunc(occ, func(a, b occurrence) int { return strings.Compare(a.key, b.key) })
	for i := 0; i < len(occ); {
		j := i
		for j < len(occ) && occ[j].key == occ[i].key {
			j++
		}
		// occurrences of a group are in document order, so a strict > keeps the first of ties
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
		dst = append(dst, Term{Key: occ[i].key, Surface: best, Count: j - i})
		i = j
	}
	return dst
}

// isExtraStopword reports whether key is a function word or a news-reporting filler that
// carries no topic, beyond the text layer's stopword list: Hindi postpositions, auxiliaries,
// pronouns and light verbs, and English function words of code-mixed headlines.
func isExtraStopword(key string) bool {
	_, ok := extraStopwords[key]
	return ok
}

// extraStopwords is a read-only table (matching keys: nukta dropped, lower case).
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
