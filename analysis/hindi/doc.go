// Package hindi is Drishti's Hindi text layer: normalization to matching keys, tokenization
// with byte offsets, sentence splitting, stopwords and a light stemmer.
//
// Data flows one way. An [Analyzer] reads a text once, left to right, and fills a [Doc]:
// every [Token] records its byte span in the original text (never in a normalized copy), its
// [Kind] and the index of its sentence, and the Doc keeps the token's matching key (see
// [Key]) in one shared buffer. Stages after this one (lexicon matching, tone, topics) work
// on keys; evidence and highlighting use the spans, so what a report shows is exactly what
// the source says.
//
//	var a hindi.Analyzer
//	var d hindi.Doc
//	a.Analyze(&d, text)
//	for i, t := range d.Tokens {
//		_ = d.Surface(i) // text[t.Start:t.End]
//		_ = d.Key(i)     // folded key, valid until the next Analyze
//	}
//
// [Key] and [AppendKey] are the one folding function of the project: the lexicon builds its
// keys with them, so a lexicon entry and a word in the text meet on the same key whatever
// nukta, nasal, joiner or digit spelling either used. docs/text.md lists each fold and why.
//
// [Stem] is the Ramanathan & Rao (2003) light stemmer over keys and [IsStopword] consults a
// curated list written for this project; both serve topic features, not tone.
//
// Analyze does not allocate per token once a Doc's buffers have grown to the size of the
// texts it sees, and runs well above 100 MB/s on one core over real news text.
package hindi
