package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go/format"
)

var update = flag.Bool("update", false, "rewrite the golden schema files in testdata/")

// TestSchemaGolden checks the Parquet schema of every report against testdata/schema/*.txt,
// so that any change of a column's name, order, type or nullability is a visible diff.
func TestSchemaGolden(t *testing.T) {
	dir := t.TempDir()
	writeAll(t, testOptions(dir), testArticles(20), testHits(30))
	for _, name := range ReportNames() {
		t.Run(name, func(t *testing.T) {
			got := openParquet(t, filepath.Join(dir, name+".parquet")).Schema().String() + "\n"
			golden := filepath.Join("testdata", "schema", name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestSchemaGolden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("schema of %s changed:\ngot:\n%s\nwant:\n%s", name, got, want)
			}
		})
	}
}

func TestParquetTypes(t *testing.T) {
	dir := t.TempDir()
	writeAll(t, testOptions(dir), testArticles(20), testHits(30))
	tests := []struct {
		report, column, want string
	}{
		{"articles", "published_at", "optional int64 published_at (TIMESTAMP(isAdjustedToUTC=true,unit=MICROS))"},
		{"articles", "day", "optional int32 day (DATE)"},
		{"articles", "war_hits", "required int32 war_hits (INT(32,true))"},
		{"articles", "threat_density", "required double threat_density"},
		{"articles", "flags", "required group flags (LIST)"},
		{"hits", "day", "optional int32 day (DATE)"},
		{"topics", "top_terms", "required group top_terms (LIST)"},
		{"topics", "top_weights", "required double element"},
		{"topics", "first_day", "optional int32 first_day (DATE)"},
		{"topics", "mean_alliance", "required double mean_alliance"},
		{"trends", "articles", "required int64 articles (INT(64,true))"},
		{"rejects", "line", "required int64 line (INT(64,true))"},
	}
	for _, tc := range tests {
		s := openParquet(t, filepath.Join(dir, tc.report+".parquet")).Schema().String()
		if !strings.Contains(s, tc.want) {
			t.Errorf("%s.%s: schema lacks %q:\n%s", tc.report, tc.column, tc.want, s)
		}
	}
}

func TestRoundTripArticles(t *testing.T) {
	dir := t.TempDir()
	arts := testArticles(50)
	writeAll(t, testOptions(dir), arts, testHits(10))
	d := readParquet(t, filepath.Join(dir, "articles.parquet"))
	if len(d.rows) != len(arts) {
		t.Fatalf("got %d rows, want %d", len(d.rows), len(arts))
	}
	wantNames := []string{"id", "source", "url", "title", "published_at", "day", "chars", "words",
		"sentences", "devanagari_ratio", "tone", "positive", "negative", "polarity",
		"war_hits", "war_score", "war_density", "alliance_hits", "alliance_score", "alliance_density",
		"threat_hits", "threat_score", "threat_density",
		"dominant_category", "topic_id", "topic_label", "topic_similarity", "flags"}
	if !slices.Equal(d.names, wantNames) {
		t.Fatalf("columns:\ngot  %v\nwant %v", d.names, wantNames)
	}
	for i, a := range arts {
		row := d.rows[i]
		get := func(name string) any { return row[d.col(t, name)] }
		if got := get("id"); got != a.ID {
			t.Errorf("row %d id = %v, want %v", i, got, a.ID)
		}
		var wantSource any
		if a.Source != "" {
			wantSource = a.Source
		}
		if got := get("source"); got != wantSource {
			t.Errorf("row %d source = %v, want %v", i, got, wantSource)
		}
		var wantTS, wantDay any
		if a.HasDay {
			wantTS, wantDay = a.PublishedAt.UnixMicro(), a.Day
		}
		if got := get("published_at"); got != wantTS {
			t.Errorf("row %d published_at = %v, want %v", i, got, wantTS)
		}
		if got := get("day"); got != wantDay {
			t.Errorf("row %d day = %v, want %v", i, got, wantDay)
		}
		if got, want := get("alliance_hits"), int32(a.Categories[1].Hits); got != want {
			t.Errorf("row %d alliance_hits = %v, want %v", i, got, want)
		}
		if got, want := get("war_score"), a.Categories[0].Score; got != want {
			t.Errorf("row %d war_score = %v, want %v", i, got, want)
		}
		var wantTopic any
		if a.HasTopic {
			wantTopic = int32(a.TopicID)
		}
		if got := get("topic_id"); got != wantTopic {
			t.Errorf("row %d topic_id = %v, want %v", i, got, wantTopic)
		}
		gotFlags := get("flags").([]any)
		if len(gotFlags) != len(a.Flags) {
			t.Errorf("row %d flags = %v, want %v", i, gotFlags, a.Flags)
		}
		for k := range a.Flags {
			if k < len(gotFlags) && gotFlags[k] != a.Flags[k] {
				t.Errorf("row %d flags = %v, want %v", i, gotFlags, a.Flags)
			}
		}
	}
	// The microseconds survive: 10:30:15.123456.
	if got := time.UnixMicro(d.rows[0][4].(int64)).UTC(); !got.Equal(arts[0].PublishedAt) {
		t.Errorf("published_at = %v, want %v", got, arts[0].PublishedAt)
	}
}

