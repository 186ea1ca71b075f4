package corpus

import (
	"bytes"
	"fmt"
	"io"
)

// textSource reads a .txt file as one article: the id is the path relative to the input root;
// the title is the first non-empty line when a blank line follows it, and the text is the rest
// (the whole file when there is no such title).
type textSource struct {
	in   *input
	cfg  *config
	s    *stream
	st   *InputStats
	done bool
}

func (t *textSource) close() error { return t.s.close() }

func (t *textSource) next(rec *record) (*Reject, error) {
	if t.done {
		return nil, io.EOF
	}
	t.done = true
	limit := int64(t.cfg.maxRow)
	data, err := io.ReadAll(io.LimitReader(t.s.r, limit+1))
	rec.line = 1
	rec.raw = data
	t.st.Rows++
	if err != nil {
		rej, ferr := endReject(t.in, t.s, 1, err, data)
		if rej != nil {
			rej.ID = t.in.id
			rej.Reason += "; the article is incomplete"
		}
		return rej, ferr
	}
	if int64(len(data)) > limit {
		return &Reject{Input: t.in.name, Line: 1, ID: t.in.id, Code: CodeTooLarge,
			Reason: fmt.Sprintf("file is larger than the limit of %d bytes", limit), Excerpt: excerptOf(data)}, nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	title, text := splitTitle(data)
	rec.v[fID] = value{kind: kString, s: t.in.id}
	rec.v[fTitle] = value{kind: kString, s: string(title)}
	rec.v[fText] = value{kind: kString, s: string(text)}
	return nil, nil
}

// splitTitle returns the first non-empty line as title when a blank line follows it, and the
// text after that blank line; otherwise no title and the whole data as text.
func splitTitle(data []byte) (title, text []byte) {
	rest := data
	// Skip leading blank lines.
	for {
		line, after, found := bytes.Cut(rest, []byte{'\n'})
		if !found || len(bytes.TrimSpace(line)) > 0 {
			break
		}
		rest = after
	}
	first, after, found := bytes.Cut(rest, []byte{'\n'})
	if !found {
		return nil, data
	}
	second, body, found2 := bytes.Cut(after, []byte{'\n'})
	if len(bytes.TrimSpace(second)) > 0 || (!found2 && len(second) == 0) {
		return nil, data
	}
	if !found2 {
		body = nil
	}
	// Skip further blank lines before the body.
	for {
		line, next, ok := bytes.Cut(body, []byte{'\n'})
		if !ok || len(bytes.TrimSpace(line)) > 0 {
			break
		}
		body = next
	}
	return bytes.TrimSpace(first), body
}
