// Package corpus reads the articles Drishti analyses: JSON Lines, CSV, TSV, Parquet, Arrow IPC
// (file or stream) and folders of .txt files, each optionally gzipped, from files, folders or
// standard input (JSONL only), and yields them one at a time.
//
// Data flows like this: Open (or OpenReader for one stream, such as an embedded sample) lists
// the inputs, expanding folders in lexical order; Reader.Next opens each input in turn, decodes
// one row (a JSONL line, a CSV record, a Parquet or Arrow row, a .txt file), maps its columns to
// the Article fields (id, title, text, published_at, source, url; Options.Fields renames them),
// checks it, and returns either an Article or a Reject that gives the input, the line or row,
// the reason and an excerpt. Bad rows never stop reading: only an I/O error of the machine does.
// Reading is streaming: a JSONL line or CSV record is held in a buffer bounded by
// MaxArticleBytes+RowOverhead, whatever the size of the line; Parquet and Arrow hold one
// row batch or record batch.
//
// What is repaired (the article is kept with a flag in Article.Flags) and what is rejected is
// documented in docs/inputs.md; in short: invalid UTF-8 in small amounts and unreadable dates
// are repaired, everything that would make an article wrong or ambiguous is rejected.
//
// JSONL, the main input, is decoded by a hand-written decoder of flat objects that validates
// each line exactly as encoding/json does (FuzzJSONEquivalence) at several times its speed
// (BenchmarkJSONL).
package corpus
