package tone

import (
	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/lexicon"
)

// Options tune the rules. The zero value gives the documented defaults (docs/tone.md).
type Options struct {
	// NegationBefore and NegationAfter are how many words before and after a term a negator
	// may stand, within the term's clause (default 2 each). Postpositions (का, की, के, में,
	// से, को, पर, ने, तक) are not counted.
	NegationBefore, NegationAfter int
	// IntensifierWindow is how many words before a term an intensifier or diminisher may
	// stand, within the clause (default 2).
	IntensifierWindow int
	// ContrastBefore multiplies hits before a contrast word in the same sentence (default
	// 0.5); hits after it are multiplied by the contrast word's own weight (e.g. 1.5).
	ContrastBefore float64
	// NegationKeeps lists the categories whose negated hits still count: the annotation
	// guidelines hold that a sentence about an alliance that is refused or breaks ("गठबंधन
	// नहीं होगा") is still about the alliance, whereas "हमला नहीं होगा" is not an attack.
	// nil means {"alliance"}; an empty, non-nil slice keeps none.
	NegationKeeps []string
	// NegatedNegativeFlips makes a negated negative word count as positive, as VADER does
	// ("not bad"). By default it counts as neither: in news a denied harm ("कोई घायल नहीं",
	// "आत्महत्या का मामला नहीं") leaves the sentence about the harm, and negators shift
	// negative words toward neutral far more often than they make them positive
	// (docs/tone.md). A negated positive word counts as negative either way.
	NegatedNegativeFlips bool
}

func (o Options) withDefaults() Options {
	if o.NegationBefore <= 0 {
		o.NegationBefore = 2
	}
	if o.NegationAfter <= 0 {
		o.NegationAfter = 2
	}
	if o.IntensifierWindow <= 0 {
		o.IntensifierWindow = 2
	}
	if o.ContrastBefore <= 0 {
		o.ContrastBefore = 0.5
	}
	if o.NegationKeeps == nil {
		o.NegationKeeps = []string{lexicon.Alliance}
	}
	return o
}

// isWordKind marks the token kinds that count as words: Word, Latin and Number.
var isWordKind = [256]uint8{hindi.Word: 1, hindi.Latin: 1, hindi.Number: 1}

// Entry classes beyond the category indices (which are ≥ 0).
const (
	classPositive    = -1
	classNegative    = -2
	classNegator     = -3
	classIntensifier = -4
	classDiminisher  = -5
	classContrast    = -6
)

// Scorer scores analysed documents against a lexicon. It is immutable and safe for
// concurrent use; each goroutine passes its own Result.
type Scorer struct {
	lex   *lexicon.Lexicon
	opt   Options
	class []int32 // per lexicon entry
	// role holds, per lexicon entry, roleMod when its matches are modifiers and roleHit
	// when they are hits (a category or a tone list, with a weight), so that Score sorts
	// the matches into both lists without a branch.
	role []uint8
	keep []bool // per category: negated hits still count (Options.NegationKeeps)
	// weak holds per lexicon entry whether a context entry of its category could cancel
	// its hits (lexicon.Entry.IsContext: its weight is at most the largest magnitude of
	// the category's context entries): Score looks the context entries up only in the
	// sentences of such hits. anyCtx reports whether the lexicon has context entries.
	weak   []bool
	anyCtx bool
	// hit holds, per lexicon entry, what a hit copies of it, with its class: 48 bytes
	// where a lexicon.Entry takes 120, so that the entries of a document's hits take
	// fewer cache lines.
	hit []hitEntry
}

// The roles of an entry's matches (see Scorer.role).
const (
	roleMod = 1
	roleHit = 2
)

// hitEntry is what Score reads of a lexicon entry for a hit (see Scorer.hit).
type hitEntry struct {
	weight         float64
	term, category string
	class          int32
}