func TestRoundTripOtherReports(t *testing.T) {
	dir := t.TempDir()
	hits := testHits(25)
	writeAll(t, testOptions(dir), testArticles(10), hits)

	h := readParquet(t, filepath.Join(dir, "hits.parquet"))
	if len(h.rows) != len(hits) {
		t.Fatalf("hits: got %d rows, want %d", len(h.rows), len(hits))
	}
	for i, want := range hits {
		row := h.rows[i]
		var wantMod any
		if want.Modifier != "" {
			wantMod = want.Modifier
		}
		got := []any{row[h.col(t, "article_id")], row[h.col(t, "start")], row[h.col(t, "end")], row[h.col(t, "category")], row[h.col(t, "modifier")], row[h.col(t, "effective_weight")]}
		w := []any{want.ArticleID, int32(want.Start), int32(want.End), want.Category, wantMod, want.EffectiveWeight}
		if !slices.Equal(got, w) {
			t.Errorf("hit %d: got %v, want %v", i, got, w)
		}
	}

	tp := readParquet(t, filepath.Join(dir, "topics.parquet"))
	if len(tp.rows) != 2 {
		t.Fatalf("topics: got %d rows, want 2", len(tp.rows))
	}
	r0 := tp.rows[0]
	if got := r0[tp.col(t, "top_terms")].([]any); !slices.Equal(got, []any{"युद्ध", "सेना"}) {
		t.Errorf("top_terms = %v", got)
	}
	if got := r0[tp.col(t, "top_weights")].([]any); !slices.Equal(got, []any{0.5, 0.25}) {
		t.Errorf("top_weights = %v", got)
	}
	if got := r0[tp.col(t, "mean_threat")]; got != 3.0 {
		t.Errorf("mean_threat = %v, want 3", got)
	}
	if got := r0[tp.col(t, "last_day")]; got != day0+2 {
		t.Errorf("last_day = %v, want %v", got, day0+2)
	}
	r1 := tp.rows[1]
	if got := r1[tp.col(t, "npmi")]; got != nil {
		t.Errorf("npmi of topic 1 = %v, want NULL", got)
	}
	if got := r1[tp.col(t, "top_terms")].([]any); len(got) != 0 {
		t.Errorf("empty top_terms = %v", got)
	}
	if got := r1[tp.col(t, "outlier")]; got != true {
		t.Errorf("outlier = %v, want true", got)
	}

	rj := readParquet(t, filepath.Join(dir, "rejects.parquet"))
	if len(rj.rows) != 2 {
		t.Fatalf("rejects: got %d rows, want 2", len(rj.rows))
	}
	if got := rj.rows[1][rj.col(t, "excerpt")]; got != "ab\uFFFDcd" {
		t.Errorf("excerpt = %q, want invalid byte replaced", got)
	}
	if got := rj.rows[0][rj.col(t, "id")]; got != nil {
		t.Errorf("id = %v, want NULL", got)
	}
	if got := rj.rows[1][rj.col(t, "line")]; got != int64(9) {
		t.Errorf("line = %v, want 9", got)
	}
	if got0, got1 := rj.rows[0][rj.col(t, "code")], rj.rows[1][rj.col(t, "code")]; got0 != "malformed" || got1 != nil {
		t.Errorf("codes = %v, %v; want malformed, NULL", got0, got1)
	}
}

