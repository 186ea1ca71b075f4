package analysis

import (
	"io"
	"log/slog"
	"time"
)

// Options configures one run of the job. The zero value runs on the embedded sample corpus
// with the default lexicon, automatic topic count, all cores, and writes Parquet reports to
// "drishti-out".
type Options struct {
	// Inputs are files, folders (read recursively) or "-" for JSONL on standard input.
	// Empty means the embedded sample corpus.
	Inputs []string
	// Fields maps report field names (id, title, text, published_at, source, url) to the
	// column names of a foreign input schema.
	Fields map[string]string

	// Out is the folder the reports are written to (default "drishti-out").
	Out string
	// Parquet and Arrow choose the report formats; when both are false, Parquet is written.
	Parquet, Arrow bool
	// PartitionByDay writes day-partitioned Hive datasets instead of single files.
	PartitionByDay bool

	// LexiconFiles are lexicon files added to the embedded default lexicon.
	LexiconFiles []string
	// NoDefaultLexicon drops the embedded default lexicon, so that only LexiconFiles count.
	NoDefaultLexicon bool

	// Topics is the number of topics; 0 chooses it automatically.
	Topics int
	// TopicModel is the path of a saved topic model: loaded when it exists (unless Refit),
	// and written after the run, so that topic ids stay stable across scheduled runs.
	TopicModel string
	// Refit ignores an existing topic model and fits afresh (the new model still overwrites it).
	Refit bool
	// TopicRetentionDays, when > 0, drops from the saved topic model the topics last seen
	// more than that many days before the latest day of any topic (Model.Expire), so that
	// the model of a long schedule does not grow forever; a story that comes back later
	// opens a new topic. 0 keeps every topic.
	TopicRetentionDays int
	// Seed seeds every random choice of the run (topic seeding).
	Seed uint64

	// Workers is the number of analysis workers (default: the number of CPUs).
	Workers int
	// MaxRejectRatio, when > 0, makes Run return ErrTooManyRejects after writing the reports if
	// rejects / (articles + rejects) exceeds it.
	MaxRejectRatio float64
	// MaxArticleBytes limits the size of one article's text (0: the reader's default).
	MaxArticleBytes int

	// Version is recorded in the manifest and in every report's metadata.
	Version string
	// Settings is the run's configuration as the user gave it, recorded in the manifest.
	Settings map[string]any

	// Logger receives structured logs (default: discard).
	Logger *slog.Logger
	// Progress, when not nil, receives a progress bar (articles, MB/s, ETA).
	Progress io.Writer
	// Now is the clock (default time.Now); injected for reproducible tests.
	Now func() time.Time
}
