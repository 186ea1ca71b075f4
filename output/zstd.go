package output

import (
	"sync"

	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go/compress"
	pqzstd "github.com/parquet-go/parquet-go/compress/zstd"
	"github.com/parquet-go/parquet-go/format"
)

// zstdCodec is parquet-go's zstd codec (same level and options, so the same bytes for pages
// up to 1 MiB, which is all of them) with encoders that live as long as the Run.
// parquet-go keeps its encoders in a sync.Pool, which the garbage collector empties: every
// collection then cost a new encoder and its history, about 110 MB of allocations on the
// 50 MB corpus.
//
// A Run writes under its lock, but the Parquet writer of articles and the small reports
// (parquetFile) compresses the pages of two shares of the columns at once. The first
// encoder serves every page it is free for; the second only the page that comes while the
// first is busy, so that hits, written one page at a time, keep to one encoder and its
// tables stay in the cache (taking the encoders in turn made the hits of the topics stage
// about 10 ms slower).
type zstdCodec struct {
	mu     sync.Mutex // held while enc compresses
	enc    *zstd.Encoder
	second *zstd.Encoder // safe for concurrent use: its calls wait for its one encoder
	dec    pqzstd.Codec  // decoding is not on the write path
}

var _ compress.Codec = (*zstdCodec)(nil)

// newZstdCodec returns a codec of two single encoders. Their window is 1 MiB rather than the
// level's 8 MiB: parquet-go compresses one page at a time, and a page rarely outgrows its
// 256 KiB buffer, while each encoder allocates and clears a history of twice its window on
// first use (two encoders with 16 MiB each cost about 6 ms of CPU per run).
func newZstdCodec() (*zstdCodec, error) {
	var encs [2]*zstd.Encoder
	for i := range encs {
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
		encs[i] = enc
	}
	return &zstdCodec{enc: encs[0], second: encs[1]}, nil
}

func (c *zstdCodec) String() string { return "ZSTD" }

func (c *zstdCodec) CompressionCodec() format.CompressionCodec { return format.Zstd }

// Encode compresses src into dst with the first encoder if it is free, else the second.
func (c *zstdCodec) Encode(dst, src []byte) ([]byte, error) {
	if c.mu.TryLock() {
		defer c.mu.Unlock()
		return c.enc.EncodeAll(src, dst[:0]), nil
	}
	return c.second.EncodeAll(src, dst[:0]), nil
}

func (c *zstdCodec) Decode(dst, src []byte) ([]byte, error) { return c.dec.Decode(dst, src) }