// NewScorer returns a Scorer for lex with the rules tuned by opt.
func NewScorer(lex *lexicon.Lexicon, opt Options) *Scorer {
	s := &Scorer{lex: lex, opt: opt.withDefaults()}
	entries := lex.Entries()
	s.class = make([]int32, len(entries))
	s.keep = make([]bool, len(lex.Categories()))
	ctxUpTo := make([]float64, len(lex.Categories())) // per category: what its context entries reach
	for _, c := range s.opt.NegationKeeps {
		if i := lex.CategoryIndex(c); i >= 0 {
			s.keep[i] = true
		}
	}
	for i := range entries {
		switch c := entries[i].Category; c {
		case lexicon.Positive:
			s.class[i] = classPositive
		case lexicon.Negative:
			s.class[i] = classNegative
		case lexicon.Negator:
			s.class[i] = classNegator
		case lexicon.Intensifier:
			s.class[i] = classIntensifier
		case lexicon.Diminisher:
			s.class[i] = classDiminisher
		case lexicon.Contrast:
			s.class[i] = classContrast
		default:
			s.class[i] = int32(lex.CategoryIndex(c))
		}
	}
	s.hit = make([]hitEntry, len(entries))
	s.role = make([]uint8, len(entries))
	for i := range entries {
		e := &entries[i]
		c := s.class[i]
		s.hit[i] = hitEntry{weight: e.Weight, term: e.Term, category: e.Category, class: c}
		switch {
		case c <= classNegator:
			s.role[i] = roleMod
		case e.IsContext():
			// neither: Match does not find them (Score looks them up, see weak)
			ctxUpTo[c] = max(ctxUpTo[c], -e.Weight)
			s.anyCtx = true
		case e.Weight != 0: // an exclusion ("कोरोना से जंग") shadows its words and is not a hit
			s.role[i] = roleHit
		}
	}
	s.weak = make([]bool, len(entries))
	for i := range entries {
		c := s.class[i]
		s.weak[i] = c >= 0 && s.role[i] == roleHit && entries[i].Weight <= ctxUpTo[c]
	}
	return s
}

// Lexicon returns the scorer's lexicon.
func (s *Scorer) Lexicon() *lexicon.Lexicon { return s.lex }

// Category is one category's result for one document.
type Category struct {
	Name    string
	Hits    int     // hits with a positive effective weight (negated hits are not counted)
	Score   float64 // sum of the effective weights of the hits (a negated hit adds 0)
	Density float64 // Hits per 100 words
}

// Modifier flags of a hit, named in Hit.Modifier.
const (
	modNegated = 1 << iota
	modIntensified
	modDiminished
	modContrast
	modOffTopic
)

// modifierNames names every combination of flags, so that Score does not allocate.
var modifierNames = func() (t [32]string) {
	names := [...]string{"negated", "intensified", "diminished", "contrast", "offtopic"}
	for f := range t {
		s := ""
		for b, n := range names {
			if f&(1<<b) != 0 {
				if s != "" {
					s += "+"
				}
				s += n
			}
		}
		t[f] = s
	}
	return t
}()

// Hit is one match of a category or tone-list entry, with the rules applied.
type Hit struct {
	Sentence   int    // 0-based sentence index
	Start, End int    // byte offsets into the document text
	Surface    string // the text matched
	Entry      string // the lexicon term
	Category   string // its category or tone list
	Weight     float64
	// Modifier lists the rules applied: "negated", "intensified", "diminished", "contrast",
	// "offtopic", joined with "+" ("" for none).
	Modifier string
	// Effective is Weight after the rules: intensifiers and diminishers multiply it by their
	// weight, contrast by the contrast weight after a contrast word and by
	// Options.ContrastBefore before it. Negation multiplies a positive word by the negator's
	// weight (below zero: a negated positive word counts as negative) and sets a negative
	// word's to 0 (unless Options.NegatedNegativeFlips) and a category hit's to 0 (negation
	// cancels the evidence for the category). A category hit in a sentence that holds a
	// context entry of its category reaching its weight is "offtopic", with Effective 0
	// (lexicon.Entry.IsContext: "सेना" in a sentence about the epidemic).
	Effective float64
}

