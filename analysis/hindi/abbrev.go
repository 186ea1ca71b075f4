package hindi

// Abbreviation tables. A word in abbrevStrong keeps a following dot ("डॉ.", "Dr.") and the
// dot never ends a sentence. A word in abbrevWeak keeps its dot only inside a chain of
// initials ("आई. के. गुजराल", "आई.ए.एस."), because the same word also ends sentences
// ("खबर सामने आई."). Parts of a chain written without spaces ("बी.जे.पी.", "कि.मी.",
// "उ.प्र.") must each be in one of the three tables. Latin entries are lower case and are
// looked up lower-cased; a single upper-case Latin letter is an initial ("J. K. Rowling"),
// a single lower-case one only inside a chain ("e.g.", "a.m.").

var abbrevStrong = map[string]bool{
	// titles and honorifics
	"डॉ": true, "डा": true, "प्रो": true, "श्री": true, "श्रीमती": true, "सुश्री": true, "कु": true,
	"स्व": true, "पं": true, "मो": true, "मु": true, "ले": true, "कै": true, "जन": true, "फिल": true,
	// compass points in names: द. अफ्रीका, उ. कोरिया, पू. उत्तर प्रदेश, म. प्रदेश
	"द": true, "उ": true, "पू": true, "प": true, "म": true,
	// eras, numbers, units, references
	"ई": true, "सं": true, "क्र": true, "नं": true, "रु": true, "पृ": true, "मि": true,
	"सेमी": true, "किमी": true, "मिमी": true, "ग्रा": true,
	// Devanagari names of Latin letters, used as initials
	"बी": true, "सी": true, "डी": true, "एफ": true, "एच": true, "जे": true, "के": true,
	"एल": true, "एम": true, "एन": true, "पी": true, "क्यू": true, "आर": true, "एस": true,
	"टी": true, "यू": true, "वी": true, "डब्ल्यू": true, "डबल्यू": true, "डब्लू": true, "डबलू": true, "ए": true, "एक्स": true,
	"वाई": true, "जेड": true, "ज़ेड": true, "जी": true,
	// Latin
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true,
	"sr": true, "vs": true, "etc": true, "inc": true, "ltd": true, "co": true, "no": true,
	"rs": true, "govt": true, "pvt": true, "smt": true, "sh": true, "gen": true, "col": true,
	"lt": true, "capt": true, "maj": true, "sgt": true, "rev": true, "hon": true, "fig": true,
	"vol": true, "approx": true, "dept": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true,
	"dec": true, "ph": true, "bros": true, "corp": true, "mt": true, "ft": true,
}

var abbrevWeak = map[string]bool{
	"ओ": true, "आई": true, "कि": true,
}

// abbrevPart lists further short forms that occur only inside dotted chains: उ.प्र., म.प्र.,
// ई.पू., कि.मी., आई.ए.एस.
var abbrevPart = map[string]bool{
	"प्र": true, "हि": true, "मी": true,
	"सें": true, "ली": true, "वि": true, "भा": true, "रा": true, "ना": true, "लि": true,
	"ज": true, "द": true, "स": true, "आ": true, "का": true, "अ": true,
}

// abbrevClass of a word: 0 not an abbreviation, 1 weak (needs a chain), 2 strong.
func abbrevClass(w string, latin bool) int {
	if latin {
		if len(w) == 1 {
			if 'A' <= w[0] && w[0] <= 'Z' {
				return 2
			}
			return 1
		}
		if len(w) > 8 {
			return 0
		}
		var buf [8]byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if abbrevStrong[string(buf[:len(w)])] {
			return 2
		}
		return 0
	}
	if abbrevStrong[w] {
		return 2
	}
	if abbrevWeak[w] {
		return 1
	}
	return 0
}

// isChainPart reports whether w may stand inside a dotted chain such as बी.जे.पी. or U.S.
func isChainPart(w string, latin bool) bool {
	if latin {
		return len(w) == 1 || abbrevClass(w, true) == 2
	}
	return abbrevClass(w, false) > 0 || abbrevPart[w]
}
