package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	err := dispatch(context.Background(), env{args: args, stdin: strings.NewReader(""), stdout: &o, stderr: &e})
	return o.String(), e.String(), exitCode(err)
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("not json\n{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "cfg.json")
	if err := os.WriteFile(cfg, []byte(`{"out": "x", "topics": "many"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"no command", nil, exitUsage},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"help", []string{"--help"}, exitOK},
		{"run help", []string{"run", "--help"}, exitOK},
		{"unknown flag", []string{"run", "--no-such-flag"}, exitUsage},
		{"bad topics", []string{"run", "--topics", "zero"}, exitUsage},
		{"bad format", []string{"run", "--format", "csv"}, exitUsage},
		{"bad field", []string{"run", "--field", "body"}, exitUsage},
		{"bad retention", []string{"run", "--topic-retention-days", "-1"}, exitUsage},
		{"bad config value", []string{"run", "--config", cfg}, exitUsage},
		{"missing config", []string{"run", "--config", filepath.Join(dir, "none.json")}, exitUsage},
		{"missing input", []string{"run", "--out", out, filepath.Join(dir, "none.jsonl")}, exitUsage},
		{"all rejected", []string{"run", "--quiet", "--out", out, "--max-reject-ratio", "0.5", bad}, exitRejects},
		{"version", []string{"version"}, exitOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := runCLI(tc.args...)
			if code != tc.want {
				t.Errorf("drishti %s: exit %d, want %d (stderr: %s)", strings.Join(tc.args, " "), code, tc.want, stderr)
			}
		})
	}
}

func TestConfigFileAndFlags(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "cfg.json")
	if err := os.WriteFile(cfg, []byte(`{"out": "from-config", "topics": "7", "workers": 3, "field": {"text": "body"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	o := defaultRunOptions()
	if err := loadConfig(cfg, &o); err != nil {
		t.Fatal(err)
	}
	if o.Out != "from-config" || o.Topics != "7" || o.Workers != 3 || o.Fields["text"] != "body" {
		t.Errorf("config not applied: %+v", o)
	}
	opts, err := o.analysisOptions(nil)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Topics != 7 || !opts.Parquet || opts.Arrow {
		t.Errorf("analysis options %+v", opts)
	}
	if err := os.WriteFile(cfg, []byte(`{"outt": "typo"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := loadConfig(cfg, &o); err == nil || !strings.Contains(err.Error(), "outt") {
		t.Errorf("unknown config key: err %v, want it named", err)
	}
}
