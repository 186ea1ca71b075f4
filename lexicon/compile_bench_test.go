package lexicon

import "testing"

// BenchmarkParseDefault parses the embedded default lexicon (BenchmarkDefault parses and
// compiles it).
func BenchmarkParseDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := defaultEntries(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileDefault compiles the parsed default lexicon.
func BenchmarkCompileDefault(b *testing.B) {
	es, err := defaultEntries()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, conflicts := compile(es); len(conflicts) > 0 {
			b.Fatal(conflicts[0].err)
		}
	}
}

// BenchmarkStartFilters builds the start filters of the default lexicon's table.
func BenchmarkStartFilters(b *testing.B) {
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		newStartFilters(&l.edges, l.nodes, maxRootPairs)
	}
}