// Result is the score of one document. Reuse a Result across calls to Score to avoid
// allocation.
type Result struct {
	Words      int        // Word, Latin and Number tokens
	Categories []Category // aligned with Lexicon.Categories()
	// GDELT-style tone fields, in percent of Words: Positive and Negative count tone-list hits
	// after negation (a negated positive word counts as negative, a negated negative word as
	// neither unless Options.NegatedNegativeFlips); Tone is
	// Positive − Negative; Polarity is the share of words in either list.
	Tone, Positive, Negative, Polarity float64
	// Valence is the sum of the effective weights of positive hits minus those of negative
	// hits: unlike Tone it weighs valence magnitudes, intensifiers and contrast.
	Valence float64
	// Dominant is the category with the highest score above 0 ("" if none); ties go to the
	// earlier category.
	Dominant string
	Hits     []Hit // in order of Start, then category
	// Context lists the context entries (lexicon.Entry.IsContext) that made hits
	// "offtopic" (each that reaches the weight of a hit of its category in its sentence, or
	// in the whole text from the title: see ScoreTitled), the title's first with Sentence
	// -1 and byte offsets into the title, then the text's in text order, as hits of weight
	// below 0 and effective weight 0 with modifier "context". They are not hits and count
	// nowhere.
	Context []Hit

	scratch lexicon.Scratch
	matches []lexicon.Match
	mark    []int32  // per token: 1 + index into matches of the modifier covering it, or 0
	hashes  []uint64 // the Doc's key hashes (hindi.Doc.KeyHashes), while scoring
	cons    []modRef // contrast matches that apply
	ctxs    []modRef // context entries' matches (lexicon.Entry.IsContext), in text order
	ctxUsed []bool   // per ctxs: it made a hit offtopic
	// titleCtxs are the context entries' matches in the title (ScoreTitled), sentence -1,
	// and titleUsed their flags as ctxUsed.
	titleCtxs []modRef
	titleUsed []bool
	ctxDoc    hindi.Doc
	ctxHits   []lexicon.Match
	negs      []modRef // negator matches
	ints      []modRef // intensifier and diminisher matches
	modIdx    []int32  // indices into matches of the modifiers (see Score)
	hitIdx    []int32  // and of the hits
}

// modRef is a modifier match that the rules look for around the hits: its tokens, its
// sentence and its entry, copied so that a hit's tests read one list.
type modRef struct{ start, end, sent, entry int32 }

// contexts lists in res.ctxs the matches of the context entries in the sentences of the
// hits (hitIx, indices into res.matches) that a context entry of their category could
// cancel, in text order, and reports whether there is any such hit. Each such sentence is looked up once; two such sentences at most
// ctxGap tokens apart are looked up in one call, with any sentence between them (a call
// costs about as much as a few tokens).
func (s *Scorer) contexts(d *hindi.Doc, res *Result, hitIx []int32) (weak bool) {
	from, to := -1, -1 // the pending range of sentences
	flush := func() {
		if from < 0 {
			return
		}
		d.SentenceRange(&res.ctxDoc, from, to)
		res.ctxHits = s.lex.MatchContext(res.ctxHits[:0], &res.ctxDoc, &res.scratch)
		first, _ := d.SentenceTokens(from)
		for _, c := range res.ctxHits {
			res.ctxs = append(res.ctxs, modRef{start: int32(first + c.Start), end: int32(first + c.End),
				sent: int32(d.Tokens[first+c.Start].Sentence), entry: int32(c.Entry)})
			res.ctxUsed = append(res.ctxUsed, false)
		}
	}
	for _, mi := range hitIx {
		m := res.matches[mi]
		if !s.weak[m.Entry] {
			continue
		}
		weak = true
		sent := d.Tokens[m.Start].Sentence
		switch {
		case sent < to:
			continue // in the pending range
		case from >= 0 && sentStart(d, sent)-ctxGap <= sentEnd(d, to-1):
			to = sent + 1
		default:
			flush()
			from, to = sent, sent+1
		}
	}
	flush()
	return weak
}

// ctxGap is the largest gap, in tokens, between two sentences that contexts looks up in one
// call.
const ctxGap = 8

// sentStart and sentEnd return the index of the first token of sentence s and the index
// after its last.
func sentStart(d *hindi.Doc, s int) int { first, _ := d.SentenceTokens(s); return first }
func sentEnd(d *hindi.Doc, s int) int   { _, last := d.SentenceTokens(s); return last }

// offTopic reports whether a hit of category c and weight w in sentence sent is cancelled by
// a context entry of the category in that sentence whose weight reaches -w: "सेना" (war, 4)
// in a sentence with "कोरोना" (war, -4). ctxs holds the context matches in text order from
// the first in the hit's sentence or after it, used the flags of ctxs: those that cancel
// the hit are marked.
func (s *Scorer) offTopic(ctxs []modRef, used []bool, c int32, sent int, w float64) bool {
	cancelled := false
	for k, r := range ctxs {
		if int(r.sent) != sent {
			break
		}
		if e := &s.hit[r.entry]; e.class == c && -e.weight >= w {
			used[k], cancelled = true, true
		}
	}
	return cancelled
}

// Score scores d into res, replacing its previous contents.
func (s *Scorer) Score(d *hindi.Doc, res *Result) { s.ScoreTitled(d, nil, res) }

