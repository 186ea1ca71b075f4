package output

import (
	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go/compress"
	pqzstd "github.com/parquet-go/parquet-go/compress/zstd"
	"github.com/parquet-go/parquet-go/format"
)

// zstdCodec is parquet-go's zstd codec (same level and options, so the same bytes for pages
// up to 1 MiB, which is all of them) with one encoder that lives as long as the Run.
// parquet-go keeps its encoders in a sync.Pool, which the garbage collector empties: every
// collection then cost a new encoder and its history, about 110 MB of allocations on the
// 50 MB corpus.
type zstdCodec struct {
	enc *zstd.Encoder
	dec pqzstd.Codec // decoding is not on the write path
}

var _ compress.Codec = (*zstdCodec)(nil)

// newZstdCodec returns a codec with a single encoder: a Run writes under its lock, so pages
// are never compressed two at a time. Its window is 1 MiB rather than the level's 8 MiB:
// parquet-go compresses one page at a time, and a page rarely outgrows its 256 KiB buffer,
// while each encoder allocates and clears a history of twice its window on first use (two
// encoders with 16 MiB each cost about 6 ms of CPU per run).
func newZstdCodec() (*zstdCodec, error) {
	enc, err := zstd.NewWriter(nil,
		zstd.WithEncoderConcurrency(1),
		zstd.WithWindowSize(1<<20),
		zstd.WithEncoderLevel(pqzstd.DefaultLevel),
		zstd.WithZeroFrames(true),
		zstd.WithEncoderCRC(false),
	)
	if err != nil {
		return nil, err
	}
	return &zstdCodec{enc: enc}, nil
}

func (c *zstdCodec) String() string { return "ZSTD" }

func (c *zstdCodec) CompressionCodec() format.CompressionCodec { return format.Zstd }

// Encode compresses src into dst; EncodeAll is safe for concurrent use.
func (c *zstdCodec) Encode(dst, src []byte) ([]byte, error) {
	return c.enc.EncodeAll(src, dst[:0]), nil
}

func (c *zstdCodec) Decode(dst, src []byte) ([]byte, error) { return c.dec.Decode(dst, src) }
