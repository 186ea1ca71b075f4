package topics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/internal/shareddata"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// stories are short original news paragraphs, a few sentences per story; articles of a story
// are built from rotating subsets of its sentences, so they share the story's words without
// being equal.
var stories = map[string][]string{
	"flood": {
		"असम में ब्रह्मपुत्र नदी का जलस्तर खतरे के निशान से ऊपर पहुंच गया है।",
		"बाढ़ से सैकड़ों गांव पानी में डूब गए और हजारों परिवार राहत शिविरों में हैं।",
		"राज्य आपदा प्रबंधन प्राधिकरण ने नावों से लोगों को सुरक्षित निकाला।",
		"मौसम विभाग ने अगले दो दिन भारी बारिश की चेतावनी दी है।",
		"बाढ़ प्रभावित जिलों में राहत सामग्री और दवाइयां बांटी जा रही हैं।",
		"नदी के तटबंध टूटने से धान की फसल बर्बाद हो गई।",
	},
	"cricket": {
		"भारतीय क्रिकेट टीम ने तीसरे टेस्ट मैच में शानदार जीत दर्ज की।",
		"कप्तान ने पहली पारी में शतक लगाया और बल्लेबाजों ने तेज रन बनाए।",
		"तेज गेंदबाज ने दूसरी पारी में पांच विकेट लेकर मेहमान टीम को समेट दिया।",
		"इस जीत के साथ टीम ने श्रृंखला में बढ़त बना ली है।",
		"स्टेडियम में दर्शकों ने खिलाड़ियों का जोरदार स्वागत किया।",
		"अगला मैच शनिवार को खेला जाएगा और चयनकर्ता टीम में बदलाव कर सकते हैं।",
	},
	"budget": {
		"वित्त मंत्री ने संसद में नया बजट पेश किया।",
		"बजट में आयकर की दरों में राहत और छोटे उद्योगों के लिए सस्ते कर्ज की घोषणा हुई।",
		"राजकोषीय घाटा कम करने के लिए सरकार ने खर्च पर नियंत्रण का लक्ष्य रखा।",
		"शेयर बाजार ने बजट का स्वागत किया और सेंसेक्स चढ़ गया।",
		"विपक्ष ने बजट को किसानों और मजदूरों के खिलाफ बताया।",
		"अर्थशास्त्रियों के अनुसार निवेश बढ़ने से विकास दर तेज होगी।",
	},
	"election": {
		"निर्वाचन आयोग ने विधानसभा चुनाव की तारीखों का एलान कर दिया।",
		"मतदान तीन चरणों में होगा और मतगणना अगले महीने होगी।",
		"सभी दलों ने अपने उम्मीदवारों की सूची जारी कर प्रचार शुरू कर दिया।",
		"मतदाताओं के लिए नए मतदान केंद्र बनाए गए हैं।",
		"आचार संहिता लागू होने के बाद सरकारी घोषणाओं पर रोक लग गई।",
		"चुनावी रैलियों में नेताओं ने वोट की अपील की।",
	},
}

// article returns article j of a story: four of its sentences, starting at j.
func article(story string, j int) string {
	s := stories[story]
	var b strings.Builder
	for i := 0; i < 4; i++ {
		b.WriteString(s[(j+i)%len(s)])
		b.WriteByte(' ')
	}
	return b.String()
}

// fixtureDoc is one article of the fixture with its story.
type fixtureDoc struct {
	id, story string
	day       int32
}

// fixtureBuilder analyses and adds the articles: n articles per story, on day, starting at
// article offset off.
func fixtureBuilder(t testing.TB, f Featurizer, day int32, off, n int, names ...string) (*Builder, []fixtureDoc) {
	t.Helper()
	b := NewBuilder()
	var docs []fixtureDoc
	var an hindi.Analyzer
	var d hindi.Doc
	for j := 0; j < n; j++ {
		for _, s := range names {
			id := fmt.Sprintf("%s-%d-%d", s, day, off+j)
			an.Analyze(&d, article(s, off+j))
			b.Add(id, day, f.Append(nil, &d))
			docs = append(docs, fixtureDoc{id: id, story: s, day: day})
		}
	}
	return b, docs
}

// synthetic builds n documents over a vocabulary of v terms in k latent topics: each document
// draws words from a Zipf background (60%) and from its topic's own Zipf-ordered slice of the
// vocabulary (40%), about words tokens in all. It returns the Builder and the topic of each
// document.
func synthetic(n, v, k, words int, seed uint64) (*Builder, []int) {
	rng := rand.New(rand.NewPCG(seed, 99))
	bg := rand.NewZipf(rng, 1.1, 5, uint64(v-1))
	tz := rand.NewZipf(rng, 1.05, 3, uint64(v/k-1))
	b := NewBuilder()
	labels := make([]int, n)
	counts := map[int]int{}
	terms := make([]Term, 0, words)
	for i := 0; i < n; i++ {
		topic := rng.IntN(k)
		labels[i] = topic
		clear(counts)
		for w := 0; w < words; w++ {
			var id int
			if rng.Float64() < 0.6 {
				id = int(bg.Uint64())
			} else {
				id = topic*(v/k) + int((tz.Uint64()*7919)%uint64(v/k))
			}
			counts[id]++
		}
		terms = terms[:0]
		for id, c := range counts {
			terms = append(terms, Term{Key: synthKey(id), Surface: synthKey(id), Count: c})
		}
		b.Add(fmt.Sprintf("doc%d", i), int32(20000+i%7), terms)
	}
	return b, labels
}

// synthKey is the key of synthetic term id: Devanagari letters spelling the id in base 32.
func synthKey(id int) string {
	var sb strings.Builder
	for {
		sb.WriteRune(rune(0x0915 + id%32))
		id /= 32
		if id == 0 {
			break
		}
	}
	return sb.String() + "ा"
}

// sharedData returns the path of rel in ../shared/data beside the module root, or skips.
func sharedData(t testing.TB, rel string) string { return shareddata.Path(t, rel) }

func approx(a, b, eps float64) bool { return math.Abs(a-b) <= eps }
