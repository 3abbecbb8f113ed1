// Token embedding: a row lookup forward, a scatter-add backward.
package nn

// EmbeddingForward copies row tokens[n] of wte (V×C) into row n of out (N×C).
// Token ids must already be validated against V.
func EmbeddingForward[E Float](out, wte []E, tokens []int32, C int) {
	for n, tok := range tokens {
		copy(out[n*C:(n+1)*C], wte[int(tok)*C:(int(tok)+1)*C])
	}
}

// EmbeddingBackward adds row n of dout into row tokens[n] of dwte.
func EmbeddingBackward[E Float](dwte, dout []E, tokens []int32, C int) {
	for n, tok := range tokens {
		d := dwte[int(tok)*C : (int(tok)+1)*C]
		for i, g := range dout[n*C : (n+1)*C] {
			d[i] += g
		}
	}
}
