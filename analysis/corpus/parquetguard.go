package corpus

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parquet-go/parquet-go/format"
)

// The Parquet guard checks a file's footer, the column chunks to be read and their page headers
// against the file's size and the limits below before parquet-go sizes anything by them:
// parquet-go allocates whatever a file claims (the footer length, thrift list lengths, a page's
// compressed and uncompressed sizes, its number of values). The guard reads the thrift compact
// encoding itself, by small windows, and never allocates by a size it has not checked.
const (
	// pqMinPageLimit is the floor of the page limit: the largest uncompressed page (and the
	// largest num_values × bytes per value) accepted. Writers cut pages near 1 MiB (parquet-mr,
	// arrow) or smaller (parquet-go); large dictionary pages stay well under this.
	pqMinPageLimit = 256 << 20
	// pqMetaLimit bounds the memory the decoded footer may take (an estimate: pqStructCost per
	// list element of structs, pqScalarCost per other element).
	pqMetaLimit = 256 << 20
	// pqStructCost is the memory of one decoded list element of structs: format.ColumnChunk is
	// 560 bytes, and parquet-go keeps its own objects per column chunk besides.
	pqStructCost = 1024
	pqScalarCost = 24
	// pqMaxDepth bounds thrift nesting; Parquet's own metadata nests about 7 deep.
	pqMaxDepth = 32
	// pqPerValue is the least memory counted per value of a page: levels (1 byte), offsets of
	// byte arrays (4) and dictionary indexes (4) or fixed-size values (up to 12).
	pqPerValue = 16
	// pqRatioSlack is added to the codec's ratio bound, for tiny pages with codec headers.
	pqRatioSlack = 4 << 10
)

// pqMaxRatio returns, per codec, a bound on uncompressed/compressed size that no stream of that
// codec exceeds, or 0 when there is none: snappy copies at most 64 bytes per 2-5 byte element
// (about 21:1); LZ4 at most 255 bytes per length byte; deflate (gzip) at most 258 bytes per 2
// bits (1032:1); a zstd RLE block, its densest, gives 128 KiB from 4 bytes (32768:1). Brotli has
// no practical bound: only the page limit applies. Uncompressed pages are the same size both ways.
func pqMaxRatio(c format.CompressionCodec) int64 {
	switch c {
	case format.Uncompressed:
		return 1
	case format.Snappy:
		return 32
	case format.Gzip:
		return 1100
	case format.Lz4, format.Lz4Raw:
		return 260
	case format.Zstd:
		return 33000
	}
	return 0
}

// pqLimits are the guard's limits, derived from the options.
type pqLimits struct {
	page int64 // largest uncompressed page, and num_values × bytes per value
	meta int64 // estimated memory of the decoded footer
}

func newPQLimits(cfg *config) pqLimits {
	return pqLimits{page: max(pqMinPageLimit, 2*int64(cfg.maxRow)), meta: pqMetaLimit}
}

// pqWindow reads a region [pos, end) of an io.ReaderAt through a small buffer.
type pqWindow struct {
	r        io.ReaderAt
	pos, end int64
	buf      []byte
	bufAt    int64 // file offset of buf[0]
}

func newPQWindow(r io.ReaderAt, buf []byte) *pqWindow {
	return &pqWindow{r: r, buf: buf[:0]}
}

func (w *pqWindow) reset(pos, end int64) {
	w.pos, w.end = pos, end
}

func (w *pqWindow) readByte() (byte, error) {
	if w.pos >= w.end {
		return 0, io.ErrUnexpectedEOF
	}
	if i := w.pos - w.bufAt; i >= 0 && i < int64(len(w.buf)) {
		w.pos++
		return w.buf[i], nil
	}
	n := min(int64(cap(w.buf)), w.end-w.pos)
	b := w.buf[:n]
	k, err := w.r.ReadAt(b, w.pos)
	if k == 0 {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return 0, err
	}
	w.buf, w.bufAt = b[:k], w.pos
	w.pos++
	return b[0], nil
}

