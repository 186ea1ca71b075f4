package lexicon

import (
	"reflect"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

const quoteLexicon = `threat	आतंकवादी हमले की कोशिश	8
threat	हमला	6
threat	साज़िश	5
threat	साज़िश नाकाम	0
threat	"खतरा"	7	exact
war	युद्ध	10
war	विश्व युद्ध	10
war	संघर्ष-विराम	8
@intensifier	सबसे	1.5	exact
negative	खतरनाक	2
`

// quoteMatches returns the matches of lex in text as "surface=term" strings, the surface
// running from the first to the last token of the match.
func quoteMatches(lex *Lexicon, text string) []string {
	var (
		a  hindi.Analyzer
		d  hindi.Doc
		sc Scratch
	)
	a.Analyze(&d, text)
	var out []string
	for _, m := range lex.Match(nil, &d, &sc) {
		out = append(out, d.Text[d.Tokens[m.Start].Start:d.Tokens[m.End-1].End]+"="+lex.Entries()[m.Entry].Term)
	}
	return out
}

func TestMatchQuotes(t *testing.T) {
	l := New(mustParse(t, quoteLexicon))
	tests := []struct {
		name, text string
		want       []string
	}{
		{"quote inside a phrase", "'आतंकवादी हमले' की कोशिश", []string{"आतंकवादी हमले' की कोशिश=आतंकवादी हमले की कोशिश"}},
		{"double quotes around a phrase's word", `"विश्व" युद्ध`, []string{`विश्व" युद्ध=विश्व युद्ध`}},
		{"curly quotes", "‘विश्व’ “युद्ध”", []string{"विश्व’ “युद्ध=विश्व युद्ध"}},
		{"quotes glued on both sides", "'विश्व'युद्ध'", []string{"विश्व'युद्ध=विश्व युद्ध"}},
		{"quote before a phrase", "'विश्व युद्ध", []string{"विश्व युद्ध=विश्व युद्ध"}},
		{"quote after a phrase", "विश्व युद्ध' में", []string{"विश्व युद्ध=विश्व युद्ध"}},
		{"quoted phrase", "«विश्व युद्ध»", []string{"विश्व युद्ध=विश्व युद्ध"}},
		{"two apostrophes", "''विश्व'' युद्ध", []string{"विश्व'' युद्ध=विश्व युद्ध"}},
		{"backtick and acute", "`विश्व´ युद्ध", []string{"विश्व´ युद्ध=विश्व युद्ध"}},
		{"primes and low quotes", "विश्व″ „युद्ध", []string{"विश्व″ „युद्ध=विश्व युद्ध"}},
		{"a run of quotes", "विश्व ' \" ' \" ' \" ' \" ' \" ' युद्ध", []string{"विश्व ' \" ' \" ' \" ' \" ' \" ' युद्ध=विश्व युद्ध"}},
		{"comma still breaks", "'विश्व', युद्ध", []string{"युद्ध=युद्ध"}},
		{"danda still breaks", "विश्व'। 'युद्ध", []string{"युद्ध=युद्ध"}},
		{"colon still breaks", "'विश्व': युद्ध", []string{"युद्ध=युद्ध"}},
		{"dash is no quote", "विश्व – युद्ध", []string{"युद्ध=युद्ध"}},
		{"hyphen among quotes", "'संघर्ष'-'विराम'", []string{"संघर्ष'-'विराम=संघर्ष-विराम"}},
		{"one hyphen only", "संघर्ष-'-विराम", nil},
		{"single word unaffected", "'युद्ध' और 'हमला'", []string{"युद्ध=युद्ध", "हमला=हमला"}},
		{"exclusion shadows across quotes", "'साज़िश नाकाम'", []string{"साज़िश नाकाम=साज़िश नाकाम"}},
		{"exclusion with inner quote", "'साज़िश' नाकाम", []string{"साज़िश' नाकाम=साज़िश नाकाम"}},
		{"word without its phrase", "'साज़िश' रची", []string{"साज़िश=साज़िश"}},
		{"quotes in a term are left out", "खतरा और 'खतरा'", []string{`खतरा="खतरा"`, `खतरा="खतरा"`}},
		{"quote ending the text", "विश्व '", nil},
	}
	for name, lex := range layouts(l) {
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				if got := quoteMatches(lex, tt.text); !reflect.DeepEqual(got, tt.want) {
					t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
				}
			})
		}
	}
}

// TestMatchQuoteOffsets checks the token range of a match with quotes inside and around
// it: from its first word to its last, the outer quotes left out.
func TestMatchQuoteOffsets(t *testing.T) {
	l := New(mustParse(t, quoteLexicon))
	var (
		a  hindi.Analyzer
		d  hindi.Doc
		sc Scratch
	)
	text := "ऐसी 'आतंकवादी हमले' की कोशिश' नाकाम"
	a.Analyze(&d, text)
	// Tokens: ऐसी ' आतंकवादी हमले ' की कोशिश ' नाकाम
	got := l.Match(nil, &d, &sc)
	want := []Match{{Start: 2, End: 7, Entry: 0}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Match = %v, want %v", got, want)
	}
	start, end := d.Tokens[got[0].Start].Start, d.Tokens[got[0].End-1].End
	if wantStart, wantEnd := len("ऐसी '"), len("ऐसी 'आतंकवादी हमले' की कोशिश"); start != wantStart || end != wantEnd {
		t.Errorf("byte span [%d, %d), want [%d, %d)", start, end, wantStart, wantEnd)
	}
}

func TestIsQuote(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{"'", true}, {`"`, true}, {"''", true}, {"‘", true}, {"’", true}, {"“", true}, {"”", true},
		{"‚", true}, {"„", true}, {"«", true}, {"»", true}, {"‹", true}, {"›", true},
		{"`", true}, {"´", true}, {"′", true}, {"″", true}, {"＂", true},
		{"", false}, {"-", false}, {"–", false}, {",", false}, {"।", false}, {"क", false},
		{"'क", false}, {"don't", false},
	}
	for _, r := range quoteMarks {
		tests = append(tests, struct {
			key  string
			want bool
		}{string(r), true}, struct {
			key  string
			want bool
		}{string(r) + string(r), true})
	}
	for _, tt := range tests {
		if got := IsQuote([]byte(tt.key)); got != tt.want {
			t.Errorf("IsQuote(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

// TestGapFilterHoldsEveryGap checks that mayBeGap has no false negative: every key that
// skipGap may skip passes it.
func TestGapFilterHoldsEveryGap(t *testing.T) {
	keys := []string{"''", "-", "\u2010", "\u2011"}
	for _, r := range quoteMarks {
		keys = append(keys, string(r))
	}
	for _, k := range keys {
		if !mayBeGap(hindi.HashKey([]byte(k))) {
			t.Errorf("mayBeGap(HashKey(%q)) = false", k)
		}
	}
	var a hindi.Analyzer
	var d hindi.Doc
	for _, k := range keys {
		a.Analyze(&d, "क"+k+"ख")
		if len(d.Tokens) != 3 || string(d.Key(1)) != k {
			t.Errorf("%q is not one token between two words: %d tokens", k, len(d.Tokens))
		}
	}
}
