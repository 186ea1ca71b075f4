package output

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var schemaMarker = regexp.MustCompile(`^<!--\s*schema:\s*([a-z_]+)\s*-->`)

// docTables reads the type tables of docs/reports.md: report → rows of (column, type, null).
func docTables(t *testing.T) map[string][][3]string {
	t.Helper()
	f, err := os.Open(filepath.Join(moduleRoot(t), "docs", "reports.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := make(map[string][][3]string)
	var cur string
	seen := 0 // table lines seen since the marker
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if m := schemaMarker.FindStringSubmatch(line); m != nil {
			cur, seen = m[1], 0
			continue
		}
		if cur == "" {
			continue
		}
		if !strings.HasPrefix(line, "|") {
			if seen > 0 {
				cur = ""
			}
			continue
		}
		seen++
		if seen <= 2 { // header and separator
			continue
		}
		cells := strings.Split(line, "|")
		if len(cells) < 5 {
			t.Fatalf("docs table row %q has too few cells", line)
		}
		unquote := func(s string) string { return strings.Trim(strings.TrimSpace(s), "`") }
		out[cur] = append(out[cur], [3]string{unquote(cells[1]), unquote(cells[2]), unquote(cells[3])})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDocsMatchColumns keeps docs/reports.md, the contract that duckdb-check.mjs checks
// against, in step with the columns the writer produces.
func TestDocsMatchColumns(t *testing.T) {
	tables := docTables(t)
	cats := []string{"war", "alliance"}
	for _, name := range ReportNames() {
		rows, ok := tables[name]
		if !ok {
			t.Errorf("docs/reports.md has no schema table for %s", name)
			continue
		}
		var want []string
		for i := 0; i < len(rows); {
			if !strings.Contains(rows[i][0], "{C}") {
				want = append(want, strings.Join(rows[i][:], " "))
				i++
				continue
			}
			j := i
			for j < len(rows) && strings.Contains(rows[j][0], "{C}") {
				j++
			}
			for _, c := range cats {
				for _, r := range rows[i:j] {
					want = append(want, strings.ReplaceAll(r[0], "{C}", c)+" "+r[1]+" "+r[2])
				}
			}
			i = j
		}
		cols, err := Columns(name, cats)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cols {
			null := "no"
			if c.Nullable {
				null = "yes"
			}
			got = append(got, c.Name+" "+c.DuckDB+" "+null)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: docs/reports.md and Columns differ:\ncode: %q\ndocs: %q", name, got, want)
		}
	}
}