func (w *pqWindow) skip(n int64) error {
	if n < 0 || n > w.end-w.pos {
		return fmt.Errorf("%d bytes claimed with %d left: %w", n, w.end-w.pos, io.ErrUnexpectedEOF)
	}
	w.pos += n
	return nil
}

func (w *pqWindow) uvarint() (uint64, error) {
	var x uint64
	for s := uint(0); s < 64; s += 7 {
		b, err := w.readByte()
		if err != nil {
			return 0, err
		}
		x |= uint64(b&0x7f) << s
		if b < 0x80 {
			return x, nil
		}
	}
	return 0, errors.New("varint too long")
}

func (w *pqWindow) varint() (int64, error) {
	u, err := w.uvarint()
	return int64(u>>1) ^ -int64(u&1), err
}

// thrift compact protocol types
const (
	tStop = iota
	tTrue
	tFalse
	tByte
	tI16
	tI32
	tI64
	tDouble
	tBinary
	tList
	tSet
	tMap
	tStruct
)

// pqWalker walks thrift compact values, checking every length against the bytes left and
// counting the memory a decoder would give the lists.
type pqWalker struct {
	w   *pqWindow
	mem int64
	// ints, when set, is given every integer field of the top-level struct and of the
	// structs in it: (outer field id, field id) with outer 0 at the top.
	ints func(outer, id int16, v int64)
}

func (p *pqWalker) structure(depth int, outer int16) error {
	if depth > pqMaxDepth {
		return fmt.Errorf("thrift nesting over %d", pqMaxDepth)
	}
	var id int16
	for {
		b, err := p.w.readByte()
		if err != nil {
			return err
		}
		typ := b & 0x0f
		if typ == tStop {
			return nil
		}
		if d := b >> 4; d != 0 {
			id += int16(d)
		} else {
			v, err := p.w.varint()
			if err != nil {
				return err
			}
			id = int16(v)
		}
		if p.ints != nil && depth <= 1 && (typ == tI16 || typ == tI32 || typ == tI64 || typ == tByte) {
			var v int64
			if typ == tByte {
				c, err := p.w.readByte()
				if err != nil {
					return err
				}
				v = int64(int8(c))
			} else if v, err = p.w.varint(); err != nil {
				return err
			}
			if depth == 0 {
				p.ints(0, id, v)
			} else {
				p.ints(outer, id, v)
			}
			continue
		}
		if typ == tStruct && depth == 0 {
			if err := p.structure(depth+1, id); err != nil {
				return err
			}
			continue
		}
		if err := p.value(typ, depth); err != nil {
			return err
		}
	}
}

func (p *pqWalker) value(typ byte, depth int) error {
	switch typ {
	case tTrue, tFalse:
		return nil
	case tByte:
		_, err := p.w.readByte()
		return err
	case tI16, tI32, tI64:
		_, err := p.w.uvarint()
		return err
	case tDouble:
		return p.w.skip(8)
	case tBinary:
		n, err := p.w.uvarint()
		if err != nil {
			return err
		}
		if n > uint64(p.w.end-p.w.pos) {
			return fmt.Errorf("binary of %d bytes with %d left: %w", n, p.w.end-p.w.pos, io.ErrUnexpectedEOF)
		}
		return p.w.skip(int64(n))
	case tList, tSet:
		b, err := p.w.readByte()
		if err != nil {
			return err
		}
		n, elem := uint64(b>>4), b&0x0f
		if n == 15 {
			if n, err = p.w.uvarint(); err != nil {
				return err
			}
		}
		return p.elements(n, elem, depth)
	case tMap:
		n, err := p.w.uvarint()
		if err != nil || n == 0 {
			return err
		}
		kv, err := p.w.readByte()
		if err != nil {
			return err
		}
		if err := p.elements(2*n, 0, depth); err != nil { // counts the memory only
			return err
		}
		for range n {
			if err := p.element(kv>>4, depth+1); err != nil {
				return err
			}
			if err := p.element(kv&0x0f, depth+1); err != nil {
				return err
			}
		}
		return nil
	case tStruct:
		return p.structure(depth+1, 0)
	}
	return fmt.Errorf("unknown thrift type %d", typ)
}

