package tone

import (
	"testing"

	"github.com/drishti-news/drishti/lexicon"
)

// TestDefaultLexiconPact: an article (written for this test) about a mutual-defence pact
// signed amid fears of a wider war scores above 0 on alliance, threat and war; and "हमला
// नहीं होगा" does not score war.
func TestDefaultLexiconPact(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatalf("default lexicon: %v", err)
	}
	s := NewScorer(lex, Options{})
	article := "बढ़ते युद्ध के ख़तरे के बीच दोनों पड़ोसी देशों ने आपसी रक्षा समझौते पर हस्ताक्षर किए। " +
		"समझौते के तहत किसी एक देश पर हमला दोनों पर हमला माना जाएगा। " +
		"विशेषज्ञों ने चेतावनी दी है कि सीमा पर सेनाओं की तैनाती से बड़े संघर्ष की आशंका बढ़ गई है।"
	_, res := score(s, article)
	for _, c := range []string{"alliance", "threat", "war"} {
		if got := res.Categories[lex.CategoryIndex(c)].Score; got <= 0 {
			t.Errorf("pact article: %s score %g, want > 0 (hits %s)", c, got, hitString(res.Hits))
		}
	}
	_, res = score(s, "हमला नहीं होगा")
	if got := res.Categories[lex.CategoryIndex("war")]; got.Score > 0 || got.Hits > 0 {
		t.Errorf("हमला नहीं होगा: war score %g, hits %d; want ≤ 0, 0 (hits %s)", got.Score, got.Hits, hitString(res.Hits))
	}
}
