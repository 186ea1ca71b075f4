package corpus

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

// ipcMessages reads the messages of an Arrow IPC stream for ipc.NewReaderFromMessageReader,
// guarding memory against bad data: arrow's own reader allocates whatever sizes a message
// claims (metadata length, body length, vector lengths) before checking them. Here the
// metadata length is bounded, the flatbuffer is checked before arrow looks at it, and the body
// is read incrementally, so memory follows the bytes actually present.
//
// In an IPC file (after its magic), the footer follows the messages without an end-of-stream
// marker: with file set, anything that is not a continuation marker ends the stream.
type ipcMessages struct {
	r       io.Reader
	file    bool
	maxMeta int
	alloc   *boundedAllocator // its limit follows the message read last
	msg     *ipc.Message
	refs    atomic.Int64
	buf     [4]byte
}

var _ ipc.MessageReader = (*ipcMessages)(nil)

const ipcContinuation = 0xFFFFFFFF

func newIPCMessages(r io.Reader, file bool, maxMeta int, alloc *boundedAllocator) *ipcMessages {
	m := &ipcMessages{r: r, file: file, maxMeta: maxMeta, alloc: alloc}
	m.refs.Store(1)
	return m
}

func (m *ipcMessages) Retain() { m.refs.Add(1) }

func (m *ipcMessages) Release() {
	if m.refs.Add(-1) == 0 && m.msg != nil {
		m.msg.Release()
		m.msg = nil
	}
}

func (m *ipcMessages) u32() (uint32, error) {
	if _, err := io.ReadFull(m.r, m.buf[:]); err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint32(m.buf[:]), nil
}

func (m *ipcMessages) Message() (*ipc.Message, error) {
	cid, err := m.u32()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return nil, fmt.Errorf("arrow ipc: reading message start: %w", err)
	}
	var n uint32
	switch {
	case cid == 0:
		return nil, io.EOF
	case cid == ipcContinuation:
		if n, err = m.u32(); err != nil {
			return nil, fmt.Errorf("arrow ipc: reading message length: %w", err)
		}
		if n == 0 {
			return nil, io.EOF
		}
	case m.file:
		return nil, io.EOF // the footer of an IPC file
	default:
		n = cid // before Arrow 0.15 there was no continuation marker
	}
	if int64(n) > int64(m.maxMeta) {
		return nil, fmt.Errorf("arrow ipc: message metadata of %d bytes is over the limit of %d", n, m.maxMeta)
	}
	meta := make([]byte, n)
	if _, err := io.ReadFull(m.r, meta); err != nil {
		return nil, fmt.Errorf("arrow ipc: reading message metadata: %w", err)
	}
	info, err := checkIPCMessage(meta)
	if err != nil {
		return nil, fmt.Errorf("arrow ipc: bad message metadata: %w", err)
	}
	var body bytes.Buffer
	if k, err := io.CopyN(&body, m.r, info.bodyLen); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("arrow ipc: reading message body (%d of %d bytes): %w", k, info.bodyLen, err)
	}
	if info.compressed {
		if err := checkCompressed(body.Bytes(), info.buffers); err != nil {
			return nil, fmt.Errorf("arrow ipc: %w", err)
		}
	}
	m.alloc.setBody(info.bodyLen)
	if m.msg != nil {
		m.msg.Release()
	}
	m.msg = ipc.NewMessage(memory.NewBufferBytes(meta), memory.NewBufferBytes(body.Bytes()))
	return m.msg, nil
}

// boundedAllocator is the allocator arrow sizes a record batch's buffers with. arrow reads
// as many buffers and field nodes as the schema's types need, without checking them against
// the counts the message holds, so a message with fewer than its schema needs has arrow
// read sizes from whatever bytes follow (a binary column of 64 GiB, for one fuzzed file). No
// allocation may exceed bodyLimit of the message read last: a larger one panics with an
// error, which safely (around every call into arrow) turns into a reject of the input.
type boundedAllocator struct {
	mem   memory.Allocator
	limit atomic.Int64
}

func newBoundedAllocator() *boundedAllocator {
	a := &boundedAllocator{mem: memory.NewGoAllocator()}
	a.setBody(0)
	return a
}

var _ memory.Allocator = (*boundedAllocator)(nil)

// setBody sets the limit for a message body of n bytes.
func (a *boundedAllocator) setBody(n int64) { a.limit.Store(bodyLimit(n)) }

func (a *boundedAllocator) check(size int) {
	if limit := a.limit.Load(); int64(size) > limit {
		panic(fmt.Errorf("arrow ipc: a buffer of %d bytes, over the limit of %d for its message (the message lists fewer buffers than its schema needs?)", size, limit))
	}
}

