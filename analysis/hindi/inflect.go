package hindi

// AppendInflections appends to dst the keys that [Inflections] lists for stem, in the same
// order and back to back, and to ends the end of each key in dst, and returns both. It
// allocates only to grow dst and ends, where Inflections allocates each key, and it decides
// which suffixes to list without stemming each key (see stemShadows): a lexicon that lists
// the inflections of hundreds of stems builds them in one buffer.
func AppendInflections(dst []byte, ends []int, stem string) ([]byte, []int) {
	if Stem(stem) == stem {
		dst = append(dst, stem...)
		ends = append(ends, len(dst))
	}
	runes := 0 // as stemLen counts them
	for i := 0; i < len(stem); i++ {
		if stem[i]&0xC0 != 0x80 {
			runes++
		}
	}
	if runes < MinStem {
		return dst, ends // Stem strips no suffix from stem+suffix down to stem
	}
next:
	for i, suf := range stemSuffixes {
		for _, sh := range stemShadows[i] {
			if runes+suf.runes-sh.runes >= MinStem && len(stem) >= len(sh.head) &&
				stem[len(stem)-len(sh.head):] == sh.head {
				continue next // Stem strips a longer suffix from stem+suf
			}
		}
		dst = append(append(dst, stem...), suf.s...)
		ends = append(ends, len(dst))
	}
	return dst, ends
}

// stemShadow is a suffix that stemLen tries before another on a key that ends in the
// other: the key ends in it too when the rest of the key ends in head.
type stemShadow struct {
	head  string
	runes int // of the suffix
}

// stemShadows lists, for each suffix of stemSuffixes (by index), the suffixes that stemLen
// tries before it (those of stemByLast ahead of it) and that a key ending in it may also end
// in: Stem(stem+suf) is stem exactly when stem has at least MinStem code points and none of
// the shadows of suf applies (the key ends in it, with MinStem code points left before it).
var stemShadows = func() [][]stemShadow {
	out := make([][]stemShadow, len(stemSuffixes))
	for i, suf := range stemSuffixes {
		for _, s := range stemByLast[devaIndex(suf.s[len(suf.s)-3:])] {
			if s.s == suf.s {
				break
			}
			switch {
			case len(s.s) <= len(suf.s):
				if suf.s[len(suf.s)-len(s.s):] == s.s {
					out[i] = append(out[i], stemShadow{"", s.runes})
				}
			case s.s[len(s.s)-len(suf.s):] == suf.s:
				out[i] = append(out[i], stemShadow{s.s[:len(s.s)-len(suf.s)], s.runes})
			}
		}
	}
	return out
}()
