// Package lexicon loads Drishti's lexicons and matches them against analysed Hindi text.
//
// A lexicon is a set of entries read from plain UTF-8 TSV files that analysts edit (the
// format is described in docs/lexicon.md):
//
//	# category	term	weight	match	note
//	war	युद्ध	10
//	war	विश्व युद्ध	10	stem	a phrase: matches विश्व युद्धों too
//	threat	धमकी	6	forms:धमकियां|धमकियों
//	@negator	नहीं	-0.74	exact
//
// Data flows in three steps. Parse reads one file into Entries, reporting every malformed
// line as a *ParseError (file:line:col: message). New (or Load and Default, which parse and
// then call New) builds a Lexicon: it orders the categories (threat, alliance and war first,
// then user categories alphabetically; positive and negative are the tone lists, the "@"
// classes are modifiers), computes a checksum of the canonical content for run manifests,
// and compiles a trie over token matching keys (hindi.AppendKey, so nukta, nasal and digit
// variants meet on one key). Lexicon.Match then finds, for each category, the leftmost-
// longest matches in a hindi.Doc in time linear in the number of tokens, with phrases,
// stems (hindi.Stem on each word) and listed inflections. A phrase matches through
// quotation marks (IsQuote) and one hyphen between its words, no other punctuation.
//
// The embedded default lexicon (lexicon/default/*.tsv) is written by this project. Check
// validates files for `drishti lexicon check`; Stats summarizes a lexicon.
//
// Most tokens start no match, so Match rejects them cheaply: every edge of the trie is
// also in one open-addressing table keyed by parent node and token key, with stem edges
// listed under every inflection of their stem (hindi.Inflections), and a 64 KiB Bloom
// filter in front. Before any token is read, a pass over the key hashes that the Doc holds
// (hindi.Doc.KeyHashes) tests the start filters: a 256 KiB filter of the root keys, in two
// halves (keys that end an entry, keys that only start phrases), and for the latter, which
// are about one token in four in news (के, की, से, को), a filter of the pairs of such a key
// and a key that can follow it. Only the tokens that pass are looked up and walked. A
// lexicon too large to expand keeps stem edges under their stems and stems the tokens it
// looks up. Tests check every layout against a plain walk of the trie's maps and against a
// naive comparison of every entry at every token, on random lexicons.
//
// A Lexicon is immutable and safe for concurrent use; a Scratch holds the per-goroutine
// buffers of Match.
package lexicon
