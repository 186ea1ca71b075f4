package textref

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrFormat is wrapped by the errors about a malformed reference file.
var ErrFormat = errors.New("malformed reference file")

// ErrMismatch is wrapped when the corpus text at a reference does not hash to the recorded
// value: the corpus changed, or the reference points at the wrong place.
var ErrMismatch = errors.New("corpus text does not match the reference")

// maxLen bounds one referenced text (a sentence or a headline).
const maxLen = 1 << 16

// IsReference reports whether a TSV header line describes a reference file (it has the
// path, offset, length and fnv32a columns and no text column).
func IsReference(header string) bool {
	cols := splitHeader(header)
	has := map[string]bool{}
	for _, c := range cols {
		has[c] = true
	}
	return !has["text"] && has["path"] && has["offset"] && has["length"] && has["fnv32a"]
}

func splitHeader(line string) []string {
	cols := strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "\ufeff"), "\r"), "\t")
	for i := range cols {
		cols[i] = strings.TrimSpace(cols[i])
	}
	return cols
}

// Resolve reads the reference file r (named name in errors), reads each referenced text from
// the files below dataDir and writes a labelled TSV to w: a header "id", "text" and the other
// columns of r, then one row per reference. Texts are checked against their hash; the first
// bad row stops Resolve with an error naming its line.
func Resolve(w io.Writer, r io.Reader, name, dataDir string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	var header []string
	for sc.Scan() {
		line++
		if t := strings.TrimSpace(sc.Text()); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		header = splitHeader(sc.Text())
		break
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	if header == nil {
		return fmt.Errorf("%s: %w: no header line", name, ErrFormat)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, req := range []string{"path", "offset", "length", "fnv32a"} {
		if _, ok := col[req]; !ok {
			return fmt.Errorf("%s:%d: %w: no %q column in the header", name, line, ErrFormat, req)
		}
	}
	if _, ok := col["text"]; ok {
		return fmt.Errorf("%s:%d: %w: a \"text\" column; this is already a labelled file", name, line, ErrFormat)
	}
	ref := map[string]bool{"path": true, "offset": true, "length": true, "fnv32a": true, "id": true}
	bw := bufio.NewWriter(w)
	var carry []int
	bw.WriteString("id\ttext")
	for i, h := range header {
		if !ref[h] {
			carry = append(carry, i)
			bw.WriteString("\t" + h)
		}
	}
	bw.WriteString("\n")
	files := map[string]*os.File{}
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	buf := make([]byte, maxLen)
	for sc.Scan() {
		line++
		row := strings.TrimSuffix(sc.Text(), "\r")
		if t := strings.TrimSpace(row); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(row, "\t")
		if len(f) != len(header) {
			return fmt.Errorf("%s:%d: %w: %d fields, the header has %d", name, line, ErrFormat, len(f), len(header))
		}
		text, err := read(files, buf, dataDir, f, col)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		id := strconv.Itoa(line)
		if i, ok := col["id"]; ok {
			id = f[i]
		}
		bw.WriteString(id + "\t" + text)
		for _, i := range carry {
			bw.WriteString("\t" + f[i])
		}
		bw.WriteString("\n")
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	return bw.Flush()
}

// read returns the text a row references, checked against its hash.
func read(files map[string]*os.File, buf []byte, dataDir string, f []string, col map[string]int) (string, error) {
	rel := f[col["path"]]
	if rel == "" || filepath.IsAbs(rel) || strings.Contains(filepath.ToSlash(rel), "..") {
		return "", fmt.Errorf("field path: %w: %q is not a path inside the data folder", ErrFormat, rel)
	}
	off, err := strconv.ParseInt(f[col["offset"]], 10, 64)
	if err != nil || off < 0 {
		return "", fmt.Errorf("field offset: %w: %q is not a byte offset", ErrFormat, f[col["offset"]])
	}
	n, err := strconv.Atoi(f[col["length"]])
	if err != nil || n <= 0 || n > maxLen {
		return "", fmt.Errorf("field length: %w: %q is not a length in 1..%d", ErrFormat, f[col["length"]], maxLen)
	}
	want, err := strconv.ParseUint(f[col["fnv32a"]], 16, 32)
	if err != nil {
		return "", fmt.Errorf("field fnv32a: %w: %q is not 8 hex digits", ErrFormat, f[col["fnv32a"]])
	}
	fh, ok := files[rel]
	if !ok {
		fh, err = os.Open(filepath.Join(dataDir, filepath.FromSlash(rel)))
		if err != nil {
			return "", fmt.Errorf("field path: %w", err)
		}
		files[rel] = fh
	}
	b := buf[:n]
	if _, err := fh.ReadAt(b, off); err != nil {
		return "", fmt.Errorf("reading %s at %d: %w", rel, off, err)
	}
	if strings.HasSuffix(rel, ".csv") {
		b = bytes.ReplaceAll(b, []byte(`""`), []byte(`"`))
	}
	h := fnv.New32a()
	h.Write(b)
	if got := h.Sum32(); got != uint32(want) {
		return "", fmt.Errorf("%w: %s at %d+%d hashes to %08x, want %08x", ErrMismatch, rel, off, n, got, want)
	}
	if bytes.ContainsAny(b, "\t\n\r") {
		return "", fmt.Errorf("%s at %d+%d: %w: the text spans a tab or a line end", rel, off, n, ErrFormat)
	}
	return string(b), nil
}
