// A raw deflate decoder (RFC 1951) that reads as zlib's inflate does, faster.
//
// Two paths share one state:
// - the careful path, a state machine modelled on zlib's inflate.c: it takes input a byte at a
//   time, only when the next step needs its bits, can stop at any byte and resume, and never
//   reads past the input it was given. Block headers, code tables, stored blocks and the last
//   bytes of every input go through it.
// - the fast loop (libdeflate's tricks), entered while at least FAST_INPUT input bytes and
//   FAST_OUTPUT bytes of output room remain: a 64-bit bit buffer refilled without branches by an
//   unaligned 8-byte load, one table lookup per literal or length (entries pack the symbol, its
//   code length and extra bits), match copies by 8-byte words. On leaving it gives back the
//   whole bytes still in the bit buffer, so the careful path goes on from the exact bit.
//
// Output goes to the decoder's own buffer: 32 KiB of history, then the output area. Matches
// always reach back inside it; when the area runs low the last 32 KiB slide to the front.
// A distance further back than the stream's output so far is zlib's "invalid distance too far
// back": before the first slide the output so far is exactly `put - window`, after it the buffer
// holds 32 KiB, the longest distance.
#include "deflate_decoder.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum {
    HISTORY = 32768,
    AREA = 1 << 18,
    /// Room past the area (the fast loop stops FAST_OUTPUT bytes before its end anyway).
    SLACK = 64,
    /// The fast loop refills 8 bytes at a time once per symbol.
    FAST_INPUT = 16,
    /// The longest match plus the overrun of its copy (up to 32 bytes for a short match).
    FAST_OUTPUT = 258 + 32,
};

/// Table roots: the litlen and distance tables resolve codes up to these lengths in one lookup,
/// longer codes in a subtable.
enum { LITLEN_ROOT = 11, DIST_ROOT = 8, PRECODE_ROOT = 7 };
/// Over a complete code each subtable holds at least two codes: at most 286 / 2 subtables of
/// 2^(15 - 11) entries for lengths, 30 / 2 of 2^(15 - 8) for distances.
enum {
    LITLEN_TABLE = (1 << LITLEN_ROOT) + 143 * (1 << (15 - LITLEN_ROOT)),
    DIST_TABLE = (1 << DIST_ROOT) + 15 * (1 << (15 - DIST_ROOT)),
    PRECODE_TABLE = 1 << PRECODE_ROOT,
};

// A table entry: bits 0-7 code length (for a subtable link: the root bits), bits 8-11 extra bits
// of a length or distance (for a link: the subtable's index bits), bits 12-15 flags, bits 16-31
// the literal, the length or distance base, the code length symbol or the subtable's start.
enum {
    ENTRY_LITERAL = 1 << 12,
    ENTRY_LINK = 1 << 13,
    ENTRY_END = 1 << 14,
    ENTRY_INVALID = 1 << 15,
};
#define ENTRY(value, flags, extra, length) \
    ((uint32_t)(value) << 16 | (uint32_t)(flags) | (uint32_t)(extra) << 8 | (uint32_t)(length))
#define ENTRY_LENGTH(entry) ((entry) & 0xff)
#define ENTRY_EXTRA(entry) (((entry) >> 8) & 15)
#define ENTRY_VALUE(entry) ((entry) >> 16)

/// The kinds of code, as zlib's inflate_table names them.
typedef enum { CODES, LENS, DISTS } code_kind;

typedef enum {
    TYPE, STORED, COPY, TABLE, LENLENS, CODELENS, LEN, LENEXT, DIST, DISTEXT, MATCH, LIT, DONE, BAD
} decoder_mode;

/// The fast loop, chosen for the processor.
typedef void (*decode_fast_function)(deflate_decoder *, const unsigned char **, const unsigned char *,
                                     unsigned char **, unsigned char *, uint64_t *, unsigned *);

