// Tests for the Tensor bookkeeping: construction, indexing, views.
package tensor

import (
	"slices"
	"strings"
	"testing"
)

func TestNewChecksLength(t *testing.T) {
	if _, err := New(make([]float32, 5), 2, 3); err == nil || !strings.Contains(err.Error(), "needs 6") {
		t.Fatalf("New with 5 elements for 2×3: err = %v", err)
	}
	if _, err := New(nil, 2, -1); err == nil {
		t.Fatal("New with a negative dimension succeeded")
	}
	x, err := New([]float32{1, 2, 3, 4, 5, 6}, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(x.Strides, []int{3, 1}) || !x.Contiguous() || x.Numel() != 6 {
		t.Fatalf("got strides %v contiguous %v numel %d", x.Strides, x.Contiguous(), x.Numel())
	}
	if got := x.At(1, 2); got != 6 {
		t.Fatalf("At(1,2) = %g, want 6", got)
	}
	x.Set(9, 0, 1)
	if x.Data[1] != 9 {
		t.Fatalf("Set(9, 0, 1) wrote %v", x.Data)
	}
	if got := x.String(); got != "tensor[2×3]" {
		t.Fatalf("String() = %q", got)
	}
}

func TestReshapeAndViews(t *testing.T) {
	x := Zeros(2, 3, 4)
	for i := range x.Data {
		x.Data[i] = float32(i)
	}
	tests := []struct {
		shape   []int
		want    []int
		wantErr bool
	}{
		{[]int{6, 4}, []int{6, 4}, false},
		{[]int{-1, 8}, []int{3, 8}, false},
		{[]int{24}, []int{24}, false},
		{[]int{5, -1}, nil, true},
		{[]int{7, 4}, nil, true},
		{[]int{-1, -1}, nil, true},
	}
	for _, tc := range tests {
		y, err := x.Reshape(tc.shape...)
		if tc.wantErr {
			if err == nil {
				t.Errorf("Reshape%v: no error", tc.shape)
			}
			continue
		}
		if err != nil || !slices.Equal(y.Shape, tc.want) {
			t.Errorf("Reshape%v = %v, %v; want shape %v", tc.shape, y, err, tc.want)
		}
	}
	r := x.Row(1)
	if !slices.Equal(r.Shape, []int{3, 4}) || r.At(2, 3) != 23 {
		t.Fatalf("Row(1): shape %v, At(2,3) = %g", r.Shape, r.At(2, 3))
	}
	s := x.Slice(1, 2)
	if s.Shape[0] != 1 || s.At(0, 0, 0) != 12 {
		t.Fatalf("Slice(1,2): shape %v first %g", s.Shape, s.At(0, 0, 0))
	}
	m, _ := New([]float32{1, 2, 3, 4, 5, 6}, 2, 3)
	tr := m.Transpose2D()
	if tr.Contiguous() || tr.At(2, 1) != 6 || tr.At(0, 1) != 4 {
		t.Fatalf("Transpose2D: contiguous %v At(2,1)=%g At(0,1)=%g", tr.Contiguous(), tr.At(2, 1), tr.At(0, 1))
	}
	if _, err := tr.Reshape(6); err == nil {
		t.Fatal("Reshape of a transposed view succeeded")
	}
	c := tr.Clone()
	if !c.Contiguous() || !slices.Equal(c.Data, []float32{1, 4, 2, 5, 3, 6}) {
		t.Fatalf("Clone of transpose = %v", c.Data)
	}
}

func TestAtOutOfRangePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("At out of range did not panic")
		}
	}()
	Zeros(2, 2).At(2, 0)
}
