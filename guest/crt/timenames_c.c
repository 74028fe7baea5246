/* The "C" locale's LC_TIME table (timenames.h): the English names and the short date, long date
 * and time as Windows picture strings, narrow and wide. */
#include "timenames.h"

#define W(s) (const crt_wchar *)u##s
#define C_NAMES(X) \
    X("Sun") X("Mon") X("Tue") X("Wed") X("Thu") X("Fri") X("Sat") \
    X("Sunday") X("Monday") X("Tuesday") X("Wednesday") X("Thursday") X("Friday") X("Saturday") \
    X("Jan") X("Feb") X("Mar") X("Apr") X("May") X("Jun") X("Jul") X("Aug") X("Sep") X("Oct") X("Nov") X("Dec") \
    X("January") X("February") X("March") X("April") X("May") X("June") X("July") X("August") X("September") \
    X("October") X("November") X("December") \
    X("AM") X("PM") X("MM/dd/yy") X("dddd, MMMM dd, yyyy") X("HH:mm:ss")
#define NARROW(s) s,
#define WIDE(s) W(s),

/* The "C" locale's: its short and long dates and its time as Windows picture strings. */
const crt_lc_time crt_lc_time_c = {
    .str = { C_NAMES(NARROW) },
    .wstr = { C_NAMES(WIDE) },
};
