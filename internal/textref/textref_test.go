package textref

import (
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func hash(s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	return fmt.Sprintf("%08x", h.Sum32())
}

// corpus writes a small corpus: a text file of sentences and a CSV with a quoted field.
func corpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "news"), 0o755); err != nil {
		t.Fatal(err)
	}
	txt := "पहला वाक्य यहां है । सेना ने हमला किया ।\n"
	csv := "text,labels\n\"कहा \"\"युद्ध नहीं\"\" होगा\",world\n"
	for name, body := range map[string]string{"news/a.txt": txt, "h.csv": csv} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestResolve(t *testing.T) {
	dir := corpus(t)
	s1 := "सेना ने हमला किया"
	off1 := strings.Index("पहला वाक्य यहां है । सेना ने हमला किया ।\n", s1)
	s2 := `कहा "युद्ध नहीं" होगा`
	raw2 := `कहा ""युद्ध नहीं"" होगा`
	off2 := strings.Index("text,labels\n\"कहा \"\"युद्ध नहीं\"\" होगा\",world\n", raw2)
	ref := "# a comment\n" +
		"id\tpath\toffset\tlength\tfnv32a\twar\ttone\n" +
		fmt.Sprintf("r1\tnews/a.txt\t%d\t%d\t%s\t1\t-1\n", off1, len(s1), hash(s1)) +
		fmt.Sprintf("r2\th.csv\t%d\t%d\t%s\t?\t0\n", off2, len(raw2), hash(s2))
	var out strings.Builder
	if err := Resolve(&out, strings.NewReader(ref), "ref.tsv", dir); err != nil {
		t.Fatal(err)
	}
	want := "id\ttext\twar\ttone\n" +
		"r1\t" + s1 + "\t1\t-1\n" +
		"r2\t" + s2 + "\t?\t0\n"
	if out.String() != want {
		t.Errorf("got\n%q\nwant\n%q", out.String(), want)
	}
	if !IsReference("id\tpath\toffset\tlength\tfnv32a\twar") || IsReference("id\ttext\twar") {
		t.Error("IsReference does not tell the two layouts apart")
	}
}

func TestResolveErrors(t *testing.T) {
	dir := corpus(t)
	s1 := "सेना ने हमला किया"
	off1 := strings.Index("पहला वाक्य यहां है । सेना ने हमला किया ।\n", s1)
	head := "id\tpath\toffset\tlength\tfnv32a\twar\n"
	tests := []struct {
		name, ref string
		is        error
		contains  string
	}{
		{"changed corpus", head + fmt.Sprintf("r1\tnews/a.txt\t%d\t%d\t%s\t1\n", off1, len(s1), hash("other")), ErrMismatch, "ref.tsv:2:"},
		{"no such file", head + "r1\tnews/b.txt\t0\t5\t00000000\t1\n", os.ErrNotExist, "field path"},
		{"escape", head + "r1\t../x.txt\t0\t5\t00000000\t1\n", ErrFormat, "not a path inside"},
		{"bad offset", head + "r1\tnews/a.txt\t-3\t5\t00000000\t1\n", ErrFormat, "field offset"},
		{"bad length", head + "r1\tnews/a.txt\t0\t0\t00000000\t1\n", ErrFormat, "field length"},
		{"bad hash", head + "r1\tnews/a.txt\t0\t5\tzz\t1\n", ErrFormat, "field fnv32a"},
		{"short row", head + "r1\tnews/a.txt\t0\n", ErrFormat, "3 fields"},
		{"missing column", "id\tpath\toffset\tfnv32a\twar\n", ErrFormat, `no "length" column`},
		{"already text", "id\ttext\tpath\toffset\tlength\tfnv32a\n", ErrFormat, "already a labelled file"},
		{"past the end", head + "r1\tnews/a.txt\t5000\t5\t00000000\t1\n", nil, "reading news/a.txt at 5000"},
		{"empty", "# only a comment\n", ErrFormat, "no header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			err := Resolve(&out, strings.NewReader(tt.ref), "ref.tsv", dir)
			if err == nil {
				t.Fatalf("no error, output %q", out.String())
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("error %q does not contain %q", err, tt.contains)
			}
		})
	}
}

func ExampleResolve() {
	dir, _ := os.MkdirTemp("", "textref")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("सीमा पर तनाव । बातचीत शुरू ।"), 0o644)
	text := "बातचीत शुरू"
	ref := "id\tpath\toffset\tlength\tfnv32a\talliance\n" +
		fmt.Sprintf("s1\ta.txt\t%d\t%d\t%s\t1\n", strings.Index("सीमा पर तनाव । बातचीत शुरू ।", text), len(text), hash(text))
	Resolve(os.Stdout, strings.NewReader(ref), "ref.tsv", dir)
	// Output:
	// id	text	alliance
	// s1	बातचीत शुरू	1
}