struct deflate_decoder {
    decoder_mode mode;
    int last;                   // the current block is the last
    uint64_t hold;              // bits not yet used, the next in the low bits; zero above `bits`
    unsigned bits;
    unsigned length, distance, extra;
    unsigned nlen, ndist, ncode, have;
    const char *message;
    const uint32_t *litlen, *dist;  // the current block's tables (fixed or dynamic)
    decode_fast_function decode_fast;
    size_t write, read;         // output: decoded up to `write`, taken up to `read`
    uint16_t lens[320];
    uint32_t precode_table[PRECODE_TABLE];
    uint32_t litlen_table[LITLEN_TABLE];
    uint32_t dist_table[DIST_TABLE];
    uint32_t fixed_litlen[1 << LITLEN_ROOT];
    uint32_t fixed_dist[1 << DIST_ROOT];
    unsigned char window[HISTORY + AREA + SLACK];
};

static decode_fast_function choose_decode_fast(void);

static const uint16_t length_base[29] = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t length_extra[29] = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
    257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
/// The order of the code length code lengths in a dynamic block header.
static const uint8_t precode_order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

static uint32_t make_entry(code_kind kind, unsigned symbol, unsigned length) {
    switch (kind) {
    case CODES:
        return ENTRY(symbol, 0, 0, length);
    case LENS:
        if (symbol < 256) return ENTRY(symbol, ENTRY_LITERAL, 0, length);
        if (symbol == 256) return ENTRY(0, ENTRY_END, 0, length);
        if (symbol < 286) return ENTRY(length_base[symbol - 257], 0, length_extra[symbol - 257], length);
        return ENTRY(0, ENTRY_INVALID, 0, length);  // 286 and 287, only in the fixed code
    case DISTS:
        if (symbol < 30) return ENTRY(dist_base[symbol], 0, dist_extra[symbol], length);
        return ENTRY(0, ENTRY_INVALID, 0, length);  // 30 and 31, only in the fixed code
    }
    return 0;
}

/// Reverses the low `length` bits of `code` (deflate sends Huffman codes high bit first).
static unsigned reverse_bits(unsigned code, unsigned length) {
    unsigned reversed = 0;
    while (length--) {
        reversed = reversed << 1 | (code & 1);
        code >>= 1;
    }
    return reversed;
}

/// Builds the decoding table of a canonical code from `count` code lengths, with zlib's rules
/// (inftrees.c): an over-subscribed set is an error; an incomplete set is an error unless it is
/// a length or distance code of exactly one code of length 1; a set of no codes gives a table
/// whose every entry is invalid and 1 bit long (for code lengths: the length 0, as zlib reads it).
/// - Returns: 0, or -1 for a set zlib rejects.
static int build_table(uint32_t *table, unsigned root, const uint16_t *lens, unsigned count, code_kind kind) {
    unsigned counts[16] = {0};
    for (unsigned symbol = 0; symbol < count; symbol++) counts[lens[symbol]]++;
    unsigned max = 15;
    while (max >= 1 && counts[max] == 0) max--;
    if (max == 0) {
        uint32_t empty = kind == CODES ? ENTRY(0, 0, 0, 1) : ENTRY(0, ENTRY_INVALID, 0, 1);
        for (unsigned index = 0; index < 1u << root; index++) table[index] = empty;
        return 0;
    }
    int left = 1;
    for (unsigned length = 1; length <= 15; length++) {
        left <<= 1;
        left -= (int)counts[length];
        if (left < 0) return -1;
    }
    if (left > 0 && (kind == CODES || max != 1)) return -1;

    unsigned offsets[17];
    offsets[1] = 0;
    for (unsigned length = 1; length < 16; length++) offsets[length + 1] = offsets[length] + counts[length];
    uint16_t sorted[320];
    for (unsigned symbol = 0; symbol < count; symbol++) {
        if (lens[symbol] != 0) sorted[offsets[lens[symbol]]++] = (uint16_t)symbol;
    }
    if (left > 0) {
        // The one unused 1-bit code of an incomplete set.
        for (unsigned index = 0; index < 1u << root; index++) table[index] = ENTRY(0, ENTRY_INVALID, 0, 1);
    }
    unsigned next_subtable = 1u << root;
    unsigned sub_bits = max > root ? max - root : 0;
    // Canonical codes in (length, symbol) order are in the order of their bits: the codes longer
    // than the root that share its first bits come one after another, in one subtable.
    unsigned linked_prefix = ~0u;
    unsigned code = 0, position = 0;
    for (unsigned length = 1; length <= max; length++, code <<= 1) {
        for (unsigned n = 0; n < counts[length]; n++, code++) {
            uint32_t entry = make_entry(kind, sorted[position++], length);
            unsigned reversed = reverse_bits(code, length);
            if (length <= root) {
                for (unsigned index = reversed; index < 1u << root; index += 1u << length) table[index] = entry;
                continue;
            }
            unsigned prefix = reversed & ((1u << root) - 1);
            if (prefix != linked_prefix) {
                table[prefix] = ENTRY(next_subtable, ENTRY_LINK, sub_bits, root);
                next_subtable += 1u << sub_bits;
                linked_prefix = prefix;
            }
            uint32_t *sub = table + ENTRY_VALUE(table[prefix]);
            for (unsigned index = reversed >> root; index < 1u << sub_bits; index += 1u << (length - root)) {
                sub[index] = entry;
            }
        }
    }
    return 0;
}

