package lexicon

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// Lexicon is a compiled set of entries. It is immutable and safe for concurrent use.
type Lexicon struct {
	entries    []Entry
	categories []string // threat, alliance, war, then user categories alphabetically
	catIndex   map[string]int
	slotOf     []int32 // per entry: its matching slot (see slot)
	nslots     int
	nodes      []node
	maxDepth   int
	startKinds uint32 // bit k: some term starts with a token of hindi.Kind k
	edges      edgeTable
	info       []nodeInfo // per node, for Match: compact, where nodes hold maps
	ends       []termEnd  // the entries ending at each node, by nodeInfo's range
	checksum   string
}

// node is one node of the token trie. Edges are labelled by a token key (exact) or by the
// stem of a token key (stem).
type node struct {
	exact map[string]int32
	stem  map[string]int32
	ents  []int32 // entries whose term ends here, at most one per slot
}

// nodeInfo is what Match reads of a node: the range of its entries in Lexicon.ends and
// whether any phrase goes on from it.
type nodeInfo struct {
	ends0, ends1 int32
	inner        bool
}

// termEnd is an entry that ends at a node, with its matching slot.
type termEnd struct{ entry, slot int32 }

// Options control Load.
type Options struct {
	// NoDefault drops the embedded default lexicon: only the given files count.
	NoDefault bool
}

// Load parses files and returns the lexicon of the embedded default plus the files (or the
// files alone with NoDefault). An entry of a later file replaces an entry of the default or
// of an earlier file with the same category and term (so a user file can re-weight a
// default entry); two such entries with different weights in the same file are an error.
// Every problem is reported as a *ParseError, joined.
func Load(opt Options, files ...string) (*Lexicon, error) {
	var all []Entry
	if !opt.NoDefault {
		def, err := defaultEntries()
		if err != nil {
			return nil, err
		}
		all = def
	}
	var problems []*ParseError
	for _, f := range files {
		es, ps, err := parseFile(f)
		if err != nil {
			return nil, err
		}
		problems = append(problems, ps...)
		all = append(all, es...)
	}
	l, conflicts := compile(all)
	for _, c := range conflicts {
		if c.sameFile {
			problems = append(problems, c.err)
		}
	}
	if err := joinProblems(problems); err != nil {
		return nil, err
	}
	return l, nil
}

func parseFile(name string) ([]Entry, []*ParseError, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("reading lexicon: %w", err)
	}
	defer f.Close()
	return parse(f, name)
}

// New compiles entries into a Lexicon. Where two entries have the same category and term
// key (after stemming, for stem entries), the later one wins.
func New(entries []Entry) *Lexicon {
	l, _ := compile(entries)
	return l
}

// Entries returns the effective entries in load order (entries replaced by a later entry
// are left out). The slice must not be modified.
func (l *Lexicon) Entries() []Entry { return l.entries }

// Categories returns the scoring categories in report order: threat, alliance and war
// always, then the user categories alphabetically. The tone lists (positive, negative) and
// the modifier classes are not categories. The slice must not be modified.
func (l *Lexicon) Categories() []string { return l.categories }

// CategoryIndex returns the index of category in Categories, or -1.
func (l *Lexicon) CategoryIndex(category string) int {
	if i, ok := l.catIndex[category]; ok {
		return i
	}
	return -1
}

// Checksum returns the hex SHA-256 of the lexicon's canonical content: the effective
// entries as category, term, weight and match lines, sorted. Notes, comments, file names
// and order do not change it.
func (l *Lexicon) Checksum() string { return l.checksum }

// slot numbers: categories 0..n-1, then the tone lists and the modifier classes. Longest
// match is resolved per slot, so a phrase of one category does not hide a word of another.
func slotNames(categories []string) []string {
	return append(slices.Clone(categories), Positive, Negative, Negator, Intensifier, Diminisher, Contrast)
}

// conflict is a duplicate entry with a different weight.
type conflict struct {
	err      *ParseError
	sameFile bool
}

// variants returns the key sequences an entry matches, whether they are stem keys, and the
// token kinds they start with. Quotation marks in a term are left out, as Match skips them
// between words (a term of quotation marks alone keeps its first), and so are hyphens after
// its first token.
func variants(a *hindi.Analyzer, d *hindi.Doc, e *Entry) (out [][]string, stem bool, kinds uint32) {
	terms := append([]string{e.Term}, e.Forms...)
	for _, t := range terms {
		a.Analyze(d, t)
		quotesOnly := true
		for i := range d.Tokens {
			quotesOnly = quotesOnly && (len(d.Key(i)) == 0 || IsQuote(d.Key(i)))
		}
		var keys []string
		for i := range d.Tokens {
			k := string(d.Key(i))
			if k == "" || isHyphen(d.Key(i)) && len(keys) > 0 {
				continue // hyphens inside a phrase are optional (see Match)
			}
			if IsQuote(d.Key(i)) && (!quotesOnly || len(keys) > 0) {
				continue // quotation marks are skipped (see Match)
			}
			if len(keys) == 0 {
				kinds |= 1 << d.Tokens[i].Kind
			}
			if e.Match == MatchStem {
				k = hindi.Stem(k)
			}
			keys = append(keys, k)
		}
		if len(keys) > 0 {
			out = append(out, keys)
		}
	}
	return out, e.Match == MatchStem, kinds
}