func TestMetadataAndCompression(t *testing.T) {
	dir := t.TempDir()
	opts := testOptions(dir)
	opts.Metadata = map[string]string{"pipeline": "nightly", MetaRunID: "must-not-win"}
	writeAll(t, opts, testArticles(10), testHits(10))
	for _, name := range ReportNames() {
		pf := openParquet(t, filepath.Join(dir, name+".parquet"))
		want := map[string]string{
			MetaVersion: "0.0.0-test", MetaRunID: "test-run-1", MetaSchemaVersion: SchemaVersion,
			MetaLexiconChecksum: "sha256:abc", MetaReport: name, MetaCategories: "war,alliance,threat",
			"pipeline": "nightly",
		}
		for k, v := range want {
			if got, ok := pf.Lookup(k); !ok || got != v {
				t.Errorf("%s: metadata %s = %q (present %v), want %q", name, k, got, ok, v)
			}
		}
		for _, rg := range pf.Metadata().RowGroups {
			for _, cc := range rg.Columns {
				if cc.MetaData.Codec != format.Zstd {
					t.Errorf("%s: column %v compressed with %v, want ZSTD", name, cc.MetaData.PathInSchema, cc.MetaData.Codec)
				}
			}
		}
	}
}

func TestRowGroupLimit(t *testing.T) {
	tests := []struct {
		rows, limit int
		want        []int64
	}{
		{300_000, 0, []int64{131072, 131072, 37856}}, // default 128k
		{1000, 400, []int64{400, 400, 200}},
		{400, 400, []int64{400}},
	}
	for _, tc := range tests {
		dir := t.TempDir()
		opts := testOptions(dir)
		opts.RowGroupRows = tc.limit
		r, err := Create(opts)
		if err != nil {
			t.Fatal(err)
		}
		hits := testHits(tc.rows)
		// Streamed in uneven chunks, as the pipeline does.
		for len(hits) > 0 {
			n := min(len(hits), 7777)
			if err := r.WriteHits(hits[:n]); err != nil {
				t.Fatal(err)
			}
			hits = hits[n:]
		}
		if err := r.Commit(nil); err != nil {
			t.Fatal(err)
		}
		pf := openParquet(t, filepath.Join(dir, "hits.parquet"))
		var got []int64
		for _, rg := range pf.RowGroups() {
			got = append(got, rg.NumRows())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%d rows, limit %d: row groups %v, want %v", tc.rows, tc.limit, got, tc.want)
		}
	}
}

func TestManifest(t *testing.T) {
	dir := t.TempDir()
	m := writeAll(t, testOptions(dir), testArticles(12), testHits(5))
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	var got Manifest
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"articles": 12, "hits": 5, "topics": 2, "rejects": 2, "trends": int64(len(Trends(testArticles(12), testCategories)))}
	for k, v := range want {
		if got.Reports[k] != v {
			t.Errorf("manifest reports[%s] = %d, want %d", k, got.Reports[k], v)
		}
	}
	if got.RunID != "test-run-1" || got.SchemaVersion != SchemaVersion {
		t.Errorf("manifest run id %q schema %q", got.RunID, got.SchemaVersion)
	}
	if !slices.Equal(got.Files, m.Files) || !slices.Contains(got.Files, "articles.parquet") {
		t.Errorf("manifest files = %v", got.Files)
	}
	if _, err := os.Stat(filepath.Join(dir, tmpPrefix+"test-run-1")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary folder left behind after commit: %v", err)
	}
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte)
	for _, rel := range listFiles(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		out[rel] = b
	}
	return out
}