/// The entry for the code at the low bits of `hold` (its bits and those of a subtable link
/// counted from the same bits).
static inline uint32_t follow_link(const uint32_t *table, unsigned root, uint32_t entry, uint64_t hold) {
    return table[ENTRY_VALUE(entry) + ((unsigned)(hold >> root) & ((1u << ENTRY_EXTRA(entry)) - 1))];
}

/// The entry for the next code if the `bits` held determine it, else 0 (more input needed).
static inline uint32_t lookup(const uint32_t *table, unsigned root, uint64_t hold, unsigned bits) {
    uint32_t entry = table[hold & ((1u << root) - 1)];
    if (ENTRY_LENGTH(entry) > bits) return 0;
    if (entry & ENTRY_LINK) {
        entry = follow_link(table, root, entry, hold);
        if (ENTRY_LENGTH(entry) > bits) return 0;
    }
    return entry;
}

deflate_decoder *deflate_decoder_create(void) {
    deflate_decoder *decoder = malloc(sizeof *decoder);
    if (!decoder) return NULL;
    uint16_t lens[288];
    unsigned symbol = 0;
    while (symbol < 144) lens[symbol++] = 8;
    while (symbol < 256) lens[symbol++] = 9;
    while (symbol < 280) lens[symbol++] = 7;
    while (symbol < 288) lens[symbol++] = 8;
    build_table(decoder->fixed_litlen, LITLEN_ROOT, lens, 288, LENS);
    for (symbol = 0; symbol < 32; symbol++) lens[symbol] = 5;
    build_table(decoder->fixed_dist, DIST_ROOT, lens, 32, DISTS);
    decoder->decode_fast = choose_decode_fast();
    deflate_decoder_reset(decoder);
    return decoder;
}

void deflate_decoder_destroy(deflate_decoder *decoder) { free(decoder); }

void deflate_decoder_reset(deflate_decoder *decoder) {
    decoder->mode = TYPE;
    decoder->last = 0;
    decoder->hold = 0;
    decoder->bits = 0;
    decoder->message = NULL;
    decoder->write = 0;
    decoder->read = 0;
}

/// Copies `count` bytes between buffers that do not overlap, 64 bytes a round in 16-byte loads and
/// stores (a loop of our own rather than memcpy, whose `rep movsb` for large blocks callgrind
/// counts as one instruction a byte).
static void copy_bytes(unsigned char *to, const unsigned char *from, size_t count) {
#if defined(__SSE2__)
    while (count >= 64) {
        __m128i a = _mm_loadu_si128((const __m128i *)from), b = _mm_loadu_si128((const __m128i *)(from + 16));
        __m128i c = _mm_loadu_si128((const __m128i *)(from + 32)), d = _mm_loadu_si128((const __m128i *)(from + 48));
        _mm_storeu_si128((__m128i *)to, a);
        _mm_storeu_si128((__m128i *)(to + 16), b);
        _mm_storeu_si128((__m128i *)(to + 32), c);
        _mm_storeu_si128((__m128i *)(to + 48), d);
        to += 64;
        from += 64;
        count -= 64;
    }
#endif
    memcpy(to, from, count);
}

void deflate_decoder_copy_out(deflate_decoder *decoder, unsigned char *to, size_t count) {
    copy_bytes(to, decoder->window + decoder->read, count);
    decoder->read += count;
}

