/* Family 9, number formats: GetNumberFormat and GetCurrencyFormat (W, A, Ex) for en-US and for
 * caller-given NUMBERFMT / CURRENCYFMT structures (every negative and positive order), their
 * failures, and GetDurationFormat(Ex). Prints one "input -> output" line per call; a failed call
 * prints its last error. Exit code: failed checks. */
#include "../k32.h"

static void Show(const char *what, int n, const WCHAR *w)
{
    char a[160];
    Print(what);
    Print(" -> ");
    if (n == 0) { Print("error "); PrintNum(GetLastError(), 0); Print("\n"); return; }
    WideCharToMultiByte(CP_UTF8, 0, w, -1, a, sizeof a, NULL, NULL);
    Print("\"");
    Print(a);
    Print("\" ");
    PrintNum((unsigned)n, 0);
    Print("\n");
}

static void Number(const WCHAR *value, const char *label, const NUMBERFMTW *f)
{
    WCHAR w[80];
    SetLastError(0);
    Show(label, GetNumberFormatW(LOCALE_USER_DEFAULT, 0, value, f, w, 80), w);
}

static void Currency(const WCHAR *value, const char *label, const CURRENCYFMTW *f)
{
    WCHAR w[80];
    SetLastError(0);
    Show(label, GetCurrencyFormatW(LOCALE_USER_DEFAULT, 0, value, f, w, 80), w);
}

static void Duration(const char *label, const SYSTEMTIME *st, ULONGLONG ticks, const WCHAR *fmt)
{
    WCHAR w[80];
    SetLastError(0);
    Show(label, GetDurationFormatEx(NULL, 0, st, ticks, fmt, w, 80), w);
}

