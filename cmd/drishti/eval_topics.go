package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"

	"github.com/drishti-news/drishti/analysis/topics"
)

// evalTopicsOptions are the flags of `drishti eval topics`.
type evalTopicsOptions struct {
	textField, labelField string
	k                     string
	seeds                 int
	bigrams               bool
	minDF                 int
	maxDF                 float64
	restarts              int
	workers               int
	outlier               float64
	showTopics            bool
}

func (o *evalTopicsOptions) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&o.textField, "text-field", "text", "field or column holding the text")
	fs.StringVar(&o.labelField, "label-field", "label", "field or column holding the reference label")
	fs.StringVar(&o.k, "k", "auto", "number of topics, or auto")
	fs.IntVar(&o.seeds, "seeds", 5, "fit with seeds 1..N")
	fs.BoolVar(&o.bigrams, "bigrams", false, "add bigram features")
	fs.IntVar(&o.minDF, "min-df", 0, "drop terms in fewer documents (0: default 2)")
	fs.Float64Var(&o.maxDF, "max-df", 0, "drop terms in more than this share of documents (0: default 0.5)")
	fs.IntVar(&o.restarts, "restarts", 0, "k-means restarts per fit (0: default 10)")
	fs.IntVar(&o.workers, "workers", 0, "parallel workers (0: all cores)")
	fs.Float64Var(&o.outlier, "outlier-similarity", 0, "outlier below this similarity to the centroid (0: default 0.05, <0: none)")
	fs.BoolVar(&o.showTopics, "topics", true, "print the topics of the first seed")
}

// runEvalTopics fits topics on labelled files and prints NMI and ARI against the labels.
func runEvalTopics(ctx context.Context, e env) error {
	fs := flag.NewFlagSet("eval topics", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var o evalTopicsOptions
	o.addFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: drishti eval topics [flags] FILE.jsonl|FILE.tsv|FILE.csv ...")
		fs.PrintDefaults()
	}
	// flags may follow the files (drishti eval topics FILE --label-field F)
	var files []string
	for args := e.args; ; {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return errHelpShown
			}
			return usageError{err}
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) == 0 {
		return usagef("eval topics: no input file")
	}
	k := 0
	if o.k != "auto" {
		n, err := strconv.Atoi(o.k)
		if err != nil || n < 1 {
			return usagef("eval topics: --k %q: want a positive number or auto", o.k)
		}
		k = n
	}
	var docs []topics.LabeledDoc
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("eval topics: %w", err)
		}
		d, err := topics.ReadLabeled(f, name, o.textField, o.labelField)
		f.Close()
		if err != nil {
			return fmt.Errorf("eval topics: %w", err)
		}
		docs = append(docs, d...)
	}
	features := "unigrams"
	if o.bigrams {
		features = "unigrams+bigrams"
	}
	runs, err := topics.Evaluate(ctx, docs, topics.EvalOptions{
		Featurizer: topics.Featurizer{Bigrams: o.bigrams},
		Fit: topics.Options{K: k, Workers: o.workers, Restarts: o.restarts, MinDF: o.minDF, MaxDF: o.maxDF,
			OutlierSimilarity: o.outlier, Features: features},
		Seeds: o.seeds,
	})
	if err != nil {
		return fmt.Errorf("eval topics: %w", err)
	}
	classes := map[string]bool{}
	for _, d := range docs {
		classes[d.Label] = true
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "documents %d, classes %d, features %s\n", len(docs), len(classes), features)
	fmt.Fprintln(w, "seed\tk\tNMI\tARI\toutliers\tmean NPMI\tfit s")
	var nmi, ari []float64
	for _, r := range runs {
		fmt.Fprintf(w, "%d\t%d\t%.4f\t%.4f\t%.1f%%\t%.3f\t%.2f\n", r.Seed, r.K, r.NMI, r.ARI,
			100*float64(r.Outliers)/float64(len(docs)), topicsMeanNPMI(r.Result), r.Duration.Seconds())
		nmi = append(nmi, r.NMI)
		ari = append(ari, r.ARI)
	}
	fmt.Fprintf(w, "NMI min %.4f mean %.4f max %.4f; ARI min %.4f mean %.4f max %.4f\n",
		floats.Min(nmi), stat.Mean(nmi, nil), floats.Max(nmi), floats.Min(ari), stat.Mean(ari, nil), floats.Max(ari))
	if len(runs[0].Result.Scores) > 0 {
		var sc []string
		for _, s := range runs[0].Result.Scores {
			sc = append(sc, fmt.Sprintf("%d:%.4f", s.K, s.Score))
		}
		fmt.Fprintf(w, "auto k (%s): %s\n", runs[0].Result.Criterion, strings.Join(sc, " "))
	}
	if o.showTopics {
		fmt.Fprintf(w, "\ntopics of seed %d\nid\tsize\tNPMI\tcohesion\ttop terms\n", runs[0].Seed)
		for _, t := range runs[0].Result.Topics {
			fmt.Fprintf(w, "%d\t%d\t%.3f\t%.3f\t%s\n", t.ID, t.Size, t.NPMI, t.Cohesion, strings.Join(t.TopTerms[:min(6, len(t.TopTerms))], " "))
		}
	}
	return w.Flush()
}

func topicsMeanNPMI(r *topics.Result) float64 {
	s, n := 0.0, 0
	for _, t := range r.Topics {
		s += t.NPMI * float64(t.Size)
		n += t.Size
	}
	if n == 0 {
		return 0
	}
	return s / float64(n)
}
