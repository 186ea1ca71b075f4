package output

import "time"

// Manifest is a suggested shape for manifest.json; Commit accepts any JSON-marshalable value,
// and fills Reports, Files and SchemaVersion when it is given a *Manifest.
type Manifest struct {
	RunID         string            `json:"run_id"`
	Version       string            `json:"version"`
	SchemaVersion string            `json:"schema_version"`
	Start         time.Time         `json:"start"`
	End           time.Time         `json:"end"`
	Settings      any               `json:"settings,omitempty"`
	Lexicons      []LexiconInfo     `json:"lexicons,omitempty"`
	Inputs        []InputInfo       `json:"inputs,omitempty"`
	Reports       map[string]int64  `json:"reports"` // rows per report
	Files         []string          `json:"files"`   // files and partition folders written, relative to Dir
	Stages        []StageTime       `json:"stages,omitempty"`
	Extra         map[string]string `json:"extra,omitempty"`
}

// LexiconInfo identifies one lexicon file of the run.
type LexiconInfo struct {
	Path    string `json:"path"`
	SHA256  string `json:"sha256"`
	Entries int    `json:"entries"`
}

// InputInfo counts the rows of one input.
type InputInfo struct {
	Path     string `json:"path"`
	Format   string `json:"format"`
	Read     int64  `json:"rows_read"`
	Kept     int64  `json:"rows_kept"`
	Rejected int64  `json:"rows_rejected"`
	Bytes    int64  `json:"bytes,omitempty"`
}

// StageTime is the wall time of one pipeline stage.
type StageTime struct {
	Stage   string  `json:"stage"`
	Seconds float64 `json:"seconds"`
}
