package hindi

import "testing"

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"लडकियों", "लडक"},   // ियों
		{"सरकारों", "सरकार"}, // ों
		{"जाएंगे", "जा"},     // एंगे: ाएंगे would leave one code point
		{"खाएंगे", "खा"},     // likewise
		{"पढ़ाकर", "पढ़"},    // ाकर
		{"किताबें", "किताब"}, // ें
		{"लड़का", "लड़क"},    // ा
		{"घर", "घर"},         // too short to strip
		{"का", "का"},         // too short
		{"नेताओं", "ने"},     // ताओं, the longer suffix, is tried before ाओं
		{"1947", "1947"},     // no suffix
		{"भारतीय", "भारतीय"}, // no suffix
	}
	for _, tt := range tests {
		k := Key(tt.in)
		want := Key(tt.want)
		if got := Stem(k); got != want {
			t.Errorf("Stem(%q) = %q, want %q", k, got, want)
		}
		if got := string(StemBytes([]byte(k))); got != want {
			t.Errorf("StemBytes(%q) = %q, want %q", k, got, want)
		}
	}
}

func TestStemMinLength(t *testing.T) {
	for _, w := range []string{"लडकियों", "जाएंगे", "नेताओं", "की", "के", "ने", "पीने", "खाना"} {
		st := Stem(Key(w))
		if n := len([]rune(st)); n < MinStem {
			t.Errorf("Stem(%q) = %q has %d code points, want at least %d", w, st, n, MinStem)
		}
	}
}

func TestStemSuffixTable(t *testing.T) {
	// 67 suffixes in the paper; the three candrabindu forms fold into anusvara twins.
	if got, want := len(stemSuffixes), 64; got != want {
		t.Errorf("%d distinct suffixes, want %d", got, want)
	}
	for i := 1; i < len(stemSuffixes); i++ {
		if stemSuffixes[i].runes > stemSuffixes[i-1].runes {
			t.Fatalf("suffix %q (%d) after %q (%d): want longest first", stemSuffixes[i].s, stemSuffixes[i].runes, stemSuffixes[i-1].s, stemSuffixes[i-1].runes)
		}
	}
}

func TestStemNoAlloc(t *testing.T) {
	b := []byte(Key("लडकियों"))
	if a := testing.AllocsPerRun(100, func() { _ = StemBytes(b); _ = Stem("सरकारों") }); a != 0 {
		t.Errorf("stemming allocates %.1f times, want 0", a)
	}
}

func TestStopwords(t *testing.T) {
	for _, w := range []string{"का", "में", "है", "और", "नहीं", "उन्होंने", "जहाँ", "जहां", "गया", "लिए"} {
		if !IsStopword(Key(w)) {
			t.Errorf("IsStopword(Key(%q)) = false, want true", w)
		}
	}
	for _, w := range []string{"सरकार", "युद्ध", "भारत", "हमला", "चुनाव", "मोदी", "घर", "वर्ग"} {
		if IsStopword(Key(w)) {
			t.Errorf("IsStopword(Key(%q)) = true, want false (a content word)", w)
		}
	}
	if !IsStopwordBytes([]byte("के")) {
		t.Error(`IsStopwordBytes("के") = false, want true`)
	}
	if n := len(Stopwords()); n < 150 || n > 400 {
		t.Errorf("%d stopwords, want a curated list of 150..400", n)
	}
	for _, k := range Stopwords() {
		if Key(k) != k {
			t.Errorf("stopword %q is not a key (Key gives %q)", k, Key(k))
		}
	}
}

func TestInflections(t *testing.T) {
	words := []string{"लडकियों", "सरकारों", "जाएंगे", "पढ़ाकर", "किताबें", "लड़का", "घर", "का",
		"नेताओं", "1947", "भारतीय", "हमले", "हमलों", "युद्ध", "समझौते", "bjp", ""}
	for _, w := range words {
		k := Key(w)
		st := Stem(k)
		infl := Inflections(nil, st)
		found := false
		seen := map[string]bool{}
		for _, x := range infl {
			if got := Stem(x); got != st {
				t.Errorf("Inflections(%q) holds %q, whose stem is %q", st, x, got)
			}
			if seen[x] {
				t.Errorf("Inflections(%q) holds %q twice", st, x)
			}
			seen[x] = true
			found = found || x == k
		}
		if !found {
			t.Errorf("Inflections(%q) = %q, want it to hold %q", st, infl, k)
		}
	}
	// Every key Stem maps to "हमल" is listed: the stem plus one suffix at most.
	got := Inflections(nil, Key("हमल"))
	n := 0
	for _, s := range stemSuffixes {
		if Stem(Key("हमल")+s.s) == Key("हमल") {
			n++
		}
	}
	if len(got) != n+1 {
		t.Errorf("Inflections(हमल) has %d keys, want %d", len(got), n+1)
	}
}