func compile(entries []Entry) (*Lexicon, []conflict) {
	// Categories in report order.
	seen := map[string]bool{Threat: true, Alliance: true, War: true}
	var user []string
	for _, e := range entries {
		if !seen[e.Category] && !IsModifier(e.Category) && !IsTone(e.Category) {
			seen[e.Category] = true
			user = append(user, e.Category)
		}
	}
	slices.Sort(user)
	l := &Lexicon{categories: append([]string{Threat, Alliance, War}, user...)}
	l.catIndex = make(map[string]int, len(l.categories))
	for i, c := range l.categories {
		l.catIndex[c] = i
	}
	names := slotNames(l.categories)
	slotIndex := make(map[string]int32, len(names))
	for i, n := range names {
		slotIndex[n] = int32(i)
	}
	l.nslots = len(names)

	// Build the trie with original entry indices.
	l.nodes = []node{{}}
	var (
		a         hindi.Analyzer
		d         hindi.Doc
		conflicts []conflict
	)
	child := func(n int32, stem bool, key string) int32 {
		m := &l.nodes[n].exact
		if stem {
			m = &l.nodes[n].stem
		}
		if *m == nil {
			*m = make(map[string]int32)
		}
		if c, ok := (*m)[key]; ok {
			return c
		}
		c := int32(len(l.nodes))
		(*m)[key] = c
		l.nodes = append(l.nodes, node{})
		return c
	}
	for ei := range entries {
		e := &entries[ei]
		slot := slotIndex[e.Category]
		vs, stem, kinds := variants(&a, &d, e)
		l.startKinds |= kinds
		for _, keys := range vs {
			n := int32(0)
			for _, k := range keys {
				n = child(n, stem, k)
			}
			l.maxDepth = max(l.maxDepth, len(keys))
			nd := &l.nodes[n]
			replaced := false
			for j, other := range nd.ents {
				o := &entries[other]
				if slotIndex[o.Category] != slot {
					continue
				}
				replaced = true
				if other == int32(ei) {
					break // a form equal to the term
				}
				if o.Weight != e.Weight {
					desc := fmt.Sprintf("%s %q", e.Category, e.Term)
					if e.Term != o.Term {
						desc += fmt.Sprintf(" (same key as %q)", o.Term)
					}
					conflicts = append(conflicts, conflict{
						err: &ParseError{File: e.File, Line: e.Line, Col: e.weightCol, Err: fmt.Errorf(
							"%w: %s has weight %s here and %s at %s:%d", ErrConflict, desc,
							fmtWeight(e.Weight), fmtWeight(o.Weight), o.File, o.Line)},
						sameFile: e.File == o.File,
					})
					nd.ents[j] = int32(ei) // the later entry wins
				}
				break
			}
			if !replaced {
				nd.ents = append(nd.ents, int32(ei))
			}
		}
	}

	// Keep the live entries and renumber.
	live := make([]bool, len(entries))
	for _, n := range l.nodes {
		for _, ei := range n.ents {
			live[ei] = true
		}
	}
	newIndex := make([]int32, len(entries))
	for i, e := range entries {
		if live[i] {
			newIndex[i] = int32(len(l.entries))
			l.entries = append(l.entries, e)
			l.slotOf = append(l.slotOf, slotIndex[e.Category])
		}
	}
	for i := range l.nodes {
		for j, ei := range l.nodes[i].ents {
			l.nodes[i].ents[j] = newIndex[ei]
		}
	}
	l.info = make([]nodeInfo, len(l.nodes))
	for i := range l.nodes {
		nd := &l.nodes[i]
		l.info[i] = nodeInfo{ends0: int32(len(l.ends)), inner: len(nd.exact)+len(nd.stem) > 0}
		for _, e := range nd.ents {
			l.ends = append(l.ends, termEnd{e, l.slotOf[e]})
		}
		l.info[i].ends1 = int32(len(l.ends))
	}
	l.edges = newEdgeTable(l.nodes, maxExpanded)
	l.checksum = checksum(l.entries)
	return l, conflicts
}

func fmtWeight(w float64) string { return strconv.FormatFloat(w, 'g', -1, 64) }

// canonical returns the canonical line of an entry, as hashed by Checksum.
func canonical(e *Entry) string {
	m := e.Match.String()
	if e.Match == MatchForms {
		m += ":" + strings.Join(e.Forms, "|")
	}
	return e.Category + "\t" + strings.Join(strings.Fields(e.Term), " ") + "\t" + fmtWeight(e.Weight) + "\t" + m
}

func checksum(entries []Entry) string {
	lines := make([]string, len(entries))
	for i := range entries {
		lines[i] = canonical(&entries[i])
	}
	slices.Sort(lines)
	h := sha256.New()
	for _, s := range lines {
		h.Write([]byte(s))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Check validates lexicon files for `drishti lexicon check`: every malformed line and every
// duplicate entry with a conflicting weight, within a file or across the files, as a
// *ParseError in file and line order. The default lexicon is not included: entries of the
// files that re-weight default entries are intended. An error is returned only when a file
// cannot be read.
func Check(files ...string) ([]*ParseError, error) {
	var (
		all      []Entry
		problems []*ParseError
	)
	for _, f := range files {
		es, ps, err := parseFile(f)
		if err != nil {
			return problems, err
		}
		all = append(all, es...)
		problems = append(problems, ps...)
	}
	_, conflicts := compile(all)
	for _, c := range conflicts {
		problems = append(problems, c.err)
	}
	order := make(map[string]int, len(files))
	for i, f := range files {
		if _, ok := order[f]; !ok {
			order[f] = i
		}
	}
	slices.SortStableFunc(problems, func(a, b *ParseError) int {
		if c := order[a.File] - order[b.File]; c != 0 {
			return c
		}
		if c := a.Line - b.Line; c != 0 {
			return c
		}
		return a.Col - b.Col
	})
	return problems, nil
}
