package lexicon

import (
	"reflect"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// matchReference is Match without its fast paths (kind mask, short-key sets, filters,
// vocabulary cache): every token is looked up in the trie directly. Match must agree
// with it exactly.
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
			j++
			if j+1 < len(d.Tokens) && isHyphen(d.Key(j)) {
				j++
			}
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

func TestMatchAgreesWithReference(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"दो विश्व युद्धों के बाद भी परमाणु हथियार और सेनाओं का ख़तरा कभी नहीं टला, लेकिन शांति समझौते हुए।",
		"संघर्ष-विराम का उल्लंघन: सीमा पर भारी गोलीबारी, 3 जवान शहीद; रक्षा मंत्री ने कहा कि जवाब दिया जाएगा।",
		"न युद्ध, न शांति — BJP और कांग्रेस में गठबंधन? ISIS के आतंकी हमले की आशंका से अलर्ट जारी",
	}
	var b testing.B
	texts = append(texts, benchDoc(&b).Text[:200000])
	var (
		a  hindi.Analyzer
		d  hindi.Doc
		sc Scratch
	)
	for _, text := range texts {
		a.Analyze(&d, text)
		for round := 0; round < 2; round++ { // the second round uses the vocabulary cache
			got := l.Match(nil, &d, &sc)
			want := matchReference(l, &d)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Match disagrees with the reference on %q…: %d vs %d matches", text[:min(len(text), 60)], len(got), len(want))
			}
		}
	}
	if n := len(matchReference(l, &d)); n < 100 {
		t.Errorf("only %d matches in the long text: the test is not exercising the matcher", n)
	}
}
