package hindi_test

import (
	"fmt"
	"strings"

	"github.com/drishti-news/drishti/analysis/hindi"
)

func ExampleAnalyzer_Analyze() {
	var a hindi.Analyzer
	var d hindi.Doc
	a.Analyze(&d, "डॉ. राम ने हिन्दी में ख़बर पढ़ी.फिर 4,32,000 लोग आए।")
	for i, t := range d.Tokens {
		fmt.Printf("%d %-8s %s [%d:%d] key=%s\n", t.Sentence, t.Kind, d.Surface(i), t.Start, t.End, d.Key(i))
	}
	// Output:
	// 0 word     डॉ. [0:7] key=डॉ.
	// 0 word     राम [8:17] key=राम
	// 0 word     ने [18:24] key=ने
	// 0 word     हिन्दी [25:43] key=हिंदी
	// 0 word     में [44:53] key=में
	// 0 word     ख़बर [54:66] key=खबर
	// 0 word     पढ़ी [67:79] key=पढी
	// 0 punct    . [79:80] key=.
	// 1 word     फिर [80:89] key=फिर
	// 1 number   4,32,000 [90:98] key=4,32,000
	// 1 word     लोग [99:108] key=लोग
	// 1 word     आए [109:115] key=आए
	// 1 punct    । [115:118] key=।
}

func ExampleKey() {
	fmt.Println(hindi.Key("ख़तरा") == hindi.Key("खतरा"))
	fmt.Println(hindi.Key("सम्बन्ध"), hindi.Key("चाँद"), hindi.Key("१९४७"), hindi.Key("BJP"))
	// Output:
	// true
	// संबंध चांद 1947 bjp
}

func ExampleAppendKey() {
	// The key of a phrase is the keys of its tokens joined by one space.
	var k []byte
	for i, w := range []string{"हिन्दी", "ख़बर"} {
		if i > 0 {
			k = append(k, ' ')
		}
		k = hindi.AppendKey(k, w)
	}
	fmt.Println(string(k))
	// Output: हिंदी खबर
}

func ExampleStem() {
	for _, w := range []string{"लड़कियों", "सरकारों", "जाएंगे", "घर"} {
		fmt.Println(hindi.Stem(hindi.Key(w)))
	}
	// Output:
	// लडक
	// सरकार
	// जा
	// घर
}

func ExampleIsStopword() {
	fmt.Println(hindi.IsStopword(hindi.Key("में")), hindi.IsStopword(hindi.Key("चुनाव")))
	// Output: true false
}

func ExampleDoc_SentenceSpan() {
	var a hindi.Analyzer
	var d hindi.Doc
	text := "बारिश हुई है.अब धूप है।"
	a.Analyze(&d, text)
	for s := 0; s < d.Sentences(); s++ {
		start, end := d.SentenceSpan(s)
		fmt.Println(text[start:end])
	}
	// Output:
	// बारिश हुई है.
	// अब धूप है।
}

func ExampleDoc_KeyHashes() {
	var a hindi.Analyzer
	var d hindi.Doc
	a.Analyze(&d, "सरकार ने कहा")
	hs := d.KeyHashes()
	fmt.Println(len(hs) == len(d.Tokens), hs[0] == hindi.HashKey([]byte(hindi.Key("सरकार"))))
	// Output: true true
}

func ExampleDoc_SentenceRange() {
	var (
		a       hindi.Analyzer
		d, part hindi.Doc
	)
	a.Analyze(&d, "पहला वाक्य। दूसरा वाक्य। तीसरा वाक्य।")
	d.SentenceRange(&part, 1, 3) // the second and third sentences, as a Doc of their own
	var toks []string
	for i := range part.Tokens {
		toks = append(toks, fmt.Sprint(part.Surface(i), "|", part.Tokens[i].Sentence))
	}
	fmt.Println(strings.Join(toks, " "))
	first, last := part.SentenceTokens(1)
	fmt.Println(part.Sentences(), first, last)
	// Output:
	// दूसरा|1 वाक्य|1 ।|1 तीसरा|2 वाक्य|2 ।|2
	// 2 3 6
}
