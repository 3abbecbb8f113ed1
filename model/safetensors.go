// A reader and writer for the safetensors format (Hugging Face): an 8-byte
// little-endian header length, a JSON header mapping each tensor name to
// {dtype, shape, data_offsets} plus an optional "__metadata__" map of
// strings, then the raw little-endian tensor bytes. Offsets are relative to
// the end of the header. tend reads F32, BF16 and F16 and writes F32.
package model

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"

	"github.com/tend-project/tend/atomicfile"
)

// ErrSafetensors marks a malformed or truncated safetensors file. Check with
// errors.Is.
var ErrSafetensors = errors.New("invalid safetensors")

// maxHeader bounds the JSON header so a corrupt length cannot trigger a huge
// allocation (the reference implementation uses the same 100 MB limit).
const maxHeader = 100 << 20

// TensorInfo describes one tensor of a safetensors file.
type TensorInfo struct {
	DType      string // "F32", "BF16", "F16", …
	Shape      []int
	Begin, End int64 // byte range relative to the data section
}

// Safetensors is an open safetensors file. Read reuses one buffer, so a
// file must not be read from several goroutines at once.
type Safetensors struct {
	Path     string
	Tensors  map[string]TensorInfo
	Metadata map[string]string
	r        io.ReaderAt
	closer   io.Closer
	data     int64 // offset of the data section
	buf      []byte
}

// OpenSafetensors opens and validates the header of a safetensors file.
func OpenSafetensors(path string) (*Safetensors, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	s, err := ParseSafetensors(f, st.Size())
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s.Path, s.closer = path, f
	return s, nil
}

// ParseSafetensors reads the header of size bytes of safetensors data from r.
func ParseSafetensors(r io.ReaderAt, size int64) (*Safetensors, error) {
	var lenb [8]byte
	if _, err := r.ReadAt(lenb[:], 0); err != nil {
		return nil, fmt.Errorf("%w: file is %d bytes, too short for the header length", ErrSafetensors, size)
	}
	n := binary.LittleEndian.Uint64(lenb[:])
	if n > maxHeader || int64(n) > size-8 {
		return nil, fmt.Errorf("%w: header length %d exceeds the file (%d bytes) or the 100 MB limit", ErrSafetensors, n, size)
	}
	hdr := make([]byte, n)
	if _, err := r.ReadAt(hdr, 8); err != nil {
		return nil, fmt.Errorf("%w: truncated header: %v", ErrSafetensors, err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(hdr, &raw); err != nil {
		return nil, fmt.Errorf("%w: header is not a JSON object: %v", ErrSafetensors, err)
	}
	s := &Safetensors{Tensors: map[string]TensorInfo{}, r: r, data: 8 + int64(n)}
	dataLen := size - s.data
	type span struct {
		name       string
		begin, end int64
	}
	var spans []span
	for name, msg := range raw {
		if name == "__metadata__" {
			if err := json.Unmarshal(msg, &s.Metadata); err != nil {
				return nil, fmt.Errorf("%w: __metadata__ must map strings to strings: %v", ErrSafetensors, err)
			}
			continue
		}
		var t struct {
			DType   string  `json:"dtype"`
			Shape   []int   `json:"shape"`
			Offsets []int64 `json:"data_offsets"`
		}
		if err := json.Unmarshal(msg, &t); err != nil {
			return nil, fmt.Errorf("%w: tensor %q: %v", ErrSafetensors, name, err)
		}
		if len(t.Offsets) != 2 || t.Offsets[0] < 0 || t.Offsets[1] < t.Offsets[0] {
			return nil, fmt.Errorf("%w: tensor %q: data_offsets %v must be [begin, end] with 0 ≤ begin ≤ end", ErrSafetensors, name, t.Offsets)
		}
		if t.Offsets[1] > dataLen {
			return nil, fmt.Errorf("%w: tensor %q: data_offsets end %d beyond the %d data bytes (truncated file?)", ErrSafetensors, name, t.Offsets[1], dataLen)
		}
		size, ok := dtypeSize(t.DType)
		if !ok {
			size = 0 // unknown dtypes are listed but cannot be read
		}
		elems := int64(1)
		for _, d := range t.Shape {
			if d < 0 || (d > 0 && elems > math.MaxInt64/int64(d)) {
				return nil, fmt.Errorf("%w: tensor %q: bad shape %v", ErrSafetensors, name, t.Shape)
			}
			elems *= int64(d)
		}
		if size > 0 && elems*int64(size) != t.Offsets[1]-t.Offsets[0] {
			return nil, fmt.Errorf("%w: tensor %q: shape %v of %s needs %d bytes, data_offsets span %d", ErrSafetensors, name, t.Shape, t.DType, elems*int64(size), t.Offsets[1]-t.Offsets[0])
		}
		s.Tensors[name] = TensorInfo{DType: t.DType, Shape: t.Shape, Begin: t.Offsets[0], End: t.Offsets[1]}
		spans = append(spans, span{name, t.Offsets[0], t.Offsets[1]})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].begin < spans[j].begin })
	for i := 1; i < len(spans); i++ {
		if spans[i].begin < spans[i-1].end {
			return nil, fmt.Errorf("%w: tensors %q and %q overlap", ErrSafetensors, spans[i-1].name, spans[i].name)
		}
	}
	return s, nil
}

