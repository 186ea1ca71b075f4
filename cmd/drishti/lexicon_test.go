package main

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := dispatch(context.Background(), env{args: args, stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb})
	return out.String(), errb.String(), exitCode(err)
}

func TestLexiconCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.tsv")
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(good, []byte("war\tयुद्ध\t10\n@negator\tनहीं\t-0.74\texact\n"), 0o644)
	os.WriteFile(bad, []byte("war\tयुद्ध\t10\n@negater\tनहीं\t-0.74\nwar\tयुद्ध\t9\n"), 0o644)

	if _, _, code := runCmd(t, "", "lexicon", "check", good); code != exitOK {
		t.Errorf("check of a good file: exit %d, want 0", code)
	}
	out, _, code := runCmd(t, "", "lexicon", "check", good, bad)
	if code != exitUsage {
		t.Errorf("check of a bad file: exit %d, want %d", code, exitUsage)
	}
	for _, want := range []string{bad + ":2:1: unknown category \"@negater\"", bad + ":3:11: duplicate entry with a conflicting weight"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	if _, _, code := runCmd(t, "", "lexicon", "check"); code != exitUsage {
		t.Errorf("check without files: exit %d, want %d", code, exitUsage)
	}
	out, _, code = runCmd(t, "", "lexicon", "stats", "--no-default-lexicon", good)
	if code != exitOK || !strings.Contains(out, "war") || !strings.Contains(out, "checksum: sha256:") {
		t.Errorf("stats: exit %d, output:\n%s", code, out)
	}
}

