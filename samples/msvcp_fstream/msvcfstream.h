// What the Microsoft STL's <fstream> compiles into a program: basic_filebuf (all inline: it opens
// through msvcp140's std::_Fiopen; for char it then points its get and put areas at the FILE's
// own buffer start, next pointer and count, from the UCRT's _get_stream_buffer_pointers, so that
// its inline sgetc/sputc move the FILE's pointer and count directly; anything else goes to the C
// stream: fgetc, fputc, ungetc, fread, fwrite, fflush, _fseeki64, fgetpos, fsetpos, setvbuf,
// fclose, _lock_file) and the ifstream/ofstream/fstream wrappers. Same members, same calls in the
// same order. open and imbue take the locale's codecvt<E, char, _Mbstatet> (_Initcvt): char to char
// is always_noconv, so _Pcvt stays null; for wchar_t each character goes through its out (into
// fwrite) and in (from fgetc, a byte at a time until a character comes out), and _Endwrite
// unshifts.
#pragma once
#include "../msvcp_core/msvcstl.h"

typedef struct _iobuf FILE;
extern "C" {
__declspec(dllimport) int __cdecl _get_stream_buffer_pointers(FILE *, char ***, char ***, int **);
__declspec(dllimport) int __cdecl fclose(FILE *);
__declspec(dllimport) int __cdecl fgetc(FILE *);
__declspec(dllimport) int __cdecl fputc(int, FILE *);
__declspec(dllimport) int __cdecl ungetc(int, FILE *);
__declspec(dllimport) size_t __cdecl fread(void *, size_t, size_t, FILE *);
__declspec(dllimport) size_t __cdecl fwrite(const void *, size_t, size_t, FILE *);
__declspec(dllimport) int __cdecl fflush(FILE *);
__declspec(dllimport) int __cdecl _fseeki64(FILE *, long long, int);
__declspec(dllimport) int __cdecl fgetpos(FILE *, long long *);
__declspec(dllimport) int __cdecl fsetpos(FILE *, const long long *);
__declspec(dllimport) int __cdecl setvbuf(FILE *, char *, int, size_t);
__declspec(dllimport) void __cdecl _lock_file(FILE *);
__declspec(dllimport) void __cdecl _unlock_file(FILE *);
void *__cdecl memcpy(void *, const void *, size_t);
}

