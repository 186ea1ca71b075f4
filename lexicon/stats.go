package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ClassStats summarizes the entries of one category, tone list or modifier class.
type ClassStats struct {
	Name    string
	Entries int
	Phrases int // entries whose term has more than one word
	Stem    int // entries by match kind
	Exact   int
	Forms   int
	// ListedForms counts the inflections listed by forms entries.
	ListedForms int
	// Exclusions counts the entries of weight 0, which shadow their words and count
	// nothing, and Contexts the context entries (weight below 0, see Entry.IsContext); the
	// weights below are those of the other entries.
	Exclusions, Contexts             int
	MinWeight, MeanWeight, MaxWeight float64
}

// Stats summarizes a lexicon.
type Stats struct {
	Entries  int
	Nodes    int // nodes of the compiled token trie
	MaxWords int // words of the longest phrase
	Checksum string
	Classes  []ClassStats // categories in order, then positive, negative and the modifiers
}

// Stats returns a summary of l's effective entries.
func (l *Lexicon) Stats() Stats {
	names := slotNames(l.categories)
	st := Stats{Entries: len(l.entries), Nodes: len(l.nodes), MaxWords: l.maxDepth, Checksum: l.checksum}
	st.Classes = make([]ClassStats, len(names))
	for i, n := range names {
		st.Classes[i].Name = n
	}
	for i := range l.entries {
		e := &l.entries[i]
		c := &st.Classes[l.slotOf[i]]
		c.Entries++
		switch {
		case e.Weight == 0 && !IsModifier(e.Category):
			c.Exclusions++
		case e.IsContext():
			c.Contexts++
		default:
			if n := c.Entries - c.Exclusions - c.Contexts; n == 1 || e.Weight < c.MinWeight {
				c.MinWeight = e.Weight
			}
			if n := c.Entries - c.Exclusions - c.Contexts; n == 1 || e.Weight > c.MaxWeight {
				c.MaxWeight = e.Weight
			}
			c.MeanWeight += e.Weight
		}
		if len(strings.Fields(e.Term)) > 1 {
			c.Phrases++
		}
		switch e.Match {
		case MatchStem:
			c.Stem++
		case MatchExact:
			c.Exact++
		case MatchForms:
			c.Forms++
			c.ListedForms += len(e.Forms)
		}
	}
	for i := range st.Classes {
		if c := &st.Classes[i]; c.Entries > c.Exclusions+c.Contexts {
			c.MeanWeight /= float64(c.Entries - c.Exclusions - c.Contexts)
		}
	}
	return st
}

// WriteText writes the summary as a table.
func (s Stats) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%-14s %7s %7s %6s %6s %6s %6s %6s %6s %7s %7s %7s\n",
		"class", "entries", "phrases", "stem", "exact", "forms", "listed", "excl", "ctx", "min", "mean", "max")
	for _, c := range s.Classes {
		fmt.Fprintf(bw, "%-14s %7d %7d %6d %6d %6d %6d %6d %6d %7.2f %7.2f %7.2f\n",
			c.Name, c.Entries, c.Phrases, c.Stem, c.Exact, c.Forms, c.ListedForms, c.Exclusions, c.Contexts, c.MinWeight, c.MeanWeight, c.MaxWeight)
	}
	fmt.Fprintf(bw, "entries: %d, trie nodes: %d, longest phrase: %d words\nchecksum: sha256:%s\n",
		s.Entries, s.Nodes, s.MaxWords, s.Checksum)
	return bw.Flush()
}
