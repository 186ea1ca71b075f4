package tone

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/lexicon"
)

// scoreReference is Score written plainly: every hit's windows are scanned token by token
// whatever the sentence holds, a token's word class is wordClassReference of its key, and
// the modifier marks are a fresh slice. Score must agree with it exactly.
func scoreReference(s *Scorer, d, title *hindi.Doc) Result {
	var res Result
	for _, c := range s.lex.Categories() {
		res.Categories = append(res.Categories, Category{Name: c})
	}
	for _, t := range d.Tokens {
		res.Words += int(isWordKind[t.Kind])
	}
	matches := s.lex.Match(nil, d, &lexicon.Scratch{})
	ctxMatches := s.lex.MatchContext(nil, d, &lexicon.Scratch{}) // in the whole text
	ctxUsed := make([]bool, len(ctxMatches))                     // it made a hit offtopic
	var titleMatches []lexicon.Match                             // in the title: for every sentence
	if title != nil {
		titleMatches = s.lex.MatchContext(nil, title, &lexicon.Scratch{})
	}
	titleUsed := make([]bool, len(titleMatches))
	entries := s.lex.Entries()
	class := func(j int) uint8 { return wordClassReference(d.Key(j)) }
	mark := make([]int, len(d.Tokens)) // 1 + index of the modifier match covering the token
	isContrast := func(j int) bool { return mark[j] > 0 && s.class[matches[mark[j]-1].Entry] == classContrast }
	boundary := func(j int) bool {
		t := d.Tokens[j]
		if t.Kind == hindi.Punct {
			switch d.Text[t.Start:t.End] {
			case "-", "‐", "‑", "/":
				return false
			}
			return !lexicon.IsQuote(d.Key(j))
		}
		return class(j)&wordConjunction != 0 || isContrast(j)
	}
	counts := func(j int) bool {
		return isWordKind[d.Tokens[j].Kind] != 0 && class(j)&wordPostposition == 0
	}
	var cons []int
	for mi, m := range matches {
		c := s.class[m.Entry]
		if c > classNegator {
			continue
		}
		prev := m.Start - 1 // the token before, quotation marks read through
		for prev >= 0 && lexicon.IsQuote(d.Key(prev)) {
			prev--
		}
		if c == classContrast && class(m.Start)&wordAmbiguousContrast != 0 && prev >= 0 &&
			d.Tokens[prev].Sentence == d.Tokens[m.Start].Sentence && d.Tokens[prev].Kind != hindi.Punct {
			continue // पर inside a clause is a postposition
		}
		for j := m.Start; j < m.End; j++ {
			mark[j] = mi + 1
		}
		if c == classContrast {
			cons = append(cons, mi)
		}
	}
	// verbBeside reports whether negator match n has a verb of stopping, passing or ending
	// right before or after it in its sentence, outside match m (it negates that verb), or
	// "only" right after it ("not only"), or it stands between a word and its repetition.
	verbBeside := func(n, m lexicon.Match) bool {
		if b, a := n.End-2, n.End; b >= 0 && a < len(d.Tokens) && d.Tokens[a].Sentence == d.Tokens[n.Start].Sentence &&
			string(d.Key(b)) == string(d.Key(a)) && d.Tokens[a].Kind != hindi.Punct {
			return true // कहीं न कहीं: an indefinite
		}
		for _, k := range []int{n.Start - 1, n.End} {
			if k >= 0 && k < len(d.Tokens) && d.Tokens[k].Sentence == d.Tokens[n.Start].Sentence &&
				(k < m.Start || k >= m.End) && (class(k)&wordCessation != 0 || k == n.End && class(k)&wordOnly != 0) {
				return true
			}
		}
		return false
	}
	// scan returns the negator's weight in a window of match m from j in steps of dir, or
	// 1, false.
	scan := func(m lexicon.Match, j, dir, n, sent int) (float64, bool) {
		for words := 0; j >= 0 && j < len(d.Tokens) && d.Tokens[j].Sentence == sent && words < n; j += dir {
			if boundary(j) {
				break
			}
			if mark[j] > 0 {
				if e := matches[mark[j]-1].Entry; s.class[e] == classNegator && !verbBeside(matches[mark[j]-1], m) {
					return entries[e].Weight, true
				}
				continue
			}
			if counts(j) {
				words++
			}
		}
		return 1, false
	}
	var pos, neg int
	for _, m := range matches {
		c := s.class[m.Entry]
		e := &entries[m.Entry]
		if c < 0 && c != classPositive && c != classNegative || e.Weight <= 0 {
			continue // a modifier, an exclusion or a context entry
		}
		sent := d.Tokens[m.Start].Sentence
		eff, flags := e.Weight, 0
		f, ok := scan(m, m.Start-1, -1, s.opt.NegationBefore, sent)
		if !ok {
			f, ok = scan(m, m.End, 1, s.opt.NegationAfter, sent)
		}
		if ok {
			flags |= modNegated
			if c < 0 || !s.keep[c] {
				eff *= f
			}
		}
		in := 1.0
		for j, words := m.Start-1, 0; j >= 0 && d.Tokens[j].Sentence == sent && words < s.opt.IntensifierWindow; j-- {
			if boundary(j) {
				break
			}
			if mark[j] > 0 {
				if mm := matches[mark[j]-1]; s.class[mm.Entry] == classIntensifier || s.class[mm.Entry] == classDiminisher {
					in *= entries[mm.Entry].Weight
					j = mm.Start
					words++
				}
				continue
			}
			if counts(j) {
				words++
			}
		}
		if in != 1 {
			eff *= in
			if in > 1 {
				flags |= modIntensified
			} else {
				flags |= modDiminished
			}
		}
		// The contrast words of the sentence: the first after the hit halves it, else the
		// last before it multiplies it by its weight.
		after, before := -1, -1
		for _, ci := range cons {
			if d.Tokens[matches[ci].Start].Sentence != sent {
				continue
			}
			if matches[ci].Start >= m.Start {
				if after < 0 {
					after = ci
				}
			} else {
				before = ci
			}
		}
		switch {
		case after >= 0:
			eff *= s.opt.ContrastBefore
			flags |= modContrast
		case before >= 0:
			eff *= entries[matches[before].Entry].Weight
			flags |= modContrast
		}
		// A context entry of the category in the sentence, reaching the hit's weight: the
		// sentence is about something else.
		for k, m2 := range ctxMatches {
			if e2 := &entries[m2.Entry]; c >= 0 && e2.IsContext() && s.class[m2.Entry] == c &&
				d.Tokens[m2.Start].Sentence == sent && -e2.Weight >= e.Weight {
				eff = 0
				flags |= modOffTopic
				ctxUsed[k] = true
			}
		}
		for k, m2 := range titleMatches {
			if e2 := &entries[m2.Entry]; c >= 0 && s.class[m2.Entry] == c && -e2.Weight >= e.Weight {
				eff = 0
				flags |= modOffTopic
				titleUsed[k] = true
			}
		}
		start, end := d.Tokens[m.Start].Start, d.Tokens[m.End-1].End
		if c >= 0 && flags&modNegated != 0 && !s.keep[c] {
			eff = 0
		}
		if c == classNegative && eff < 0 && !s.opt.NegatedNegativeFlips {
			eff = 0
		}
		res.Hits = append(res.Hits, Hit{
			Sentence: sent, Start: start, End: end, Surface: d.Text[start:end],
			Entry: e.Term, Category: e.Category, Weight: e.Weight,
			Modifier: modifierNames[flags], Effective: eff,
		})
		switch {
		case c == classPositive && eff > 0, c == classNegative && eff < 0:
			pos++
		case c == classPositive && eff < 0, c == classNegative && eff > 0:
			neg++
		}
		switch c {
		case classPositive:
			res.Valence += eff
		case classNegative:
			res.Valence -= eff
		default:
			res.Categories[c].Score += eff
			if eff > 0 {
				res.Categories[c].Hits++
			}
		}
	}
	if res.Words > 0 {
		w := float64(res.Words)
		res.Positive, res.Negative = 100*float64(pos)/w, 100*float64(neg)/w
		res.Tone, res.Polarity = res.Positive-res.Negative, 100*float64(pos+neg)/w
		for i := range res.Categories {
			res.Categories[i].Density = 100 * float64(res.Categories[i].Hits) / w
		}
	}
	best := 0.0
	for _, c := range res.Categories {
		if c.Score > best {
			best, res.Dominant = c.Score, c.Name
		}
	}
	for k, m := range titleMatches {
		if titleUsed[k] {
			e := &entries[m.Entry]
			start, end := title.Tokens[m.Start].Start, title.Tokens[m.End-1].End
			res.Context = append(res.Context, Hit{Sentence: -1, Start: start, End: end,
				Surface: title.Text[start:end], Entry: e.Term, Category: e.Category, Weight: e.Weight, Modifier: "context"})
		}
	}
	for k, m := range ctxMatches {
		if ctxUsed[k] {
			e := &entries[m.Entry]
			start, end := d.Tokens[m.Start].Start, d.Tokens[m.End-1].End
			res.Context = append(res.Context, Hit{Sentence: d.Tokens[m.Start].Sentence, Start: start, End: end,
				Surface: d.Text[start:end], Entry: e.Term, Category: e.Category, Weight: e.Weight, Modifier: "context"})
		}
	}
	return res
}

