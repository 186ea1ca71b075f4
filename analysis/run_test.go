package analysis

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/drishti-news/drishti/analysis/sample"
	"github.com/drishti-news/drishti/analysis/topics"
)

// articleRow is the part of articles.parquet these tests look at.
type articleRow struct {
	ID            string  `parquet:"id"`
	Source        string  `parquet:"source"`
	Words         int64   `parquet:"words"`
	ThreatScore   float64 `parquet:"threat_score"`
	AllianceScore float64 `parquet:"alliance_score"`
	WarScore      float64 `parquet:"war_score"`
	TopicID       *int64  `parquet:"topic_id,optional"`
}

type rejectRow struct {
	Input  string `parquet:"input"`
	Line   int64  `parquet:"line"`
	Reason string `parquet:"reason"`
}

func readRows[T any](t *testing.T, path string) []T {
	t.Helper()
	rows, err := parquet.ReadFile[T](path)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return rows
}

// sampleLines returns the first n articles of the embedded sample, one JSON line each.
func sampleLines(t testing.TB, n int) []string {
	t.Helper()
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(sample.Articles()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() && len(lines) < n {
		lines = append(lines, sc.Text())
	}
	if len(lines) < n {
		t.Fatalf("the sample has %d articles, want at least %d", len(lines), n)
	}
	return lines
}

func quietRun(t *testing.T, opts Options) *Summary {
	t.Helper()
	sum, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum
}

// TestRunKeepsGoodRowsAndRejectsBrokenOnes mixes 40 good articles with broken lines: all 40
// reach articles.parquet and every broken line is a reject with its line number.
func TestRunKeepsGoodRowsAndRejectsBrokenOnes(t *testing.T) {
	good := sampleLines(t, 40)
	hindi := "भारत और रूस के बीच रक्षा सहयोग पर बातचीत हुई। "
	broken := []struct{ line, reason string }{
		{`{"id": "b1", "text": "अधूरा`, "malformed JSON"},
		{`["not", "an", "object"]`, "array"},
		{"\x00\x01\x02\x03binary\x00junk\x00\x00", "binary"},
		{`{"title": "बिना आईडी", "text": "` + hindi + `"}`, "missing id"},
		{`{"id": "b5", "title": "खाली"}`, "missing text"},
		{`{"id": "b6", "text": "   "}`, "empty text"},
		{`{"id": "b7", "text": "This article is written entirely in English and has no Hindi at all."}`, "not Hindi"},
		{`{"id": "s001", "text": "` + hindi + `"}`, "duplicate id"},
		{`{"id": "b9", "text": "` + strings.Repeat(hindi, 20000) + `"}`, "too large"},
		{`42`, "number"},
	}
	var lines []string
	var brokenAt []int64
	for i, g := range good {
		lines = append(lines, g)
		if i%4 == 3 && len(brokenAt) < len(broken) {
			lines = append(lines, broken[len(brokenAt)].line)
			brokenAt = append(brokenAt, int64(len(lines)))
		}
	}
	for len(brokenAt) < len(broken) {
		lines = append(lines, broken[len(brokenAt)].line)
		brokenAt = append(brokenAt, int64(len(lines)))
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "mixed.jsonl")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	sum := quietRun(t, Options{Inputs: []string{in}, Out: out, Workers: 2, MaxArticleBytes: 256 << 10})

	arts := readRows[articleRow](t, filepath.Join(out, "articles.parquet"))
	if len(arts) != 40 || sum.Articles != 40 {
		t.Fatalf("articles: got %d rows (summary %d), want 40", len(arts), sum.Articles)
	}
	for i, a := range arts {
		var want struct{ ID string }
		_ = json.Unmarshal([]byte(good[i]), &want)
		if a.ID != want.ID {
			t.Errorf("article %d: id %q, want %q (input order)", i, a.ID, want.ID)
		}
	}
	rejects := readRows[rejectRow](t, filepath.Join(out, "rejects.parquet"))
	var gotLines []int64
	for _, r := range rejects {
		gotLines = append(gotLines, r.Line)
		if r.Reason == "" || r.Input != in {
			t.Errorf("reject at line %d: input %q reason %q", r.Line, r.Input, r.Reason)
		}
	}
	if !slices.Equal(gotLines, brokenAt) {
		t.Errorf("reject lines %v, want %v", gotLines, brokenAt)
		for _, r := range rejects {
			t.Logf("  line %d: %s", r.Line, r.Reason)
		}
	}
}

// TestRunSameReportsWhateverWorkers runs the sample with 1 and 4 workers and compares the
// content of every report.
func TestRunSameReportsWhateverWorkers(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	quietRun(t, Options{Out: a, Workers: 1, Seed: 7})
	quietRun(t, Options{Out: b, Workers: 4, Seed: 7})
	for _, name := range []string{"articles", "hits", "topics", "trends", "rejects"} {
		ra := readAllRows(t, filepath.Join(a, name+".parquet"))
		rb := readAllRows(t, filepath.Join(b, name+".parquet"))
		if !reflect.DeepEqual(ra, rb) {
			t.Errorf("%s.parquet differs between --workers 1 and 4", name)
		}
		if name != "rejects" && len(ra) == 0 {
			t.Errorf("%s.parquet is empty on the sample", name)
		}
	}
}

func readAllRows(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	r := parquet.NewReader(pf)
	defer r.Close()
	var out []string
	buf := make([]parquet.Row, 64)
	for {
		n, err := r.ReadRows(buf)
		for _, row := range buf[:n] {
			out = append(out, fmt.Sprint(row))
		}
		if err != nil {
			break
		}
	}
	return out
}

// TestRunPactArticle checks the story the project was created from: a mutual-defence pact
// signed amid fears of a wider war scores on alliance, threat and war.
func TestRunPactArticle(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	quietRun(t, Options{Inputs: []string{"sample/testdata/pact.txt"}, Out: out, Workers: 1})
	arts := readRows[articleRow](t, filepath.Join(out, "articles.parquet"))
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1", len(arts))
	}
	a := arts[0]
	if a.AllianceScore <= 0 || a.ThreatScore <= 0 || a.WarScore <= 0 {
		t.Errorf("pact article: alliance %.2f threat %.2f war %.2f, want all > 0", a.AllianceScore, a.ThreatScore, a.WarScore)
	}
}

