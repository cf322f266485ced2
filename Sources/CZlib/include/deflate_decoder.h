#ifndef FLOWSCAN_DEFLATE_DECODER_H
#define FLOWSCAN_DEFLATE_DECODER_H

#include <stddef.h>

// A raw deflate (RFC 1951) decoder of our own, streaming, in constant memory: it decodes into
// its own buffer (32 KiB of history + a 256 KiB output area) and the caller takes the decoded
// bytes from there. It follows zlib's inflate (window bits -15) exactly: a stream zlib accepts is
// accepted, one zlib rejects is rejected with zlib's message, after the same bytes out, having
// consumed the same input bytes. Defined in deflate_decoder.c.

/// The decoder's state (opaque to Swift).
typedef struct deflate_decoder deflate_decoder;

/// What `deflate_decoder_run` stopped at.
typedef enum {
    /// The input is used up or the output area is full: take the output, call again.
    DEFLATE_DECODER_MORE = 0,
    /// The deflate stream ended (its last block); `consumed` stops at the byte holding its last bit.
    DEFLATE_DECODER_END = 1,
    /// The stream is damaged: `deflate_decoder_message` says how (zlib's words).
    DEFLATE_DECODER_ERROR = 2,
} deflate_decoder_status;

/// A new decoder at the start of a stream, or NULL when out of memory.
deflate_decoder *deflate_decoder_create(void);
void deflate_decoder_destroy(deflate_decoder *decoder);
/// Back to the start of a new stream, with no history (zlib's `inflateReset`).
void deflate_decoder_reset(deflate_decoder *decoder);

/// Decodes from `length` bytes at `input`, appending to the decoder's output, until the input is
/// used up, `wanted` bytes are out (or the output area is full), the stream ends or an error.
/// Call it only when the output of the previous call has all been taken
/// (`deflate_decoder_pending` is 0). `*consumed` is set to the input bytes used (bits of a partly
/// used byte are kept).
deflate_decoder_status deflate_decoder_run(deflate_decoder *decoder, const unsigned char *input,
                                           size_t length, size_t wanted, size_t *consumed);

/// Decoded bytes not yet taken, and where they start.
size_t deflate_decoder_pending(const deflate_decoder *decoder);
const unsigned char *deflate_decoder_output(const deflate_decoder *decoder);
/// Copies the first `count` (at most the pending count) pending bytes to `to` and marks them taken.
void deflate_decoder_copy_out(deflate_decoder *decoder, unsigned char *to, size_t count);
/// Marks `count` (at most the pending count) of the pending bytes as taken.
void deflate_decoder_take(deflate_decoder *decoder, size_t count);

/// zlib's message for the error `deflate_decoder_run` returned.
const char *deflate_decoder_message(const deflate_decoder *decoder);

#endif
