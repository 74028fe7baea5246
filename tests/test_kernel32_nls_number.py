"""GetNumberFormat / GetCurrencyFormat / GetDurationFormat (family 9): samples/k32_nls_number's
lines, each the documented Windows result for en-US (LOCALE_SGROUPING "3;0", LOCALE_INEGNUMBER 1,
LOCALE_INEGCURR 0, LOCALE_ICURRENCY 0, LOCALE_SDURATION "h:mm:ss"), NUMBERFMT's grouping digits
as Windows reads them (23 -> "1,234,567,89", 203 -> an empty group), the sixteen negative and four
positive currency patterns, and the documented error codes (87 ERROR_INVALID_PARAMETER,
122 ERROR_INSUFFICIENT_BUFFER, 1004 ERROR_INVALID_FLAGS). The count includes the NUL."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    '1234567.891 -> "1,234,567.89" 13',
    '-1234567.891 -> "-1,234,567.89" 14',
    '0 -> "0.00" 5',
    '0.5 -> "0.50" 5',
    '.5 -> "0.50" 5',
    '999.995 -> "1,000.00" 9',
    '-999.995 -> "-1,000.00" 10',
    '00012.3 -> "12.30" 6',
    '123456789012345678901234567890 -> "123,456,789,012,345,678,901,234,567,890.00" 43',
    '-- -> error 87',
    '0- -> error 87',
    '0.. -> error 87',
    '1,234 -> error 87',
    "' 12' -> error 87",
    '1.2.3 -> error 87',
    '+5 -> error 87',
    '1e5 -> error 87',
    # NUMBERFMT {3 digits, no leading zero, Grouping 3, ",", " "}: the five negative orders
    'order 0 -> "(1 234,500)" 12',
    'order 1 -> "-1 234,500" 11',
    'order 2 -> "- 1 234,500" 12',
    'order 3 -> "1 234,500-" 11',
    'order 4 -> "1 234,500 -" 12',
    'LeadingZero 0 -> ",250" 5',
    'Grouping 32 -> "12 34 56 789,000" 17',
    'Grouping 0 -> "123456789,000" 14',
    'Grouping 23 -> "1 234 567 89,000" 17',
    'Grouping 230 -> "1234 567 89,000" 16',
    'Grouping 203 -> "1 234 567  89,000" 18',
    'Grouping 2003 -> "1 234 567   89,000" 19',
    'Grouping 1200 -> "123456  78 9,000" 17',
    'NumDigits 0, 2.5 -> "3" 2',
    'NumDigits 0, 1.49 -> "1" 2',
    'NegativeOrder 5 -> error 87',
    'lpDecimalSep NULL -> error 87',
    'long separators -> "1\'23\'45\'67<dec>13" 18',
    # currency, en-US
    '1234567.891 -> "$1,234,567.89" 14',
    '-1 -> "($1.00)" 8',
    '0.5 -> "$0.50" 6',
    'x -> error 87',
    # CURRENCYFMT symbol "EUR": the negative patterns 0..15, 16 is invalid
    'neg 0 -> "(EUR1,234.50)" 14',
    'neg 1 -> "-EUR1,234.50" 13',
    'neg 2 -> "EUR-1,234.50" 13',
    'neg 3 -> "EUR1,234.50-" 13',
    'neg 4 -> "(1,234.50EUR)" 14',
    'neg 5 -> "-1,234.50EUR" 13',
    'neg 6 -> "1,234.50-EUR" 13',
    'neg 7 -> "1,234.50EUR-" 13',
    'neg 8 -> "-1,234.50 EUR" 14',
    'neg 9 -> "-EUR 1,234.50" 14',
    'neg 10 -> "1,234.50 EUR-" 14',
    'neg 11 -> "EUR 1,234.50-" 14',
    'neg 12 -> "EUR -1,234.50" 14',
    'neg 13 -> "1,234.50- EUR" 14',
    'neg 14 -> "(EUR 1,234.50)" 15',
    'neg 15 -> "(1,234.50 EUR)" 15',
    'neg 16 -> error 87',
    'pos 0 -> "EUR1,234.50" 12',
    'pos 1 -> "1,234.50EUR" 12',
    'pos 2 -> "EUR 1,234.50" 13',
    'pos 3 -> "1,234.50 EUR" 13',
    'pos 4 -> error 87',
    # sizes, flags, the ANSI and Ex forms
    'size query -> "" 13',
    'buffer of 12 -> error 122',
    'buffer of 13 -> "1,234,567.89" 13',
    'LOCALE_NOUSEROVERRIDE -> "1.50" 5',
    'a flag with a NUMBERFMT -> error 1004',
    'flag 0x10 -> error 1004',
    'LCID 0x0407 -> error 87',
    'Ex en-US -> "-42.13" 7',
    'Ex NULL currency -> "($42.13)" 9',
    'Ex xx-YY -> error 87',
    'NULL value -> error 87',
    'GetNumberFormatA -> "98,765.43" 10',
    'GetCurrencyFormatA -> "-kr98,765.4" 12',
    'GetCurrencyFormatA size -> "" 10',
    # GetDurationFormat: 5 h 7 min 9.045 s, then with a day more
    '5:07:09.045 default -> "5:07:09" 8',
    'hh:mm:ss.fff -> "05:07:09.045" 13',
    "m 'min' s 'sec' -> \"307 min 9 sec\" 14",
    'fffffffff -> "045000000" 10',
    'a day, h:mm -> "29:07" 6',
    "a day, d'd' h'h' -> \"1d 5h\" 6",
    'ticks 36000000000 (1h) -> "1:00:00" 8',
    'ticks 12345678 s.fffffff -> "1.2345678" 10',
    'zero -> "0:00:00" 8',
    'duration with a flag and format -> error 1004',
    'duration size query -> "" 8',
    'duration buffer of 4 -> error 122',
]


@pytest.fixture(scope="module")
def number_run():
    return run_kernel("boot", sample_path("k32_nls_number"))


@pytest.mark.parametrize("line", LINES)
def test_nls_number_line(number_run, line):
    assert line.encode() in number_run.stdout.splitlines(), number_run.stdout.decode(errors="replace")


def test_nls_number_sample_exits_zero(number_run):
    assert number_run.returncode == 0
