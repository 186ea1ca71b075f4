package corpus

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestArrowShortBuffers reads an Arrow IPC stream whose record batch lists fewer buffers than
// its schema needs (a fuzzed file, kept as a FuzzColumnar seed): arrow then reads a buffer
// length from the bytes after the list, 64 GiB, and the process died out of memory. It must
// be a bad-input reject, with little allocated.
func TestArrowShortBuffers(t *testing.T) {
	raw, err := os.ReadFile("testdata/fuzz/FuzzColumnar/arrow-short-buffers")
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Split(string(raw), "\n")[1]
	data, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(line, "[]byte("), ")"))
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	arts, rejs, _ := readString(t, "short.arrow", data, Options{})
	runtime.ReadMemStats(&after)
	if len(arts) != 0 || len(rejs) != 1 {
		t.Fatalf("%d articles, %d rejects; want 0 and 1", len(arts), len(rejs))
	}
	if r := rejs[0]; r.Code != CodeBadInput || !strings.Contains(r.Reason, "over the limit") {
		t.Errorf("reject %s %q; want bad-input naming the limit", r.Code, r.Reason)
	}
	if d := after.TotalAlloc - before.TotalAlloc; d > 128<<20 {
		t.Errorf("allocated %d MB reading it", d>>20)
	}
}
