//go:build unix

package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunRefusesAHeldOut: a run into an --out folder that another run holds fails with a
// clear error and leaves the folder as it was; once the holder is done, the run goes ahead.
func TestRunRefusesAHeldOut(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	articles := `{"id":"a1","text":"सीमा पर तनाव बढ़ा, सेना तैनात।"}` + "\n" + `{"id":"a2","text":"दोनों देशों ने रक्षा समझौता किया।"}` + "\n"
	if err := os.WriteFile(in, []byte(articles), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	unlock, err := lockOut(out)
	if err != nil {
		t.Fatal(err)
	}
	var e env
	var sink strings.Builder
	e.stdout, e.stderr, e.stdin = &sink, &sink, strings.NewReader("")
	e.args = []string{"run", "--quiet", "--topics", "1", "--out", out, in}
	err = dispatch(t.Context(), e)
	if !errors.Is(err, errLocked) || !strings.Contains(err.Error(), "pid") {
		t.Fatalf("run into a held --out: error %v, want errLocked naming the holder's pid", err)
	}
	if code := exitCode(err); code != exitFailed {
		t.Errorf("exit code %d, want %d", code, exitFailed)
	}
	if _, err := os.Stat(filepath.Join(out, "articles.parquet")); !os.IsNotExist(err) {
		t.Errorf("the refused run wrote a report: %v", err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if err := dispatch(t.Context(), e); err != nil {
		t.Fatalf("run after the holder let go: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "articles.parquet")); err != nil {
		t.Errorf("no report after the lock was released: %v", err)
	}
}