func sameSnapshot(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for k, w := range want {
		if g, ok := got[k]; !ok || !bytes.Equal(g, w) {
			t.Errorf("%s changed (present %v)", k, ok)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected file %s", k)
		}
	}
}

func TestAbortLeavesPreviousReports(t *testing.T) {
	for _, part := range []bool{false, true} {
		dir := t.TempDir()
		opts := testOptions(dir)
		opts.PartitionByDay = part
		writeAll(t, opts, testArticles(30), testHits(30))
		before := snapshot(t, dir)

		opts.RunID = "test-run-2"
		r, err := Create(opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.WriteArticles(testArticles(5)); err != nil {
			t.Fatal(err)
		}
		if err := r.WriteHits(testHits(3)); err != nil {
			t.Fatal(err)
		}
		if err := r.Abort(); err != nil {
			t.Fatal(err)
		}
		sameSnapshot(t, snapshot(t, dir), before)
		if err := r.WriteHits(testHits(1)); !errors.Is(err, ErrClosed) {
			t.Errorf("write after abort: err = %v, want ErrClosed", err)
		}
		if err := r.Abort(); err != nil {
			t.Errorf("second abort: %v", err)
		}
	}
}

func TestFailedCommitLeavesPreviousReports(t *testing.T) {
	dir := t.TempDir()
	writeAll(t, testOptions(dir), testArticles(30), testHits(30))
	before := snapshot(t, dir)

	opts := testOptions(dir)
	opts.RunID = "test-run-2"
	r, err := Create(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteArticles(testArticles(3)); err != nil {
		t.Fatal(err)
	}
	// A manifest that cannot be encoded makes Commit fail after every file was closed.
	if err := r.Commit(map[string]any{"bad": make(chan int)}); err == nil {
		t.Fatal("commit with an unencodable manifest succeeded")
	}
	sameSnapshot(t, snapshot(t, dir), before)

	// A write error (INT32 overflow) poisons the run: Commit refuses to publish.
	opts.RunID = "test-run-3"
	r, err = Create(opts)
	if err != nil {
		t.Fatal(err)
	}
	bad := testArticles(1)
	bad[0].Chars = 1 << 40
	if err := r.WriteArticles(bad); err == nil || !strings.Contains(err.Error(), "chars") {
		t.Errorf("overflowing chars: err = %v, want an error naming the column", err)
	}
	if err := r.Commit(nil); err == nil {
		t.Error("commit after a write error succeeded")
	}
	sameSnapshot(t, snapshot(t, dir), before)
}

func TestCommitReplacesFiles(t *testing.T) {
	dir := t.TempDir()
	writeAll(t, testOptions(dir), testArticles(30), testHits(30))
	opts := testOptions(dir)
	opts.RunID = "test-run-2"
	writeAll(t, opts, testArticles(4), testHits(2))
	if got := len(readParquet(t, filepath.Join(dir, "articles.parquet")).rows); got != 4 {
		t.Errorf("articles after second run: %d rows, want 4", got)
	}
	if v, _ := openParquet(t, filepath.Join(dir, "hits.parquet")).Lookup(MetaRunID); v != "test-run-2" {
		t.Errorf("hits run id = %q, want test-run-2", v)
	}
	var leftovers []string
	for _, f := range listFiles(t, dir) {
		if strings.HasPrefix(f, ".") {
			leftovers = append(leftovers, f)
		}
	}
	if len(leftovers) > 0 {
		t.Errorf("leftover files: %v", leftovers)
	}
}

func TestPartitionRerunReplacesDays(t *testing.T) {
	dir := t.TempDir()
	opts := testOptions(dir)
	opts.PartitionByDay = true
	opts.Arrow = true
	arts := testArticles(30) // days day0..day0+2 and unknown
	writeAll(t, opts, arts, testHits(30))
	day1 := "day=" + DayString(day0)
	keep := snapshot(t, filepath.Join(dir, "articles", day1))

	// The second run covers only day0+1 and day0+2, with fewer articles.
	var second []Article
	for _, a := range testArticles(12) {
		if a.HasDay && a.Day != day0 {
			second = append(second, a)
		}
	}
	opts.RunID = "test-run-2"
	writeAll(t, opts, second, nil)

	sameSnapshot(t, snapshot(t, filepath.Join(dir, "articles", day1)), keep)
	count := map[string]int{}
	for _, f := range listFiles(t, filepath.Join(dir, "articles")) {
		count[filepath.Dir(f)] += len(readParquet(t, filepath.Join(dir, "articles", f)).rows)
	}
	want := map[string]int{day1: 0, "day=" + DayString(day0+1): 0, "day=" + DayString(day0+2): 0, "day=" + HiveNullPartition: 0}
	for _, a := range arts {
		if !a.HasDay {
			want["day="+HiveNullPartition]++
		} else if a.Day == day0 {
			want[day1]++
		}
	}
	for _, a := range second {
		want["day="+DayString(a.Day)]++
	}
	for k, v := range want {
		if count[k] != v {
			t.Errorf("partition %s: %d rows, want %d (all: %v)", k, count[k], v, count)
		}
	}
	// The Arrow copy follows the same layout.
	if _, err := os.Stat(filepath.Join(dir, "articles-arrow", "day="+DayString(day0+1), "part-0.arrow")); err != nil {
		t.Errorf("arrow partition missing: %v", err)
	}
	// The second run found no hit: its days lose the first run's hits, other days keep them.
	if got, want := listFiles(t, filepath.Join(dir, "hits")), []string{filepath.Join(day1, "part-0.parquet")}; !slices.Equal(got, want) {
		t.Errorf("hit files = %v, want %v", got, want)
	}
	if got := listFiles(t, filepath.Join(dir, "hits-arrow")); len(got) != 1 {
		t.Errorf("arrow hit files = %v, want only %s", got, day1)
	}
}

func TestPartitionLimitOpensNextPart(t *testing.T) {
	// Rows cycle over 4 days with at most 2 files open. Streamed one row per call, each return
	// to a day finds its file closed and opens the next part; in one call, rows are grouped by
	// day first, so each day gets one file.
	tests := []struct {
		name      string
		perCall   int
		wantFiles int
	}{
		{"streamed", 1, 40},
		{"one call", 40, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			opts := testOptions(dir)
			opts.PartitionByDay = true
			opts.MaxOpenPartitions = 2
			r, err := Create(opts)
			if err != nil {
				t.Fatal(err)
			}
			var hits []Hit
			for i := range 40 {
				hits = append(hits, Hit{ArticleID: fmt.Sprint(i), Day: day0 + int32(i%4), HasDay: true, Surface: "x", Entry: "x", Category: "war"})
			}
			for i := 0; i < len(hits); i += tc.perCall {
				if err := r.WriteHits(hits[i : i+tc.perCall]); err != nil {
					t.Fatal(err)
				}
			}
			if err := r.Commit(nil); err != nil {
				t.Fatal(err)
			}
			files := listFiles(t, filepath.Join(dir, "hits"))
			var ids []string
			for _, f := range files {
				d := readParquet(t, filepath.Join(dir, "hits", f))
				for _, row := range d.rows {
					if got, want := "day="+DayString(row[d.col(t, "day")].(int32)), filepath.Dir(f); got != want {
						t.Errorf("%s holds a row of %s", f, got)
					}
					ids = append(ids, row[d.col(t, "article_id")].(string))
				}
			}
			if len(ids) != 40 {
				t.Errorf("rows in all parts = %d, want 40", len(ids))
			}
			if len(files) != tc.wantFiles {
				t.Errorf("part files = %d, want %d: %v", len(files), tc.wantFiles, files)
			}
			// Within day 0, rows keep their input order: 0, 4, 8, …
			if tc.perCall == 40 && (len(ids) < 3 || ids[0] != "0" || ids[1] != "4" || ids[2] != "8") {
				t.Errorf("day 0 rows out of order: %v", ids[:min(len(ids), 5)])
			}
		})
	}
}

func TestCreateValidates(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Options)
	}{
		{"no dir", func(o *Options) { o.Dir = "" }},
		{"no run id", func(o *Options) { o.RunID = "" }},
		{"run id with slash", func(o *Options) { o.RunID = "a/b" }},
		{"run id dot-dot", func(o *Options) { o.RunID = ".." }},
		{"duplicate category", func(o *Options) { o.Categories = []string{"war", "war"} }},
		{"category with space", func(o *Options) { o.Categories = []string{"war zone"} }},
		{"category starting with digit", func(o *Options) { o.Categories = []string{"1war"} }},
		{"empty category", func(o *Options) { o.Categories = []string{""} }},
		{"negative row groups", func(o *Options) { o.RowGroupRows = -1 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := testOptions(t.TempDir())
			tc.edit(&opts)
			r, err := Create(opts)
			if err == nil {
				r.Abort()
				t.Fatal("Create succeeded, want an error")
			}
			if !errors.Is(err, ErrOptions) {
				t.Errorf("err = %v, want ErrOptions", err)
			}
		})
	}
	// Two runs with the same id in one folder collide on the temporary folder.
	opts := testOptions(t.TempDir())
	r, err := Create(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Abort()
	if r2, err := Create(opts); err == nil {
		r2.Abort()
		t.Error("second Create with the same run id succeeded")
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("युद्ध ", 40) // 16 bytes each
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"plain", "plain"},
		{"a\xffb", "a\uFFFDb"},
		{long, long[:198]}, // byte 200 is inside द (198..200); the cut backs off to its start
		{strings.Repeat("a", 300), strings.Repeat("a", 200)},
	}
	for _, tc := range tests {
		if got := excerpt(tc.in); got != tc.want {
			t.Errorf("excerpt(%.20q…) = %.30q… (%d bytes), want %d bytes", tc.in, got, len(got), len(tc.want))
		}
	}
}