namespace std {
MSVCP FILE *__cdecl _Fiopen(const char *, ios_base::openmode, int);
MSVCP FILE *__cdecl _Fiopen(const wchar_t *, ios_base::openmode, int);

template <class E, class T> class basic_filebuf : public basic_streambuf<E, T> {
    using _Mysb = basic_streambuf<E, T>;
    using int_type = typename T::int_type;
    enum _Initfl { _Newfl, _Openfl, _Closefl };
public:
    basic_filebuf() { _Init(nullptr, _Newfl); }
    ~basic_filebuf() noexcept override
    {
        if (_Myfile)
            _Reset_back();
        if (_Closef)
            close();
    }
    bool is_open() const { return _Myfile != nullptr; }
    template <class C> basic_filebuf *open(const C *name, ios_base::openmode mode,
                                           int prot = ios_base::_Default_open_prot)
    {
        if (_Myfile)
            return nullptr;
        FILE *file = _Fiopen(name, mode, prot);
        if (!file)
            return nullptr;
        _Init(file, _Openfl);
        _Initcvt(use_facet<_Cvt>(_Mysb::getloc()));
        return this;
    }
    basic_filebuf *close()
    {
        basic_filebuf *ans;
        if (_Myfile) {
            ans = this;
            if (!_Endwrite())
                ans = nullptr;
            if (fclose(_Myfile) != 0)
                ans = nullptr;
        } else {
            ans = nullptr;
        }
        _Init(nullptr, _Closefl);
        return ans;
    }
protected:
    // a character into the put area, or fputc once the FILE's buffer is full (or not yet there)
    int_type overflow(int_type meta) override
    {
        if (meta == T::eof())
            return 0;
        if (this->pptr() && this->pptr() < this->epptr()) {
            *this->_Pninc() = (E)meta;
            return meta;
        }
        if (!_Myfile)
            return T::eof();
        _Reset_back();
        if (!_Pcvt)
            return fputc((E)meta, _Myfile) != -1 ? meta : T::eof();
        char str[32];
        const E ch = (E)meta;
        const E *src;
        char *dest;
        switch (_Pcvt->out(_State, &ch, &ch + 1, src, str, str + 32, dest)) {
        case codecvt_base::partial:
        case codecvt_base::ok: {
            const size_t count = (size_t)(dest - str);
            if (0 < count && count != fwrite(str, 1, count, _Myfile))
                return T::eof();
            _Wrotesome = true;
            if (src != &ch)
                return meta;
            return T::eof();
        }
        case codecvt_base::noconv:
            return fputc((E)meta, _Myfile) != -1 ? meta : T::eof();
        default:
            return T::eof();
        }
    }
    // put back: within the get area, else ungetc, else the one-character buffer _Mychar
    int_type pbackfail(int_type meta) override
    {
        if (this->gptr() && this->eback() < this->gptr()
            && (meta == T::eof() || T::to_int_type(this->gptr()[-1]) == meta)) {
            this->_Gndec();
            return meta == T::eof() ? 0 : meta;
        }
        if (!_Myfile || meta == T::eof())
            return T::eof();
        if (!_Pcvt && ungetc((unsigned char)meta, _Myfile) != -1)
            return meta;
        if (this->gptr() != &_Mychar) {
            _Mychar = (E)meta;
            _Set_back();
            return meta;
        }
        return T::eof();
    }
    int_type underflow() override
    {
        int_type meta;
        if (this->gptr() && this->gptr() < this->egptr())
            return T::to_int_type(*this->gptr());
        if ((meta = uflow()) == T::eof())
            return meta;
        pbackfail(meta);
        return meta;
    }
    int_type uflow() override
    {
        if (this->gptr() && this->gptr() < this->egptr())
            return T::to_int_type(*this->_Gninc());
        if (!_Myfile)
            return T::eof();
        _Reset_back();
        if (!_Pcvt) {
            int meta = fgetc(_Myfile);
            return meta == -1 ? T::eof() : T::to_int_type((E)meta);
        }
        char str[32];                                      // the STL builds a string here
        size_t n = 0;
        for (;;) {
            int meta = fgetc(_Myfile);
            if (meta == -1 || n == sizeof str)
                return T::eof();
            str[n++] = (char)meta;
            const char *src;
            E ch, *dest;
            switch (_Pcvt->in(_State, str, str + n, src, &ch, &ch + 1, dest)) {
            case codecvt_base::partial:
            case codecvt_base::ok:
                if (dest != &ch) {                         // a character: the bytes it left go back
                    for (long long left = str + n - src; 0 < left;)
                        ungetc((unsigned char)src[--left], _Myfile);
                    return T::to_int_type(ch);
                }
                memcpy(str, src, (size_t)(str + n - src));
                n = (size_t)(str + n - src);
                break;
            case codecvt_base::noconv:
                return T::to_int_type((E)str[0]);
            default:
                return T::eof();
            }
        }
    }
    // blocks: what the get area holds, then fread in chunks of at most 4095
    streamsize xsgetn(E *ptr, streamsize count) override
    {
        if (sizeof(E) != 1 || _Pcvt)
            return _Mysb::xsgetn(ptr, count);              // a character at a time
        if (count <= 0)
            return 0;
        size_t left = (size_t)count;
        size_t avail = (size_t)this->_Gnavail();
        if (avail > 0) {
            size_t n = left < avail ? left : avail;
            memcpy(ptr, this->gptr(), n * sizeof(E));
            ptr += n;
            left -= n;
            this->gbump((int)n);
        }
        if (_Myfile) {
            _Reset_back();
            while (left > 4095) {
                size_t got = fread(ptr, 1, 4095, _Myfile);
                ptr += got;
                left -= got;
                if (got != 4095)
                    return count - (streamsize)left;
            }
            if (left)
                left -= fread(ptr, 1, left, _Myfile);
        }
        return count - (streamsize)left;
    }
    // blocks: into the put area's room, the rest by fwrite
    streamsize xsputn(const E *ptr, streamsize count) override
    {
        if (sizeof(E) != 1 || _Pcvt)
            return _Mysb::xsputn(ptr, count);
        streamsize start = count, size = this->_Pnavail();
        if (count > 0 && size > 0) {
            if (count < size)
                size = count;
            memcpy(this->pptr(), ptr, (size_t)size);
            ptr += size;
            count -= size;
            this->pbump((int)size);
        }
        if (count > 0 && _Myfile)
            count -= (streamsize)fwrite(ptr, 1, (size_t)count, _Myfile);
        return start - count;
    }
    fpos<_Mbstatet> seekoff(long long off, int way, int = 3) override
    {
        long long filepos;
        if (this->gptr() == &_Mychar && way == ios_base::cur && !_Pcvt)
            off -= sizeof(E);                              // the put-back character is not in the file
        if (!_Myfile || !_Endwrite() || ((off != 0 || way != ios_base::cur) && _fseeki64(_Myfile, off, way) != 0)
            || fgetpos(_Myfile, &filepos) != 0)
            return fpos<_Mbstatet>(-1);
        _Reset_back();
        return fpos<_Mbstatet>(_State, filepos);
    }
    fpos<_Mbstatet> seekpos(fpos<_Mbstatet> pos, int = 3) override
    {
        long long off = (long long)pos;
        if (!_Myfile || !_Endwrite() || fsetpos(_Myfile, &off) != 0)
            return fpos<_Mbstatet>(-1);
        _State = pos._Mystate;
        _Reset_back();
        return fpos<_Mbstatet>(_State, off);
    }
    _Mysb *setbuf(E *buffer, streamsize count) override
    {
        int mode = !buffer && count == 0 ? 4 /* _IONBF */ : 0 /* _IOFBF */;
        if (!_Myfile || setvbuf(_Myfile, (char *)buffer, mode, (size_t)count * sizeof(E)) != 0)
            return nullptr;
        _Init(_Myfile, _Openfl);
        return this;
    }
    int sync() override
    {
        if (!_Myfile || overflow(T::eof()) == T::eof() || 0 <= fflush(_Myfile))
            return 0;
        return -1;
    }
public:
    void imbue(const locale &loc) override { _Initcvt(use_facet<_Cvt>(loc)); }
    void _Lock() override { if (_Myfile) _lock_file(_Myfile); }
    void _Unlock() override { if (_Myfile) _unlock_file(_Myfile); }
private:
    using _Cvt = codecvt<E, char, _Mbstatet>;
    void _Initcvt(const _Cvt &cvt)
    {
        if (cvt.always_noconv()) {
            _Pcvt = nullptr;
        } else {
            _Pcvt = &cvt;
            _Mysb::_Init();
        }
    }
    // the end of a run of output: the shift state back to the initial one
    bool _Endwrite()
    {
        if (!_Pcvt || !_Wrotesome)
            return true;
        if (overflow(T::eof()) == T::eof())
            return false;
        char str[32], *dest;
        switch (_Pcvt->unshift(_State, str, str + 32, dest)) {
        case codecvt_base::ok:
            _Wrotesome = false;
            [[fallthrough]];
        case codecvt_base::partial: {
            const size_t count = (size_t)(dest - str);
            if (0 < count && count != fwrite(str, 1, count, _Myfile))
                return false;
            return !_Wrotesome;
        }
        case codecvt_base::noconv:
            _Wrotesome = false;
            return true;
        default:
            return false;
        }
    }
    // the areas: the streambuf's own (closed), or the FILE's buffer pointers (open)
    void _Init(FILE *file, _Initfl which)
    {
        static _Mbstatet stinit;
        _Closef = which == _Openfl;
        _Wrotesome = false;
        _Mysb::_Init();
        if (file && sizeof(E) == 1) {
            E **pb = nullptr, **pn = nullptr;
            int *nr = nullptr;
            _get_stream_buffer_pointers(file, reinterpret_cast<char ***>(&pb), reinterpret_cast<char ***>(&pn), &nr);
            int *nr2 = nr;
            _Mysb::_Init(pb, pn, nr, pb, pn, nr2);
        }
        _Myfile = file;
        _State = stinit;
        _Pcvt = nullptr;
    }
    void _Reset_back()
    {
        if (this->eback() == &_Mychar)
            this->setg(_Set_eback, _Set_eback, _Set_egptr);
    }
    void _Set_back()
    {
        if (this->eback() != &_Mychar) {
            _Set_eback = this->eback();
            _Set_egptr = this->egptr();
        }
        this->setg(&_Mychar, &_Mychar, &_Mychar + 1);
    }
    const _Cvt *_Pcvt;
    E _Mychar;
    bool _Wrotesome;
    _Mbstatet _State;
    bool _Closef;
    FILE *_Myfile;
    E *_Set_eback, *_Set_egptr;
};

// the stream classes: a basic_filebuf member, opened with in or out added; failbit when it fails
template <class E, class T> class basic_ifstream : public basic_istream<E, T> {
public:
    basic_ifstream() : basic_istream<E, T>(&_Filebuffer) {}
    template <class C> explicit basic_ifstream(const C *name, ios_base::openmode mode = ios_base::in,
                                               int prot = ios_base::_Default_open_prot)
        : basic_istream<E, T>(&_Filebuffer)
    {
        if (!_Filebuffer.open(name, mode | ios_base::in, prot))
            this->setstate(ios_base::failbit);
    }
    template <class C> void open(const C *name, ios_base::openmode mode = ios_base::in,
                                 int prot = ios_base::_Default_open_prot)
    {
        if (_Filebuffer.open(name, mode | ios_base::in, prot))
            this->clear();
        else
            this->setstate(ios_base::failbit);
    }
    void close() { if (!_Filebuffer.close()) this->setstate(ios_base::failbit); }
    bool is_open() const { return _Filebuffer.is_open(); }
private:
    basic_filebuf<E, T> _Filebuffer;
};
template <class E, class T> class basic_ofstream : public basic_ostream<E, T> {
public:
    basic_ofstream() : basic_ostream<E, T>(&_Filebuffer) {}
    template <class C> explicit basic_ofstream(const C *name, ios_base::openmode mode = ios_base::out,
                                               int prot = ios_base::_Default_open_prot)
        : basic_ostream<E, T>(&_Filebuffer)
    {
        if (!_Filebuffer.open(name, mode | ios_base::out, prot))
            this->setstate(ios_base::failbit);
    }
    template <class C> void open(const C *name, ios_base::openmode mode = ios_base::out,
                                 int prot = ios_base::_Default_open_prot)
    {
        if (_Filebuffer.open(name, mode | ios_base::out, prot))
            this->clear();
        else
            this->setstate(ios_base::failbit);
    }
    void close() { if (!_Filebuffer.close()) this->setstate(ios_base::failbit); }
    bool is_open() const { return _Filebuffer.is_open(); }
private:
    basic_filebuf<E, T> _Filebuffer;
};
template <class E, class T> class basic_fstream : public basic_iostream<E, T> {
public:
    template <class C> explicit basic_fstream(const C *name, ios_base::openmode mode = ios_base::in | ios_base::out,
                                              int prot = ios_base::_Default_open_prot)
        : basic_iostream<E, T>(&_Filebuffer)
    {
        if (!_Filebuffer.open(name, mode, prot))
            this->setstate(ios_base::failbit);
    }
    void close() { if (!_Filebuffer.close()) this->setstate(ios_base::failbit); }
    bool is_open() const { return _Filebuffer.is_open(); }
private:
    basic_filebuf<E, T> _Filebuffer;
};
using filebuf = basic_filebuf<char, char_traits<char>>;
using ifstream = basic_ifstream<char, char_traits<char>>;
using ofstream = basic_ofstream<char, char_traits<char>>;
using fstream = basic_fstream<char, char_traits<char>>;
using wfilebuf = basic_filebuf<wchar_t, char_traits<wchar_t>>;
using wifstream = basic_ifstream<wchar_t, char_traits<wchar_t>>;
using wofstream = basic_ofstream<wchar_t, char_traits<wchar_t>>;
}
