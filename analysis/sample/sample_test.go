package sample

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// article is one line of a corpus file, as the test reads it.
type article struct {
	ID, Title, Text, PublishedAt, Source, URL string
	Line                                      int
}

// fields are the six fields every line must carry, each a non-empty string.
var fields = []string{"id", "title", "text", "published_at", "source", "url"}

// decodeLine decodes one JSON line strictly: exactly the six fields, each a non-empty string.
func decodeLine(line []byte) (article, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(line, &raw); err != nil {
		return article{}, fmt.Errorf("invalid json: %w", err)
	}
	vals := make(map[string]string, len(fields))
	for _, f := range fields {
		r, ok := raw[f]
		if !ok {
			return article{}, fmt.Errorf("field %q missing", f)
		}
		var s string
		if err := json.Unmarshal(r, &s); err != nil {
			return article{}, fmt.Errorf("field %q: not a string: %w", f, err)
		}
		if strings.TrimSpace(s) == "" {
			return article{}, fmt.Errorf("field %q empty", f)
		}
		vals[f] = s
	}
	for k := range raw {
		if !slices.Contains(fields, k) {
			return article{}, fmt.Errorf("unexpected field %q", k)
		}
	}
	return article{ID: vals["id"], Title: vals["title"], Text: vals["text"],
		PublishedAt: vals["published_at"], Source: vals["source"], URL: vals["url"]}, nil
}

// readJSONL decodes every line of r, failing the test with the line number on the first error.
func readJSONL(t testing.TB, name string, r io.Reader) []article {
	t.Helper()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var out []article
	for n := 1; sc.Scan(); n++ {
		a, err := decodeLine(sc.Bytes())
		if err != nil {
			t.Fatalf("%s:%d: %v", name, n, err)
		}
		a.Line = n
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return out
}

// fold maps the nukta letters to their base letters (precomposed U+0958..U+095F and letter +
// U+093C alike), so that keyword checks see ख़तरा, ख़तरा and खतरा as one word.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\u093C':
			continue
		case r >= '\u0958' && r <= '\u095F':
			r = []rune("कखगजडढफय")[r-'\u0958']
		}
		b.WriteRune(r)
	}
	return b.String()
}

// devanagariShare is the share of Devanagari among the letters of s (marks are not letters).
func devanagariShare(s string) float64 {
	var letters, deva int
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Devanagari, r) {
				deva++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(deva) / float64(letters)
}