// elements checks a count of elements against the bytes left (each takes at least one), counts
// their memory and, unless elem is 0, walks them.
func (p *pqWalker) elements(n uint64, elem byte, depth int) error {
	if depth > pqMaxDepth {
		return fmt.Errorf("thrift nesting over %d", pqMaxDepth)
	}
	if n > uint64(p.w.end-p.w.pos) {
		return fmt.Errorf("list of %d elements with %d bytes left: %w", n, p.w.end-p.w.pos, io.ErrUnexpectedEOF)
	}
	cost := int64(pqScalarCost)
	if elem == tStruct {
		cost = pqStructCost
	}
	p.mem += int64(n) * cost
	if elem == 0 {
		return nil
	}
	for range n {
		if err := p.element(elem, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// element walks an element of a list, set or map, where a boolean takes a byte.
func (p *pqWalker) element(typ byte, depth int) error {
	if typ == tTrue || typ == tFalse {
		return p.w.skip(1)
	}
	return p.value(typ, depth)
}

// checkPQFooter checks a Parquet file's magic numbers, footer length and footer (thrift
// nesting, every list and string against the bytes left, the estimated memory of the decoded
// metadata) before parquet-go reads it. It returns the footer's length.
func checkPQFooter(r io.ReaderAt, size int64, lim pqLimits) (int64, error) {
	if size < 12 {
		return 0, fmt.Errorf("file of %d bytes is too short for parquet", size)
	}
	var head, tail [8]byte
	if _, err := r.ReadAt(head[:4], 0); err != nil {
		return 0, fmt.Errorf("reading magic header: %w", err)
	}
	if _, err := r.ReadAt(tail[:], size-8); err != nil {
		return 0, fmt.Errorf("reading magic footer: %w", err)
	}
	if string(head[:4]) != "PAR1" || string(tail[4:]) != "PAR1" {
		return 0, fmt.Errorf("no PAR1 magic numbers at both ends (encrypted files are not read)")
	}
	n := int64(binary.LittleEndian.Uint32(tail[:4]))
	if n > size-12 {
		return 0, fmt.Errorf("footer of %d bytes claimed in a file of %d bytes", n, size)
	}
	var buf [4096]byte
	w := newPQWindow(r, buf[:])
	w.reset(size-8-n, size-8)
	p := &pqWalker{w: w}
	if err := p.structure(0, 0); err != nil {
		return 0, fmt.Errorf("footer: %w", err)
	}
	if p.mem > lim.meta {
		return 0, fmt.Errorf("footer would take about %d bytes decoded, over the limit of %d", p.mem, lim.meta)
	}
	return n, nil
}

// checkPQChunks checks, for every row group, every column chunk (parquet-go reads all the
// columns of a row group when reading its rows): their offsets and
// sizes lie within the file's data (before the footer), and each page header in them is sound
// and claims a compressed size that fits in the rest of the chunk, an uncompressed size under
// the page limit and the codec's ratio, and a number of values whose memory stays under the
// page limit.
func checkPQChunks(r io.ReaderAt, size, footer int64, md *format.FileMetaData, lim pqLimits) error {
	dataEnd := size - 8 - footer
	var buf [4096]byte
	w := newPQWindow(r, buf[:])
	widths := pqWidths(md)
	for g := range md.RowGroups {
		rg := &md.RowGroups[g]
		for c := range rg.Columns {
			m := &rg.Columns[c].MetaData
			where := func() string { return fmt.Sprintf("row group %d, column %q", g, strings.Join(m.PathInSchema, ".")) }
			var width int64
			if c < len(widths) {
				width = widths[c]
			}
			if width < 0 || width > lim.page {
				return fmt.Errorf("%s: values of %d bytes, over the limit of %d", where(), width, lim.page)
			}
			base := m.DataPageOffset
			if m.DictionaryPageOffset != 0 {
				base = m.DictionaryPageOffset
			}
			if base < 4 || base >= dataEnd || m.TotalCompressedSize < 0 || m.TotalCompressedSize > dataEnd-base {
				return fmt.Errorf("%s: chunk of %d bytes at offset %d is outside the file's %d bytes of data",
					where(), m.TotalCompressedSize, base, dataEnd)
			}
			if m.DataPageOffset < base || m.DataPageOffset > base+m.TotalCompressedSize {
				return fmt.Errorf("%s: data page offset %d is outside the chunk at %d..%d",
					where(), m.DataPageOffset, base, base+m.TotalCompressedSize)
			}
			ratio := pqMaxRatio(m.Codec)
			if ratio == 0 {
				ratio = lim.page // brotli and others: the page limit alone
			}
			perValue := max(pqPerValue, width)
			end := base + m.TotalCompressedSize
			for pos := base; pos < end; {
				w.reset(pos, end)
				var h pqPage
				p := &pqWalker{w: w, ints: h.set}
				if err := p.structure(0, 0); err != nil {
					return fmt.Errorf("%s: page header at byte %d: %w", where(), pos, err)
				}
				if err := h.check(end-w.pos, ratio, perValue, lim); err != nil {
					return fmt.Errorf("%s: page at byte %d: %w", where(), pos, err)
				}
				pos = w.pos + h.compressed
			}
		}
	}
	return nil
}

// pqPage is what the guard reads of a page header.
type pqPage struct {
	compressed, uncompressed int64
	numValues                int64
	seen                     int // bit 0: compressed size, bit 1: uncompressed size
}

func (h *pqPage) set(outer, id int16, v int64) {
	switch {
	case outer == 0 && id == 2:
		h.uncompressed, h.seen = v, h.seen|2
	case outer == 0 && id == 3:
		h.compressed, h.seen = v, h.seen|1
	case (outer == 5 || outer == 7 || outer == 8) && id == 1: // data v1, dictionary, data v2
		h.numValues = max(h.numValues, v)
	}
}

func (h *pqPage) check(left, ratio, perValue int64, lim pqLimits) error {
	switch {
	case h.seen != 3:
		return errors.New("page header without its sizes")
	case h.compressed < 0 || h.compressed > left:
		return fmt.Errorf("compressed size of %d bytes with %d left in the column chunk", h.compressed, left)
	case h.uncompressed < 0 || h.uncompressed > lim.page:
		return fmt.Errorf("uncompressed size of %d bytes, over the limit of %d", h.uncompressed, lim.page)
	case ratio < lim.page && h.compressed < lim.page && h.uncompressed > ratio*h.compressed+pqRatioSlack:
		return fmt.Errorf("uncompressed size of %d bytes from %d compressed, over the codec's ratio of %d",
			h.uncompressed, h.compressed, ratio)
	case h.numValues < 0 || h.numValues > lim.page/perValue:
		return fmt.Errorf("%d values, over the limit of %d for the page limit of %d bytes",
			h.numValues, lim.page/perValue, lim.page)
	}
	return nil
}

// pqWidths returns, per leaf column of a file's schema (in the order of the column chunks), the
// bytes of one value when the type fixes it, or 0.
func pqWidths(md *format.FileMetaData) []int64 {
	var widths []int64
	for i, e := range md.Schema {
		if i == 0 || (e.NumChildren.Valid && e.NumChildren.V > 0) {
			continue
		}
		var w int64
		switch {
		case e.Type.Valid && e.Type.V == format.FixedLenByteArray && e.TypeLength.Valid:
			w = int64(e.TypeLength.V)
		case e.Type.Valid && e.Type.V == format.Int96:
			w = 12
		}
		widths = append(widths, w)
	}
	return widths
}
