package shareddata

import (
	"os"
	"testing"
)

func TestPath(t *testing.T) {
	p := Path(t, "README.md") // skips without the data
	if st, err := os.Stat(p); err != nil || st.IsDir() {
		t.Errorf("Path(README.md) = %s: %v", p, err)
	}
}
