// Package hindieval measures the hindi package against treebank gold: token and sentence F1
// over character spans, and how often the light stemmer agrees with gold lemmas.
//
// Data flows from a CoNLL-U file ([Read]) to a [Gold] document ([Build]): when the file has
// "# text" lines (UD v2, e.g. PUD) the gold tokens are aligned to that raw text; when it has
// none (the 2015 HDTB release) the text is rebuilt from the tokens by [Detokenize]'s rules.
// [Evaluate] runs a hindi.Analyzer over the gold text and scores exact span matches.
package hindieval
