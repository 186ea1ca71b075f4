// Package output writes Drishti's reports: articles, hits, topics, trends and rejects as
// Parquet files (parquet-go, zstd, row groups of at most 128k rows, microsecond UTC
// timestamps, DATE days, key-value metadata) with optional Arrow IPC copies, plus the run's
// manifest.json.
//
// Data flows through one Run per batch job:
//
//	run, err := output.Create(output.Options{Dir: "drishti-out", RunID: id, Categories: cats})
//	defer run.Abort()              // no-op after Commit
//	run.WriteRejects(rejects)      // streaming, any number of calls
//	run.WriteHits(hits)            // streaming, any number of calls
//	run.WriteArticles(articles)    // after topics are known
//	run.WriteTopics(topics)
//	run.WriteTrends(output.Trends(articles, cats))
//	run.Commit(&manifest)          // checked Close of every file, then atomic renames
//
// Everything is written into Dir/.drishti-tmp-<run id>/ and moved into Dir by Commit, one
// rename per file (or per day folder with Options.PartitionByDay), so a failed or killed run
// leaves the previous reports untouched; manifest.json is renamed last. With PartitionByDay,
// articles, hits and trends become Hive-style datasets (articles/day=2026-11-26/part-0.parquet)
// and a run replaces, in all three, the day folders of the days it covers.
//
// Trends computes the trend rows from the article rows; Manifest is a ready shape for
// manifest.json that Commit completes with the row counts and the files written; Leftovers
// lists the temporary folders of killed runs.
//
// The schema of each report is described once, as a list of columns with their Parquet
// encodings (dictionary for columns of few distinct values, delta for integers that change
// little from row to row); the articles and topics schemas grow three (C_hits, C_score,
// C_density) or one (mean_C) column per lexicon category known at run time. The same
// description drives the Parquet writer, the Arrow writer and Columns, which lists the
// DuckDB types documented in docs/reports.md and checked by scripts/duckdb-check.mjs. Rows
// reach both writers through one emit function per report (no reflection), except the
// Parquet file of hits, by far the largest: its rows are copied into a struct of the same
// columns (hitRow) that parquet-go writes column by column. The Parquet files of the other
// reports are written column by column too, by two goroutines that share out the columns
// (parquetFile): the articles, written when nothing else runs, use both cores, and the file
// is byte for byte the one parquet-go's row writer writes. Commit closes the reports at the
// same time.
package output
