/* The element type a stream source is compiled for: char, or wchar_t when the including file
 * defines ELEM_WIDE first. T(name) names a function or type for it (the wide ones end in W);
 * INT is char_traits' int_type (int, or wint_t: unsigned short) and IEOF its eof(). Each stream
 * source (streambuf.inc, basic_ios.inc, ostream.inc, istream.inc) is compiled once per element
 * type by a two-line .c file. */
#pragma once
#include "msvcp.h"

#ifdef ELEM_WIDE
#define CH wchar
#define INT unsigned short
#define IEOF ((INT)0xFFFF)
#define TO_INT(c) ((INT)(c))
#define T(n) n##W
#else
#define CH char
#define INT int
#define IEOF EOF
#define TO_INT(c) ((int)(unsigned char)(c))
#define T(n) n
#endif
#define STR_(x) #x
#define STR(x) STR_(x)
#define STREAMBUF T(streambuf)
#define BASIC_IOS T(basic_ios)
#define OSTREAM T(ostream)
#define ISTREAM T(istream)

/* fpos<_Mbstatet>: an offset, a file position (their sum is the streamoff) and the state */
typedef struct { long long off, fpos; unsigned long wchar; unsigned short byte, state; } T(pos_type);

/* The members each stream source calls in another */
void T(IosClear)(BASIC_IOS *ios, int state, int reraise);
void T(IosSetstate)(BASIC_IOS *ios, int state, int reraise);
int T(IosSetstateQuiet)(BASIC_IOS *ios, int state);
CH T(IosWiden)(const BASIC_IOS *ios, char c);
char T(IosNarrow)(const BASIC_IOS *ios, CH c, char dflt);
int T(IosIsSpace)(const BASIC_IOS *ios, CH c);
void T(IosInit)(BASIC_IOS *ios, STREAMBUF *sb, OSTREAM *tie, int flags);
INT T(StreambufSputc)(STREAMBUF *sb, CH c);
streamsize T(StreambufSputn)(STREAMBUF *sb, const CH *s, streamsize n);
INT T(StreambufSgetc)(STREAMBUF *sb);
streamsize T(StreambufSgetn)(STREAMBUF *sb, CH *s, streamsize n);
INT T(StreambufSbumpc)(STREAMBUF *sb);
INT T(StreambufSnextc)(STREAMBUF *sb);
int T(StreambufPubsync)(STREAMBUF *sb);
T(pos_type) *T(StreambufPubseekoff)(STREAMBUF *sb, T(pos_type) *out, long long off, int way, int mode);
T(pos_type) *T(StreambufPubseekpos)(STREAMBUF *sb, T(pos_type) *out, const T(pos_type) *pos, int mode);
STREAMBUF *T(StdioStreambuf)(int index, void *file);
locale *T(StreambufPubimbue)(STREAMBUF *sb, locale *out, const locale *loc);
OSTREAM *T(OstreamFlush)(OSTREAM *os);
int T(OstreamPrefix)(OSTREAM *os);
void T(OstreamSuffix)(OSTREAM *os);
#define IOS_OF(os) ((BASIC_IOS *)OS_IOS(os))