// exported returns res's exported fields, to compare results.
func exported(res *Result) Result {
	out := Result{Words: res.Words, Tone: res.Tone, Positive: res.Positive, Negative: res.Negative,
		Polarity: res.Polarity, Valence: res.Valence, Dominant: res.Dominant}
	out.Categories = append([]Category(nil), res.Categories...)
	out.Hits = append([]Hit(nil), res.Hits...)
	out.Context = append([]Hit(nil), res.Context...)
	return out
}

// ruleText returns a random text over the terms of lex and the grammar words the rules
// know, with punctuation and quotation marks: modifiers, clause boundaries and hits close together.
func ruleText(r *rand.Rand, lex *lexicon.Lexicon, n int) string {
	es := lex.Entries()
	var sb strings.Builder
	for range n {
		switch k := r.IntN(10); {
		case k < 4 && r.IntN(10) == 0:
			// A word, a negator and the word again: "कहीं न कहीं".
			w := []string{es[r.IntN(len(es))].Term, grammarWords[r.IntN(len(grammarWords))].word}[r.IntN(2)]
			sb.WriteString(w + []string{" न ", " ना ", " नहीं "}[r.IntN(3)] + w)
		case k < 4:
			sb.WriteString(es[r.IntN(len(es))].Term)
		case k < 7:
			sb.WriteString(grammarWords[r.IntN(len(grammarWords))].word)
		case k < 8:
			sb.WriteString([]string{"भारत", "सरकार", "लोग", "ab", "12", "#टैग", "₹"}[r.IntN(7)])
		case k < 9:
			sb.WriteString([]string{"।", ",", "-", "/", "?", "\n", "—"}[r.IntN(7)])
		default:
			sb.WriteString([]string{"'", `"`, "‘", "’", "“", "”", "''", "`"}[r.IntN(8)])
		}
		sb.WriteByte(' ')
	}
	return sb.String()
}

