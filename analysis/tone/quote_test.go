package tone

import "testing"

// TestRulesQuotes checks that quotation marks are read through, as phrases match through
// them: inside phrases and exclusions, in the negation and intensity windows (neither a
// clause boundary nor a word) and before a contrast word पर.
func TestRulesQuotes(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		name, text, want string
	}{
		{"phrase through a quote", "'विश्व' युद्ध का डर", "विश्व' युद्ध:war::10"},
		{"phrase through curly quotes", "“विश्व” युद्ध", "विश्व” युद्ध:war::10"},
		{"quoted phrase", "'विश्व युद्ध' का डर", "विश्व युद्ध:war::10"},
		{"comma still breaks a phrase", "'विश्व', युद्ध", "युद्ध:war::10"},
		{"exclusion through quotes", "'कोरोना से जंग' जारी", ""},
		{"exclusion through an inner quote", "कोरोना से 'जंग' जारी", ""},
		{"intensifier inside the quotes", "'बेहद खतरा'", "खतरा:threat:intensified:10.5"},
		{"intensifier across an apostrophe", "'बेहद' खतरा", "खतरा:threat:intensified:10.5"},
		{"intensifier across double quotes", `"बेहद" खतरा`, "खतरा:threat:intensified:10.5"},
		{"intensifier across curly quotes", "“बेहद” ‘खतरा’", "खतरा:threat:intensified:10.5"},
		{"quotes are not words", "बेहद ' \" ' \" खतरा", "खतरा:threat:intensified:10.5"},
		{"negator across double quotes", `"हमला" नहीं होगा`, "हमला:war:negated:0"},
		{"negator in quotes", "हमला “नहीं” होगा", "हमला:war:negated:0"},
		{"two apostrophes", "''हमला'' नहीं", "हमला:war:negated:0"},
		{"comma in quotes still ends the clause", "हमला हुआ, “घायल नहीं”", "हमला:war::9"},
		{"पर after a quoted word is a postposition", "'भारत' पर खतरा", "खतरा:threat::7"},
		{"पर after a comma and a quote is a contrast", "समझौता हुआ, 'पर' खतरा बना", "समझौता:alliance:contrast:4 खतरा:threat:contrast:10.5"},
		{"पर after an opening quote starts the sentence", "“पर खतरा बना", "खतरा:threat:contrast:10.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, res := score(s, tt.text)
			if got := hitString(res.Hits); got != tt.want {
				t.Errorf("Score(%q) hits:\ngot  %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}
