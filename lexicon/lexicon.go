package lexicon

import (
	"bytes"
	"cmp"
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
	// context matches the context entries (Entry.IsContext), which the trie above leaves
	// out (see splitContext); nil when there are none. It shares l's entries and slots.
	context *Lexicon
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
	l, conflicts := compileSplit(all)
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
	l, _ := compileSplit(entries)
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
	var tk termKeys
	stem, kinds = tk.variants(a, d, e)
	k0 := int32(0)
	for _, k1 := range tk.vars {
		keys := make([]string, 0, k1-k0)
		for k := k0; k < k1; k++ {
			ks, ke := tk.bounds(k)
			keys = append(keys, string(tk.keys[ks:ke]))
		}
		out = append(out, keys)
		k0 = k1
	}
	return out, stem, kinds
}

// termKeys holds the key sequences of the variants of entries (see variants), back to back:
// variant v is the keys vars[v-1] to vars[v] (from 0 for the first), and key i is
// keys[ends[i-1]:ends[i]] (from 0 for the first).
type termKeys struct {
	keys []byte
	ends []int32
	vars []int32
}

// bounds returns the start and the end of key i in keys.
func (tk *termKeys) bounds(i int32) (s, e int32) {
	if i > 0 {
		s = tk.ends[i-1]
	}
	return s, tk.ends[i]
}

// variants appends to tk the key sequences that e matches, as variants returns them, and
// returns whether they are stem keys and the token kinds they start with.
func (tk *termKeys) variants(a *hindi.Analyzer, d *hindi.Doc, e *Entry) (stem bool, kinds uint32) {
	stem = e.Match == MatchStem
	for t := -1; t < len(e.Forms); t++ {
		term := e.Term
		if t >= 0 {
			term = e.Forms[t]
		}
		a.Analyze(d, term)
		quotesOnly := true
		for i := range d.Tokens {
			quotesOnly = quotesOnly && (len(d.Key(i)) == 0 || IsQuote(d.Key(i)))
		}
		n0 := len(tk.ends)
		for i := range d.Tokens {
			k := d.Key(i)
			if len(k) == 0 || isHyphen(k) && len(tk.ends) > n0 {
				continue // hyphens inside a phrase are optional (see Match)
			}
			if IsQuote(k) && (!quotesOnly || len(tk.ends) > n0) {
				continue // quotation marks are skipped (see Match)
			}
			if len(tk.ends) == n0 {
				kinds |= 1 << d.Tokens[i].Kind
			}
			if stem {
				k = hindi.StemBytes(k)
			}
			tk.keys = append(tk.keys, k...)
			tk.ends = append(tk.ends, int32(len(tk.keys)))
		}
		if len(tk.ends) > n0 {
			tk.vars = append(tk.vars, int32(len(tk.ends)))
		}
	}
	return stem, kinds
}

// compile compiles entries into one trie with its tables; the conflicts are the entries
// replaced by a later one of another weight.
func compile(entries []Entry) (*Lexicon, []conflict) { return build(entries, true) }

// compileSplit is compile with the context entries in a trie of their own (see
// splitContext), as New, Load and Default build a Lexicon.
func compileSplit(entries []Entry) (*Lexicon, []conflict) {
	l, conflicts := build(entries, false)
	l.splitContext()
	return l, conflicts
}

