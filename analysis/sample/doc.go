// Package sample holds Drishti's embedded sample corpus: 50 original Hindi news-style
// articles written for this project, published over four consecutive days (23–26 November
// 2026) by five invented outlets.
//
// With no input, `drishti run` analyses this corpus so that a new user's first run fills every
// report. The stories continue over the days so that topic clusters are visible: a
// mutual-defence partnership and fears of a wider war, a border conflict with shelling and a
// ceasefire, terror alerts before a festival, trade agreements and summits, and unrelated news
// (cricket, markets, weather, films, health, education). The texts carry the features of real
// Hindi newspaper text that the analysis must cope with: sentences ending in "।", ASCII and
// Devanagari digits, code-mixed Latin words, nukta letters in precomposed and combining form
// (and sometimes dropped), quotations, negation, intensifiers and contrast.
//
// The corpus is JSON Lines, one article per line, with the fields id, title, text
// (paragraphs separated by "\n\n"), published_at (RFC 3339 with a +05:30 offset), source and
// url (invented example.com addresses). Read it with Open, or take the bytes with Articles; Name
// is the file name to report as the input.
//
// The testdata folder holds fixtures for end-to-end tests elsewhere in the module, read by
// path: pact.txt (one article on a defence pact with alliance, threat and war vocabulary) and
// day1.jsonl / day2.jsonl (two days of articles for topic-stability tests: three stories on day
// one; two of them continued plus a new story on day two).
package sample
