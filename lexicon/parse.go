package lexicon

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/drishti-news/drishti/analysis/hindi"
)

// The built-in categories and the modifier classes.
const (
	Threat   = "threat"
	Alliance = "alliance"
	War      = "war"
	Positive = "positive" // tone list: words of positive connotation
	Negative = "negative" // tone list: words of negative connotation

	Negator     = "@negator"     // weight: multiplier of a negated hit, in [-1, 0]
	Intensifier = "@intensifier" // weight: multiplier > 1 (up to 3)
	Diminisher  = "@diminisher"  // weight: multiplier in (0, 1)
	Contrast    = "@contrast"    // weight: multiplier of the clause after it, in (0, 3]
)

// MatchKind says how an entry's term is compared with the text.
type MatchKind uint8

// Match kinds. The zero value, MatchStem, is the default of the match column.
const (
	MatchStem  MatchKind = iota // each word compared after hindi.Stem
	MatchExact                  // token keys must be equal
	MatchForms                  // the term and the listed inflections, each exact
)

func (k MatchKind) String() string {
	switch k {
	case MatchStem:
		return "stem"
	case MatchExact:
		return "exact"
	case MatchForms:
		return "forms"
	}
	return "MatchKind(" + strconv.Itoa(int(k)) + ")"
}

// Entry is one line of a lexicon file.
type Entry struct {
	Category string    // a category name, a tone list (positive, negative) or a "@" modifier class
	Term     string    // the word or phrase as written in the file (trimmed)
	Weight   float64   // strength, valence magnitude or multiplier (see docs/lexicon.md)
	Match    MatchKind // how Term is compared with the text
	Forms    []string  // the listed inflections of a MatchForms entry
	Note     string    // free text
	File     string    // the file the entry was read from
	Line     int       // 1-based line in File

	weightCol int // byte column of the weight field, for conflict reports
}

// IsModifier reports whether category names a modifier class (it starts with "@").
func IsModifier(category string) bool { return strings.HasPrefix(category, "@") }

// IsTone reports whether category is one of the tone lists, positive or negative.
func IsTone(category string) bool { return category == Positive || category == Negative }

// IsContextCategory reports whether entries of category may be context entries: the
// report categories (threat, alliance, war and the user's), not the tone lists or the
// modifier classes.
func IsContextCategory(category string) bool { return !IsModifier(category) && !IsTone(category) }

// IsContext reports whether e is a context entry: a category entry of weight below 0,
// whose term shows that a sentence is about something other than the category (an
// epidemic, recruitment, crime, sport). Where it matches, the category's hits in the same
// sentence whose weight is at most -e.Weight count nothing (docs/lexicon.md). It is not a
// hit, and it is matched apart from the other entries (Lexicon.MatchContext): it does not
// shadow the category's words inside it, and an exclusion does not shadow it.
func (e *Entry) IsContext() bool { return e.Weight < 0 && IsContextCategory(e.Category) }

// ParseError is a problem in a lexicon file at a position. Col is the 1-based column of the
// field at fault, counted in characters (Unicode code points), as editors count them.
type ParseError struct {
	File string
	Line int
	Col  int
	Err  error
}

func (e *ParseError) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// Sentinel errors wrapped by ParseError, for errors.Is.
var (
	ErrUnknownCategory = errors.New("unknown category")
	ErrBadWeight       = errors.New("malformed weight")
	ErrEmptyTerm       = errors.New("empty term")
	ErrEmptyKey        = errors.New("term normalizes to nothing")
	ErrConflict        = errors.New("duplicate entry with a conflicting weight")
	ErrBadMatch        = errors.New("malformed match")
	ErrSyntax          = errors.New("malformed line")
)

// maxLine bounds the length of one line of a lexicon file.
const maxLine = 64 << 10

// Parse reads one lexicon file; name is used in positions. It returns the well-formed
// entries and, when some lines are malformed, an error joining one *ParseError per problem
// (errors.As finds the first). An I/O error is returned wrapped, with the entries read so
// far.
func Parse(r io.Reader, name string) ([]Entry, error) {
	entries, problems, err := parse(r, name)
	if err != nil {
		return entries, err
	}
	return entries, joinProblems(problems)
}

func joinProblems(problems []*ParseError) error {
	if len(problems) == 0 {
		return nil
	}
	errs := make([]error, len(problems))
	for i, p := range problems {
		errs[i] = p
	}
	return errors.Join(errs...)
}