// build compiles entries into a trie, and its edge table when tables is set.
func build(entries []Entry, tables bool) (*Lexicon, []conflict) {
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
	slots := make([]int32, len(entries)) // per entry: its slot
	for i := range entries {
		slots[i] = slotIndex[entries[i].Category]
	}

	// The keys of the entries' variants, in one string that the trie's maps share: the
	// variants of entry ei are varsOf[ei] to varsOf[ei+1].
	var (
		a  hindi.Analyzer
		d  hindi.Doc
		tk termKeys
	)
	size, nterms := 0, 0
	for i := range entries {
		e := &entries[i]
		size += len(e.Term)
		nterms += 1 + len(e.Forms)
		for _, f := range e.Forms {
			size += len(f)
		}
	}
	tk.keys = make([]byte, 0, size)
	tk.ends = make([]int32, 0, 2*nterms)
	tk.vars = make([]int32, 0, nterms)
	varsOf := make([]int32, len(entries)+1)
	nroots := [2]int{} // variants of exact and of stem keys: a bound on the root's edges
	for ei := range entries {
		stem, kinds := tk.variants(&a, &d, &entries[ei])
		l.startKinds |= kinds
		varsOf[ei+1] = int32(len(tk.vars))
		if stem {
			nroots[1] += int(varsOf[ei+1] - varsOf[ei])
		} else {
			nroots[0] += int(varsOf[ei+1] - varsOf[ei])
		}
	}
	arena := string(tk.keys)

	// Build the trie with original entry indices, and list its edges as they are made. The
	// root's maps are sized once (each variant adds its first key to one of them).
	l.nodes = make([]node, 1, 1+len(tk.ends))
	if nroots[0] > 0 {
		l.nodes[0].exact = make(map[string]int32, nroots[0])
	}
	if nroots[1] > 0 {
		l.nodes[0].stem = make(map[string]int32, nroots[1])
	}
	var (
		conflicts []conflict
		edges     = make([]trieEdge, 0, len(tk.ends))
		pool      = make([]int32, 0, len(tk.vars)) // the first entry of each node's ents
	)
	child := func(n int32, stem bool, key string) int32 {
		m := &l.nodes[n].exact
		if stem {
			m = &l.nodes[n].stem
		}
		if c, ok := (*m)[key]; ok {
			return c
		}
		if *m == nil {
			*m = make(map[string]int32)
		}
		c := int32(len(l.nodes))
		(*m)[key] = c
		l.nodes = append(l.nodes, node{})
		edges = append(edges, trieEdge{parent: n, child: c, stem: stem, key: key})
		return c
	}
	for ei := range entries {
		e := &entries[ei]
		slot := slots[ei]
		stem := e.Match == MatchStem
		for v := varsOf[ei]; v < varsOf[ei+1]; v++ {
			k0, k1 := int32(0), tk.vars[v]
			if v > 0 {
				k0 = tk.vars[v-1]
			}
			n := int32(0)
			for k := k0; k < k1; k++ {
				ks, ke := tk.bounds(k)
				n = child(n, stem, arena[ks:ke])
			}
			l.maxDepth = max(l.maxDepth, int(k1-k0))
			nd := &l.nodes[n]
			replaced := false
			for j, other := range nd.ents {
				o := &entries[other]
				if slots[other] != slot {
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
				if len(nd.ents) == 0 { // from pool: most nodes end one entry
					k := len(pool)
					pool = append(pool, int32(ei))
					nd.ents = pool[k : k+1 : k+1]
				} else {
					nd.ents = append(nd.ents, int32(ei))
				}
			}
		}
	}

	// Keep the live entries and renumber.
	live := make([]bool, len(entries))
	nends := 0
	for _, n := range l.nodes {
		nends += len(n.ents)
		for _, ei := range n.ents {
			live[ei] = true
		}
	}
	nlive := 0
	for _, ok := range live {
		if ok {
			nlive++
		}
	}
	newIndex := make([]int32, len(entries))
	if nlive > 0 { // else nil, as before
		l.entries = make([]Entry, 0, nlive)
		l.slotOf = make([]int32, 0, nlive)
	}
	for i, e := range entries {
		if live[i] {
			newIndex[i] = int32(len(l.entries))
			l.entries = append(l.entries, e)
			l.slotOf = append(l.slotOf, slots[i])
		}
	}
	for i := range l.nodes {
		for j, ei := range l.nodes[i].ents {
			l.nodes[i].ents[j] = newIndex[ei]
		}
	}
	l.info = make([]nodeInfo, len(l.nodes))
	if nends > 0 {
		l.ends = make([]termEnd, 0, nends)
	}
	l.setEnds()
	if tables {
		l.edges = buildEdges(l.nodes, edges, maxExpanded)
	}
	l.checksum = checksum(l.entries)
	return l, conflicts
}

// setEnds fills l.info and l.ends (whose capacities suffice) from the nodes' entries.
func (l *Lexicon) setEnds() {
	l.ends = l.ends[:0]
	for i := range l.nodes {
		nd := &l.nodes[i]
		l.info[i] = nodeInfo{ends0: int32(len(l.ends)), inner: len(nd.exact)+len(nd.stem) > 0}
		for _, e := range nd.ents {
			l.ends = append(l.ends, termEnd{e, l.slotOf[e]})
		}
		l.info[i].ends1 = int32(len(l.ends))
	}
}

// splitContext takes the context entries (Entry.IsContext) out of l's trie into a matcher
// of their own, l.context, and builds l's edge table (build left it out): Match no longer
// finds them and MatchContext does. Their words
// are frequent (कोरोना, मैच) and matter only beside a weak hit of their category, so the
// scorer looks them up only in the sentences that hold one. Both tries keep the entries
// that compile left at each node (where a later entry replaced an earlier one, the later
// one, whichever kind it is). The entries stay in l.entries (Entries, the checksum and the
// statistics are those of the whole lexicon).
func (l *Lexicon) splitContext() {
	isContext := func(e int32) bool { return l.entries[e].IsContext() }
	if !slices.ContainsFunc(l.entries, func(e Entry) bool { return e.IsContext() }) {
		l.edges = buildEdges(l.nodes, orderedEdges(l.nodes), maxExpanded)
		return
	}
	l.context = l.subTrie(isContext)
	// The main trie in place: the context entries leave the nodes' lists, and the nodes
	// left with no entry at or below them leave their parents' maps (and the edge table).
	stays := l.staying(func(e int32) bool { return !isContext(e) })
	for i := range l.nodes {
		nd := &l.nodes[i]
		nd.ents = slices.DeleteFunc(nd.ents, isContext)
		for _, m := range [2]map[string]int32{nd.exact, nd.stem} {
			for key, c := range m {
				if !stays[c] {
					delete(m, key)
				}
			}
		}
	}
	l.setEnds()
	l.edges = buildEdges(l.nodes, orderedEdges(l.nodes), maxExpanded)
}

// orderedEdges returns the edges of the trie of nodes in the order build makes them (by
// child: a node is made with the edge to it), so that the edge table does not depend on the
// order of the nodes' maps.
func orderedEdges(nodes []node) []trieEdge {
	edges := trieEdges(nodes)
	slices.SortFunc(edges, func(a, b trieEdge) int { return int(a.child - b.child) })
	return edges
}

// staying reports for each node of l's trie whether an entry for which keep is true ends
// at it or below it (the root always stays): a child has a higher index than its parent, so
// one pass from the last node decides.
func (l *Lexicon) staying(keep func(e int32) bool) []bool {
	stays := make([]bool, len(l.nodes))
	stays[0] = true
	for i := len(l.nodes) - 1; i >= 0; i-- {
		nd := &l.nodes[i]
		stays[i] = stays[i] || slices.ContainsFunc(nd.ents, keep)
		for _, m := range [2]map[string]int32{nd.exact, nd.stem} {
			for _, c := range m {
				if stays[i] {
					break
				}
				stays[i] = stays[c]
			}
		}
	}
	return stays
}

// subTrie returns a Lexicon with l's entries, categories and slots whose trie holds the
// entries of l's trie for which keep is true, at the same key paths, and only the nodes
// on those paths.
func (l *Lexicon) subTrie(keep func(e int32) bool) *Lexicon {
	stays := l.staying(keep)
	// The nodes that stay, renumbered in order (so that children still follow parents),
	// and their edges in the order of their children, as compile lists them.
	index := make([]int32, len(l.nodes))
	n := int32(0)
	for i, ok := range stays {
		if ok {
			index[i] = n
			n++
		}
	}
	sub := &Lexicon{entries: l.entries, categories: l.categories, catIndex: l.catIndex,
		slotOf: l.slotOf, nslots: l.nslots, maxDepth: l.maxDepth, startKinds: l.startKinds,
		checksum: l.checksum}
	sub.nodes = make([]node, n)
	var edges []trieEdge
	nends := 0
	for i, ok := range stays {
		if !ok {
			continue
		}
		nd, to := &l.nodes[i], &sub.nodes[index[i]]
		for _, e := range nd.ents {
			if keep(e) {
				to.ents = append(to.ents, e)
			}
		}
		nends += len(to.ents)
		for k, stem := range [2]bool{false, true} {
			m := [2]map[string]int32{nd.exact, nd.stem}[k]
			for key, c := range m {
				if !stays[c] {
					continue
				}
				dst := &to.exact
				if stem {
					dst = &to.stem
				}
				if *dst == nil {
					*dst = make(map[string]int32)
				}
				(*dst)[key] = index[c]
				edges = append(edges, trieEdge{parent: index[i], child: index[c], stem: stem, key: key})
			}
		}
	}
	slices.SortFunc(edges, func(a, b trieEdge) int { return int(a.child - b.child) })
	sub.info = make([]nodeInfo, len(sub.nodes))
	sub.ends = make([]termEnd, 0, nends)
	sub.setEnds()
	sub.edges = buildEdges(sub.nodes, edges, maxExpanded)
	return sub
}

func fmtWeight(w float64) string { return strconv.FormatFloat(w, 'g', -1, 64) }

// canonical returns the canonical line of an entry, as hashed by Checksum.
func canonical(e *Entry) string { return string(appendCanonical(nil, e)) }

// appendCanonical appends the canonical line of an entry to b.
func appendCanonical(b []byte, e *Entry) []byte {
	b = appendFields(append(append(b, e.Category...), '\t'), e.Term)
	b = append(b, '\t')
	b = append(strconv.AppendFloat(b, e.Weight, 'g', -1, 64), '\t')
	b = append(b, e.Match.String()...)
	if e.Match == MatchForms {
		b = append(b, ':')
		for i, f := range e.Forms {
			if i > 0 {
				b = append(b, '|')
			}
			b = append(b, f...)
		}
	}
	return b
}

// appendFields appends to b the fields of s (strings.Fields) joined by single spaces.
func appendFields(b []byte, s string) []byte {
	n := len(b)
	field := false // in a field
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\t', '\n', '\v', '\f', '\r', ' ':
			field = false
		case 0xC2, 0xE1, 0xE2, 0xE3:
			// The first byte of a multi-byte space (U+0085, U+00A0; U+1680; U+2000 to
			// U+205F; U+3000) or of another code point: split by code points.
			b = b[:n]
			sep := false
			for f := range strings.FieldsSeq(s) {
				if sep {
					b = append(b, ' ')
				}
				b, sep = append(b, f...), true
			}
			return b
		default:
			if !field && len(b) > n {
				b = append(b, ' ')
			}
			b, field = append(b, c), true
		}
	}
	return b
}

