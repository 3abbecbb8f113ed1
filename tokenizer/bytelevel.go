// Byte-level mapping used by GPT-2-style BPE: every byte is shown as one
// printable Unicode character so that vocabularies can be stored as JSON
// strings. The mapping is the one GPT-2 published (printable Latin-1 maps to
// itself, the other 68 bytes to U+0100 onwards) and every byte-level
// tokenizer.json depends on it.
package tokenizer

import "unicode/utf8"

// The tables are computed once from the rule, not hand-listed.
var byteToRune, runeToByte = buildByteTables()

func buildByteTables() (byteToRune [256]rune, runeToByte map[rune]byte) {
	printable := func(b int) bool {
		return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)
	}
	runeToByte = make(map[rune]byte, 256)
	n := 0
	for b := 0; b < 256; b++ {
		r := rune(b)
		if !printable(b) {
			r = rune(256 + n)
			n++
		}
		byteToRune[b] = r
		runeToByte[r] = byte(b)
	}
	return byteToRune, runeToByte
}

// byteLevelEncode maps raw bytes to their byte-level string form.
func byteLevelEncode(s string) string {
	buf := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		buf = utf8.AppendRune(buf, byteToRune[s[i]])
	}
	return string(buf)
}

// byteLevelDecodeToken returns the bytes a token stands for, following the
// Hugging Face ByteLevel decoder: if every character of the token is in the
// byte alphabet the token maps back to those bytes, otherwise (an added token
// such as "<|im start|>" with a space) its own UTF-8 bytes are used.
func byteLevelDecodeToken(tok string) []byte {
	out := make([]byte, 0, len(tok))
	for _, r := range tok {
		b, ok := runeToByte[r]
		if !ok {
			return []byte(tok)
		}
		out = append(out, b)
	}
	return out
}
