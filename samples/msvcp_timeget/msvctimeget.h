// What the Microsoft STL's <xloctime> declares for timeget.cpp: time_base and time_get, whose char
// and wchar_t instantiations msvcp140 exports (all members imported, the vftables the DLL's).
#pragma once
#include "../msvcp_facets/msvcfacets.h"

namespace std {
struct MSVCP time_base : locale::facet {
    enum dateorder { no_order, dmy, mdy, ymd, ydm };
    time_base(size_t refs = 0) noexcept;
    ~time_base() noexcept override;
};
template <class E, class I = istreambuf_iterator<E>> class time_get : public time_base {
public:
    dateorder date_order() const;
    I get_time(I, I, ios_base &, int &, tm *) const;
    I get_date(I, I, ios_base &, int &, tm *) const;
    I get_weekday(I, I, ios_base &, int &, tm *) const;
    I get_monthname(I, I, ios_base &, int &, tm *) const;
    I get_year(I, I, ios_base &, int &, tm *) const;
    I get(I, I, ios_base &, int &, tm *, char, char = 0) const;
    I get(I, I, ios_base &, int &, tm *, const E *, const E *) const;
    explicit time_get(size_t refs = 0);
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    static locale::id id;
protected:
    ~time_get() noexcept override;
    virtual dateorder do_date_order() const;
    virtual I do_get_time(I, I, ios_base &, int &, tm *) const;
    virtual I do_get_date(I, I, ios_base &, int &, tm *) const;
    virtual I do_get_weekday(I, I, ios_base &, int &, tm *) const;
    virtual I do_get_monthname(I, I, ios_base &, int &, tm *) const;
    virtual I do_get_year(I, I, ios_base &, int &, tm *) const;
    virtual I do_get(I, I, ios_base &, int &, tm *, char, char = 0) const;
private:
    const E *_Days, *_Months, *_Ampm;
    dateorder _Dateorder;
    struct { unsigned int _Page, _Mbcurmax; int _Isclocale; unsigned char _Isleadbyte[32]; } _Cvt;
};
extern template class MSVCP time_get<char>;
extern template class MSVCP time_get<wchar_t>;
}
