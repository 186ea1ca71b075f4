package lexicon

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/drishti-news/drishti/analysis/hindi"
)

func TestZZCount(t *testing.T) {
	files, _ := filepath.Glob("/tmp/lexwork/out/*.tsv")
	l, err := Load(Options{NoDefault: true}, files...)
	if err != nil {
		t.Fatal(err)
	}
	raws, _ := filepath.Glob("/work/shared/data/news/covid2020/*/*/*.txt")
	var sb strings.Builder
	for _, f := range raws[:20] {
		b, _ := os.ReadFile(f)
		sb.Write(b)
	}
	var a hindi.Analyzer
	var d hindi.Doc
	a.Analyze(&d, sb.String())
	cnt := map[string]int{}
	var nt, ne, ns, me, ms, falseStem int
	for i := range d.Tokens {
		k := d.Key(i)
		nt++
		e, s := l.filter.test(k)
		if e {
			ne++
			if _, ok := l.nodes[0].exact[string(k)]; ok {
				me++
				cnt[string(k)]++
			}
		}
		_, okS := l.nodes[0].stem[string(hindi.StemBytes(k))]
		if okS && !s {
			falseStem++
		}
		if s {
			ns++
			if okS {
				ms++
			}
		}
	}
	type kv struct{ k string; v int }
	var kvs []kv
	for k, v := range cnt { kvs = append(kvs, kv{k, v}) }
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v })
	for _, x := range kvs[:30] { t.Logf("%s %d ents=%d children=%d", x.k, x.v, len(l.nodes[l.nodes[0].exact[x.k]].ents), len(l.nodes[l.nodes[0].exact[x.k]].exact)+len(l.nodes[l.nodes[0].exact[x.k]].stem)) }
	t.Logf("tokens %d exact-pass %d exact-match %d stem-pass %d stem-match %d false-neg %d", nt, ne, me, ns, ms, falseStem)
}
