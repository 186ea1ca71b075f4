package hindi

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refHash is HashKey written plainly, a byte at a time: the words of eight bytes, then the
// rest (four bytes from each end, or three bytes for a rest of one to three).
func refHash(key []byte) uint64 {
	le := func(b []byte) uint64 {
		var w uint64
		for i := len(b) - 1; i >= 0; i-- {
			w = w<<8 | uint64(b[i])
		}
		return w
	}
	const k0, k1 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db
	h := uint64(len(key)) ^ k0
	for len(key) >= 8 {
		h = hashMix(h^le(key[:8]), k1)
		key = key[8:]
	}
	var v uint64
	switch n := len(key); {
	case n >= 4:
		v = le(key[:4]) | le(key[n-4:])<<32
	case n > 0:
		v = uint64(key[0]) | uint64(key[n/2])<<8 | uint64(key[n-1])<<16
	}
	return hashMix(h^v^k1, k0^uint64(len(key)))
}

func TestHashKeyMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 64)
	for n := 0; n <= len(buf); n++ {
		for range 50 {
			for i := range buf[:n] {
				buf[i] = byte(rng.Uint32())
			}
			if got, want := HashKey(buf[:n]), refHash(buf[:n]); got != want {
				t.Fatalf("HashKey(%x) = %x, want %x", buf[:n], got, want)
			}
		}
	}
	seen := map[uint64]string{}
	for _, k := range []string{"", "a", "ab", "भारत", "भारतीय", "सरकार", "सरकारों", "संघर्ष-विराम", "प्रधानमंत्रियों"} {
		h := HashKey([]byte(k))
		if prev, ok := seen[h]; ok {
			t.Errorf("HashKey(%q) = HashKey(%q) = %x", k, prev, h)
		}
		seen[h] = k
	}
}

// checkKeyHashes fails t unless d has one hash per token, each HashKey of the token's key.
func checkKeyHashes(t testing.TB, d *Doc) {
	t.Helper()
	hs := d.KeyHashes()
	if len(hs) != len(d.Tokens) {
		t.Fatalf("%d key hashes for %d tokens", len(hs), len(d.Tokens))
	}
	for i, h := range hs {
		if want := HashKey(d.Key(i)); h != want {
			t.Fatalf("KeyHashes()[%d] (key %q) = %x, want %x", i, d.Key(i), h, want)
		}
	}
}

func TestKeyHashes(t *testing.T) {
	long := strings.Repeat("अंतर्राष्ट्रीयकरण", 3) // one key of more than 24 bytes
	texts := []string{
		"",
		"a",
		"क ख",
		"भारत ने कहा: संघर्ष-विराम जारी रहेगा। " + long + " BJP ४२ 3.5% क़ानून!",
		long + " a b c " + long,
		"प्रधानमंत्री\u200d मोदी\n\nहिन्दी समाचार",
	}
	var a Analyzer
	var d Doc
	for _, text := range texts {
		a.Analyze(&d, text)
		checkKeyHashes(t, &d)
	}
	a.Analyze(&d, texts[3])
	allocs := testing.AllocsPerRun(50, func() { a.Analyze(&d, texts[3]) })
	if allocs != 0 {
		t.Errorf("Analyze into a reused Doc allocates %.1f times, want 0", allocs)
	}
	checkKeyHashes(t, &d)
}

func FuzzKeyHashes(f *testing.F) {
	f.Add("भारत ने कहा: संघर्ष-विराम जारी रहेगा।")
	f.Add("a bb ccc dddddddd eeeeeeeeeeeeeeeeeeeeeeeeeeeee")
	f.Add(strings.Repeat("अंतर्राष्ट्रीयकरण ", 4))
	f.Fuzz(func(t *testing.T, text string) {
		var a Analyzer
		var d Doc
		a.Analyze(&d, text)
		checkKeyHashes(t, &d)
		b := []byte(text)
		if got, want := HashKey(b), refHash(b); got != want {
			t.Fatalf("HashKey(%q) = %x, want %x", text, got, want)
		}
	})
}

func BenchmarkHashKey(b *testing.B) {
	keys := [][]byte{[]byte("भारत"), []byte("सरकारों"), []byte("प्रधानमंत्रियों"), []byte("ने")}
	var sink uint64
	for b.Loop() {
		for _, k := range keys {
			sink ^= HashKey(k)
		}
	}
	_ = sink
}