func TestTrends(t *testing.T) {
	cats := []string{"war", "threat"}
	arts := []Article{
		{ID: "1", Source: "s1", Day: 10, HasDay: true, Tone: -2, HasTopic: true, TopicID: 3, TopicLabel: "t3",
			Categories: []CategoryScore{{Hits: 2, Score: 4}, {Hits: 0, Score: 0}}},
		{ID: "2", Source: "s1", Day: 10, HasDay: true, Tone: 0, HasTopic: true, TopicID: 3, TopicLabel: "t3",
			Categories: []CategoryScore{{Hits: 0, Score: 0}, {Hits: 1, Score: 1}}},
		{ID: "3", Source: "s2", Day: 9, HasDay: true, Tone: 1, HasTopic: false},
		{ID: "4", Source: "s1", Tone: 3, HasTopic: true, TopicID: 1, TopicLabel: "t1",
			Categories: []CategoryScore{{Hits: 1, Score: 2}}},
	}
	got := Trends(arts, cats)
	want := []Trend{
		{Day: 9, HasDay: true, Kind: TrendCategory, Source: "s2", Category: "war", Articles: 1, MeanTone: 1},
		{Day: 9, HasDay: true, Kind: TrendCategory, Source: "s2", Category: "threat", Articles: 1, MeanTone: 1},
		{Day: 10, HasDay: true, Kind: TrendCategory, Source: "s1", Category: "war", Articles: 2, ArticlesWithHits: 1, MeanScore: 2, MeanTone: -1},
		{Day: 10, HasDay: true, Kind: TrendCategory, Source: "s1", Category: "threat", Articles: 2, ArticlesWithHits: 1, MeanScore: 0.5, MeanTone: -1},
		{Day: 10, HasDay: true, Kind: TrendTopic, TopicID: 3, TopicLabel: "t3", Articles: 2, ArticlesWithHits: 2, MeanScore: 2.5, MeanTone: -1},
		{Kind: TrendCategory, Source: "s1", Category: "war", Articles: 1, ArticlesWithHits: 1, MeanScore: 2, MeanTone: 3},
		{Kind: TrendCategory, Source: "s1", Category: "threat", Articles: 1, MeanTone: 3},
		{Kind: TrendTopic, TopicID: 1, TopicLabel: "t1", Articles: 1, ArticlesWithHits: 1, MeanScore: 2, MeanTone: 3},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Trends:\ngot  %+v\nwant %+v", got, want)
	}
	// The order of articles does not change the result.
	slices.Reverse(arts)
	if again := Trends(arts, cats); !slices.Equal(again, want) {
		t.Errorf("Trends of reversed input differs:\n%+v", again)
	}
}