func dtypeSize(dt string) (int, bool) {
	switch dt {
	case "F32", "I32", "U32":
		return 4, true
	case "F16", "BF16", "I16", "U16":
		return 2, true
	case "F64", "I64", "U64":
		return 8, true
	case "I8", "U8", "BOOL", "F8_E4M3", "F8_E5M2":
		return 1, true
	}
	return 0, false
}

// Close releases the file.
func (s *Safetensors) Close() error {
	if s.closer != nil {
		return s.closer.Close()
	}
	return nil
}

// Read converts tensor name into dst, which must have exactly as many
// elements. F32, BF16 and F16 are accepted.
func (s *Safetensors) Read(name string, dst []float32) error {
	t, ok := s.Tensors[name]
	if !ok {
		return fmt.Errorf("%s: tensor %q not found", s.Path, name)
	}
	size, _ := dtypeSize(t.DType)
	if t.DType != "F32" && t.DType != "BF16" && t.DType != "F16" {
		return fmt.Errorf("%s: tensor %q: dtype %s not supported (F32, BF16, F16)", s.Path, name, t.DType)
	}
	if n := (t.End - t.Begin) / int64(size); n != int64(len(dst)) {
		return fmt.Errorf("%s: tensor %q has %d elements, want %d", s.Path, name, n, len(dst))
	}
	if cap(s.buf) < int(t.End-t.Begin) {
		s.buf = make([]byte, t.End-t.Begin)
	}
	b := s.buf[:t.End-t.Begin]
	if _, err := s.r.ReadAt(b, s.data+t.Begin); err != nil {
		return fmt.Errorf("%s: tensor %q: %w: %v", s.Path, name, ErrSafetensors, err)
	}
	switch t.DType {
	case "F32":
		for i := range dst {
			dst[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		}
	case "BF16":
		for i := range dst {
			dst[i] = math.Float32frombits(uint32(binary.LittleEndian.Uint16(b[2*i:])) << 16)
		}
	case "F16":
		for i := range dst {
			dst[i] = f16to32(binary.LittleEndian.Uint16(b[2*i:]))
		}
	}
	return nil
}

// f16to32 converts an IEEE half-precision value exactly.
func f16to32(h uint16) float32 {
	sign := uint32(h>>15) << 31
	exp := uint32(h>>10) & 0x1f
	man := uint32(h) & 0x3ff
	switch {
	case exp == 0x1f: // inf, nan
		return math.Float32frombits(sign | 0x7f800000 | man<<13)
	case exp == 0 && man == 0:
		return math.Float32frombits(sign)
	case exp == 0: // subnormal: normalise
		e := uint32(127 - 15 + 1)
		for man&0x400 == 0 {
			man <<= 1
			e--
		}
		return math.Float32frombits(sign | e<<23 | (man&0x3ff)<<13)
	}
	return math.Float32frombits(sign | (exp+127-15)<<23 | man<<13)
}

// f32to16 rounds to the nearest half-precision value (ties to even),
// saturating to infinity.
func f32to16(f float32) uint16 {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	exp := int32(b>>23&0xff) - 127 + 15
	man := b & 0x7fffff
	if b&0x7fffffff > 0x7f800000 {
		return sign | 0x7e00 // nan
	}
	if exp >= 0x1f {
		return sign | 0x7c00
	}
	if exp <= 0 {
		if exp < -10 {
			return sign
		}
		man |= 0x800000
		shift := uint32(14 - exp)
		half := uint32(1) << (shift - 1)
		r := man >> shift
		if rem := man & (1<<shift - 1); rem > half || (rem == half && r&1 == 1) {
			r++
		}
		return sign | uint16(r)
	}
	r := uint32(exp)<<10 | man>>13
	if rem := man & 0x1fff; rem > 0x1000 || (rem == 0x1000 && r&1 == 1) {
		r++ // may carry into the exponent, which is the correct rounding
	}
	return sign | uint16(r)
}

// Tensor is one named float32 tensor to write.
type Tensor struct {
	Name  string
	Shape []int
	Data  []float32
}

// WriteSafetensors writes tensors as F32 to path atomically. Tensors are
// laid out in the order given; the header is padded with spaces to a
// multiple of 8 bytes, as the reference implementation does.
func WriteSafetensors(path string, tensors []Tensor, metadata map[string]string, force bool) error {
	return WriteSafetensorsAs(path, tensors, metadata, "F32", force)
}

// WriteSafetensorsAs is WriteSafetensors with the stored dtype chosen:
// "F32", or "BF16" / "F16" (rounded to nearest even; lossy).
func WriteSafetensorsAs(path string, tensors []Tensor, metadata map[string]string, dtype string, force bool) error {
	size := int64(4)
	switch dtype {
	case "F32":
	case "BF16", "F16":
		size = 2
	default:
		return fmt.Errorf("safetensors: cannot write dtype %q (F32, BF16, F16)", dtype)
	}
	hdr := map[string]any{}
	if len(metadata) > 0 {
		hdr["__metadata__"] = metadata
	}
	var off int64
	for _, t := range tensors {
		n := 1
		for _, d := range t.Shape {
			n *= d
		}
		if n != len(t.Data) {
			return fmt.Errorf("tensor %q: shape %v has %d elements but data has %d", t.Name, t.Shape, n, len(t.Data))
		}
		shape := t.Shape
		if shape == nil {
			shape = []int{}
		}
		hdr[t.Name] = map[string]any{"dtype": dtype, "shape": shape, "data_offsets": []int64{off, off + size*int64(n)}}
		off += size * int64(n)
	}
	js, err := json.Marshal(hdr)
	if err != nil {
		return err
	}
	for len(js)%8 != 0 {
		js = append(js, ' ')
	}
	f, err := atomicfile.Create(path, force)
	if err != nil {
		return err
	}
	defer f.Abort()
	w := newBufWriter(f)
	var lenb [8]byte
	binary.LittleEndian.PutUint64(lenb[:], uint64(len(js)))
	w.write(lenb[:])
	w.write(js)
	for _, t := range tensors {
		switch dtype {
		case "F32":
			w.f32(t.Data)
		case "F16":
			w.f16(t.Data)
		case "BF16":
			w.bf16(t.Data)
		}
	}
	if err := w.flush(); err != nil {
		return err
	}
	return f.Commit()
}

// bufWriter batches little-endian writes and keeps the first error.
type bufWriter struct {
	w   io.Writer
	buf []byte
	n   int64
	err error
}

func newBufWriter(w io.Writer) *bufWriter { return &bufWriter{w: w, buf: make([]byte, 0, 1<<20)} }

func (b *bufWriter) write(p []byte) {
	b.n += int64(len(p))
	if len(b.buf)+len(p) > cap(b.buf) {
		b.flush()
	}
	if len(p) > cap(b.buf) {
		if b.err == nil {
			_, b.err = b.w.Write(p)
		}
		return
	}
	b.buf = append(b.buf, p...)
}

func (b *bufWriter) f32(x []float32) {
	for len(x) > 0 {
		if cap(b.buf)-len(b.buf) < 4 {
			b.flush()
		}
		n := min(len(x), (cap(b.buf)-len(b.buf))/4)
		for _, v := range x[:n] {
			b.buf = binary.LittleEndian.AppendUint32(b.buf, math.Float32bits(v))
		}
		b.n += 4 * int64(n)
		x = x[n:]
	}
}

func (b *bufWriter) f16(x []float32) {
	for len(x) > 0 {
		if cap(b.buf)-len(b.buf) < 2 {
			b.flush()
		}
		n := min(len(x), (cap(b.buf)-len(b.buf))/2)
		for _, v := range x[:n] {
			b.buf = binary.LittleEndian.AppendUint16(b.buf, f32to16(v))
		}
		b.n += 2 * int64(n)
		x = x[n:]
	}
}

func (b *bufWriter) bf16(x []float32) {
	for len(x) > 0 {
		if cap(b.buf)-len(b.buf) < 2 {
			b.flush()
		}
		n := min(len(x), (cap(b.buf)-len(b.buf))/2)
		for _, v := range x[:n] {
			b.buf = binary.LittleEndian.AppendUint16(b.buf, f32toBF16(v))
		}
		b.n += 2 * int64(n)
		x = x[n:]
	}
}

// f32toBF16 rounds to the nearest bfloat16 (ties to even), keeping NaN.
func f32toBF16(f float32) uint16 {
	b := math.Float32bits(f)
	if b&0x7fffffff > 0x7f800000 {
		return uint16(b>>16) | 0x40
	}
	b += 0x7fff + (b>>16)&1
	return uint16(b >> 16)
}

func (b *bufWriter) flush() error {
	if b.err == nil && len(b.buf) > 0 {
		_, b.err = b.w.Write(b.buf)
	}
	b.buf = b.buf[:0]
	return b.err
}