func checksum(entries []Entry) string {
	size := 0
	for i := range entries {
		e := &entries[i]
		size += len(e.Category) + len(e.Term) + 32 // tabs, weight, match
		for _, f := range e.Forms {
			size += len(f) + 1
		}
	}
	buf := make([]byte, 0, size)
	// The lines in buf, sorted by their first 24 bytes as big-endian words (zero-padded,
	// which order as the bytes do), then, when those are equal, by all their bytes.
	type line struct {
		k    [3]uint64
		s, e int32
	}
	lines := make([]line, len(entries))
	for i := range entries {
		l := &lines[i]
		l.s = int32(len(buf))
		buf = appendCanonical(buf, &entries[i])
		l.e = int32(len(buf))
		for j, c := range buf[l.s:min(l.e, l.s+24)] {
			l.k[j/8] |= uint64(c) << (56 - 8*(j%8))
		}
	}
	slices.SortFunc(lines, func(a, b line) int {
		if c := cmp.Compare(a.k[0], b.k[0]); c != 0 {
			return c
		}
		if c := cmp.Compare(a.k[1], b.k[1]); c != 0 {
			return c
		}
		if c := cmp.Compare(a.k[2], b.k[2]); c != 0 {
			return c
		}
		return bytes.Compare(buf[a.s:a.e], buf[b.s:b.e])
	})
	h := sha256.New()
	nl := []byte{'\n'}
	for _, l := range lines {
		h.Write(buf[l.s:l.e])
		h.Write(nl)
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
	_, conflicts := build(all, false) // the conflicts only: no tables
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
