// Package textref resolves labelled rows that point into a corpus instead of copying it.
//
// Drishti's own labelled evaluation sets (analysis/tone/testdata/heldout-*.tsv) label
// sentences of the real data in ../shared/data, whose licences forbid copying the text into
// the repository. Each row therefore names the text by its place in the corpus — a file path
// relative to the data folder, a byte offset and a byte length — and carries the FNV-1a
// (32-bit) hash of the text, so that a changed or missing corpus is reported instead of
// silently measuring other sentences. Resolve turns such a file into the plain labelled TSV
// that tone.Scorer.Evaluate and `drishti eval tone` read (an "id", a "text" column and the
// label columns).
//
// Reference format, TAB-separated, '#' lines are comments, the first other line a header:
//
//	id  path  offset  length  fnv32a  threat  alliance  war  tone
//
// The columns path, offset, length and fnv32a are required; every other column is carried
// over unchanged. Inside a .csv file the text is stored with doubled quotes (""), which
// Resolve undoes.
package textref
