package lexicon

import "testing"

// TestDefault checks the embedded default lexicon: it loads, its files pass Check, and it
// has the sizes the issue asks for.
func TestDefault(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if len(DefaultFiles()) == 0 {
		t.Fatal("no default files embedded")
	}
	st := l.Stats()
	minEntries := map[string]int{Threat: 200, Alliance: 200, War: 200, Positive: 500, Negative: 500}
	for _, c := range st.Classes {
		if want, ok := minEntries[c.Name]; ok && c.Entries-c.Exclusions-c.Contexts < want {
			t.Errorf("default %s has %d entries (not counting %d exclusions and %d context entries), want at least %d", c.Name, c.Entries-c.Exclusions-c.Contexts, c.Exclusions, c.Contexts, want)
		}
	}
	for _, c := range []string{Negator, Intensifier, Diminisher, Contrast} {
		found := false
		for _, cs := range st.Classes {
			if cs.Name == c && cs.Entries > 0 {
				found = true
			}
		}
		if !found {
			t.Errorf("default lexicon has no %s entries", c)
		}
	}
	// The default files must be clean: no conflicts, no malformed lines.
	es, err := defaultEntries()
	if err != nil {
		t.Fatal(err)
	}
	if _, conflicts := compile(es); len(conflicts) > 0 {
		for _, c := range conflicts {
			t.Errorf("default lexicon: %v", c.err)
		}
	}
	if l2, _ := Default(); l2.Checksum() != l.Checksum() {
		t.Error("Default is not deterministic")
	}
}
