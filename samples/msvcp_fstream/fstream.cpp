// File streams as an MSVC-built program has them (clang for the MSVC ABI; basic_filebuf and the
// ifstream/ofstream/fstream wrappers inline from msvcfstream.h, over msvcp140's _Fiopen and the
// UCRT's FILE): lines and numbers written in text mode and read back with getline and >>, append
// mode, binary mode, seekg/tellg and seekp/tellp, a missing file, close and reopen, a wide name,
// an fstream read after its writes. The files are left in the current directory for the test to
// read; what was read back goes to std::cout. The result is 40 + the number of failed checks.
#include "msvcfstream.h"

using std::cout;
using std::endl;
using std::ios_base;
static int failures;

static void Check(bool ok, const char *what)
{
    if (!ok) {
        failures++;
        cout << "FAILED: " << what << endl;
    }
}

// text mode: LF goes out as CR LF and comes back as LF; getline, >> and the end of the file
static void TextMode()
{
    {
        std::ofstream out("text.txt");
        Check(out.is_open() && out.good(), "ofstream opened");
        out << "line one" << endl;
        out << 42 << ' ' << -7 << ' ' << 2.5 << '\n';
        out << "last line";
    }                                                   // the destructor closes: the bytes are out
    std::ifstream in("text.txt");
    char line[64];
    int a = 0, b = 0;
    double d = 0;
    in.getline(line, sizeof line);
    cout << "getline: [" << line << "] gcount " << in.gcount() << endl;
    in >> a >> b >> d;
    cout << "numbers: " << a << ' ' << b << ' ' << d << endl;
    in.getline(line, sizeof line);                      // the rest of the numbers' line: empty
    cout << "rest: [" << line << "]" << endl;
    in.getline(line, sizeof line);
    cout << "last: [" << line << "] eof " << in.eof() << " fail " << in.fail() << endl;
    in.seekg(0);                                        // seekg clears eofbit
    in.getline(line, sizeof line);
    cout << "seekg(0) after eofbit: [" << line << "]" << endl;
    in.seekg(0, ios_base::end);
    in.getline(line, sizeof line);
    cout << "getline at the end: fail " << in.fail() << endl;
}

// app: every write at the end; ate: the position starts there
static void AppendMode()
{
    {
        std::ofstream out("text.txt", ios_base::app);
        out << "appended " << 1 << endl;
    }
    {
        std::ofstream out("text.txt", ios_base::out | ios_base::app);
        out << "appended " << 2 << endl;
        cout << "tellp in app after a line: " << (long long)out.tellp() << endl;
    }
    std::ifstream in("text.txt", ios_base::in | ios_base::ate);
    cout << "ate: tellg " << (long long)in.tellg() << endl;
}

// binary: no translation; seekg/tellg from each end, read, get, a put-back
static void BinaryMode()
{
    {
        std::ofstream out("bin.dat", ios_base::out | ios_base::binary);
        out << "ab\ncd\n";
        out.write("\0\x01\xff\r\n", 5);
        cout << "binary tellp: " << (long long)out.tellp() << endl;
    }
    std::ifstream in("bin.dat", ios_base::binary);
    in.seekg(3);
    cout << "seekg(3): tellg " << (long long)in.tellg() << " get '" << (char)in.get() << "'" << endl;
    in.seekg(-5, ios_base::end);
    char tail[5];
    in.read(tail, 5);
    cout << "last five: " << (int)(unsigned char)tail[0] << ' ' << (int)(unsigned char)tail[1] << ' '
         << (int)(unsigned char)tail[2] << ' ' << (int)tail[3] << ' ' << (int)tail[4] << " gcount " << in.gcount()
         << endl;
    in.seekg(0, ios_base::end);
    cout << "size: " << (long long)in.tellg() << endl;
    in.seekg(1, ios_base::beg);
    in.get();
    in.seekg(1, ios_base::cur);
    cout << "beg 1, get, cur 1: tellg " << (long long)in.tellg() << " get '" << (char)in.get() << "'" << endl;
    in.get();
    in.get();
    in.get();
    in.get();
    in.get();
    in.get();
    in.get();
    cout << "at the end: eof " << in.eof() << " tellg " << (long long)in.tellg() << endl;
    in.get();                                           // past it: eofbit and failbit, tellg -1
    cout << "past the end: eof " << in.eof() << " tellg " << (long long)in.tellg() << endl;
    in.seekg(0);                                        // failbit stays: the sentry refuses
    cout << "seekg(0) with failbit: tellg " << (long long)in.tellg() << endl;
    in.clear();
    in.seekg(0);
    cout << "after clear and seekg(0): good " << in.good() << " get '" << (char)in.get() << "'" << endl;
}