void Entry(void)
{
    WCHAR w[80];
    char a[80];
    Print("== GetNumberFormatW, en-US\n");
    const WCHAR *values[] = {L"1234567.891", L"-1234567.891", L"0", L"-0.001", L"0.5", L".5", L"999.995",
                             L"-999.995", L"12", L"00012.3", L"123456789012345678901234567890", L"1.", L"-7",
                             L"", L"-", L".", L"--", L"0-", L"0..", L"1,234", L" 12", L"12 ", L"1.2.3", L"+5", L"1e5", L"abc"};
    const char *labels[] = {"1234567.891", "-1234567.891", "0", "-0.001", "0.5", ".5", "999.995", "-999.995", "12",
                            "00012.3", "123456789012345678901234567890", "1.", "-7", "(empty)", "-", ".", "--", "0-", "0..", "1,234",
                            "' 12'", "'12 '", "1.2.3", "+5", "1e5", "abc"};
    for (int i = 0; i < (int)(sizeof values / sizeof values[0]); i++) Number(values[i], labels[i], NULL);

    Print("== NUMBERFMT\n");
    NUMBERFMTW f = {3, 0, 3, L",", L" ", 0};
    const char *neg[] = {"order 0", "order 1", "order 2", "order 3", "order 4"};
    for (UINT k = 0; k < 5; k++) { f.NegativeOrder = k; Number(L"-1234.5", neg[k], &f); }
    f.NegativeOrder = 1;
    Number(L"0.25", "LeadingZero 0", &f);
    f.LeadingZero = 1;
    f.Grouping = 32;
    Number(L"123456789", "Grouping 32", &f);
    f.Grouping = 0;
    Number(L"123456789", "Grouping 0", &f);
    UINT groupings[] = {23, 230, 203, 2003, 1200};
    const char *glabels[] = {"Grouping 23", "Grouping 230", "Grouping 203", "Grouping 2003", "Grouping 1200"};
    for (int k = 0; k < 5; k++) { f.Grouping = groupings[k]; Number(L"123456789", glabels[k], &f); }
    f.Grouping = 2;
    Number(L"123456789", "Grouping 2", &f);
    f.NumDigits = 0;
    Number(L"2.5", "NumDigits 0, 2.5", &f);
    Number(L"1.49", "NumDigits 0, 1.49", &f);
    f.NumDigits = 10;
    Number(L"1", "NumDigits 10", &f);
    f.NumDigits = 2;
    f.NegativeOrder = 5;
    Number(L"-1", "NegativeOrder 5", &f);
    f.NegativeOrder = 1;
    f.lpDecimalSep = NULL;
    Number(L"1", "lpDecimalSep NULL", &f);
    f.lpDecimalSep = L"<dec>";
    f.lpThousandSep = L"'";
    Number(L"1234567.125", "long separators", &f);

    Print("== GetCurrencyFormatW, en-US\n");
    Currency(L"1234567.891", "1234567.891", NULL);
    Currency(L"-1", "-1", NULL);
    Currency(L"-0.004", "-0.004", NULL);
    Currency(L"0.5", "0.5", NULL);
    Currency(L"x", "x", NULL);
    Print("== CURRENCYFMT\n");
    CURRENCYFMTW c = {2, 1, 3, L".", L",", 0, 0, L"EUR"};
    const char *cneg[] = {"neg 0", "neg 1", "neg 2", "neg 3", "neg 4", "neg 5", "neg 6", "neg 7", "neg 8", "neg 9",
                          "neg 10", "neg 11", "neg 12", "neg 13", "neg 14", "neg 15", "neg 16"};
    for (UINT k = 0; k < 17; k++) { c.NegativeOrder = k; Currency(L"-1234.5", cneg[k], &c); }
    c.NegativeOrder = 0;
    const char *cpos[] = {"pos 0", "pos 1", "pos 2", "pos 3", "pos 4"};
    for (UINT k = 0; k < 5; k++) { c.PositiveOrder = k; Currency(L"1234.5", cpos[k], &c); }

    Print("== sizes, flags, ANSI, Ex\n");
    Show("size query", GetNumberFormatW(LOCALE_USER_DEFAULT, 0, L"1234567.891", NULL, NULL, 0), L"");
    SetLastError(0);
    Show("buffer of 12", GetNumberFormatW(LOCALE_USER_DEFAULT, 0, L"1234567.891", NULL, w, 12), w);
    SetLastError(0);
    Show("buffer of 13", GetNumberFormatW(LOCALE_USER_DEFAULT, 0, L"1234567.891", NULL, w, 13), w);
    SetLastError(0);
    Show("LOCALE_NOUSEROVERRIDE", GetNumberFormatW(LOCALE_USER_DEFAULT, LOCALE_NOUSEROVERRIDE, L"1.5", NULL, w, 80), w);
    SetLastError(0);
    f.NumDigits = 2; f.lpDecimalSep = L"."; f.lpThousandSep = L",";
    Show("a flag with a NUMBERFMT", GetNumberFormatW(LOCALE_USER_DEFAULT, LOCALE_NOUSEROVERRIDE, L"1.5", &f, w, 80), w);
    SetLastError(0);
    Show("flag 0x10", GetNumberFormatW(LOCALE_USER_DEFAULT, 0x10, L"1.5", NULL, w, 80), w);
    SetLastError(0);
    Show("LCID 0x0407", GetNumberFormatW(0x0407, 0, L"1.5", NULL, w, 80), w);
    SetLastError(0);
    Show("Ex en-US", GetNumberFormatEx(L"en-US", 0, L"-42.125", NULL, w, 80), w);
    SetLastError(0);
    Show("Ex NULL currency", GetCurrencyFormatEx(NULL, 0, L"-42.125", NULL, w, 80), w);
    SetLastError(0);
    Show("Ex xx-YY", GetNumberFormatEx(L"xx-YY", 0, L"1", NULL, w, 80), w);
    SetLastError(0);
    Show("NULL value", GetNumberFormatEx(NULL, 0, NULL, NULL, w, 80), w);
    SetLastError(0);
    int n = GetNumberFormatA(LOCALE_USER_DEFAULT, 0, "98765.4321", NULL, a, 80);
    MultiByteToWideChar(CP_ACP, 0, a, -1, w, 80);
    Show("GetNumberFormatA", n, w);
    SetLastError(0);
    CURRENCYFMTA ca = {1, 1, 3, ".", ",", 1, 3, "kr"};
    n = GetCurrencyFormatA(LOCALE_USER_DEFAULT, 0, "-98765.4321", &ca, a, 80);
    MultiByteToWideChar(CP_ACP, 0, a, -1, w, 80);
    Show("GetCurrencyFormatA", n, w);
    Show("GetCurrencyFormatA size", GetCurrencyFormatA(LOCALE_USER_DEFAULT, 0, "1000", NULL, NULL, 0), L"");

    Print("== GetDurationFormat\n");
    SYSTEMTIME st = {0};
    st.wHour = 5; st.wMinute = 7; st.wSecond = 9; st.wMilliseconds = 45;
    Duration("5:07:09.045 default", &st, 0, NULL);
    Duration("hh:mm:ss.fff", &st, 0, L"hh:mm:ss.fff");
    Duration("m 'min' s 'sec'", &st, 0, L"m 'min' s 'sec'");
    Duration("fffffffff", &st, 0, L"fffffffff");
    st.wDay = 1;
    Duration("a day, h:mm", &st, 0, L"h:mm");
    Duration("a day, d'd' h'h'", &st, 0, L"d'd' h'h'");
    Duration("ticks 36000000000 (1h)", NULL, 36000000000ULL, NULL);
    Duration("ticks 12345678 s.fffffff", NULL, 12345678ULL, L"s.fffffff");
    Duration("zero", NULL, 0, NULL);
    SetLastError(0);
    Show("duration with a flag and format", GetDurationFormatEx(NULL, LOCALE_NOUSEROVERRIDE, NULL, 0, L"h", w, 80), w);
    SetLastError(0);
    Show("duration size query", GetDurationFormat(LOCALE_USER_DEFAULT, 0, NULL, 0, NULL, NULL, 0), L"");
    SetLastError(0);
    Show("duration buffer of 4", GetDurationFormat(LOCALE_USER_DEFAULT, 0, NULL, 0, NULL, w, 4), w);
    ExitProcess((UINT)failures);
}