func TestColumnsMatchFiles(t *testing.T) {
	dir := t.TempDir()
	writeAll(t, testOptions(dir), testArticles(3), testHits(3))
	for _, name := range ReportNames() {
		cols, err := Columns(name, testCategories)
		if err != nil {
			t.Fatal(err)
		}
		fields := openParquet(t, filepath.Join(dir, name+".parquet")).Schema().Fields()
		if len(fields) != len(cols) {
			t.Fatalf("%s: %d columns in file, %d in Columns", name, len(fields), len(cols))
		}
		for i, f := range fields {
			if f.Name() != cols[i].Name || f.Optional() != cols[i].Nullable {
				t.Errorf("%s column %d: file %s (optional %v), Columns %+v", name, i, f.Name(), f.Optional(), cols[i])
			}
		}
	}
	if _, err := Columns("nope", nil); err == nil {
		t.Error("Columns of an unknown report succeeded")
	}
}

func TestDeterministicBytes(t *testing.T) {
	// Same rows, same options except run id: files differ only by the run id metadata, so with
	// the same run id they are byte-identical.
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		opts := testOptions(dir)
		opts.Arrow = true
		opts.PartitionByDay = true
		writeAll(t, opts, testArticles(40), testHits(60))
	}
	sa, sb := snapshot(t, a), snapshot(t, b)
	delete(sa, ManifestFile)
	delete(sb, ManifestFile)
	sameSnapshot(t, sa, sb)
}