// TestScoreAgreesWithReference compares Score with scoreReference on random texts dense in
// hits and modifiers, with the test lexicon and the default one under several options,
// and on real news text.
func TestScoreAgreesWithReference(t *testing.T) {
	lexes := []*lexicon.Lexicon{newTestScorer(t).Lexicon()}
	if l, err := lexicon.Default(); err == nil {
		lexes = append(lexes, l)
	}
	opts := []Options{{}, {NegationBefore: 1, NegationAfter: 4, IntensifierWindow: 3, ContrastBefore: 0.25},
		{NegationKeeps: []string{}, NegatedNegativeFlips: true}, {NegationBefore: 5, NegationAfter: 1, IntensifierWindow: 1}}
	var b testing.B
	news := benchText(&b)[:200000]
	r := rand.New(rand.NewPCG(5, 8))
	var (
		a         hindi.Analyzer
		d         hindi.Doc
		res       Result // reused across documents, as the pipeline does
		hits      int
		mods      int
		offtopic  int
		contexts  int
		fromTitle int
		titleDoc  hindi.Doc
	)
	for li, lex := range lexes {
		for oi, opt := range opts {
			s := NewScorer(lex, opt)
			texts := []string{news, "", "।"}
			for range 60 {
				texts = append(texts, ruleText(r, lex, r.IntN(150)))
			}
			for ti, text := range texts {
				a.Analyze(&d, text)
				var title *hindi.Doc // every other text with a title of a few terms
				if ti%2 == 1 {
					a.Analyze(&titleDoc, ruleText(r, lex, 1+r.IntN(6)))
					title = &titleDoc
				}
				s.ScoreTitled(&d, title, &res)
				want := scoreReference(s, &d, title)
				if got := exported(&res); !reflect.DeepEqual(got, want) {
					t.Fatalf("lexicon %d, options %d, text %d: Score disagrees with the reference\ngot  %s\nwant %s\ncontext %s, want %s\ntext %q",
						li, oi, ti, hitString(got.Hits), hitString(want.Hits), hitString(got.Context), hitString(want.Context), text[:min(len(text), 300)])
				}
				for _, h := range want.Context {
					if h.Sentence < 0 {
						fromTitle++
					}
				}
				hits += len(want.Hits)
				contexts += len(want.Context)
				for _, h := range want.Hits {
					if h.Modifier != "" {
						mods++
					}
					if strings.Contains(h.Modifier, "offtopic") {
						offtopic++
					}
				}
			}
		}
	}
	if hits < 5000 || mods < 1000 || offtopic < 100 || contexts < 100 || fromTitle < 20 {
		t.Errorf("%d hits, %d with modifiers, %d off topic, %d context entries (%d in titles): the test is not exercising the rules", hits, mods, offtopic, contexts, fromTitle)
	}
}

