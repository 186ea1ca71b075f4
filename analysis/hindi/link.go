package hindi

import "strings"

// scanLink recognizes a URL (http://, https://, www., or a host name with a known top-level
// domain) or an e-mail address starting at text[i].
func scanLink(text string, i int) (int, Kind, bool) {
	s := text[i:]
	if hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.") {
		return i + urlEnd(s), URL, true
	}
	// e-mail: local@domain.tld
	j := 0
	for j < len(s) && isLocalByte(s[j]) {
		j++
	}
	if j > 0 && j < len(s) && s[j] == '@' {
		if h := hostEnd(s[j+1:]); h > 0 && strings.IndexByte(s[j+1:j+1+h], '.') > 0 {
			return i + j + 1 + h, Email, true
		}
		return 0, 0, false
	}
	// bare host name with a known TLD: example.com, bbc.co.uk/hindi
	h := hostEnd(s)
	if h > 0 {
		dot := strings.LastIndexByte(s[:h], '.')
		if dot > 0 && isTLD(s[dot+1:h]) {
			end := h
			if end < len(s) && s[end] == '/' {
				end += urlEnd(s[end:])
			}
			return i + end, URL, true
		}
	}
	return 0, 0, false
}

// urlEnd returns the length of the URL at the start of s: up to white space, a danda or a
// quote, without trailing punctuation (a closing bracket stays if the URL opened one).
func urlEnd(s string) int {
	j := 0
	for j < len(s) {
		c := s[j]
		if c <= ' ' || c == '"' || c == '<' || c == '>' || c == '|' || c == 0x7F {
			break
		}
		if c >= 0x80 {
			r, w, cl := decode(s, j)
			if cl == clSpace || cl == clDanda || r == '“' || r == '”' || r == '‘' || r == '’' {
				break
			}
			j += w
			continue
		}
		j++
	}
	for j > 0 {
		switch s[j-1] {
		case '.', ',', ';', ':', '!', '?', '\'':
			j--
			continue
		case ')':
			if strings.Count(s[:j], "(") < strings.Count(s[:j], ")") {
				j--
				continue
			}
		}
		break
	}
	return j
}

// hostEnd returns the length of a host name (labels of ASCII letters, digits and hyphens
// joined by dots) at the start of s, without a trailing dot or hyphen.
func hostEnd(s string) int {
	j := 0
	for j < len(s) && (isASCIIAlnum(s[j]) || s[j] == '-' || s[j] == '.' && j+1 < len(s) && isASCIIAlnum(s[j+1])) {
		j++
	}
	for j > 0 && (s[j-1] == '-' || s[j-1] == '.') {
		j--
	}
	return j
}

func isLocalByte(c byte) bool {
	return isASCIIAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isTLD reports whether s is a top-level domain common in Indian news text.
func isTLD(s string) bool {
	switch strings.ToLower(s) {
	case "com", "in", "org", "net", "gov", "edu", "co", "io", "uk", "info", "news", "tv", "me", "ly", "ai", "app":
		return true
	}
	return false
}
