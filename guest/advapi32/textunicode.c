/* IsTextUnicode: whether a buffer is likely UTF-16 text, by the IS_TEXT_UNICODE_* tests the caller
 * asks for (all of them for a NULL mask); each asked-for test that passes is set in the mask written
 * back. The answer is TRUE when a Unicode test passed and no byte-reversed or not-Unicode test did.
 * As on Windows the ASCII16 tests are accepted but never reported (an all-ASCII UTF-16 string asked
 * for IS_TEXT_UNICODE_UNICODE_MASK comes back STATISTICS | CONTROLS), and DBCS_LEADBYTE cannot pass
 * in the single-byte ANSI code page this machine has. */
#include "advapi32.h"

#define ALL_TESTS 0xFFFF

/* The "non-printing" characters of the CONTROLS test: CR, LF, space, the CJK space, tab. */
static int IsControl(WCHAR c) { return c == 0x0D || c == 0x0A || c == 0x20 || c == 0x3000 || c == 0x09; }
static WCHAR Swap(WCHAR c) { return (WCHAR)((c >> 8) | (c << 8)); }

ADVAPI BOOL WINAPI IsTextUnicode(const VOID *buffer, int size, LPINT result)
{
    const BYTE *bytes = buffer;
    int tests = result ? *result : ALL_TESTS, passed = 0;
    /* fewer than two bytes: nothing to judge (IS_TEXT_UNICODE_BUFFER_TOO_SMALL), nothing passes */
    if (!buffer || size < (int)sizeof(WCHAR)) {
        if (result)
            *result = 0;
        return FALSE;
    }
    int count = size / 2;
    if (size & 1)
        passed |= IS_TEXT_UNICODE_ODD_LENGTH;

    /* the byte-order mark as the first character */
    WCHAR first = (WCHAR)(bytes[0] | bytes[1] << 8);
    if (first == 0xFEFF)
        passed |= IS_TEXT_UNICODE_SIGNATURE;
    else if (first == 0xFFFE)
        passed |= IS_TEXT_UNICODE_REVERSE_SIGNATURE;

    /* one pass over the characters: controls either way round, illegal characters, zero bytes,
     * and the byte-to-byte variation of the low and the high bytes for the statistics */
    unsigned long low_variation = 0, high_variation = 0;
    for (int i = 0; i < count; i++) {
        WCHAR c = (WCHAR)(bytes[2 * i] | bytes[2 * i + 1] << 8);
        if (IsControl(c))
            passed |= IS_TEXT_UNICODE_CONTROLS;
        if (IsControl(Swap(c)))
            passed |= IS_TEXT_UNICODE_REVERSE_CONTROLS;
        /* a reverse BOM past the start, 0xFFFF, a packed CR LF, a NUL short of the terminator */
        if ((c == 0xFFFE && i) || c == 0xFFFF || c == 0x0A0D || (c == 0 && i < count - 1))
            passed |= IS_TEXT_UNICODE_ILLEGAL_CHARS;
        if (!bytes[2 * i] || !bytes[2 * i + 1])
            passed |= IS_TEXT_UNICODE_NULL_BYTES;
        if (i) {
            int dl = bytes[2 * i] - bytes[2 * i - 2], dh = bytes[2 * i + 1] - bytes[2 * i - 1];
            low_variation += dl < 0 ? -dl : dl;
            high_variation += dh < 0 ? -dh : dh;
        }
    }
    if (size & 1 && !bytes[size - 1])
        passed |= IS_TEXT_UNICODE_NULL_BYTES;
    /* statistics: UTF-16 text varies in its low bytes far more than in its high bytes (one
     * script's block), by more than three to one here; byte-reversed text the other way round */
    if (high_variation * 3 < low_variation)
        passed |= IS_TEXT_UNICODE_STATISTICS;
    else if (low_variation * 3 < high_variation)
        passed |= IS_TEXT_UNICODE_REVERSE_STATISTICS;

    passed &= tests & ~(IS_TEXT_UNICODE_ASCII16 | IS_TEXT_UNICODE_REVERSE_ASCII16);
    if (result)
        *result = passed;
    if (passed & (IS_TEXT_UNICODE_NOT_UNICODE_MASK | IS_TEXT_UNICODE_REVERSE_MASK))
        return FALSE;
    return (passed & IS_TEXT_UNICODE_UNICODE_MASK) != 0;
}
