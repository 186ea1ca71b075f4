// Package analysis runs Drishti's batch job: Run reads articles (package corpus), analyses
// each one (package hindi for tokens and sentences, package tone for lexicon scores and
// hits), clusters them into topics (package topics) and writes the reports (package output).
//
// Data flows as a bounded pipeline:
//
//	corpus.Reader ─batches─▶ N workers (hindi → tone → topic features) ─▶ sequencer
//	   ─in input order─▶ hits and rejects written as the run goes; article rows (no text) and
//	   sparse topic features kept ─▶ topics.Fit ─▶ articles, topics, trends ─▶ atomic commit
//
// The text of an article is dropped once it is scored, so memory grows with the number of
// articles (a small row and their sparse features each), not with the size of the text. The
// sequencer restores input order, so reports are the same whatever the number of workers.
package analysis