size_t deflate_decoder_pending(const deflate_decoder *decoder) { return decoder->write - decoder->read; }
const unsigned char *deflate_decoder_output(const deflate_decoder *decoder) { return decoder->window + decoder->read; }
void deflate_decoder_take(deflate_decoder *decoder, size_t count) { decoder->read += count; }
const char *deflate_decoder_message(const deflate_decoder *decoder) { return decoder->message; }

static inline uint64_t load64(const unsigned char *bytes) {
    uint64_t value;
    memcpy(&value, bytes, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    value = __builtin_bswap64(value);
#endif
    return value;
}

/// The fast loop: decodes symbols while FAST_INPUT input bytes and FAST_OUTPUT bytes of room
/// remain, or until the block ends or an error (the mode says which). Gives back the whole
/// unused bytes of the bit buffer on leaving. Inlined twice: for any x86-64 and for processors
/// with BMI2, whose shifts by a variable count and bit-field extraction take one instruction.
static inline __attribute__((always_inline)) void
decode_fast_body(deflate_decoder *decoder, const unsigned char **next_in, const unsigned char *input_end,
                 unsigned char **put_out, unsigned char *output_end, uint64_t *hold_io, unsigned *bits_io) {
    const unsigned char *in = *next_in;
    unsigned char *out = *put_out;
    uint64_t bitbuf = *hold_io;
    unsigned bits = *bits_io;
    const uint32_t *litlen = decoder->litlen, *dist = decoder->dist;
    const unsigned char *const window = decoder->window;
    const unsigned char *const input_limit = input_end - FAST_INPUT;
    const unsigned char *const output_limit = output_end - FAST_OUTPUT;

    while (in <= input_limit && out <= output_limit) {
        // Refill to 56..63 bits; bits above `bits` are the next byte's, loaded again next time.
        // Only the low 8 bits of `bits` count (libdeflate's trick): a whole entry is subtracted
        // (its low byte, the code length, never more than those bits), which leaves the bits
        // above them meaningless and saves taking the byte out.
#define REFILL() \
    do { \
        bitbuf |= load64(in) << (bits & 63); \
        in += 7 - ((bits >> 3) & 7); \
        bits |= 56; \
    } while (0)
        REFILL();
        uint32_t entry = litlen[bitbuf & ((1u << LITLEN_ROOT) - 1)];
        if (entry & ENTRY_LINK) entry = follow_link(litlen, LITLEN_ROOT, entry, bitbuf);
    decode_entry:
        bitbuf >>= entry & 63;
        bits -= entry;
        if (entry & ENTRY_LITERAL) {
            *out++ = (unsigned char)ENTRY_VALUE(entry);
            // A second literal needs at most 15 of the 41 bits left.
            entry = litlen[bitbuf & ((1u << LITLEN_ROOT) - 1)];
            if (entry & ENTRY_LINK) entry = follow_link(litlen, LITLEN_ROOT, entry, bitbuf);
            if (!(entry & ENTRY_LITERAL)) {
                // A refill keeps the low bits: the entry looked up stays right.
                if (in > input_limit || out > output_limit) break;
                REFILL();
                goto decode_entry;
            }
            bitbuf >>= entry & 63;
            bits -= entry;
            *out++ = (unsigned char)ENTRY_VALUE(entry);
            continue;
        }
        if (entry & (ENTRY_END | ENTRY_INVALID)) {
            if (entry & ENTRY_END) {
                decoder->mode = TYPE;
            } else {
                decoder->message = "invalid literal/length code";
                decoder->mode = BAD;
            }
            break;
        }
        // Length extra bits (at most 5), distance code (15) and its extra bits (13): the 41 left suffice.
        unsigned extra = ENTRY_EXTRA(entry);
        unsigned length = ENTRY_VALUE(entry) + ((unsigned)bitbuf & ((1u << extra) - 1));
        bitbuf >>= extra;
        bits -= extra;
        entry = dist[bitbuf & ((1u << DIST_ROOT) - 1)];
        if (entry & ENTRY_LINK) entry = follow_link(dist, DIST_ROOT, entry, bitbuf);
        bitbuf >>= entry & 63;
        bits -= entry;
        if (entry & ENTRY_INVALID) {
            decoder->message = "invalid distance code";
            decoder->mode = BAD;
            break;
        }
        extra = ENTRY_EXTRA(entry);
        unsigned distance = ENTRY_VALUE(entry) + ((unsigned)bitbuf & ((1u << extra) - 1));
        bitbuf >>= extra;
        bits -= extra;
        // Compared as addresses: out - distance would point outside the buffer.
        uintptr_t from_address = (uintptr_t)out - distance;
        if (from_address < (uintptr_t)window) {
            decoder->message = "invalid distance too far back";
            decoder->mode = BAD;
            break;
        }
        const unsigned char *from = (const unsigned char *)from_address;
        unsigned char *const end = out + length;
        if (distance >= 16) {
            // Each 16 bytes read lie before the 16 written: overlapping matches copy right.
            // Most matches are short: the first 32 bytes are copied whatever the length.
            memcpy(out, from, 16);
            memcpy(out + 16, from + 16, 16);
            if (length > 32) {
                out += 32;
                from += 32;
                do {
                    memcpy(out, from, 16);
                    out += 16;
                    from += 16;
                } while (out < end);
            }
        } else if (distance >= 8) {
            // Each word read lies before the word written: overlapping matches copy right.
            do {
                memcpy(out, from, 8);
                out += 8;
                from += 8;
            } while (out < end);
        } else if (distance == 1) {
            uint64_t repeated = 0x0101010101010101ull * *from;
            do {
                memcpy(out, &repeated, 8);
                out += 8;
            } while (out < end);
        } else {
            do *out++ = *from++; while (out < end);
        }
        out = end;
    }
#undef REFILL
    // Give back the whole bytes not used.
    bits &= 0xff;
    in -= bits >> 3;
    bits &= 7;
    bitbuf &= ((uint64_t)1 << bits) - 1;
    *next_in = in;
    *put_out = out;
    *hold_io = bitbuf;
    *bits_io = bits;
}

static void decode_fast_generic(deflate_decoder *decoder, const unsigned char **next_in, const unsigned char *input_end,
                                unsigned char **put_out, unsigned char *output_end, uint64_t *hold_io, unsigned *bits_io) {
    decode_fast_body(decoder, next_in, input_end, put_out, output_end, hold_io, bits_io);
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
__attribute__((target("bmi2")))
static void decode_fast_bmi2(deflate_decoder *decoder, const unsigned char **next_in, const unsigned char *input_end,
                             unsigned char **put_out, unsigned char *output_end, uint64_t *hold_io, unsigned *bits_io) {
    decode_fast_body(decoder, next_in, input_end, put_out, output_end, hold_io, bits_io);
}
#endif

/// The fast loop for this processor (checked once).
static decode_fast_function choose_decode_fast(void) {
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
    __builtin_cpu_init();
    if (__builtin_cpu_supports("bmi2")) return decode_fast_bmi2;
#endif
    return decode_fast_generic;
}

// The careful path's bit reading, as zlib's inflate.c macros.
#define PULLBYTE() \
    do { \
        if (have == 0) goto leave; \
        have--; \
        hold += (uint64_t)(*next++) << bits; \
        bits += 8; \
    } while (0)
#define NEEDBITS(n) \
    do { \
        while (bits < (unsigned)(n)) PULLBYTE(); \
    } while (0)
#define BITS(n) ((unsigned)hold & ((1u << (n)) - 1))
#define DROPBITS(n) \
    do { \
        hold >>= (n); \
        bits -= (unsigned)(n); \
    } while (0)
#define BYTEBITS() \
    do { \
        hold >>= bits & 7; \
        bits -= bits & 7; \
    } while (0)
#define FAIL(text) \
    do { \
        decoder->message = text; \
        decoder->mode = BAD; \
    } while (0)

deflate_decoder_status deflate_decoder_run(deflate_decoder *decoder, const unsigned char *input, size_t length,
                                           size_t wanted, size_t *consumed) {
    if (decoder->write > HISTORY && HISTORY + AREA - decoder->write < AREA / 2) {
        // The last 32 KiB start past the first 32 KiB + AREA / 2: they do not overlap the front.
        copy_bytes(decoder->window, decoder->window + decoder->write - HISTORY, HISTORY);
        decoder->write = HISTORY;
        decoder->read = HISTORY;
    }
    const unsigned char *next = input;
    size_t have = length;
    uint64_t hold = decoder->hold;
    unsigned bits = decoder->bits;
    unsigned char *put = decoder->window + decoder->write;
    unsigned char *const area_end = decoder->window + HISTORY + AREA;
    unsigned char *const end = wanted < (size_t)(area_end - put) ? put + wanted : area_end;
    deflate_decoder_status status = DEFLATE_DECODER_MORE;
    uint32_t entry;

    for (;;) {
        switch (decoder->mode) {
        case TYPE:
            if (decoder->last) {
                BYTEBITS();
                decoder->mode = DONE;
                break;
            }
            NEEDBITS(3);
            decoder->last = BITS(1);
            DROPBITS(1);
            switch (BITS(2)) {
            case 0:
                decoder->mode = STORED;
                break;
            case 1:
                decoder->litlen = decoder->fixed_litlen;
                decoder->dist = decoder->fixed_dist;
                decoder->mode = LEN;
                break;
            case 2:
                decoder->mode = TABLE;
                break;
            default:
                FAIL("invalid block type");
            }
            DROPBITS(2);
            break;
        case STORED:
            BYTEBITS();
            NEEDBITS(32);
            if ((hold & 0xffff) != ((hold >> 16) ^ 0xffff)) {
                FAIL("invalid stored block lengths");
                break;
            }
            decoder->length = (unsigned)hold & 0xffff;
            hold = 0;
            bits = 0;
            decoder->mode = COPY;
            // fallthrough
        case COPY: {
            size_t copy = decoder->length;
            if (copy) {
                if (copy > have) copy = have;
                if (copy > (size_t)(end - put)) copy = (size_t)(end - put);
                if (copy == 0) goto leave;
                memcpy(put, next, copy);
                have -= copy;
                next += copy;
                put += copy;
                decoder->length -= (unsigned)copy;
                break;
            }
            decoder->mode = TYPE;
            break;
        }
        case TABLE:
            NEEDBITS(14);
            decoder->nlen = BITS(5) + 257;
            DROPBITS(5);
            decoder->ndist = BITS(5) + 1;
            DROPBITS(5);
            decoder->ncode = BITS(4) + 4;
            DROPBITS(4);
            if (decoder->nlen > 286 || decoder->ndist > 30) {
                FAIL("too many length or distance symbols");
                break;
            }
            decoder->have = 0;
            decoder->mode = LENLENS;
            // fallthrough
        case LENLENS:
            while (decoder->have < decoder->ncode) {
                NEEDBITS(3);
                decoder->lens[precode_order[decoder->have++]] = (uint16_t)BITS(3);
                DROPBITS(3);
            }
            while (decoder->have < 19) decoder->lens[precode_order[decoder->have++]] = 0;
            if (build_table(decoder->precode_table, PRECODE_ROOT, decoder->lens, 19, CODES)) {
                FAIL("invalid code lengths set");
                break;
            }
            decoder->have = 0;
            decoder->mode = CODELENS;
            // fallthrough
        case CODELENS:
            while (decoder->have < decoder->nlen + decoder->ndist) {
                while (!(entry = lookup(decoder->precode_table, PRECODE_ROOT, hold, bits))) PULLBYTE();
                unsigned symbol = ENTRY_VALUE(entry), code_bits = ENTRY_LENGTH(entry);
                if (symbol < 16) {
                    DROPBITS(code_bits);
                    decoder->lens[decoder->have++] = (uint16_t)symbol;
                    continue;
                }
                unsigned repeated, copy;
                if (symbol == 16) {
                    NEEDBITS(code_bits + 2);
                    DROPBITS(code_bits);
                    if (decoder->have == 0) {
                        FAIL("invalid bit length repeat");
                        break;
                    }
                    repeated = decoder->lens[decoder->have - 1];
                    copy = 3 + BITS(2);
                    DROPBITS(2);
                } else if (symbol == 17) {
                    NEEDBITS(code_bits + 3);
                    DROPBITS(code_bits);
                    repeated = 0;
                    copy = 3 + BITS(3);
                    DROPBITS(3);
                } else {
                    NEEDBITS(code_bits + 7);
                    DROPBITS(code_bits);
                    repeated = 0;
                    copy = 11 + BITS(7);
                    DROPBITS(7);
                }
                if (decoder->have + copy > decoder->nlen + decoder->ndist) {
                    FAIL("invalid bit length repeat");
                    break;
                }
                while (copy--) decoder->lens[decoder->have++] = (uint16_t)repeated;
            }
            if (decoder->mode == BAD) break;
            if (decoder->lens[256] == 0) {
                FAIL("invalid code -- missing end-of-block");
                break;
            }
            if (build_table(decoder->litlen_table, LITLEN_ROOT, decoder->lens, decoder->nlen, LENS)) {
                FAIL("invalid literal/lengths set");
                break;
            }
            if (build_table(decoder->dist_table, DIST_ROOT, decoder->lens + decoder->nlen, decoder->ndist, DISTS)) {
                FAIL("invalid distances set");
                break;
            }
            decoder->litlen = decoder->litlen_table;
            decoder->dist = decoder->dist_table;
            decoder->mode = LEN;
            // fallthrough
        case LEN:
            if (have >= FAST_INPUT && (size_t)(end - put) >= FAST_OUTPUT) {
                const unsigned char *input_end = next + have;
                decoder->decode_fast(decoder, &next, input_end, &put, end, &hold, &bits);
                have = (size_t)(input_end - next);
                break;
            }
            while (!(entry = lookup(decoder->litlen, LITLEN_ROOT, hold, bits))) PULLBYTE();
            DROPBITS(ENTRY_LENGTH(entry));
            decoder->length = ENTRY_VALUE(entry);
            if (entry & ENTRY_LITERAL) {
                decoder->mode = LIT;
                break;
            }
            if (entry & ENTRY_END) {
                decoder->mode = TYPE;
                break;
            }
            if (entry & ENTRY_INVALID) {
                FAIL("invalid literal/length code");
                break;
            }
            decoder->extra = ENTRY_EXTRA(entry);
            decoder->mode = LENEXT;
            // fallthrough
        case LENEXT:
            if (decoder->extra) {
                NEEDBITS(decoder->extra);
                decoder->length += BITS(decoder->extra);
                DROPBITS(decoder->extra);
            }
            decoder->mode = DIST;
            // fallthrough
        case DIST:
            while (!(entry = lookup(decoder->dist, DIST_ROOT, hold, bits))) PULLBYTE();
            DROPBITS(ENTRY_LENGTH(entry));
            if (entry & ENTRY_INVALID) {
                FAIL("invalid distance code");
                break;
            }
            decoder->distance = ENTRY_VALUE(entry);
            decoder->extra = ENTRY_EXTRA(entry);
            decoder->mode = DISTEXT;
            // fallthrough
        case DISTEXT:
            if (decoder->extra) {
                NEEDBITS(decoder->extra);
                decoder->distance += BITS(decoder->extra);
                DROPBITS(decoder->extra);
            }
            if (decoder->distance > (size_t)(put - decoder->window)) {
                FAIL("invalid distance too far back");
                break;
            }
            decoder->mode = MATCH;
            // fallthrough
        case MATCH: {
            if (put == end) goto leave;
            size_t copy = decoder->length;
            if (copy > (size_t)(end - put)) copy = (size_t)(end - put);
            const unsigned char *from = put - decoder->distance;
            decoder->length -= (unsigned)copy;
            while (copy--) *put++ = *from++;
            if (decoder->length == 0) decoder->mode = LEN;
            break;
        }
        case LIT:
            if (put == end) goto leave;
            *put++ = (unsigned char)decoder->length;
            decoder->mode = LEN;
            break;
        case DONE:
            status = DEFLATE_DECODER_END;
            goto leave;
        case BAD:
            status = DEFLATE_DECODER_ERROR;
            goto leave;
        }
    }
leave:
    decoder->hold = hold;
    decoder->bits = bits;
    decoder->write = (size_t)(put - decoder->window);
    *consumed = (size_t)(next - input);
    return status;
}
