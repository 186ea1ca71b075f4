package hindi

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAppendInflections checks AppendInflections against Inflections on stems of every
// shape: words and their stems, stems that end like a suffix, short stems (MinStem), Latin,
// digits, the empty key, invalid UTF-8, each with the buffers empty and already holding
// keys.
func TestAppendInflections(t *testing.T) {
	words := []string{"लडकियों", "सरकारों", "जाएंगे", "पढ़ाकर", "किताबें", "लड़का", "घर", "का", "क",
		"नेताओं", "1947", "भारतीय", "हमले", "हमलों", "हमल", "युद्ध", "समझौते", "bjp", "", "\xe0\xa4",
		"ाएं", "ने", "कर", "ता", "अंतरराष्ट्रीयकरणवादियों", "दिखाना", "बनाइए", "x"}
	for _, s := range stemSuffixes { // stems that end in each suffix, and suffixes alone
		words = append(words, "घ"+s.s, "घर"+s.s, s.s)
	}
	// Random stems of one to five pieces: letters, signs and whole suffixes, so that a stem
	// often ends in part of a longer suffix.
	pieces := []string{"क", "र", "न", "त", "ल", "इ", "ए", "ओ", "अ", "x", "1", "\xe0"}
	for _, s := range stemSuffixes {
		pieces = append(pieces, s.s, s.s[len(s.s)-3:])
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var sb strings.Builder
		for range 1 + r.IntN(5) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		words = append(words, sb.String())
	}
	for _, w := range words {
		for _, st := range []string{w, Key(w), Stem(Key(w))} {
			want := Inflections(nil, st)
			for _, pre := range []string{"", "पूर्व"} {
				dst, ends := AppendInflections([]byte(pre), []int{7}, st)
				if len(ends) != 1+len(want) || ends[0] != 7 {
					t.Fatalf("AppendInflections(%q): %d ends, want %d after the first", st, len(ends)-1, len(want))
				}
				var got []string
				s := len(pre)
				for _, e := range ends[1:] {
					got = append(got, string(dst[s:e]))
					s = e
				}
				if s != len(dst) || !strings.HasPrefix(string(dst), pre) || fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("AppendInflections(%q) = %q, want %q", st, got, want)
				}
			}
		}
	}
}

func BenchmarkInflections(b *testing.B) {
	stems := []string{Key("हमल"), Key("सरकार"), Key("युद्ध"), Key("समझौत")}
	b.Run("Inflections", func(b *testing.B) {
		var dst []string
		for b.Loop() {
			for _, s := range stems {
				dst = Inflections(dst[:0], s)
			}
		}
	})
	b.Run("AppendInflections", func(b *testing.B) {
		var (
			dst  []byte
			ends []int
		)
		for b.Loop() {
			for _, s := range stems {
				dst, ends = AppendInflections(dst[:0], ends[:0], s)
			}
		}
	})
}