// parse returns entries, the per-line problems, and an I/O error.
func parse(r io.Reader, name string) ([]Entry, []*ParseError, error) {
	var (
		entries  []Entry
		problems []*ParseError
		lp       lineParser
	)
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		// A file: size the entries from its size (lines of the default lexicon take 128
		// bytes on average), so that they are seldom copied as they grow.
		if fi, err := st.Stat(); err == nil && fi.Size() > 0 {
			entries = make([]Entry, 0, min(fi.Size()/100, 1<<16))
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		b = bytes.TrimSuffix(b, []byte("\r"))
		if t := bytes.TrimSpace(b); len(t) == 0 || t[0] == '#' {
			continue // a blank or comment line (see parseLine), not copied
		}
		text := string(b)
		entries = append(entries, Entry{})
		ok, p := lp.parseLine(&entries[len(entries)-1], text, name, line)
		if !ok {
			entries = entries[:len(entries)-1]
		}
		if p != nil {
			problems = append(problems, p)
		}
	}
	if len(entries) == 0 {
		entries = nil // as when no line held an entry
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			problems = append(problems, &ParseError{File: name, Line: line + 1, Col: 1, Err: fmt.Errorf("%w: line longer than %d bytes", ErrSyntax, maxLine)})
			return entries, problems, nil
		}
		return entries, problems, fmt.Errorf("reading lexicon %s: %w", name, err)
	}
	return entries, problems, nil
}

// lineParser parses the lines of a file, reusing its analyzer and document.
type lineParser struct {
	a hindi.Analyzer
	d hindi.Doc
	// category is the last category that checkCategory accepted: the lines of a file
	// nearly all have the same one.
	category string
}

// parseLine parses one line into e, a zero Entry, and reports whether it holds an entry:
// not for blank and comment lines, nor for a malformed line, whose problem it returns.
func (lp *lineParser) parseLine(e *Entry, text, file string, line int) (bool, *ParseError) {
	a, d := &lp.a, &lp.d
	trimmed := strings.TrimSpace(text)
	if trimmed == "" || strings.HasPrefix(trimmed, "#") {
		return false, nil
	}
	perr := func(col int, err error) (bool, *ParseError) {
		return false, &ParseError{File: file, Line: line, Col: col, Err: err}
	}
	if !utf8.ValidString(text) {
		return perr(1, fmt.Errorf("%w: invalid UTF-8", ErrSyntax))
	}
	// Split into fields, remembering the byte offset of each field's text (its column is
	// counted when needed, see col).
	var fields [5]string
	var offs [5]int
	n, start := 0, 0
	for n < 5 {
		i := strings.IndexByte(text[start:], '\t')
		if i < 0 || n == 4 { // the note takes the rest of the line, tabs included
			fields[n], offs[n] = text[start:], start
			n++
			break
		}
		fields[n], offs[n] = text[start:start+i], start
		n++
		start += i + 1
	}
	for i := range n {
		f := fields[i]
		lead := len(f) - len(strings.TrimLeft(f, " "))
		fields[i], offs[i] = strings.TrimSpace(f), offs[i]+lead
	}
	col := func(i int) int { return runeCol(text, offs[i]) }
	// A header line (category, term, …) is allowed, as spreadsheets write one.
	if n >= 2 && strings.EqualFold(fields[0], "category") && strings.EqualFold(fields[1], "term") {
		return false, nil
	}
	if n < 3 {
		return perr(runeCol(text, len(text)), fmt.Errorf("%w: want category<TAB>term<TAB>weight[<TAB>match[<TAB>note]], got %d field(s)", ErrSyntax, n))
	}
	*e = Entry{Category: fields[0], Term: fields[1], File: file, Line: line}
	if e.Category != lp.category || e.Category == "" {
		if err := checkCategory(e.Category); err != nil {
			return perr(col(0), err)
		}
		lp.category = e.Category
	}
	if e.Term == "" {
		return perr(col(1), ErrEmptyTerm)
	}
	if err := checkTerm(a, d, e.Term); err != nil {
		return perr(col(1), err)
	}
	w, err := parseWeight(e.Category, fields[2])
	if err != nil {
		return perr(col(2), err)
	}
	e.Weight, e.weightCol = w, col(2)
	if n >= 4 && fields[3] != "" {
		kind, forms, err := parseMatch(fields[3])
		if err != nil {
			return perr(col(3), err)
		}
		for _, f := range forms {
			if err := checkTerm(a, d, f); err != nil {
				return perr(col(3), fmt.Errorf("form %q: %w", f, err))
			}
		}
		e.Match, e.Forms = kind, forms
	}
	if n == 5 {
		e.Note = fields[4]
	}
	return true, nil
}

// runeCol returns the 1-based column, counted in characters (code points), of byte offset
// off in line: Devanagari takes three bytes a character, and editors count characters.
func runeCol(line string, off int) int { return utf8.RuneCountInString(line[:off]) + 1 }

// knownCategories are the built-in names that typos are compared with.
var knownCategories = [...]string{Threat, Alliance, War, Positive, Negative}