// ScoreTitled is Score for an article whose title is analysed apart (title may be nil): a
// context entry found in the title applies to every sentence of d, since a headline states
// what the article is about ("कोरोना: …" over a story of soldiers in quarantine). The title
// is not scored otherwise: hits and their offsets are d's.
func (s *Scorer) ScoreTitled(d, title *hindi.Doc, res *Result) {
	cats := s.lex.Categories()
	if cap(res.Categories) < len(cats) {
		res.Categories = make([]Category, len(cats))
	}
	res.Categories = res.Categories[:len(cats)]
	for i, c := range cats {
		res.Categories[i] = Category{Name: c}
	}
	res.Hits, res.Context = res.Hits[:0], res.Context[:0]
	res.titleCtxs, res.titleUsed = res.titleCtxs[:0], res.titleUsed[:0]
	res.Tone, res.Positive, res.Negative, res.Polarity, res.Valence = 0, 0, 0, 0, 0
	res.Dominant = ""
	res.Words = d.Words()
	res.matches = s.lex.Match(res.matches[:0], d, &res.scratch)
	if len(res.matches) == 0 {
		return
	}

	// Mark modifier tokens and collect the contrast words that apply, the negators and the
	// intensifiers and diminishers. The marks are removed at the end, so that res.mark is
	// all zero between calls and no call clears a mark per token.
	if cap(res.mark) < len(d.Tokens) {
		res.mark = make([]int32, len(d.Tokens))
	}
	res.mark = res.mark[:len(d.Tokens)]
	res.hashes = d.KeyHashes()[:len(d.Tokens)] // cleared at the end: the Doc's buffer
	res.cons, res.ctxs, res.negs, res.ints = res.cons[:0], res.ctxs[:0], res.negs[:0], res.ints[:0]
	res.ctxUsed = res.ctxUsed[:0]
	// The modifiers and the hits, in order, listed without a branch: whether a match is
	// either is as good as random.
	if cap(res.modIdx) < len(res.matches) {
		res.modIdx = make([]int32, len(res.matches))
		res.hitIdx = make([]int32, len(res.matches))
	}
	modIx, hitIx := res.modIdx[:len(res.matches)], res.hitIdx[:len(res.matches)]
	nm, nh := 0, 0
	for mi, m := range res.matches {
		r := s.role[m.Entry]
		modIx[nm], hitIx[nh] = int32(mi), int32(mi) // nm, nh <= mi
		nm += int(r & roleMod)
		nh += int(r&roleHit) >> 1
	}
	for _, mi := range modIx[:nm] {
		m := res.matches[mi]
		c := s.class[m.Entry]
		if c == classContrast && !s.contrastApplies(d, res, m.Start) {
			continue
		}
		for j := m.Start; j < m.End; j++ {
			res.mark[j] = int32(mi + 1)
		}
		r := modRef{start: int32(m.Start), end: int32(m.End), sent: int32(d.Tokens[m.Start].Sentence), entry: int32(m.Entry)}
		switch c {
		case classContrast:
			res.cons = append(res.cons, r)
		case classNegator:
			res.negs = append(res.negs, r)
		default:
			res.ints = append(res.ints, r)
		}
	}

	if s.anyCtx && s.contexts(d, res, hitIx[:nh]) && title != nil && len(title.Tokens) > 0 {
		res.ctxHits = s.lex.MatchContext(res.ctxHits[:0], title, &res.scratch)
		for _, c := range res.ctxHits {
			res.titleCtxs = append(res.titleCtxs, modRef{start: int32(c.Start), end: int32(c.End), sent: -1, entry: int32(c.Entry)})
			res.titleUsed = append(res.titleUsed, false)
		}
	}

	var pos, neg int
	ci := 0 // first contrast at or after the current hit
	ni := 0 // negators that start before the current hit
	ii := 0 // intensifiers and diminishers that start before it
	xi := 0 // first context entry in or after the current hit's sentence
	for _, mi := range hitIx[:nh] {
		m := res.matches[mi]
		e := &s.hit[m.Entry]
		c := e.class
		eff, flags := e.weight, 0
		sent := d.Tokens[m.Start].Sentence
		// The windows are scanned only on the sides where the sentence has a modifier of
		// their kind: matches are in order of Start and do not span sentences.
		for ni < len(res.negs) && int(res.negs[ni].start) < m.Start {
			ni++
		}
		for ii < len(res.ints) && int(res.ints[ii].start) < m.Start {
			ii++
		}
		left := ni > 0 && int(res.negs[ni-1].sent) == sent
		right := false
		for k := max(ni-1, 0); k < len(res.negs); k++ {
			if n := &res.negs[k]; int(n.end) > m.End {
				right = int(n.sent) == sent
				break
			}
		}
		if left || right {
			if f, ok := s.negation(d, res, m, left, right); ok {
				flags |= modNegated
				if c < 0 || !s.keep[c] {
					eff *= f
				}
			}
		}
		if ii > 0 && int(res.ints[ii-1].sent) == sent {
			if f := s.intensity(d, res, m); f != 1 {
				eff *= f
				if f > 1 {
					flags |= modIntensified
				} else {
					flags |= modDiminished
				}
			}
		}
		for ci < len(res.cons) && int(res.cons[ci].start) < m.Start {
			ci++
		}
		switch {
		case ci < len(res.cons) && int(res.cons[ci].sent) == sent:
			eff *= s.opt.ContrastBefore // a contrast word follows in this sentence
			flags |= modContrast
		case ci > 0 && int(res.cons[ci-1].sent) == sent:
			eff *= s.hit[res.cons[ci-1].entry].weight
			flags |= modContrast
		}
		if len(res.ctxs)+len(res.titleCtxs) > 0 && c >= 0 {
			for xi < len(res.ctxs) && int(res.ctxs[xi].sent) < sent {
				xi++
			}
			off := s.offTopic(res.ctxs[xi:], res.ctxUsed[xi:], c, sent, e.weight)
			if s.offTopic(res.titleCtxs, res.titleUsed, c, -1, e.weight) { // the title's: sentence -1
				off = true
			}
			if off {
				eff = 0
				flags |= modOffTopic
			}
		}
		start, end := d.Tokens[m.Start].Start, d.Tokens[m.End-1].End
		res.Hits = append(res.Hits, Hit{
			Sentence: sent, Start: start, End: end, Surface: d.Text[start:end],
			Entry: e.term, Category: e.category, Weight: e.weight,
			Modifier: modifierNames[flags], Effective: eff,
		})
		switch c {
		case classPositive:
			res.Valence += eff
			if eff > 0 {
				pos++
			} else if eff < 0 {
				neg++
			}
		case classNegative:
			if eff < 0 && !s.opt.NegatedNegativeFlips {
				eff = 0 // a denied harm is neutral, not positive
				res.Hits[len(res.Hits)-1].Effective = 0
			}
			res.Valence -= eff
			if eff > 0 {
				neg++
			} else if eff < 0 {
				pos++
			}
		default:
			if flags&modNegated != 0 && !s.keep[c] {
				// Negation cancels a category hit's evidence; it does not count against the
				// other hits of the category (a denied attack in a story about a war).
				eff = 0
				res.Hits[len(res.Hits)-1].Effective = 0
			}
			cat := &res.Categories[c]
			cat.Score += eff
			if eff > 0 {
				cat.Hits++
			}
		}
	}
	if res.Words > 0 {
		w := float64(res.Words)
		res.Positive = 100 * float64(pos) / w
		res.Negative = 100 * float64(neg) / w
		res.Tone = res.Positive - res.Negative
		res.Polarity = 100 * float64(pos+neg) / w
		for i := range res.Categories {
			res.Categories[i].Density = 100 * float64(res.Categories[i].Hits) / w
		}
	}
	res.hashes = nil
	for k, r := range res.titleCtxs {
		if res.titleUsed[k] {
			e := &s.hit[r.entry]
			start, end := title.Tokens[r.start].Start, title.Tokens[r.end-1].End
			res.Context = append(res.Context, Hit{Sentence: -1, Start: start, End: end,
				Surface: title.Text[start:end], Entry: e.term, Category: e.category, Weight: e.weight,
				Modifier: "context"})
		}
	}
	for k, r := range res.ctxs {
		if res.ctxUsed[k] {
			e := &s.hit[r.entry]
			start, end := d.Tokens[r.start].Start, d.Tokens[r.end-1].End
			res.Context = append(res.Context, Hit{Sentence: int(r.sent), Start: start, End: end,
				Surface: d.Text[start:end], Entry: e.term, Category: e.category, Weight: e.weight,
				Modifier: "context"})
		}
	}
	for _, mods := range [...][]modRef{res.cons, res.negs, res.ints} {
		for _, r := range mods {
			clear(res.mark[r.start:r.end])
		}
	}
	best := 0.0
	for _, c := range res.Categories {
		if c.Score > best {
			best, res.Dominant = c.Score, c.Name
		}
	}
}