// TestRunFailureKeepsPreviousReports: a run that fails (here: cancelled) leaves the reports of
// the previous run as they were, and no temporary folder behind.
func TestRunFailureKeepsPreviousReports(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	quietRun(t, Options{Out: out, Workers: 2})
	before, err := os.ReadFile(filepath.Join(out, "articles.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, Options{Out: out, Workers: 2}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: err %v, want context.Canceled", err)
	}
	after, err := os.ReadFile(filepath.Join(out, "articles.parquet"))
	if err != nil || !bytes.Equal(before, after) {
		t.Fatalf("articles.parquet changed by a failed run (err %v)", err)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestRunRejectRatio: the reports are written, and the error says the ratio was exceeded.
func TestRunRejectRatio(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	lines := append(sampleLines(t, 3), "not json", "{}", "[]")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	sum, err := Run(context.Background(), Options{Inputs: []string{in}, Out: out, MaxRejectRatio: 0.2})
	if !errors.Is(err, ErrTooManyRejects) {
		t.Fatalf("err %v, want ErrTooManyRejects", err)
	}
	if sum == nil || sum.Articles != 3 || sum.Rejects != 3 {
		t.Fatalf("summary %+v, want 3 articles and 3 rejects", sum)
	}
	if _, err := os.Stat(filepath.Join(out, "articles.parquet")); err != nil {
		t.Errorf("reports not written: %v", err)
	}
}

// TestRunInputErrors: problems the user must fix before a run are ErrInput.
func TestRunInputErrors(t *testing.T) {
	dir := t.TempDir()
	badLex := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(badLex, []byte("threat\tखतरा\tnot-a-number\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"missing input", Options{Inputs: []string{filepath.Join(dir, "nope.jsonl")}}},
		{"bad lexicon", Options{LexiconFiles: []string{badLex}}},
		{"unknown extension", Options{Inputs: []string{badLex + ".docx"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Out = filepath.Join(dir, "out")
			if tc.name == "unknown extension" {
				_ = os.WriteFile(tc.opts.Inputs[0], []byte("x"), 0o644)
			}
			_, err := Run(context.Background(), tc.opts)
			if !errors.Is(err, ErrInput) {
				t.Errorf("err %v, want ErrInput", err)
			}
		})
	}
}

type topicAssign struct {
	ID      string `parquet:"id"`
	TopicID *int64 `parquet:"topic_id,optional"`
}

// TestRunTopicIDsStableAcrossRuns: day 1 is fitted and saved; on day 2, the stories that
// continue from day 1 keep their topic ids and the new story opens a new id.
func TestRunTopicIDsStableAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "topics.json")
	story := func(id string) string { return strings.Split(id, "-")[1] } // d1-flood-03 → flood

	quietRun(t, Options{Inputs: []string{"sample/testdata/day1.jsonl"}, Out: filepath.Join(dir, "d1"), Topics: 3, TopicModel: model})
	day1 := map[string]int64{} // story → topic id
	for _, a := range readRows[topicAssign](t, filepath.Join(dir, "d1", "articles.parquet")) {
		if a.TopicID == nil {
			t.Fatalf("day 1 article %s has no topic", a.ID)
		}
		if id, ok := day1[story(a.ID)]; ok && id != *a.TopicID {
			t.Errorf("day 1: story %s split over topics %d and %d", story(a.ID), id, *a.TopicID)
		}
		day1[story(a.ID)] = *a.TopicID
	}
	if len(day1) != 3 {
		t.Fatalf("day 1: %d stories, want 3", len(day1))
	}

	quietRun(t, Options{Inputs: []string{"sample/testdata/day2.jsonl"}, Out: filepath.Join(dir, "d2"), TopicModel: model})
	known := map[int64]bool{}
	for _, id := range day1 {
		known[id] = true
	}
	newIDs := map[int64]bool{}
	for _, a := range readRows[topicAssign](t, filepath.Join(dir, "d2", "articles.parquet")) {
		s := story(a.ID)
		switch want, continuing := day1[s]; {
		case a.TopicID == nil:
			t.Errorf("day 2 article %s has no topic", a.ID)
		case continuing && *a.TopicID != want:
			t.Errorf("day 2 article %s (continuing %s): topic %d, want %d as on day 1", a.ID, s, *a.TopicID, want)
		case !continuing && (known[*a.TopicID] || *a.TopicID < 0):
			t.Errorf("day 2 article %s (new story %s): topic %d, want a new topic", a.ID, s, *a.TopicID)
		case !continuing:
			newIDs[*a.TopicID] = true
		}
	}
	if len(newIDs) != 1 {
		t.Errorf("the new story got topics %v, want exactly one new id", newIDs)
	}
}

// TestRunPartitionedReruns: with PartitionByDay, a second day adds its partitions, and running
// a day again replaces that day's partitions instead of duplicating its rows.
func TestRunPartitionedReruns(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	count := func() map[string]int {
		t.Helper()
		files, err := filepath.Glob(filepath.Join(out, "articles", "day=*", "*.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		n := map[string]int{}
		for _, f := range files {
			n[filepath.Base(filepath.Dir(f))] += len(readRows[articleRow](t, f))
		}
		return n
	}
	day1 := Options{Inputs: []string{"sample/testdata/day1.jsonl"}, Out: out, PartitionByDay: true, Topics: 3}
	quietRun(t, day1)
	quietRun(t, Options{Inputs: []string{"sample/testdata/day2.jsonl"}, Out: out, PartitionByDay: true, Topics: 3})
	quietRun(t, day1)
	got := count()
	want := map[string]int{"day=2026-09-14": 30, "day=2026-09-15": 20}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows per partition %v, want %v", got, want)
	}
}

// TestRunModelSaveFailureKeepsReports: when the topic model cannot be written, the run fails
// before the reports are replaced, and no temporary model is left behind.
func TestRunModelSaveFailureKeepsReports(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	quietRun(t, Options{Out: out, Workers: 1})
	before, err := os.ReadFile(filepath.Join(out, "articles.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), Options{Out: out, Workers: 1, TopicModel: filepath.Join(blocker, "topics.json")})
	if err == nil {
		t.Fatal("Run with an unwritable topic model: no error")
	}
	after, _ := os.ReadFile(filepath.Join(out, "articles.parquet"))
	if !bytes.Equal(before, after) {
		t.Error("the reports were replaced by a run that failed to save its topic model")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*.tmp-*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestRunTopicRetention: with TopicRetentionDays, the saved model drops the topics of stories
// not seen for longer than that (by the articles' days), and keeps the others.
func TestRunTopicRetention(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "topics.json")
	quietRun(t, Options{Inputs: []string{"sample/testdata/day1.jsonl"}, Out: filepath.Join(dir, "d1"), Topics: 3, TopicModel: model})
	day1, err := topics.LoadModel(model)
	if err != nil {
		t.Fatal(err)
	}
	// day 2's articles, published two months later
	b, err := os.ReadFile("sample/testdata/day2.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	later := filepath.Join(dir, "later.jsonl")
	if err := os.WriteFile(later, []byte(strings.ReplaceAll(string(b), "2026-09-15", "2026-11-15")), 0o644); err != nil {
		t.Fatal(err)
	}
	quietRun(t, Options{Inputs: []string{later}, Out: filepath.Join(dir, "d2"), TopicModel: model, TopicRetentionDays: 30})
	m, err := topics.LoadModel(model)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[int]bool{}
	for _, tp := range m.Topics {
		ids[tp.ID] = true
		if tp.LastDay < 20772-30 { // 2026-11-15 is day 20772; 30 days of retention
			t.Errorf("topic %d last seen on day %d kept", tp.ID, tp.LastDay)
		}
	}
	dropped := 0
	for _, tp := range day1.Topics {
		if !ids[tp.ID] {
			dropped++
		}
	}
	if dropped != 1 {
		t.Errorf("%d day-1 topics dropped, want 1 (the story that did not continue)", dropped)
	}
	if m.NextID < day1.NextID {
		t.Errorf("next id %d went back below %d", m.NextID, day1.NextID)
	}
}
