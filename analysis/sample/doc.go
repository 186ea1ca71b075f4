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
// Lines are sorted by published_at and numbered s001..s050 in that order. Nukta letters appear
// in four styles, one per article in turn: precomposed (U+0958..U+095F), letter + U+093C,
// both alternating within one text, and dropped (क़ ख़ ग़ ज़ फ़ written as क ख ग ज फ).
//
// The testdata folder holds original fixtures for end-to-end tests elsewhere in the module,
// read by path (they are not embedded):
//
//   - pact.txt: one article of about 220 words on a mutual-defence pact signed amid fears of a
//     wider war; a title line, a blank line, then paragraphs. It uses alliance (संधि, गठबंधन,
//     साझेदारी, सहयोग), threat (ख़तरा, धमकी, चेतावनी, आशंका) and war (युद्ध, जंग, हमला, सैन्य,
//     मिसाइल) vocabulary.
//   - day1.jsonl: 30 articles of 2026-09-14 on three distinct stories, 10 each: a Kosi flood
//     in Bihar (flood), a Rajasthan election campaign (election), an India–England T20 series
//     (cricket).
//   - day2.jsonl: 20 articles of 2026-09-15: the flood and election stories continued (8 each,
//     same vocabulary, new details) and a new story, an ISRO satellite launch (space, 4).
//
// Fixture ids have the form d<day>-<story>-<nn> (for example "d2-space-03"), so a test can read
// the true story label from the id: the part between the two hyphens. Ids are unique across
// both days.
package sample
