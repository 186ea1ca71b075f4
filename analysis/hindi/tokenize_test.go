package hindi

import (
	"slices"
	"strings"
	"testing"
)

// render prints d's tokens: with kinds, as "surface/k" (first letter of the kind);
// without, as surfaces with sentences separated by " | ".
func render(d *Doc, kinds bool) string {
	var b strings.Builder
	for i, t := range d.Tokens {
		if i > 0 {
			if !kinds && t.Sentence != d.Tokens[i-1].Sentence {
				b.WriteString(" | ")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(d.Surface(i))
		if kinds {
			b.WriteByte('/')
			b.WriteString(t.Kind.String()[:1])
		}
	}
	return b.String()
}

func analyze(text string) *Doc {
	var a Analyzer
	var d Doc
	a.Analyze(&d, text)
	return &d
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"vowel signs stay in words", "किताबें पढ़ीं", "किताबें/w पढ़ीं/w"},
		{"virama nukta zwj", "क्‍षेत्र ख़तरा", "क्‍षेत्र/w ख़तरा/w"},
		{"visarga is a letter, colon is not", "अतः अब: यह", "अतः/w अब/w :/p यह/w"},
		{"danda split", "गया।", "गया/w ।/p"},
		{"danda after year", "1947।", "1947/n ।/p"},
		{"double danda", "सत्य॥", "सत्य/w ॥/p"},
		{"punctuation", `"यह," 'वह'? (कौन) [हाँ] ! ; “क” ‘ख’`,
			`"/p यह/w ,/p "/p '/p वह/w '/p ?/p (/p कौन/w )/p [/p हाँ/w ]/p !/p ;/p “/p क/w ”/p ‘/p ख/w ’/p`},
		{"hyphenated compound is three tokens", "धीरे-धीरे", "धीरे/w -/p धीरे/w"},
		{"dashes", "यह—वह – और", "यह/w —/p वह/w –/p और/w"},
		{"indian digit groups", "4,32,000 और ४,३२,०००", "4,32,000/n और/w ४,३२,०००/n"},
		{"decimal percent date time", "2.5 15% 19/06/2024 10:30", "2.5/n 15%/n 19/06/2024/n 10:30/n"},
		{"dmy date with hyphens", "19-06-2024", "19-06-2024/n"},
		{"year range splits", "२००३-०४", "२००३/n -/p ०४/n"},
		{"number then full stop", "यह 1947.", "यह/w 1947/n ./p"},
		{"digits glued to letters", "25ए 4G", "25ए/w 4G/l"},
		{"currency apart", "₹500 $1.5", "₹/s 500/n $/s 1.5/n"},
		{"abbreviations", "डॉ. श्री. प्रो. ई. डा॰", "डॉ./w श्री./w प्रो./w ई./w डा॰/w"},
		{"dotted chains", "बी.जे.पी. कि.मी. उ.प्र. U.S. e.g.", "बी.जे.पी./w कि.मी./w उ.प्र./w U.S./l e.g./l"},
		{"spaced initials", "ए. आर. रहमान", "ए./w आर./w रहमान/w"},
		{"weak initial in a chain", "आई. के. गुजराल", "आई./w के./w गुजराल/w"},
		{"weak initial alone is a verb", "खबर आई. फिर", "खबर/w आई/w ./p फिर/w"},
		{"latin", "Modi's BJP don't", "Modi's/l BJP/l don't/l"},
		{"latin abbreviation", "Dr. Rao", "Dr./l Rao/l"},
		{"url", "देखें https://www.bbc.com/hindi/india-123?x=1.", "देखें/w https://www.bbc.com/hindi/india-123?x=1/u ./p"},
		{"www and bare host", "www.amarujala.com पर bbc.co.uk/hindi", "www.amarujala.com/u पर/w bbc.co.uk/hindi/u"},
		{"email", "लिखें: news@drishti.in।", "लिखें/w :/p news@drishti.in/e ।/p"},
		{"hashtag mention", "#कोरोना #COVID19 @PMOIndia.", "#कोरोना/h #COVID19/h @PMOIndia/m ./p"},
		{"emoji", "अच्छा👍🏽 🇮🇳 ❤️", "अच्छा/w 👍🏽/e 🇮🇳/e ❤️/e"},
		{"symbols", "a+b = ©", "a/l +/s b/l =/s ©/s"},
		{"ellipsis", "और... फिर…", "और/w .../p फिर/w …/p"},
		{"pipe typed as danda", "है| फिर", "है/w |/p फिर/w"},
		{"urdu script is a word", "خبر", "خبر/w"},
		{"stray mark", "\u093F", "\u093F/w"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(analyze(tt.in), true); got != tt.want {
				t.Errorf("tokens of %q:\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"danda", "वह आया। वह गया।", "वह आया । | वह गया ।"},
		{"danda after year, no space", "आजादी 1947।फिर", "आजादी 1947 । | फिर"},
		{"spaces before danda", "वह आया । वह गया ।", "वह आया । | वह गया ।"},
		{"bbc full stop without space", "यह सही है.उन्होंने कहा.", "यह सही है . | उन्होंने कहा ."},
		{"full stop with space", "यह सही है. उन्होंने कहा", "यह सही है . | उन्होंने कहा"},
		{"no split in numbers", "दर 2.5 रही. फिर", "दर 2.5 रही . | फिर"},
		{"no split after abbreviations", "डॉ. राम और बी.जे.पी. नेता श्री. मोदी आए.", "डॉ. राम और बी.जे.पी. नेता श्री. मोदी आए ."},
		{"question and exclamation", "क्या हुआ? कुछ नहीं! ठीक", "क्या हुआ ? | कुछ नहीं ! | ठीक"},
		{"closing quote stays", `उसने कहा, "मैं आऊंगा।" फिर वह गया।`, `उसने कहा , " मैं आऊंगा । " | फिर वह गया ।`},
		{"curly quote and bracket stay", "“यह सच है।” (सही।) अब", "“ यह सच है । ” | ( सही । ) | अब"},
		{"opening quote starts the next", `वह गया। "फिर" आया।`, `वह गया । | " फिर " आया ।`},
		{"blank line", "शीर्षक बिना विराम\n\nपहला वाक्य", "शीर्षक बिना विराम | पहला वाक्य"},
		{"line break", "शीर्षक\nपहला वाक्य", "शीर्षक | पहला वाक्य"},
		{"pipe typed as danda", "वह आया| वह गया", "वह आया | | वह गया"},
		{"two apostrophes as a double quote", "उन्होंने कहा, '' सरकार काम करेगी।'' फिर", "उन्होंने कहा , '' सरकार काम करेगी । '' | फिर"},
		{"list number", "सावधानियां:\n1. हाथ धोएं।\n2. दूरी रखें।", "सावधानियां : | 1 . हाथ धोएं । | 2 . दूरी रखें ।"},
		{"ellipsis is a pause", "नौकरी चाहिए.... तो नाचो", "नौकरी चाहिए .... तो नाचो"},
		{"colon after question mark", "क्यों कहते हैं? : मलाइका", "क्यों कहते हैं ? : मलाइका"},
		{"compass abbreviation", "पहली बार द. अफ्रीका जीता", "पहली बार द. अफ्रीका जीता"},
		{"ellipsis inside", "एक समूह...जो खुद", "एक समूह ... जो खुद"},
		{"repeated marks", "क्या?! हाँ।।", "क्या ? ! | हाँ । ।"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(analyze(tt.in), false); got != tt.want {
				t.Errorf("sentences of %q:\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestJoinLines(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"wrapped sentence", "यह एक लंबा वाक्य है जो\nअगली पंक्ति में चलता है।", "यह एक लंबा वाक्य है जो अगली पंक्ति में चलता है ।"},
		{"headline line", "दिल्ली में बारिश\nआज सुबह बारिश हुई।", "दिल्ली में बारिश | आज सुबह बारिश हुई ।"},
		{"comma at line end continues", "दिल्ली, मुंबई,\nकोलकाता में बारिश।", "दिल्ली , मुंबई , कोलकाता में बारिश ।"},
		{"blank line", "पहला\n\nदूसरा", "पहला | दूसरा"},
	}
	for _, tt := range tests {
		a := Analyzer{JoinLines: true}
		var d Doc
		a.Analyze(&d, tt.in)
		if got := render(&d, false); got != tt.want {
			t.Errorf("%s: sentences of %q:\n got %s\nwant %s", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestDocAccessors(t *testing.T) {
	text := "  हिन्दी ख़बर।\nदूसरा वाक्य "
	d := analyze(text)
	if got, want := d.Sentences(), 2; got != want {
		t.Fatalf("Sentences() = %d, want %d", got, want)
	}
	if got, want := string(d.Key(0)), "हिंदी"; got != want {
		t.Errorf("Key(0) = %q, want %q", got, want)
	}
	if got, want := string(d.Key(1)), "खबर"; got != want {
		t.Errorf("Key(1) = %q, want %q", got, want)
	}
	if got, want := d.Surface(1), "ख़बर"; got != want {
		t.Errorf("Surface(1) = %q, want %q", got, want)
	}
	s, e := d.SentenceSpan(1)
	if got, want := text[s:e], "दूसरा वाक्य"; got != want {
		t.Errorf("SentenceSpan(1) covers %q, want %q", got, want)
	}
	if f, l := d.SentenceTokens(0); f != 0 || l != 3 {
		t.Errorf("SentenceTokens(0) = %d, %d, want 0, 3", f, l)
	}
	if d.Tokens[0].Start != 2 {
		t.Errorf("first token starts at %d, want 2 (offsets into the original text)", d.Tokens[0].Start)
	}
}

func TestAnalyzeReusesDoc(t *testing.T) {
	var a Analyzer
	var d Doc
	a.Analyze(&d, "पहला लंबा पाठ है जिसमें कई शब्द हैं। और वाक्य भी।")
	a.Analyze(&d, "छोटा")
	if got := render(&d, true); got != "छोटा/w" {
		t.Errorf("after reuse got %q, want %q", got, "छोटा/w")
	}
	if d.Sentences() != 1 {
		t.Errorf("Sentences() = %d after reuse, want 1", d.Sentences())
	}
	a.Analyze(&d, "  \n ")
	if len(d.Tokens) != 0 || d.Sentences() != 0 {
		t.Errorf("blank text gave %d tokens, %d sentences; want none", len(d.Tokens), d.Sentences())
	}
}

func TestAnalyzeNoAllocSteadyState(t *testing.T) {
	text := strings.Repeat("हिन्दी ख़बर: डॉ. राम ने 4,32,000 रुपये दिए। BJP की रैली है.उन्होंने कहा।\n", 20)
	var a Analyzer
	var d Doc
	a.Analyze(&d, text)
	allocs := testing.AllocsPerRun(20, func() { a.Analyze(&d, text) })
	if allocs != 0 {
		t.Errorf("Analyze allocates %.1f times per call in steady state, want 0", allocs)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Word: "word", Number: "number", Emoji: "emoji", Kind(0): "kind(0)", Kind(200): "kind(200)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

func TestDocKeys(t *testing.T) {
	var (
		a Analyzer
		d Doc
	)
	a.Analyze(&d, "ख़तरा बढ़ा, BJP ने कहा: हिन्दी १९४७।")
	keys, ends := d.Keys()
	if len(ends) != len(d.Tokens) {
		t.Fatalf("Keys gives %d ends for %d tokens", len(ends), len(d.Tokens))
	}
	start := int32(0)
	for i, end := range ends {
		if got, want := string(keys[start:end]), string(d.Key(i)); got != want {
			t.Errorf("token %d: Keys gives %q, Key gives %q", i, got, want)
		}
		start = end
	}
	if int(start) != len(keys) {
		t.Errorf("the last key ends at %d, want %d (the end of the buffer)", start, len(keys))
	}
}

// TestSentenceRange checks that Doc.SentenceRange gives the tokens of a range of sentences
// with the keys and key hashes the whole Doc has for them, reusing the destination.
func TestSentenceRange(t *testing.T) {
	var (
		a       Analyzer
		d, part Doc
	)
	a.Analyze(&d, "भारत ने कहा: युद्ध नहीं होगा। 'सेना' तैनात, 12 जवान घायल!\nदूसरी पंक्ति hello 3.5। अंत")
	n := d.Sentences()
	if n < 4 {
		t.Fatalf("%d sentences, want at least 4", n)
	}
	for s := 0; s <= n; s++ {
		d.SentenceRange(&part, s, s)
		if len(part.Tokens) != 0 || part.Sentences() != 0 || part.Words() != 0 {
			t.Errorf("empty range %d-%d: %d tokens, %d sentences", s, s, len(part.Tokens), part.Sentences())
		}
	}
	// A Doc that was a range may be analysed again without touching the Doc it viewed.
	d.SentenceRange(&part, 0, n)
	before := append([]Token(nil), d.Tokens...)
	key0 := string(d.Key(0))
	a.Analyze(&part, "xyz abc। और")
	if !slices.Equal(d.Tokens, before) || string(d.Key(0)) != key0 || len(part.Tokens) != 4 {
		t.Errorf("Analyze of a former range changed the Doc it viewed: key 0 %q, want %q", d.Key(0), key0)
	}
	for from := 0; from < n; from++ {
		for to := from + 1; to <= n; to++ {
			d.SentenceRange(&part, from, to)
			first, _ := d.SentenceTokens(from)
			_, last := d.SentenceTokens(to - 1)
			if len(part.Tokens) != last-first || part.Sentences() != to-from || part.Text != d.Text {
				t.Fatalf("sentences %d-%d: %d tokens, %d sentences", from, to, len(part.Tokens), part.Sentences())
			}
			words := 0
			for i := range part.Tokens {
				if part.Tokens[i] != d.Tokens[first+i] || string(part.Key(i)) != string(d.Key(first+i)) ||
					part.KeyHashes()[i] != d.KeyHashes()[first+i] {
					t.Errorf("sentences %d-%d token %d: %+v %q, want %+v %q", from, to, i, part.Tokens[i], part.Key(i), d.Tokens[first+i], d.Key(first+i))
				}
				words += int(isWord[part.Tokens[i].Kind])
			}
			for s := from; s < to; s++ {
				f, l := d.SentenceTokens(s)
				if pf, pl := part.SentenceTokens(s - from); pf != f-first || pl != l-first {
					t.Errorf("sentences %d-%d: sentence %d is tokens %d-%d, want %d-%d", from, to, s, pf, pl, f-first, l-first)
				}
			}
			if part.Words() != words {
				t.Errorf("sentences %d-%d: Words %d, want %d", from, to, part.Words(), words)
			}
			if keys, ends := part.Keys(); len(ends) != len(part.Tokens) || int(ends[len(ends)-1]) != len(keys) {
				t.Errorf("sentences %d-%d: %d key ends for %d tokens", from, to, len(ends), len(part.Tokens))
			}
		}
	}
}
