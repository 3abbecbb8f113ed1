// The Tensor type: a float32 buffer with a shape and row-major strides, and
// the few view helpers the layers need. Kernels in this package take plain
// slices; Tensor is the bookkeeping around them.
package tensor

import (
	"fmt"
	"strings"
)

// Tensor is a view of float32 data with a shape and strides (in elements).
// A contiguous tensor has Strides[i] = Π Shape[i+1:].
type Tensor struct {
	Data    []float32
	Shape   []int
	Strides []int
}

// New wraps data in a contiguous tensor of the given shape. It returns an
// error when the data length does not match the shape.
func New(data []float32, shape ...int) (*Tensor, error) {
	n, err := numel(shape)
	if err != nil {
		return nil, err
	}
	if n != len(data) {
		return nil, fmt.Errorf("tensor: shape %v needs %d elements, data has %d", shape, n, len(data))
	}
	return &Tensor{Data: data, Shape: append([]int(nil), shape...), Strides: contiguousStrides(shape)}, nil
}

// Zeros allocates a zero-filled contiguous tensor. It panics on a negative
// dimension, like make does for a negative length.
func Zeros(shape ...int) *Tensor {
	n, err := numel(shape)
	if err != nil {
		panic(err)
	}
	return &Tensor{Data: make([]float32, n), Shape: append([]int(nil), shape...), Strides: contiguousStrides(shape)}
}

func numel(shape []int) (int, error) {
	n := 1
	for _, d := range shape {
		if d < 0 {
			return 0, fmt.Errorf("tensor: negative dimension in shape %v", shape)
		}
		n *= d
	}
	return n, nil
}

func contiguousStrides(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		st[i] = s
		s *= shape[i]
	}
	return st
}

// Numel is the number of elements the shape describes.
func (t *Tensor) Numel() int {
	n := 1
	for _, d := range t.Shape {
		n *= d
	}
	return n
}

// Contiguous reports whether the strides are the row-major ones for the shape.
func (t *Tensor) Contiguous() bool {
	s := 1
	for i := len(t.Shape) - 1; i >= 0; i-- {
		if t.Shape[i] != 1 && t.Strides[i] != s {
			return false
		}
		s *= t.Shape[i]
	}
	return true
}

// offset maps an index to a position in Data; it panics when out of range,
// as slice indexing does.
func (t *Tensor) offset(idx []int) int {
	if len(idx) != len(t.Shape) {
		panic(fmt.Sprintf("tensor: index %v for shape %v", idx, t.Shape))
	}
	off := 0
	for i, x := range idx {
		if x < 0 || x >= t.Shape[i] {
			panic(fmt.Sprintf("tensor: index %v out of range for shape %v", idx, t.Shape))
		}
		off += x * t.Strides[i]
	}
	return off
}

// At returns the element at idx.
func (t *Tensor) At(idx ...int) float32 { return t.Data[t.offset(idx)] }

// Set stores v at idx.
func (t *Tensor) Set(v float32, idx ...int) { t.Data[t.offset(idx)] = v }

// Reshape returns a view with a new shape over the same data. The tensor
// must be contiguous and the element counts must agree; one dimension may
// be -1 and is inferred.
func (t *Tensor) Reshape(shape ...int) (*Tensor, error) {
	if !t.Contiguous() {
		return nil, fmt.Errorf("tensor: reshape of a non-contiguous tensor %v", t.Shape)
	}
	shape = append([]int(nil), shape...)
	infer, known := -1, 1
	for i, d := range shape {
		switch {
		case d == -1 && infer < 0:
			infer = i
		case d < 0:
			return nil, fmt.Errorf("tensor: bad reshape target %v", shape)
		default:
			known *= d
		}
	}
	n := t.Numel()
	if infer >= 0 {
		if known == 0 || n%known != 0 {
			return nil, fmt.Errorf("tensor: cannot reshape %v to %v", t.Shape, shape)
		}
		shape[infer] = n / known
	} else if known != n {
		return nil, fmt.Errorf("tensor: cannot reshape %v (%d elements) to %v", t.Shape, n, shape)
	}
	return &Tensor{Data: t.Data, Shape: shape, Strides: contiguousStrides(shape)}, nil
}

// Row returns a view of index i along the first dimension, dropping it.
func (t *Tensor) Row(i int) *Tensor {
	if len(t.Shape) == 0 || i < 0 || i >= t.Shape[0] {
		panic(fmt.Sprintf("tensor: row %d of shape %v", i, t.Shape))
	}
	start := i * t.Strides[0]
	end := start + 1
	for d := 1; d < len(t.Shape); d++ {
		end += (t.Shape[d] - 1) * t.Strides[d]
	}
	if t.Numel() == 0 {
		end = start
	}
	return &Tensor{Data: t.Data[start:end:end], Shape: append([]int(nil), t.Shape[1:]...), Strides: append([]int(nil), t.Strides[1:]...)}
}

// Slice returns the view of rows [lo, hi) along the first dimension.
func (t *Tensor) Slice(lo, hi int) *Tensor {
	if len(t.Shape) == 0 || lo < 0 || hi < lo || hi > t.Shape[0] {
		panic(fmt.Sprintf("tensor: slice [%d:%d] of shape %v", lo, hi, t.Shape))
	}
	shape := append([]int(nil), t.Shape...)
	shape[0] = hi - lo
	start := lo * t.Strides[0]
	end := start
	if hi > lo {
		end = start + 1
		for d := range shape {
			end += (shape[d] - 1) * t.Strides[d]
		}
		n := 1
		for _, d := range shape {
			n *= d
		}
		if n == 0 {
			end = start
		}
	}
	return &Tensor{Data: t.Data[start:end:end], Shape: shape, Strides: append([]int(nil), t.Strides...)}
}

// Transpose2D returns the transposed view of a 2-D tensor (no copy): the
// strides are swapped, so the result is not contiguous.
func (t *Tensor) Transpose2D() *Tensor {
	if len(t.Shape) != 2 {
		panic(fmt.Sprintf("tensor: Transpose2D of shape %v", t.Shape))
	}
	return &Tensor{Data: t.Data, Shape: []int{t.Shape[1], t.Shape[0]}, Strides: []int{t.Strides[1], t.Strides[0]}}
}

// Clone returns a contiguous copy.
func (t *Tensor) Clone() *Tensor {
	out := Zeros(t.Shape...)
	idx := make([]int, len(t.Shape))
	for i := range out.Data {
		out.Data[i] = t.Data[t.offset(idx)]
		for d := len(idx) - 1; d >= 0; d-- {
			idx[d]++
			if idx[d] < t.Shape[d] {
				break
			}
			idx[d] = 0
		}
	}
	return out
}

// String prints the shape, for error messages and debugging.
func (t *Tensor) String() string {
	parts := make([]string, len(t.Shape))
	for i, d := range t.Shape {
		parts[i] = fmt.Sprint(d)
	}
	return "tensor[" + strings.Join(parts, "×") + "]"
}