func TestEmptyRunWritesEveryReport(t *testing.T) {
	dir := t.TempDir()
	opts := testOptions(dir)
	opts.Arrow = true
	r, err := Create(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Commit(&Manifest{RunID: opts.RunID}); err != nil {
		t.Fatal(err)
	}
	for _, name := range ReportNames() {
		d := readParquet(t, filepath.Join(dir, name+".parquet"))
		if len(d.rows) != 0 {
			t.Errorf("%s: %d rows, want 0", name, len(d.rows))
		}
		cols, _ := Columns(name, testCategories)
		if len(d.names) != len(cols) {
			t.Errorf("%s: %d columns, want %d", name, len(d.names), len(cols))
		}
		if _, err := os.Stat(filepath.Join(dir, name+".arrow")); err != nil {
			t.Errorf("%s.arrow: %v", name, err)
		}
	}
}

func TestMisalignedCategoriesRejected(t *testing.T) {
	r, err := Create(testOptions(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Abort()
	a := testArticles(1)
	a[0].Categories = append(a[0].Categories, CategoryScore{Hits: 1})
	if err := r.WriteArticles(a); err == nil || !strings.Contains(err.Error(), "4 category scores for 3 categories") {
		t.Errorf("err = %v, want a category count error", err)
	}
	tp := testTopics()
	tp[0].CategoryMeans = []float64{1, 2, 3, 4}
	if err := r.WriteTopics(tp); err == nil || !strings.Contains(err.Error(), "4 category means") {
		t.Errorf("err = %v, want a category count error", err)
	}
}

// TestRenameFailureRollsBack makes the k-th rename of Commit fail and checks that the
// previous reports are back in place, for every k, in both layouts.
func TestRenameFailureRollsBack(t *testing.T) {
	for _, part := range []bool{false, true} {
		for k := 1; ; k++ {
			dir := t.TempDir()
			opts := testOptions(dir)
			opts.PartitionByDay = part
			writeAll(t, opts, testArticles(30), testHits(30))
			before := snapshot(t, dir)

			opts.RunID = "test-run-2"
			r, err := Create(opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := r.WriteArticles(testArticles(9)); err != nil {
				t.Fatal(err)
			}
			calls := 0
			r.rename = func(a, b string) error {
				calls++
				if calls == k {
					return errors.New("injected rename failure")
				}
				return os.Rename(a, b)
			}
			err = r.Commit(&Manifest{})
			if err == nil {
				if k == 1 {
					t.Fatal("no rename happened")
				}
				break // k is past the last rename: every failure point was tried
			}
			if !strings.Contains(err.Error(), "injected") {
				t.Errorf("k=%d: err = %v", k, err)
			}
			sameSnapshot(t, snapshot(t, dir), before)
			if left, _ := Leftovers(dir); len(left) != 0 {
				t.Errorf("k=%d: leftovers %v", k, left)
			}
		}
	}
}

func TestLeftovers(t *testing.T) {
	dir := t.TempDir()
	r, err := Create(testOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Leftovers(dir)
	if err != nil || len(got) != 1 || got[0] != r.TempDir() {
		t.Errorf("Leftovers during a run = %v, %v; want [%s]", got, err, r.TempDir())
	}
	if err := r.Abort(); err != nil {
		t.Fatal(err)
	}
	if got, err := Leftovers(dir); err != nil || len(got) != 0 {
		t.Errorf("Leftovers after Abort = %v, %v", got, err)
	}
	if got, err := Leftovers(filepath.Join(dir, "missing")); err != nil || got != nil {
		t.Errorf("Leftovers of a missing folder = %v, %v", got, err)
	}
}

// When moving a previous report back fails too, Commit keeps the temporary folder, whose
// .old holds that report, instead of deleting it.
func TestFailedRestoreKeepsPreviousReports(t *testing.T) {
	dir := t.TempDir()
	writeAll(t, testOptions(dir), testArticles(5), testHits(5))
	prev, err := os.ReadFile(filepath.Join(dir, "articles.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions(dir)
	opts.RunID = "test-run-2"
	r, err := Create(opts)
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	r.rename = func(a, b string) error {
		calls++
		if calls >= 2 { // the new articles.parquet cannot move in, nor the old one back
			return errors.New("injected rename failure")
		}
		return os.Rename(a, b)
	}
	if err := r.Commit(nil); !errors.Is(err, errNotRestored) {
		t.Fatalf("err = %v, want errNotRestored", err)
	}
	kept, err := os.ReadFile(filepath.Join(r.TempDir(), ".old", "articles.parquet"))
	if err != nil || !bytes.Equal(kept, prev) {
		t.Errorf("previous articles.parquet not kept in .old: %v", err)
	}
}

func TestManifestByValue(t *testing.T) {
	dir := t.TempDir()
	r, err := Create(testOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteHits(testHits(4)); err != nil {
		t.Fatal(err)
	}
	if err := r.Commit(Manifest{Version: "v"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	var got Manifest
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if got.Reports[ReportHits] != 4 || got.RunID != "test-run-1" || len(got.Files) != 5 {
		t.Errorf("manifest = %+v, want hits 4, run id filled, 5 files", got)
	}
}
