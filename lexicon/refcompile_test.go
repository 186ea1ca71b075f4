package lexicon

// This file keeps the lexicon parser and compiler as they were before parse, compile,
// buildEdgeTable and newStartFilters were made faster (commit b388517), verbatim but for
// the names (ref…), as the reference that identity_test.go compares them with.

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/drishti-news/drishti/analysis/hindi"
)

func refVariants(a *hindi.Analyzer, d *hindi.Doc, e *Entry) (out [][]string, stem bool, kinds uint32) {
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

func refCompile(entries []Entry) (*Lexicon, []conflict) {
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
		vs, stem, kinds := refVariants(&a, &d, e)
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
	l.edges = refNewEdgeTable(l.nodes, maxExpanded)
	l.checksum = refChecksum(l.entries)
	return l, conflicts
}

func refChecksum(entries []Entry) string {
	lines := make([]string, len(entries))
	for i := range entries {
		lines[i] = refCanonical(&entries[i])
	}
	slices.Sort(lines)
	h := sha256.New()
	for _, s := range lines {
		h.Write([]byte(s))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func refCanonical(e *Entry) string {
	m := e.Match.String()
	if e.Match == MatchForms {
		m += ":" + strings.Join(e.Forms, "|")
	}
	return e.Category + "\t" + strings.Join(strings.Fields(e.Term), " ") + "\t" + fmtWeight(e.Weight) + "\t" + m
}

// entry returns the entry of (n, key), adding it when absent.
func (t *edgeTable) refEntry(n int32, key string) *edgeEntry {
	if 2*(len(t.entries)+1) > len(t.slots) {
		t.refGrow()
	}
	p := fingerprint([]byte(key))
	h := mix(p.h, n)
	tag := uint32(h) &^ t.idxMask
	mask := uint64(len(t.slots) - 1)
	i := h >> t.shift
	for ; t.slots[i] != 0; i = (i + 1) & mask {
		if t.slots[i]&^t.idxMask == tag {
			e := &t.entries[t.slots[i]&t.idxMask-1]
			if e.node == n && string(t.keys[e.off:e.off+e.n]) == key {
				return e
			}
		}
	}
	f := p.f
	if n != 0 {
		f = h >> (64 - filterBits)
	}
	t.filter[f>>6] |= 1 << (f & 63)
	t.entries = append(t.entries, edgeEntry{w0: p.w0, w1: p.w1, w2: p.w2, node: n, n: uint32(len(key)),
		exact: -1, stem: -1, off: uint32(len(t.keys))})
	t.keys = append(t.keys, key...)
	t.slots[i] = t.slotFor(h, len(t.entries)-1)
	return &t.entries[len(t.entries)-1]
}

// grow doubles the slots and places the entries again.
func (t *edgeTable) refGrow() {
	nslots := max(16, 2*len(t.slots))
	t.slots = make([]uint32, nslots)
	t.shift = uint(64 - bits.TrailingZeros(uint(nslots)))
	// (The slots' format is today's: a tag and 1+index, with index bits for up to half
	// as many entries as slots, as the table is kept under half full.)
	t.idxMask = idxMaskFor(nslots / 2)
	mask := uint64(nslots - 1)
	for j := range t.entries {
		e := &t.entries[j]
		h := mix(hindi.HashKey(t.keys[e.off:e.off+e.n]), e.node)
		i := h >> t.shift
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = t.slotFor(h, j)
	}
}

// newEdgeTable builds the table of the trie's edges, expanded unless that would exceed
// limit entries.
func refNewEdgeTable(nodes []node, limit int) edgeTable {
	if t, ok := refBuildEdgeTable(nodes, true, limit); ok {
		t.starts = refNewStartFilters(&t, nodes, maxRootPairs)
		return t
	}
	t, _ := refBuildEdgeTable(nodes, false, 0)
	return t
}

func refBuildEdgeTable(nodes []node, expand bool, limit int) (edgeTable, bool) {
	t := edgeTable{expanded: expand, filter: make([]uint64, 1<<filterBits/64)}
	t.refGrow()
	var infl []string
	for i := range nodes {
		n := int32(i)
		for k, c := range nodes[i].exact {
			t.refEntry(n, k).exact = c
		}
		for s, c := range nodes[i].stem {
			if !expand {
				t.refEntry(n, s).stem = c
				continue
			}
			infl = hindi.Inflections(infl[:0], s)
			for _, k := range infl {
				t.refEntry(n, k).stem = c
			}
			if len(t.entries) > limit {
				return edgeTable{}, false
			}
		}
	}
	return t, true
}

// newStartFilters builds the start filters of an expanded table t of the trie nodes; a
// root key with more than maxPairs pairs is filed as one that ends an entry.
func refNewStartFilters(t *edgeTable, nodes []node, maxPairs int) startFilters {
	var f startFilters
	// The entries by node (a counting sort), with their keys' hashes.
	first := make([]int32, len(nodes)+1)
	for j := range t.entries {
		first[t.entries[j].node+1]++
	}
	for i := 1; i < len(first); i++ {
		first[i] += first[i-1]
	}
	byNode := make([]int32, len(t.entries))
	next := append([]int32(nil), first[:len(nodes)]...)
	hashes := make([]uint64, len(t.entries))
	for j := range t.entries {
		e := &t.entries[j]
		byNode[next[e.node]] = int32(j)
		next[e.node]++
		hashes[j] = hindi.HashKey(t.keys[e.off : e.off+e.n])
	}
	children := func(e *edgeEntry) [2]int32 { return [2]int32{e.exact, e.stem} }
	roots := byNode[first[0]:first[1]]
	kind := make([]uint8, len(roots))
	for r, j := range roots {
		e := &t.entries[j]
		ends, np := false, 0
		for _, c := range children(e) {
			if c >= 0 {
				ends = ends || len(nodes[c].ents) > 0
				np += int(first[c+1] - first[c])
			}
		}
		switch {
		case ends || np > maxPairs:
			kind[r] = startEnds
		case np > 0:
			kind[r] = startPairs
		}
	}
	// The second words of a root key that only starts phrases, each with the third words
	// after it when no entry ends at it and they are few: visit calls add for each (nil
	// for a pair filed whole).
	visit := func(j int32, add func(h2 uint64, third []int32)) {
		for _, c := range children(&t.entries[j]) {
			if c < 0 {
				continue
			}
			for _, k := range byNode[first[c]:first[c+1]] {
				ends, n3 := false, 0
				for _, c2 := range children(&t.entries[k]) {
					if c2 >= 0 {
						ends = ends || len(nodes[c2].ents) > 0
						n3 += int(first[c2+1] - first[c2])
					}
				}
				if ends || n3 == 0 || n3 > maxTriples {
					add(hashes[k], nil)
					continue
				}
				for _, c2 := range children(&t.entries[k]) {
					if c2 >= 0 {
						add(hashes[k], byNode[first[c2]:first[c2+1]])
					}
				}
			}
		}
	}
	nitems := 0
	for r, j := range roots {
		if kind[r] == startPairs {
			visit(j, func(_ uint64, third []int32) { nitems += 1 + len(third) })
		}
	}
	f.cells = new([cellWords]uint64)
	var nw int
	nw, f.pairShift = pow2Words(max(nitems, 8<<regionBits), 8, 1<<18)
	f.pairShift += regionBits // h1's top bits choose a region
	f.pairs = make([]uint64, nw)
	f.second = new([secondWords]uint64)
	for _, k := range gapKeys() {
		w, b := secondBit(hindi.HashKey([]byte(k)))
		f.second[w] |= 1 << b
	}
	for r, j := range roots {
		h1 := hashes[j]
		w, m := cellBits(h1)
		switch kind[r] {
		case startEnds:
			f.cells[w] |= m
		case startPairs:
			f.cells[w] |= m << 32
		}
		if kind[r] != startPairs {
			continue
		}
		visit(j, func(h2 uint64, third []int32) {
			w, end, cont := f.pairBits(h1, h2)
			sw, sb := secondBit(h2)
			f.second[sw] |= 1 << sb
			if third == nil {
				f.pairs[w] |= end
				return
			}
			f.pairs[w] |= cont
			for _, k := range third {
				w, m := f.tripleBits(h1, h2, hashes[k])
				f.pairs[w] |= m
			}
		})
	}
	// The keys that only start phrases but pass the filter of keys that end one (few),
	// less any hash that a key that ends an entry also has.
	cand := map[uint64]bool{}
	for r, j := range roots {
		if h := hashes[j]; kind[r] == startPairs && h != 0 && f.root(h)&startEnds != 0 {
			cand[h] = true
		}
	}
	for r, j := range roots {
		if kind[r] == startEnds {
			delete(cand, hashes[j])
		}
	}
	var only []uint64
	for h := range cand {
		only = append(only, h)
	}
	if len(only) > 0 {
		n := 4
		for n < 4*len(only) {
			n *= 2
		}
		f.pairsOnly = make([]uint64, n)
		f.onlyShift = uint(64 - bits.TrailingZeros(uint(n)))
		for _, h := range only {
			i := h >> f.onlyShift
			for f.pairsOnly[i] != 0 && f.pairsOnly[i] != h {
				i = (i + 1) & uint64(n-1)
			}
			f.pairsOnly[i] = h
		}
	}
	return f
}

func refParse(r io.Reader, name string) ([]Entry, []*ParseError, error) {
	var (
		entries  []Entry
		problems []*ParseError
		a        hindi.Analyzer
		d        hindi.Doc
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		text = strings.TrimSuffix(text, "\r")
		e, p := refParseLine(&a, &d, text, name, line)
		if p != nil {
			problems = append(problems, p)
			continue
		}
		if e != nil {
			entries = append(entries, *e)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			problems = append(problems, &ParseError{File: name, Line: line + 1, Col: 1, Err: fmt.Errorf("%w: line longer than %d bytes", ErrSyntax, maxLine)})
			return entries, problems, nil
		}
		return entries, problems, fmt.Errorf("reading lexicon %s: %w", name, err)
	}
	return entries, problems, nil
}

// parseLine parses one line; it returns (nil, nil) for blank and comment lines.
func refParseLine(a *hindi.Analyzer, d *hindi.Doc, text, file string, line int) (*Entry, *ParseError) {
	trimmed := strings.TrimSpace(text)
	if trimmed == "" || strings.HasPrefix(trimmed, "#") {
		return nil, nil
	}
	perr := func(col int, err error) *ParseError { return &ParseError{File: file, Line: line, Col: col, Err: err} }
	if !utf8.ValidString(text) {
		return nil, perr(1, fmt.Errorf("%w: invalid UTF-8", ErrSyntax))
	}
	// Split into fields, remembering each field's byte column.
	var fields [5]string
	var cols [5]int
	n, start := 0, 0
	for n < 5 {
		i := strings.IndexByte(text[start:], '\t')
		if i < 0 || n == 4 { // the note takes the rest of the line, tabs included
			fields[n], cols[n] = text[start:], start+1
			n++
			break
		}
		fields[n], cols[n] = text[start:start+i], start+1
		n++
		start += i + 1
	}
	for i := range n {
		f := fields[i]
		lead := len(f) - len(strings.TrimLeft(f, " "))
		fields[i], cols[i] = strings.TrimSpace(f), runeCol(text, cols[i]-1+lead)
	}
	// A header line (category, term, …) is allowed, as spreadsheets write one.
	if n >= 2 && strings.EqualFold(fields[0], "category") && strings.EqualFold(fields[1], "term") {
		return nil, nil
	}
	if n < 3 {
		return nil, perr(runeCol(text, len(text)), fmt.Errorf("%w: want category<TAB>term<TAB>weight[<TAB>match[<TAB>note]], got %d field(s)", ErrSyntax, n))
	}
	e := &Entry{Category: fields[0], Term: fields[1], File: file, Line: line}
	if err := checkCategory(e.Category); err != nil {
		return nil, perr(cols[0], err)
	}
	if e.Term == "" {
		return nil, perr(cols[1], ErrEmptyTerm)
	}
	if err := checkTerm(a, d, e.Term); err != nil {
		return nil, perr(cols[1], err)
	}
	w, err := parseWeight(e.Category, fields[2])
	if err != nil {
		return nil, perr(cols[2], err)
	}
	e.Weight, e.weightCol = w, cols[2]
	if n >= 4 && fields[3] != "" {
		kind, forms, err := parseMatch(fields[3])
		if err != nil {
			return nil, perr(cols[3], err)
		}
		for _, f := range forms {
			if err := checkTerm(a, d, f); err != nil {
				return nil, perr(cols[3], fmt.Errorf("form %q: %w", f, err))
			}
		}
		e.Match, e.Forms = kind, forms
	}
	if n == 5 {
		e.Note = fields[4]
	}
	return e, nil
}
