package output

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// moduleRoot walks up from the package folder to the folder holding go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package folder")
		}
		dir = parent
	}
}

// TestDuckDBCheck writes reports in both layouts and runs scripts/duckdb-check.mjs on them,
// the independent read-back that CI runs on the sample's reports. It needs node and
// @duckdb/node-api (found through NODE_PATH) and is skipped without them.
func TestDuckDBCheck(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed; skipping the DuckDB read-back")
	}
	if err := exec.Command(node, "-e", "require.resolve('@duckdb/node-api')").Run(); err != nil {
		t.Skip("@duckdb/node-api not found; install it with npm and set NODE_PATH to run the DuckDB read-back")
	}
	script := filepath.Join(moduleRoot(t), "scripts", "duckdb-check.mjs")
	for _, part := range []bool{false, true} {
		dir := t.TempDir()
		opts := testOptions(dir)
		opts.PartitionByDay = part
		opts.Arrow = true
		opts.RowGroupRows = 1000
		writeAll(t, opts, testArticles(2500), testHits(4000))
		if part { // a second run over one day, as a scheduler would do
			opts.RunID = "test-run-2"
			var one []Article
			for _, a := range testArticles(30) {
				if a.HasDay && a.Day == day0 {
					one = append(one, a)
				}
			}
			writeAll(t, opts, one, testHits(3))
		}
		var out bytes.Buffer
		cmd := exec.Command(node, script, dir)
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if err != nil || !strings.Contains(out.String(), " 0 failed") {
			t.Errorf("partitioned=%v: duckdb-check failed (%v):\n%s", part, err, out.String())
		}

		// The check must notice a report that breaks the documented schema.
		if !part {
			docs, err := os.ReadFile(filepath.Join(moduleRoot(t), "docs", "reports.md"))
			if err != nil {
				t.Fatal(err)
			}
			broken := strings.Replace(string(docs), "| `chars` | `INTEGER` |", "| `chars` | `BIGINT` |", 1)
			brokenPath := filepath.Join(t.TempDir(), "reports.md")
			if err := os.WriteFile(brokenPath, []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}
			out.Reset()
			cmd := exec.Command(node, script, dir, "--docs", brokenPath)
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err == nil || !strings.Contains(out.String(), `got "chars INTEGER" want "chars BIGINT"`) {
				t.Errorf("duckdb-check accepted a schema mismatch (%v):\n%s", err, out.String())
			}
		}
	}
}

// docsSQL runs every ```sql block of docs/reports.md, with drishti-out replaced by a folder
// of reports, and prints "FAIL" for each statement DuckDB rejects.
const docsSQL = `
const { DuckDBInstance } = require('@duckdb/node-api');
const fs = require('fs');
(async () => {
  const [docs, single, parts] = process.argv.slice(1);
  const md = fs.readFileSync(docs, 'utf8');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  let n = 0;
  for (const m of md.matchAll(/` + "```" + `sql\n([\s\S]*?)` + "```" + `/g)) {
    const dir = m[1].includes('articles/*/*.parquet') ? parts : single;
    for (const stmt of m[1].split(/;\s*\n/).map((s) => s.replace(/^\s*--.*$/mg, '').trim()).filter(Boolean)) {
      n++;
      try { await c.runAndReadAll(stmt.replaceAll('drishti-out', dir)); }
      catch (e) { console.log('FAIL ' + stmt.split('\n')[0] + ': ' + e.message.split('\n')[0]); }
    }
  }
  console.log('statements ' + n);
})();
`

// TestDocsSQLRuns keeps the DuckDB examples of docs/reports.md working.
func TestDocsSQLRuns(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	if err := exec.Command(node, "-e", "require.resolve('@duckdb/node-api')").Run(); err != nil {
		t.Skip("@duckdb/node-api not found; install it with npm and set NODE_PATH")
	}
	single, parts := t.TempDir(), t.TempDir()
	writeAll(t, testOptions(single), testArticles(60), testHits(90))
	opts := testOptions(parts)
	opts.PartitionByDay = true
	writeAll(t, opts, testArticles(60), testHits(90))
	out, err := exec.Command(node, "-e", docsSQL, filepath.Join(moduleRoot(t), "docs", "reports.md"), single, parts).CombinedOutput()
	if err != nil || strings.Contains(string(out), "FAIL") || !strings.Contains(string(out), "statements 1") {
		t.Errorf("docs SQL (%v):\n%s", err, out)
	}
}
