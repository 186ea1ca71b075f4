// Package tone scores analysed Hindi text against a lexicon: per category hits, score and
// density, GDELT-style tone (positive, negative, polarity), and every hit with its byte
// offsets, so that each number can be traced to the words that made it.
//
// Data flows from a hindi.Doc (tokens with byte offsets and matching keys) through
// lexicon.Lexicon.Match (leftmost-longest matches of categories, tone lists and modifiers)
// to the rules, applied per hit in Hindi word order:
//
//   - negation: a negator (नहीं, न, ना, मत, बिना, कभी नहीं …) within NegationBefore words
//     before or NegationAfter words after the term, in the same clause, cancels a category
//     hit (effective weight 0: "हमला नहीं होगा" does not make war present) and turns a
//     tone word to the other side (multiplied by the negator's weight, below zero);
//   - intensity: intensifiers (बहुत, बेहद, भारी …) and diminishers (थोड़ा, मामूली …) within
//     IntensifierWindow words before the term scale it;
//   - contrast: after a contrast word (लेकिन, परंतु, मगर, किंतु; पर only at a clause start)
//     hits are multiplied by its weight, before it by ContrastBefore.
//
// A clause is a stretch of a sentence between punctuation, conjunctions (और, कि, क्योंकि …)
// and contrast words; hyphens, slashes and quotation marks (lexicon.IsQuote) are read
// through, as phrases match through quotes. docs/tone.md documents each rule with examples. The rules read only
// the tokens around hits, and only on the sides where the sentence has a modifier of their
// kind; a token's word class is found with the hash of its key that the Doc holds.
//
// A Scorer is immutable and shared; a Result holds one document's scores and the buffers
// that make the next Score allocation-free. Evaluate measures a Scorer against labelled
// sentences (the format of ../shared/data/tone/dev.tsv).
package tone