func TestExplainCmd(t *testing.T) {
	lex := filepath.Join("..", "..", "lexicon", "testdata", "mini.tsv")
	out, errOut, code := runCmd(t, "हमला नहीं होगा, लेकिन खतरा है।", "explain", "--no-default-lexicon", "--lexicon", lex)
	if code != exitOK {
		t.Fatalf("explain: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "[हमला]{war/negated} नहीं होगा, लेकिन [खतरा]{threat} है।") {
		t.Errorf("explain output:\n%s", out)
	}
	out, _, code = runCmd(t, `{"id":"a1","text":"सेनाओं का युद्ध"}`, "explain", "--no-default-lexicon", "--lexicon", lex, "-")
	if code != exitOK || !strings.Contains(out, "[सेनाओं]{war} का [युद्ध]{war}") {
		t.Errorf("explain of a JSON article: exit %d\n%s", code, out)
	}
	out, errOut, code = runCmd(t, "{\"text\":\"युद्ध\"}\n{\"text\":\"शांति\"}\n", "explain", "--no-default-lexicon", "--lexicon", lex)
	if code != exitOK || !strings.Contains(out, "[युद्ध]{war}") || !strings.Contains(errOut, "explaining the first") {
		t.Errorf("explain of JSONL: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, _, code := runCmd(t, `{"id":"a1"}`, "explain", "--no-default-lexicon", "--lexicon", lex); code != exitUsage {
		t.Errorf("explain of JSON without text: exit %d, want %d", code, exitUsage)
	}
	// The title's context words apply to the text (the default lexicon: कोरोना cancels the
	// armed forces), as drishti run scores it.
	out, errOut, code = runCmd(t, `{"title":"कोरोना: जवानों की जांच","text":"सेना के अस्पताल में 40 जवान भर्ती किए गए। सेना तैनात।"}`, "explain", "-")
	if code != exitOK || !strings.Contains(out, "[सेना तैनात]{threat,war/offtopic}") || !strings.Contains(out, "  -1 0-18") {
		t.Errorf("explain of a JSON article with a title: exit %d\n%s\n%s", code, out, errOut)
	}
}

func TestEvalToneCmd(t *testing.T) {
	lex := filepath.Join("..", "..", "lexicon", "testdata", "mini.tsv")
	data := filepath.Join(t.TempDir(), "labels.tsv")
	os.WriteFile(data, []byte("id\tthreat\talliance\twar\ttone\ttext\n1\t0\t0\t1\t-1\tसीमा पर युद्ध\n2\t0\t1\t0\t1\tरक्षा समझौता हुआ\n"), 0o644)
	out, errOut, code := runCmd(t, "", "eval", "tone", "--no-default-lexicon", "--lexicon", lex, "--misses", "all", data)
	if code != exitOK {
		t.Fatalf("eval tone: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"war              1.000     1.000     1.000", "macro F1", "tone sign agreement"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval tone output lacks %q:\n%s", want, out)
		}
	}
	if _, _, code := runCmd(t, "", "eval", "tone"); code != exitUsage {
		t.Errorf("eval tone without a file: exit %d, want %d", code, exitUsage)
	}
}

// TestEvalToneReference evaluates a reference file: labels that point into a corpus folder
// (--data) by path, byte offset and length, with the text's FNV-1a hash.
func TestEvalToneReference(t *testing.T) {
	lex := filepath.Join("..", "..", "lexicon", "testdata", "mini.tsv")
	dir := t.TempDir()
	corpus := "सीमा पर युद्ध । रक्षा समझौता हुआ ।"
	os.WriteFile(filepath.Join(dir, "news.txt"), []byte(corpus), 0o644)
	ref := "# labels of news.txt\nid\tpath\toffset\tlength\tfnv32a\twar\talliance\n"
	for i, s := range []string{"सीमा पर युद्ध", "रक्षा समझौता हुआ"} {
		h := fnv.New32a()
		h.Write([]byte(s))
		ref += fmt.Sprintf("s%d\tnews.txt\t%d\t%d\t%08x\t%d\t%d\n", i+1, strings.Index(corpus, s), len(s), h.Sum32(), 1-i, i)
	}
	refFile := filepath.Join(dir, "ref.tsv")
	os.WriteFile(refFile, []byte(ref), 0o644)
	out, errOut, code := runCmd(t, "", "eval", "tone", "--no-default-lexicon", "--lexicon", lex, "--data", dir, refFile)
	if code != exitOK {
		t.Fatalf("eval tone: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"rows: 2", "war              1.000     1.000     1.000", "alliance         1.000     1.000     1.000"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval tone output lacks %q:\n%s", want, out)
		}
	}
	os.WriteFile(filepath.Join(dir, "news.txt"), []byte(strings.Replace(corpus, "युद्ध", "शांति", 1)), 0o644)
	var sink bytes.Buffer
	err := dispatch(context.Background(), env{args: []string{"eval", "tone", "--no-default-lexicon", "--lexicon", lex, "--data", dir, refFile}, stdin: strings.NewReader(""), stdout: &sink, stderr: &sink})
	if err == nil || !strings.Contains(err.Error(), "ref.tsv:3: corpus text does not match") {
		t.Errorf("changed corpus: error %v; want a mismatch at ref.tsv:3", err)
	}
}

// TestEvalTonePoolsFiles: several files are evaluated as one set of rows, and the misses
// name their file.
func TestEvalTonePoolsFiles(t *testing.T) {
	lex := filepath.Join("..", "..", "lexicon", "testdata", "mini.tsv")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.tsv"), filepath.Join(dir, "b.tsv")
	os.WriteFile(a, []byte("id\twar\ttext\n1\t1\tसीमा पर युद्ध\n2\t0\tबाजार खुला\n"), 0o644)
	os.WriteFile(b, []byte("id\twar\ttext\n1\t1\tगांव में मेला\n"), 0o644)
	out, errOut, code := runCmd(t, "", "eval", "tone", "--no-default-lexicon", "--lexicon", lex, "--misses", "war", a, b)
	if code != exitOK {
		t.Fatalf("eval tone: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"rows: 3", "war              1.000     0.500     0.667     1     0     1     1", "b.tsv:1\twar\tFN"} {
		if !strings.Contains(out, want) {
			t.Errorf("pooled eval tone output lacks %q:\n%s", want, out)
		}
	}
}
