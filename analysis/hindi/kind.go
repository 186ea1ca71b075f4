package hindi

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word    Kind = iota + 1 // a Devanagari (or other non-Latin) word, or an abbreviation such as डॉ.
	Latin                   // a word in Latin script (code-mixed text), or an abbreviation such as U.S.
	Number                  // 1947, 4,32,000, ४,३२,०००, 2.5, 15%, 19/06/2024
	Punct                   // । ॥ , . ? ! : ; quotes, brackets, hyphens, dashes
	Symbol                  // any other symbol: + = & * ₹ $ ©, a lone %
	URL                     // http://…, https://…, www.…, example.com/…
	Email                   // name@example.com
	Hashtag                 // #tag
	Mention                 // @name
	Emoji                   // 🙂, 👍🏽, 🇮🇳
)

var kindNames = [...]string{
	Word:    "word",
	Latin:   "latin",
	Number:  "number",
	Punct:   "punct",
	Symbol:  "symbol",
	URL:     "url",
	Email:   "email",
	Hashtag: "hashtag",
	Mention: "mention",
	Emoji:   "emoji",
}

// String returns the lower-case name of k ("word", "number", …), or "kind(N)" for an
// unknown value.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "kind(" + itoa(int(k)) + ")"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
