// Package shareddata finds the real labelled data that measures the project: the folder
// ../shared/data beside the module root. The data is never part of the repository (several
// licences forbid it), so tests that need it call Path, which skips the test with a clear
// message when the data is absent.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Lookup returns the module root's ../shared/data and true, or "" and false when it is absent
// (for benchmarks that fall back to fixtures instead of skipping).
func Lookup() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
	data := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		return "", false
	}
	return data, true
}

// Dir returns the module root's ../shared/data, or skips tb when it is absent.
func Dir(tb testing.TB) string {
	tb.Helper()
	data, ok := Lookup()
	if !ok {
		tb.Skip("real data not present at ../shared/data beside the module root (not part of the repository)")
	}
	return data
}

// Path returns the path of rel inside the shared data folder, or skips tb when it is absent.
func Path(tb testing.TB, rel ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, rel...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not found in the shared data (not part of the repository)", p)
	}
	return p
}
