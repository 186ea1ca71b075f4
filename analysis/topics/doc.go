// Package topics clusters Hindi news articles into topics and keeps topic ids stable across
// scheduled runs.
//
// Data flows in four steps:
//
//  1. Features turns an analysed document (hindi.Doc) into Terms: light stems of the matching
//     keys, stopwords, numbers, punctuation and one-letter tokens dropped, each with its count
//     and the surface form a reader recognizes. Workers may call it concurrently.
//  2. A Builder collects the documents in input order (one goroutine) and interns the terms;
//     it holds one (term, count) pair per non-zero.
//  3. Builder.Fit prunes the vocabulary by document frequency, builds sublinear TF-IDF vectors
//     (L2-normalized, in a small CSR matrix) and runs spherical k-means: greedy k-means++
//     seeding from Options.Seed, annealed soft (von Mises–Fisher) iterations, several restarts
//     keeping the best objective (on a sample of a large corpus, then refined on all
//     documents), Lloyd iterations that skip the similarities bounds rule out, assignment in
//     parallel. Results are identical for a seed whatever Options.Workers. With Options.K = 0,
//     k is chosen by the coherence (NPMI) of its topics. Each topic gets c-TF-IDF top terms, a
//     label, representative documents, NPMI coherence and first/last days; documents far from
//     every centroid are outliers (topic −1).
//  4. Result.Model is saved with Model.Save; the next run passes LoadModel's result as
//     Options.Prior, so continuing stories keep their topic ids and only documents that fit
//     no known topic open new ones.
//
// NMI and ARI measure a clustering against reference labels; ReadLabeled and Evaluate back
// `drishti eval topics`. docs/topics.md describes the method, the model file and the figures
// measured on real data.
package topics
