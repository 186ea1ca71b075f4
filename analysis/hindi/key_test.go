package hindi

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "भारत", "भारत"},
		{"nukta precomposed", "\u0916\u093C" + "तरा", "खतरा"},
		{"nukta letter U+0959", "\u0959तरा", "खतरा"},
		{"nukta dropped", "खतरा", "खतरा"},
		{"fauj", "फ़ौज", "फौज"},
		{"zyada", "ज़्यादा", "ज्यादा"},
		{"nukta after virama (non-NFC order)", "ज\u094D\u093Cयादा", "ज्यादा"},
		{"nnna", "\u0929", "न"},
		{"dental nasal", "हिन्दी", "हिंदी"},
		{"labial and dental nasal", "सम्बन्ध", "संबंध"},
		{"retroflex nasal", "पण्डित", "पंडित"},
		{"velar nasal", "गङ्गा", "गंगा"},
		{"palatal nasal", "चञ्चल", "चंचल"},
		{"non-homorganic kept", "जन्म", "जन्म"},
		{"na before ha kept", "उन्हें", "उन्हें"},
		{"nasal fold through ZWJ", "हिन्\u200Dदी", "हिंदी"},
		{"candrabindu", "चाँद", "चांद"},
		{"ZWJ removed", "मल्\u200Dलों", "मल्लों"},
		{"ZWNJ removed", "क्\u200Cष", "क्ष"},
		{"ZWSP soft hyphen BOM", "\uFEFFभा\u00ADरत\u200B", "भारत"},
		{"devanagari digits", "४,३२,०००", "4,32,000"},
		{"latin lower", "BJP", "bjp"},
		{"latin non-ascii", "ÉCOLE", "école"},
		{"latin combining to NFC", "e\u0301", "é"},
		{"punct unchanged", "।", "।"},
		{"mixed", "ख़बर: BBC", "खबर: bbc"},
		{"vedic mark reorder", "क\u0951\u094D", string(AppendKey(nil, norm.NFC.String("क\u0951\u094D")))},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("%s: Key(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestKeyEquivalentSpellings checks the pairs: each pair must meet on one key.
func TestKeyEquivalentSpellings(t *testing.T) {
	pairs := [][2]string{
		{"ख़तरा", "खतरा"}, {"\u0959तरा", "खतरा"}, {"फ़ौज", "फौज"}, {"हिंदी", "हिन्दी"},
		{"संबंध", "सम्बन्ध"}, {"चाँद", "चांद"}, {"१९४७", "1947"}, {"Modi", "MODI"},
		{"ज़्यादा", "ज्यादा"}, {"अंत", "अन्त"}, {"कंपनी", "कम्पनी"},
	}
	for _, p := range pairs {
		if a, b := Key(p[0]), Key(p[1]); a != b {
			t.Errorf("Key(%q) = %q, Key(%q) = %q, want equal", p[0], a, p[1], b)
		}
	}
}

// TestKeyMatchesNFC checks the fast path against NFC followed by the folds.
func TestKeyMatchesNFC(t *testing.T) {
	inputs := []string{
		"क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़", "\u0958\u0959\u095A\u095B\u095C\u095D\u095E\u095F",
		"न\u093C र\u093C ळ\u093C", "क\u094D\u093C", "हिन्दी ख़बर", "क\u0952\u0951",
	}
	for _, s := range inputs {
		if got, want := Key(s), string(appendKeySlow(nil, s)); got != want {
			t.Errorf("Key(%q) = %q, NFC path gives %q", s, got, want)
		}
	}
}

// appendKeySlow is AppendKey with NFC applied unconditionally, the reference for the fast
// path.
func appendKeySlow(dst []byte, s string) []byte {
	return AppendKey(dst, norm.NFC.String(s))
}

func TestKeyIdempotent(t *testing.T) {
	for _, s := range []string{"हिन्दी", "ख़तरा", "चाँद", "BJP", "४२", "e\u0301"} {
		k := Key(s)
		if k2 := Key(k); k2 != k {
			t.Errorf("Key(Key(%q)) = %q, want %q", s, k2, k)
		}
	}
}

func TestAppendKeyNoAlloc(t *testing.T) {
	buf := make([]byte, 0, 256)
	allocs := testing.AllocsPerRun(100, func() {
		buf = AppendKey(buf[:0], "सम्बन्ध ख़तरा हिन्दी BJP ४२")
	})
	if allocs != 0 {
		t.Errorf("AppendKey allocates %.1f times per call, want 0", allocs)
	}
	allocs = testing.AllocsPerRun(100, func() { _ = Key("भारत") })
	if allocs != 0 {
		t.Errorf("Key of a string that is its own key allocates %.1f times, want 0", allocs)
	}
}