func checkCategory(c string) error {
	if c == "" {
		return fmt.Errorf("%w: empty category", ErrUnknownCategory)
	}
	if IsModifier(c) {
		switch c {
		case Negator, Intensifier, Diminisher, Contrast:
			return nil
		}
		hint := ""
		for _, m := range [...]string{Negator, Intensifier, Diminisher, Contrast} {
			if editDistance(c, m) <= 3 {
				hint = fmt.Sprintf(" (did you mean %q?)", m)
				break
			}
		}
		return fmt.Errorf("%w %q: modifier classes are @negator, @intensifier, @diminisher and @contrast%s", ErrUnknownCategory, c, hint)
	}
	if len(c) > 40 {
		return fmt.Errorf("%w %q: longer than 40 characters", ErrUnknownCategory, c)
	}
	for i := 0; i < len(c); i++ {
		b := c[i]
		if !(b >= 'a' && b <= 'z' || i > 0 && (b >= '0' && b <= '9' || b == '_')) {
			return fmt.Errorf("%w %q: a category is lower-case ASCII letters, digits and _, starting with a letter", ErrUnknownCategory, c)
		}
	}
	for _, k := range knownCategories {
		if c != k && len(c) >= 5 && len(k) >= 5 && editDistance(c, k) <= 2 {
			return fmt.Errorf("%w %q (did you mean %q?)", ErrUnknownCategory, c, k)
		}
	}
	return nil
}

// editDistance is the optimal-string-alignment distance between two short ASCII strings.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	var d [65][65]int
	for i := 0; i <= len(a); i++ {
		d[i][0] = i
	}
	for j := 0; j <= len(b); j++ {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// weightRange returns the allowed weight interval of a category and whether its ends are
// open.
func weightRange(c string) (lo, hi float64, loOpen, hiOpen bool) {
	switch c {
	case Positive, Negative:
		return 1, 4, false, false
	case Negator:
		return -1, 0, false, false
	case Intensifier:
		return 1, 3, true, false
	case Diminisher:
		return 0, 1, true, true
	case Contrast:
		return 0, 3, true, false
	}
	return 0.5, 10, false, false
}

func parseWeight(category, s string) (float64, error) {
	if s == "" {
		return 0, fmt.Errorf("%w: empty", ErrBadWeight)
	}
	w, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
		return 0, fmt.Errorf("%w %q: not a number", ErrBadWeight, s)
	}
	if w == 0 && !IsModifier(category) {
		return 0, nil // an exclusion: the term matches, shadows its words, and counts nothing
	}
	if w < 0 && IsContextCategory(category) {
		// a context entry: where the term matches, the sentence is about something else
		// (see IsContext)
		if w < -10 || w > -0.5 {
			return 0, fmt.Errorf("%w %s: context weights are in [-10, -0.5]", ErrBadWeight, s)
		}
		return w, nil
	}
	lo, hi, loOpen, hiOpen := weightRange(category)
	if w < lo || w > hi || loOpen && w == lo || hiOpen && w == hi {
		l, r := "[", "]"
		if loOpen {
			l = "("
		}
		if hiOpen {
			r = ")"
		}
		zero := ""
		switch {
		case IsContextCategory(category):
			zero = " (or 0 for an exclusion, or -10 to -0.5 for a context entry)"
		case !IsModifier(category):
			zero = " (or 0 for an exclusion)"
		}
		return 0, fmt.Errorf("%w %s: %s weights are in %s%g, %g%s%s", ErrBadWeight, s, kindOf(category), l, lo, hi, r, zero)
	}
	return w, nil
}

func kindOf(category string) string {
	switch {
	case IsModifier(category):
		return category
	case IsTone(category):
		return category + " (valence)"
	}
	return "category"
}

func parseMatch(s string) (MatchKind, []string, error) {
	switch s {
	case "stem":
		return MatchStem, nil, nil
	case "exact":
		return MatchExact, nil, nil
	}
	rest, ok := strings.CutPrefix(s, "forms:")
	if !ok {
		return 0, nil, fmt.Errorf("%w %q: want stem, exact or forms:FORM1|FORM2|…", ErrBadMatch, s)
	}
	forms := make([]string, 0, 1+strings.Count(rest, "|"))
	for f := range strings.SplitSeq(rest, "|") {
		f = strings.TrimSpace(f)
		if f == "" {
			return 0, nil, fmt.Errorf("%w %q: empty form", ErrBadMatch, s)
		}
		forms = append(forms, f)
	}
	return MatchForms, forms, nil
}

// checkTerm verifies that a term has at least one non-empty token key and does not span
// sentences.
func checkTerm(a *hindi.Analyzer, d *hindi.Doc, term string) error {
	a.Analyze(d, term)
	nonEmpty := false
	for i := range d.Tokens {
		if len(d.Key(i)) > 0 {
			nonEmpty = true
		}
	}
	if !nonEmpty {
		return fmt.Errorf("%w: %q", ErrEmptyKey, term)
	}
	if d.Sentences() > 1 {
		// A sentence break inside a term could never match: phrases do not cross sentences.
		return fmt.Errorf("%w: %q spans a sentence boundary", ErrSyntax, term)
	}
	return nil
}