// a missing file: failbit, not open; opening an open stream again fails too
static void MissingAndReopen()
{
    std::ifstream missing("no such file.txt");
    cout << "missing: fail " << missing.fail() << " open " << missing.is_open() << endl;
    std::ofstream out;
    out.open("reopen.txt");
    out << "first";
    out.open("reopen.txt");
    cout << "open twice: fail " << out.fail() << endl;
    out.close();
    Check(!out.is_open(), "closed");
    out.close();
    cout << "close twice: fail " << out.fail() << endl;
    out.open("reopen.txt", ios_base::app);
    cout << "reopened: good " << out.good() << endl;
    out << " second";
    out.close();
    std::ifstream in("reopen.txt");
    char line[32];
    in.getline(line, sizeof line);
    cout << "reopen.txt: [" << line << "]" << endl;
    std::ifstream bad("reopen.txt", ios_base::in | ios_base::trunc);        // not a valid combination
    cout << "in|trunc: fail " << bad.fail() << endl;
    std::ofstream noreplace("reopen.txt", ios_base::out | ios_base::_Noreplace);     // it exists
    cout << "_Noreplace on an existing file: fail " << noreplace.fail() << endl;
    std::ofstream nocreate("never.txt", ios_base::out | ios_base::_Nocreate);       // r+: must exist
    cout << "_Nocreate on a missing file: fail " << nocreate.fail() << endl;
    std::fstream both("reopen.txt", ios_base::in | ios_base::app);                   // a+
    char word[8];
    both.getline(word, sizeof word, ' ');
    both.seekp(0, ios_base::end);                       // a write after reads needs a seek first
    both << "!";
    cout << "in|app: read [" << word << "] good " << both.good() << endl;
    both.close();
    std::ofstream wide(L"wide name.txt");
    wide << "by a wide name" << endl;
    cout << "wide name: good " << wide.good() << endl;
}

// fstream: written, then read back after a seek; seekp to overwrite
static void ReadWrite()
{
    std::fstream io("rw.txt", ios_base::in | ios_base::out | ios_base::trunc);
    io << 12 << ' ' << 34 << ' ' << "word";
    io.seekg(0);
    int a = 0, b = 0;
    io >> a >> b;
    cout << "fstream read back: " << a + b << endl;
    io.seekp(0);
    io << "99";
    io.seekg(0);
    io >> a;
    cout << "after seekp(0): " << a << endl;
}

// the FILE under the caller's hands, as basic_filebuf handles it: bytes stored and taken by moving
// the pointer and the count that _get_stream_buffer_pointers gives, then fflush, ftell, fseek,
// fgetc, ungetc and fclose going on from there
extern "C" {
__declspec(dllimport) FILE *__cdecl fopen(const char *, const char *);
__declspec(dllimport) long __cdecl ftell(FILE *);
__declspec(dllimport) int __cdecl fseek(FILE *, long, int);
}
static void RawFile()
{
    FILE *f = fopen("raw.txt", "w+");
    char **base, **ptr;
    int *cnt;
    _get_stream_buffer_pointers(f, &base, &ptr, &cnt);
    fputc('a', f);                                      // the buffer exists from here
    Check(*ptr == *base + 1 && *cnt > 0, "fputc left room in the buffer");
    const char more[] = "b\nc";
    for (int i = 0; i < 3; i++) {
        *(*ptr)++ = more[i];
        --*cnt;
    }
    cout << "raw: ftell after 4 characters " << (long long)ftell(f) << endl;   // text mode: LF is CR LF
    fputc('d', f);
    fflush(f);
    fseek(f, 0, 0);
    int first = fgetc(f);
    char taken = *(*ptr)++;
    --*cnt;
    cout << "raw: fgetc '" << (char)first << "', taken '" << taken << "', ftell " << (long long)ftell(f) << endl;
    (*ptr)++;
    --*cnt;                                             // the LF
    cout << "raw: fgetc after that '" << (char)fgetc(f) << "', ungetc " << ungetc('X', f) << ", fgetc '"
         << (char)fgetc(f) << "'" << endl;
    cout << "raw: fclose " << fclose(f) << endl;
}

extern "C" int CxxMain(void)
{
    RawFile();
    TextMode();
    AppendMode();
    BinaryMode();
    MissingAndReopen();
    ReadWrite();
    cout << "failures: " << failures << endl;
    return failures + 40;
}
