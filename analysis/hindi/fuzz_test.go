package hindi

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"",
	"डॉ. राम ने कहा कि बी.जे.पी. की सरकार 1947।अगली",
	"हिन्दी ख़बर है.उन्होंने ४,३२,००० रुपये (2.5%) दिए। \"क्या?\" उसने पूछा।",
	"www.bbc.com/hindi a.b@x.com #भारत @pmo 🙂👍🏽 🇮🇳 19/06/2024 के. पी. सिंह",
	"शीर्षक\n\nपहला वाक्य ।\r\nदूसरा…",
	"\xff\xfe क\xe0\xa4 \xe0",
	"\u200d\u200c\u00ad\ufeff\u200b ि ्",
	"a.b.c.d.e. U.S. e.g. Dr. ₹500 $1.5",
	"“यह” ‘वह’ (क) [ख] -- — – ... ।।",
}

// checkDoc asserts the tokenizer's invariants on d, the analysis of text.
func checkDoc(t *testing.T, text string, d *Doc) {
	t.Helper()
	prev := 0
	sent := 0
	words := 0
	valid := utf8.ValidString(text)
	for i, tok := range d.Tokens {
		if tok.Kind == Word || tok.Kind == Latin || tok.Kind == Number {
			words++
		}
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d span [%d,%d) out of order or bounds (previous end %d, len %d)", i, tok.Start, tok.End, prev, len(text))
		}
		for j := prev; j < tok.Start; {
			sp, n := isSpaceAt(text, j)
			if !sp {
				_, _, cl := decode(text, j)
				if cl != clJoiner {
					t.Fatalf("text lost between tokens at byte %d: %q", j, text[prev:tok.Start])
				}
			}
			j += n
		}
		if d.Surface(i) != text[tok.Start:tok.End] {
			t.Fatalf("token %d surface %q differs from the source slice", i, d.Surface(i))
		}
		if tok.Sentence != sent && tok.Sentence != sent+1 {
			t.Fatalf("token %d sentence %d after sentence %d", i, tok.Sentence, sent)
		}
		if i == 0 && tok.Sentence != 0 {
			t.Fatalf("first token in sentence %d, want 0", tok.Sentence)
		}
		sent = tok.Sentence
		if valid && !utf8.Valid(d.Key(i)) {
			t.Fatalf("token %d key %q is not valid UTF-8", i, d.Key(i))
		}
		prev = tok.End
	}
	if d.Words() != words {
		t.Fatalf("Words() = %d, want %d (the Word, Latin and Number tokens)", d.Words(), words)
	}
	for j := prev; j < len(text); {
		sp, n := isSpaceAt(text, j)
		if !sp {
			if _, _, cl := decode(text, j); cl != clJoiner {
				t.Fatalf("text lost after the last token at byte %d: %q", j, text[prev:])
			}
		}
		j += n
	}
	if len(d.Tokens) > 0 && d.Sentences() != sent+1 {
		t.Fatalf("Sentences() = %d, last token in sentence %d", d.Sentences(), sent)
	}
	for s := 0; s < d.Sentences(); s++ {
		if f, l := d.SentenceTokens(s); f >= l {
			t.Fatalf("sentence %d is empty", s)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, join bool) {
		a := Analyzer{JoinLines: join}
		var d Doc
		a.Analyze(&d, text)
		checkDoc(t, text, &d)
		// Keys of the doc equal Key of the surfaces.
		for i := range d.Tokens {
			if got, want := string(d.Key(i)), Key(d.Surface(i)); got != want {
				t.Fatalf("Doc.Key(%d) = %q, Key(surface) = %q", i, got, want)
			}
		}
	})
}

func FuzzKey(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if utf8.ValidString(s) {
			if !utf8.ValidString(k) {
				t.Fatalf("Key(%q) = %q is not valid UTF-8", s, k)
			}
			if k2 := Key(k); k2 != k {
				t.Fatalf("Key not idempotent: Key(%q) = %q, Key of that = %q", s, k, k2)
			}
			if slow := string(appendKeySlow(nil, s)); slow != k {
				t.Fatalf("Key(%q) = %q, NFC path gives %q", s, k, slow)
			}
		}
		if got := AppendKey([]byte("x"), s); !bytes.Equal(got[1:], []byte(k)) || got[0] != 'x' {
			t.Fatalf("AppendKey does not append Key: %q vs %q", got, k)
		}
		if strings.ContainsRune(k, '\u200d') || strings.ContainsRune(k, '\u093c') {
			t.Fatalf("Key(%q) = %q keeps a joiner or nukta", s, k)
		}
		st := Stem(k)
		if !strings.HasPrefix(k, st) {
			t.Fatalf("Stem(%q) = %q is not a prefix", k, st)
		}
	})
}

func TestFuzzSeeds(t *testing.T) {
	for _, s := range fuzzSeeds {
		checkDoc(t, s, analyze(s))
	}
}