// words counts whitespace-separated words that contain a letter.
func words(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// checkArticle checks what every article of every file must satisfy.
func checkArticle(t *testing.T, name string, a article) {
	t.Helper()
	where := fmt.Sprintf("%s:%d (%s)", name, a.Line, a.ID)
	for _, s := range []string{a.Title, a.Text, a.Source, a.URL} {
		if !utf8.ValidString(s) {
			t.Errorf("%s: invalid UTF-8", where)
		}
	}
	if _, err := time.Parse(time.RFC3339, a.PublishedAt); err != nil {
		t.Errorf("%s: published_at: %v", where, err)
	}
	if !strings.HasSuffix(a.PublishedAt, "+05:30") {
		t.Errorf("%s: published_at %q: want a +05:30 offset", where, a.PublishedAt)
	}
	if !strings.HasPrefix(a.URL, "https://example.com/") {
		t.Errorf("%s: url %q: want https://example.com/...", where, a.URL)
	}
	if got := devanagariShare(a.Text); got < 0.8 {
		t.Errorf("%s: Devanagari share of letters %.2f, want >= 0.80", where, got)
	}
	paras := strings.Split(a.Text, "\n\n")
	if len(paras) < 2 {
		t.Errorf("%s: %d paragraphs, want >= 2", where, len(paras))
	}
	for i, p := range paras {
		if strings.TrimSpace(p) != p || p == "" || strings.Contains(p, "\n") {
			t.Errorf("%s: paragraph %d is empty, padded or holds a single newline", where, i+1)
		}
		if !strings.Contains(p, "।") {
			t.Errorf("%s: paragraph %d has no sentence ending in ।", where, i+1)
		}
	}
}

func TestCorpus(t *testing.T) {
	arts := readJSONL(t, Name, Open())
	if len(arts) < 48 {
		t.Fatalf("%d articles, want >= 48", len(arts))
	}
	idPattern := regexp.MustCompile(`^s\d{3}$`)
	ids := map[string]int{}
	urls := map[string]int{}
	days := map[string]int{}
	sources := map[string]int{}
	var prev time.Time
	for _, a := range arts {
		checkArticle(t, Name, a)
		if !idPattern.MatchString(a.ID) {
			t.Errorf("%s:%d: id %q does not match %s", Name, a.Line, a.ID, idPattern)
		}
		if l, dup := ids[a.ID]; dup {
			t.Errorf("%s:%d: id %q already used on line %d", Name, a.Line, a.ID, l)
		}
		ids[a.ID] = a.Line
		if l, dup := urls[a.URL]; dup {
			t.Errorf("%s:%d: url %q already used on line %d", Name, a.Line, a.URL, l)
		}
		urls[a.URL] = a.Line
		if n := words(a.Text); n < 120 || n > 350 {
			t.Errorf("%s:%d (%s): %d words, want 120..350", Name, a.Line, a.ID, n)
		}
		ts, _ := time.Parse(time.RFC3339, a.PublishedAt)
		if ts.Before(prev) {
			t.Errorf("%s:%d (%s): published_at %s before the previous line's", Name, a.Line, a.ID, a.PublishedAt)
		}
		prev = ts
		days[a.PublishedAt[:10]]++
		sources[a.Source]++
	}
	wantDays := []string{"2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"}
	if got := slices.Sorted(mapKeys(days)); !slices.Equal(got, wantDays) {
		t.Errorf("days = %v, want %v", got, wantDays)
	}
	if len(sources) < 5 {
		t.Errorf("%d sources, want >= 5: %v", len(sources), sources)
	}
	for s, n := range sources {
		if n < 5 {
			t.Errorf("source %q has %d articles, want >= 5", s, n)
		}
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

var (
	precomposedNukta = regexp.MustCompile("[\u0958-\u095F]")
	combiningNukta   = regexp.MustCompile("[कखगजडढफ]\u093C")
	droppedNukta     = regexp.MustCompile(`(^|[\s"(“])(खतर|खबर|जरूर|ज्याद|फैसल|कीमत|बाजार|इलाक|खिलाफ|फिल्म)`)
	asciiDigits      = regexp.MustCompile(`[0-9]`)
	devaDigits       = regexp.MustCompile(`[०-९]`)
	latinWord        = regexp.MustCompile(`\b[A-Za-z]{2,}\b`)
	quotation        = regexp.MustCompile(`"[^"]+"|“[^”]+”`)
)

// TestCorpusFeatures checks that the corpus carries the features of real Hindi news text
// that the analysis must handle, each in enough articles to matter.
func TestCorpusFeatures(t *testing.T) {
	arts := readJSONL(t, Name, Open())
	tests := []struct {
		name string
		has  func(text string) bool
		min  int
	}{
		{"precomposed nukta", precomposedNukta.MatchString, 10},
		{"combining nukta", combiningNukta.MatchString, 10},
		{"dropped nukta", droppedNukta.MatchString, 5},
		{"both nukta forms in one text", func(s string) bool {
			return precomposedNukta.MatchString(s) && combiningNukta.MatchString(s)
		}, 5},
		{"ASCII digits", asciiDigits.MatchString, 20},
		{"Devanagari digits", devaDigits.MatchString, 10},
		{"Latin words", latinWord.MatchString, 20},
		{"quotation", quotation.MatchString, 40},
		{"negated attack", contains("हमला नहीं होगा", "हमला नहीं करेंगे"), 2},
		{"negated war fear", contains("युद्ध की कोई आशंका नहीं"), 2},
		{"intensifier", contains("बेहद गंभीर"), 2},
		{"contrast", contains("समझौता हुआ, लेकिन"), 3},
		{"abbreviation", contains("डॉ.", "से.नि."), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := 0
			for _, a := range arts {
				if tt.has(a.Text) {
					got++
				}
			}
			if got < tt.min {
				t.Errorf("%d articles with %s, want >= %d", got, tt.name, tt.min)
			}
		})
	}
}

// contains reports whether the nukta-folded text holds any of the phrases.
func contains(phrases ...string) func(string) bool {
	return func(text string) bool {
		text = fold(text)
		for _, p := range phrases {
			if strings.Contains(text, fold(p)) {
				return true
			}
		}
		return false
	}
}

// TestCorpusTopics checks that each story runs to enough articles over enough days for topic
// clusters to be visible. Keywords are matched on nukta-folded text.
func TestCorpusTopics(t *testing.T) {
	arts := readJSONL(t, Name, Open())
	tests := []struct {
		topic            string
		all              []string // every one of these groups must match (any word of a group)
		minArts, minDays int
	}{
		{"defence pact", []string{"संधि|गठबंधन", "युद्ध|सैन्य|हमला", "खतर|आशंका|चेतावनी"}, 5, 4},
		{"border conflict", []string{"नियंत्रण रेखा", "गोलाबारी|फायरिंग|गोलीबारी|संघर्ष विराम"}, 6, 4},
		{"terror alert", []string{"आतंकी", "अलर्ट|alert|सुरक्षा"}, 5, 4},
		{"trade and summits", []string{"समझौत", "व्यापार|शिखर|निवेश", "साझेदार|साझेदारी"}, 6, 3},
		{"cricket", []string{"विकेट|क्रिकेट"}, 5, 3},
		{"markets and economy", []string{"Sensex|GDP|GST|सर्राफा|शेयर"}, 5, 4},
		{"weather", []string{"मौसम|शीतलहर|कोहरा|चक्रवात|बर्फबारी"}, 5, 4},
		{"films", []string{"फिल्म"}, 5, 4},
		{"health", []string{"मरीज|स्वास्थ्य"}, 3, 2},
		{"education", []string{"छात्र"}, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.topic, func(t *testing.T) {
			n, days := 0, map[string]bool{}
			for _, a := range arts {
				text := fold(a.Title + "\n" + a.Text)
				ok := true
				for _, group := range tt.all {
					if !slices.ContainsFunc(strings.Split(group, "|"), func(w string) bool {
						return strings.Contains(text, fold(w))
					}) {
						ok = false
						break
					}
				}
				if ok {
					n++
					days[a.PublishedAt[:10]] = true
				}
			}
			if n < tt.minArts || len(days) < tt.minDays {
				t.Errorf("%d articles over %d days, want >= %d over >= %d", n, len(days), tt.minArts, tt.minDays)
			}
		})
	}
}

func TestArticlesIsACopy(t *testing.T) {
	want, err := io.ReadAll(Open())
	if err != nil {
		t.Fatal(err)
	}
	got := Articles()
	if !bytes.Equal(got, want) {
		t.Fatalf("Articles() differs from Open(): %d vs %d bytes", len(got), len(want))
	}
	got[0] = 'X'
	if again := Articles(); !bytes.Equal(again, want) {
		t.Errorf("modifying the result of Articles changed the embedded corpus")
	}
	if !bytes.HasSuffix(want, []byte("\n")) {
		t.Errorf("corpus does not end in a newline")
	}
}

// readFixture reads a testdata JSONL file.
func readFixture(t *testing.T, name string) []article {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return readJSONL(t, name, f)
}

// storyOf returns the story label of a fixture id such as "d1-flood-03".
func storyOf(id string) string {
	parts := strings.Split(id, "-")
	if len(parts) != 3 {
		return ""
	}
	return parts[1]
}

func TestTopicFixtures(t *testing.T) {
	// Each story has a keyword that all its articles use and no other story's articles do.
	keywords := map[string]string{"flood": "बाढ", "election": "चुनाव", "cricket": "टी20", "space": "इसरो"}
	tests := []struct {
		file, day string
		want      map[string]int
	}{
		{"day1.jsonl", "2026-09-14", map[string]int{"flood": 10, "election": 10, "cricket": 10}},
		{"day2.jsonl", "2026-09-15", map[string]int{"flood": 8, "election": 8, "space": 4}},
	}
	ids := map[string]string{}
	idPattern := regexp.MustCompile(`^d[12]-[a-z]+-\d{2}$`)
	for _, tt := range tests {
		arts := readFixture(t, tt.file)
		got := map[string]int{}
		for _, a := range arts {
			checkArticle(t, tt.file, a)
			if !idPattern.MatchString(a.ID) || a.ID[:2] != "d"+tt.file[3:4] {
				t.Errorf("%s:%d: id %q, want d<day>-<story>-<nn>", tt.file, a.Line, a.ID)
			}
			if f, dup := ids[a.ID]; dup {
				t.Errorf("%s:%d: id %q already used in %s", tt.file, a.Line, a.ID, f)
			}
			ids[a.ID] = tt.file
			if a.PublishedAt[:10] != tt.day {
				t.Errorf("%s:%d: published %s, want day %s", tt.file, a.Line, a.PublishedAt, tt.day)
			}
			if n := words(a.Text); n < 50 || n > 200 {
				t.Errorf("%s:%d: %d words, want 50..200", tt.file, a.Line, n)
			}
			story := storyOf(a.ID)
			got[story]++
			text := fold(a.Title + " " + a.Text)
			for s, kw := range keywords {
				if has := strings.Contains(text, kw); has != (s == story) {
					t.Errorf("%s:%d (%s): contains %q = %v, want %v", tt.file, a.Line, a.ID, kw, has, s == story)
				}
			}
		}
		if !mapsEqual(got, tt.want) {
			t.Errorf("%s: stories = %v, want %v", tt.file, got, tt.want)
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestPactFixture(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "pact.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	title, body, ok := strings.Cut(text, "\n\n")
	if !ok || strings.Contains(title, "\n") || title == "" {
		t.Fatalf("pact.txt: want a title line, a blank line, then the body")
	}
	if n := words(text); n < 170 || n > 260 {
		t.Errorf("pact.txt: %d words, want about 200", n)
	}
	if got := devanagariShare(text); got < 0.9 {
		t.Errorf("pact.txt: Devanagari share %.2f, want >= 0.90", got)
	}
	if strings.Count(body, "\n\n") < 2 {
		t.Errorf("pact.txt: want at least 3 paragraphs")
	}
	folded := fold(text)
	vocab := map[string][]string{
		"alliance": {"संधि", "गठबंधन", "साझेदारी", "सहयोग", "समझौत", "मित्रता", "गठजोड"},
		"threat":   {"खतरा", "धमकी", "चेतावनी", "आशंका", "चिंता", "डर"},
		"war":      {"युद्ध", "जंग", "हमला", "सैन्य", "मिसाइल", "संघर्ष", "हथियार", "टकराव"},
	}
	for cat, ws := range vocab {
		var found []string
		for _, w := range ws {
			if strings.Contains(folded, w) {
				found = append(found, w)
			}
		}
		if len(found) < 4 {
			t.Errorf("pact.txt: %s words found %v, want >= 4 distinct", cat, found)
		}
	}
}

func TestDecodeLine(t *testing.T) {
	good := `{"id":"x1","title":"t","text":"पाठ।","published_at":"2026-11-23T08:00:00+05:30","source":"s","url":"https://example.com/a"}`
	tests := []struct {
		name, line, wantErr string
	}{
		{"valid", good, ""},
		{"not json", `{"id":`, "invalid json"},
		{"missing field", `{"id":"x1"}`, `field "title" missing`},
		{"empty field", strings.Replace(good, `"t"`, `" "`, 1), `field "title" empty`},
		{"number field", strings.Replace(good, `"x1"`, `7`, 1), `field "id": not a string`},
		{"extra field", strings.Replace(good, `{`, `{"lang":"hi",`, 1), `unexpected field "lang"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeLine([]byte(tt.line))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if (tt.wantErr == "") != (err == nil) || !strings.Contains(got, tt.wantErr) {
				t.Errorf("decodeLine error = %q, want containing %q", got, tt.wantErr)
			}
		})
	}
	var se *json.SyntaxError
	if _, err := decodeLine([]byte("{")); !errors.As(err, &se) {
		t.Errorf("decodeLine error %v does not wrap *json.SyntaxError", err)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\u0959तरा", "खतरा"},          // precomposed ख़
		{"ख\u093Cतरा", "खतरा"},         // combining
		{"खतरा", "खतरा"},               // dropped
		{"ब\u095Dत", "बढत"},            // precomposed ढ़
		{"fauj फ\u093Cौज", "fauj फौज"}, // Latin untouched
	}
	for _, tt := range tests {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkDecodeCorpus(b *testing.B) {
	data := Articles()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		dec := json.NewDecoder(bytes.NewReader(data))
		n := 0
		for {
			var a struct {
				ID, Title, Text, Source, URL string
				PublishedAt                  string `json:"published_at"`
			}
			if err := dec.Decode(&a); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n < 48 {
			b.Fatalf("decoded %d articles", n)
		}
	}
}