func (a *boundedAllocator) Allocate(size int) []byte {
	a.check(size)
	return a.mem.Allocate(size)
}

func (a *boundedAllocator) Reallocate(size int, b []byte) []byte {
	a.check(size)
	return a.mem.Reallocate(size, b)
}

func (a *boundedAllocator) Free(b []byte) { a.mem.Free(b) }

// fbuf is a flatbuffer under verification: every offset and length is checked against it.
type fbuf []byte

var errFB = errors.New("flatbuffer offset out of range")

func (b fbuf) u32(at int) (int, error) {
	if at < 0 || at+4 > len(b) {
		return 0, errFB
	}
	return int(binary.LittleEndian.Uint32(b[at:])), nil
}

// table checks the table at pos and returns it.
func (b fbuf) table(pos int) (fbTable, error) {
	if pos < 0 || pos+4 > len(b) {
		return fbTable{}, errFB
	}
	vt := pos - int(int32(binary.LittleEndian.Uint32(b[pos:])))
	if vt < 0 || vt+4 > len(b) {
		return fbTable{}, errFB
	}
	size := int(binary.LittleEndian.Uint16(b[vt:]))
	if size < 4 || size%2 != 0 || vt+size > len(b) {
		return fbTable{}, errFB
	}
	return fbTable{b: b, pos: pos, vt: vt, vtSize: size}, nil
}

type fbTable struct {
	b       fbuf
	pos, vt int
	vtSize  int
}

// field returns the absolute position of field i of the given size, or -1 when absent.
func (t fbTable) field(i, size int) (int, error) {
	o := 4 + 2*i
	if o+2 > t.vtSize {
		return -1, nil
	}
	off := int(binary.LittleEndian.Uint16(t.b[t.vt+o:]))
	if off == 0 {
		return -1, nil
	}
	at := t.pos + off
	if at+size > len(t.b) {
		return 0, errFB
	}
	return at, nil
}

// ref follows the offset stored in field i (a table, vector or string); -1 when absent.
func (t fbTable) ref(i int) (int, error) {
	at, err := t.field(i, 4)
	if at < 0 || err != nil {
		return at, err
	}
	off, err := t.b.u32(at)
	if err != nil {
		return 0, err
	}
	if at+off > len(t.b) {
		return 0, errFB
	}
	return at + off, nil
}

func (t fbTable) subtable(i int) (fbTable, bool, error) {
	at, err := t.ref(i)
	if at < 0 || err != nil {
		return fbTable{}, false, err
	}
	st, err := t.b.table(at)
	return st, err == nil, err
}

// vector returns the element count and start of the vector in field i, after checking that
// n elements of elem bytes fit.
func (t fbTable) vector(i, elem int) (n, start int, err error) {
	at, err := t.ref(i)
	if at < 0 || err != nil {
		return 0, 0, err
	}
	n, err = t.b.u32(at)
	if err != nil {
		return 0, 0, err
	}
	if n > (len(t.b)-at-4)/max(elem, 1) {
		return 0, 0, errFB
	}
	return n, at + 4, nil
}

func (t fbTable) i64(i int) (int64, error) {
	at, err := t.field(i, 8)
	if at < 0 || err != nil {
		return 0, err
	}
	return int64(binary.LittleEndian.Uint64(t.b[at:])), nil
}

func (t fbTable) u8(i int) (byte, error) {
	at, err := t.field(i, 1)
	if at < 0 || err != nil {
		return 0, err
	}
	return t.b[at], nil
}

// tables checks a vector of tables (field i) and calls each for every element.
func (t fbTable) tables(i int, each func(fbTable) error) error {
	n, start, err := t.vector(i, 4)
	if err != nil {
		return err
	}
	for k := range n {
		at := start + 4*k
		off, err := t.b.u32(at)
		if err != nil {
			return err
		}
		st, err := t.b.table(at + off)
		if err != nil {
			return err
		}
		if err := each(st); err != nil {
			return err
		}
	}
	return nil
}

// ipcInfo is what checkIPCMessage learns of a message.
type ipcInfo struct {
	bodyLen    int64
	compressed bool       // the body's buffers are compressed (LZ4 or ZSTD)
	buffers    [][2]int64 // offset and length of each buffer in the body
}

