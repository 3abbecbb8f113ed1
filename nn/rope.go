// Rotary position embedding in Hugging Face's rotate-half layout: within a
// head of D values, element i pairs with element i+D/2 and both rotate by
// pos·invFreq[i]. Frequencies follow rope_theta and, optionally, the
// rope_scaling rules of Llama 3.1 ("llama3") or plain position
// interpolation ("linear").
package nn

import (
	"fmt"
	"math"
)

// RopeScaling mirrors the rope_scaling object of a Hugging Face config.
type RopeScaling struct {
	Type           string  // "llama3", "linear"; empty for none
	Factor         float64 // factor
	LowFreqFactor  float64 // low_freq_factor (llama3)
	HighFreqFactor float64 // high_freq_factor (llama3)
	OriginalMaxPos int     // original_max_position_embeddings (llama3)
}

// RoPEInvFreq returns the D/2 inverse frequencies theta^(-2i/D), adjusted by
// scaling when it is non-nil. It fails for an unknown scaling type.
func RoPEInvFreq(D int, theta float64, scaling *RopeScaling) ([]float64, error) {
	inv := make([]float64, D/2)
	for i := range inv {
		// HF computes inv_freq in float32; round the same way so that the
		// tables agree with the reference to the last bit that matters.
		inv[i] = float64(float32(1 / math.Pow(theta, float64(2*i)/float64(D))))
	}
	if scaling == nil || scaling.Type == "" || scaling.Type == "default" {
		return inv, nil
	}
	switch scaling.Type {
	case "linear":
		if scaling.Factor <= 0 {
			return nil, fmt.Errorf("rope_scaling.factor: must be positive, got %v", scaling.Factor)
		}
		for i := range inv {
			inv[i] /= scaling.Factor
		}
	case "llama3":
		s := scaling
		if s.Factor <= 0 || s.OriginalMaxPos <= 0 || s.HighFreqFactor <= s.LowFreqFactor {
			return nil, fmt.Errorf("rope_scaling: llama3 needs factor > 0, original_max_position_embeddings > 0 and high_freq_factor > low_freq_factor")
		}
		old := float64(s.OriginalMaxPos)
		lowWave, highWave := old/s.LowFreqFactor, old/s.HighFreqFactor
		for i, f := range inv {
			wave := 2 * math.Pi / f
			switch {
			case wave < highWave:
				// High frequencies are kept.
			case wave > lowWave:
				inv[i] = f / s.Factor
			default:
				smooth := (old/wave - s.LowFreqFactor) / (s.HighFreqFactor - s.LowFreqFactor)
				inv[i] = (1-smooth)*f/s.Factor + smooth*f
			}
		}
	default:
		return nil, fmt.Errorf("rope_scaling.type: unsupported %q (supported: llama3, linear)", scaling.Type)
	}
	return inv, nil
}

// RoPETable fills cos and sin (maxT × D/2) for positions 0..maxT-1.
func RoPETable[E Float](cos, sin []E, invFreq []float64, maxT int) {
	h := len(invFreq)
	for p := range maxT {
		for i, f := range invFreq {
			a := float64(float32(float64(p) * f))
			cos[p*h+i] = E(math.Cos(a))
			sin[p*h+i] = E(math.Sin(a))
		}
	}
}

// RoPEForward rotates, in place, the first heads·D values of each of the N
// rows of x (row stride ld) by the angle of that row's position.
func RoPEForward[E Float](x []E, N, ld, heads, D int, pos []int32, cos, sin []E) {
	rope(x, N, ld, heads, D, pos, cos, sin, 1)
}

// RoPEBackward turns the gradient of the rotated values into the gradient of
// the unrotated ones, in place: the rotation is orthogonal, so this is the
// inverse rotation.
func RoPEBackward[E Float](dx []E, N, ld, heads, D int, pos []int32, cos, sin []E) {
	rope(dx, N, ld, heads, D, pos, cos, sin, -1)
}

func rope[E Float](x []E, N, ld, heads, D int, pos []int32, cos, sin []E, dir E) {
	h := D / 2
	parallel(N, func(lo, hi int) {
		for n := lo; n < hi; n++ {
			p := int(pos[n])
			c := cos[p*h : (p+1)*h]
			s := sin[p*h : (p+1)*h]
			row := x[n*ld : n*ld+heads*D]
			for hd := range heads {
				v := row[hd*D : (hd+1)*D]
				for i := range h {
					a, b := v[i], v[i+h]
					si := dir * s[i]
					v[i] = a*c[i] - b*si
					v[i+h] = b*c[i] + a*si
				}
			}
		}
	})
}