// FuzzScoreAgrees compares Score with scoreReference on arbitrary text, a Result reused
// after a random text of the same lexicon's terms.
func FuzzScoreAgrees(f *testing.F) {
	for _, s := range []string{
		"हमला नहीं होगा, लेकिन विश्व युद्ध का ख़तरा बढ़ा।",
		"बेहद खतरा नहीं। समझौता हुआ, पर सेनाओं की तैनाती जारी",
		"न युद्ध न शांति कभी नहीं", "", "।।,,",
		"'सबसे' “खतरनाक” हमला \"नहीं\" हुआ, 'भारत' पर 'हमला'",
	} {
		f.Add(uint64(1), s)
	}
	s := newTestScorer(f)
	f.Fuzz(func(t *testing.T, seed uint64, text string) {
		r := rand.New(rand.NewPCG(seed, 9))
		var (
			a   hindi.Analyzer
			d   hindi.Doc
			res Result
		)
		a.Analyze(&d, ruleText(r, s.Lexicon(), 80))
		s.Score(&d, &res)
		a.Analyze(&d, text)
		s.Score(&d, &res)
		if got, want := exported(&res), scoreReference(s, &d, nil); !reflect.DeepEqual(got, want) {
			t.Fatalf("Score disagrees with the reference\ngot  %s\nwant %s", hitString(got.Hits), hitString(want.Hits))
		}
	})
}