// checkIPCMessage verifies the parts of an IPC message's flatbuffer that arrow sizes
// allocations by.
func checkIPCMessage(meta []byte) (info ipcInfo, err error) {
	b := fbuf(meta)
	root, err := b.u32(0)
	if err != nil {
		return info, err
	}
	msg, err := b.table(root)
	if err != nil {
		return info, err
	}
	if info.bodyLen, err = msg.i64(3); err != nil {
		return info, err
	}
	if info.bodyLen < 0 {
		return info, fmt.Errorf("negative body length %d", info.bodyLen)
	}
	if err := checkKeyValues(msg, 4); err != nil {
		return info, err
	}
	kind, err := msg.u8(1)
	if err != nil {
		return info, err
	}
	header, ok, err := msg.subtable(2)
	if err != nil || !ok {
		return info, err
	}
	switch kind {
	case 1: // Schema
		if _, _, err := header.vector(3, 8); err != nil {
			return info, err
		}
		if err := checkKeyValues(header, 2); err != nil {
			return info, err
		}
		err = header.tables(1, func(f fbTable) error { return checkField(f, 0) })
	case 2: // DictionaryBatch
		var rb fbTable
		if rb, ok, err = header.subtable(1); err == nil && ok {
			err = checkRecordBatch(rb, &info)
		}
	case 3: // RecordBatch
		err = checkRecordBatch(header, &info)
	default:
		err = fmt.Errorf("unsupported message type %d", kind)
	}
	return info, err
}

// bodyLimit is the most that the buffers of a message body of n bytes may take once
// decompressed: 64 times the body, or 64 MiB for small bodies.
func bodyLimit(n int64) int64 { return max(64<<20, 64*n) }

// checkCompressed bounds what decompression will allocate: each compressed buffer starts
// with its uncompressed length; all of them together may not exceed bodyLimit.
func checkCompressed(body []byte, buffers [][2]int64) error {
	limit := bodyLimit(int64(len(body)))
	var total int64
	for _, b := range buffers {
		if b[1] < 8 {
			continue
		}
		n := int64(binary.LittleEndian.Uint64(body[b[0]:]))
		if n < -1 || n > limit-total {
			return fmt.Errorf("compressed buffer claims %d bytes, over the limit of %d for a body of %d bytes", n, limit, len(body))
		}
		total += max(n, 0)
	}
	return nil
}

func checkKeyValues(t fbTable, i int) error {
	return t.tables(i, func(kv fbTable) error {
		for _, f := range []int{0, 1} {
			if _, _, err := kv.vector(f, 1); err != nil {
				return err
			}
		}
		return nil
	})
}

func checkField(f fbTable, depth int) error {
	if depth > 64 {
		return errors.New("schema nested too deeply")
	}
	if _, _, err := f.vector(0, 1); err != nil { // name
		return err
	}
	if _, _, err := f.subtable(3); err != nil { // type
		return err
	}
	if d, ok, err := f.subtable(4); err != nil { // dictionary
		return err
	} else if ok {
		if _, _, err := d.subtable(1); err != nil {
			return err
		}
	}
	if err := checkKeyValues(f, 6); err != nil {
		return err
	}
	return f.tables(5, func(c fbTable) error { return checkField(c, depth+1) })
}

// checkRecordBatch bounds the lengths arrow allocates by: rows and array lengths cannot be
// more than eight per body byte (a bit each), buffers must lie inside the body.
func checkRecordBatch(rb fbTable, info *ipcInfo) error {
	bodyLen := info.bodyLen
	limit := 8*bodyLen + 64
	length, err := rb.i64(0)
	if err != nil {
		return err
	}
	if length < 0 || length > limit {
		return fmt.Errorf("record batch of %d rows in a body of %d bytes", length, bodyLen)
	}
	n, start, err := rb.vector(1, 16) // FieldNode {length, null_count int64}
	if err != nil {
		return err
	}
	for k := range n {
		at := start + 16*k
		l := int64(binary.LittleEndian.Uint64(rb.b[at:]))
		nulls := int64(binary.LittleEndian.Uint64(rb.b[at+8:]))
		if l < 0 || l > limit || nulls < 0 || nulls > l {
			return fmt.Errorf("array of %d values (%d null) in a body of %d bytes", l, nulls, bodyLen)
		}
	}
	n, start, err = rb.vector(2, 16) // Buffer {offset, length int64}
	if err != nil {
		return err
	}
	for k := range n {
		at := start + 16*k
		off := int64(binary.LittleEndian.Uint64(rb.b[at:]))
		l := int64(binary.LittleEndian.Uint64(rb.b[at+8:]))
		if off < 0 || l < 0 || off > bodyLen || l > bodyLen-off {
			return fmt.Errorf("buffer [%d, +%d) outside a body of %d bytes", off, l, bodyLen)
		}
		info.buffers = append(info.buffers, [2]int64{off, l})
	}
	_, compressed, err := rb.subtable(3)
	if err != nil {
		return err
	}
	info.compressed = compressed
	_, _, err = rb.vector(4, 8)
	return err
}
