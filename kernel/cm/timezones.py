"""HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Time Zones: a few of the zones Windows 10
lists, each with its names and its TZI (REG_TZI_FORMAT: Bias, StandardBias, DaylightBias, then the
SYSTEMTIMEs on which standard and daylight time begin, in the "day-th weekday of the month" form
with 5 meaning the last), and Pacific time's Dynamic DST years (the United States' 2007 rule
change). GetTimeZoneInformationForYear reads them."""
import struct

REG_SZ, REG_BINARY, REG_DWORD = 1, 3, 4


def _tzi(bias: int, standard_bias: int, daylight_bias: int, standard: tuple = (), daylight: tuple = ()) -> bytes:
    """(month, weekday, day, hour) of each transition; none for a zone without daylight time."""
    def st(when):
        month, weekday, day, hour = when or (0, 0, 0, 0)
        return struct.pack("<8H", 0, month, weekday, day, hour, 0, 0, 0)
    return struct.pack("<3i", bias, standard_bias, daylight_bias) + st(standard) + st(daylight)


_ZONES = [
    ("UTC", "(UTC) Coordinated Universal Time", "Coordinated Universal Time", "Coordinated Universal Time",
     _tzi(0, 0, 0), None),
    ("Pacific Standard Time", "(UTC-08:00) Pacific Time (US & Canada)", "Pacific Standard Time",
     "Pacific Daylight Time", _tzi(480, 0, -60, (11, 0, 1, 2), (3, 0, 2, 2)),
     {2006: _tzi(480, 0, -60, (10, 0, 5, 2), (4, 0, 1, 2)), 2007: _tzi(480, 0, -60, (11, 0, 1, 2), (3, 0, 2, 2))}),
    ("W. Europe Standard Time", "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
     "W. Europe Standard Time", "W. Europe Daylight Time", _tzi(-60, 0, -60, (10, 0, 5, 3), (3, 0, 5, 2)), None),
    ("Tokyo Standard Time", "(UTC+09:00) Osaka, Sapporo, Tokyo", "Tokyo Standard Time", "Tokyo Daylight Time",
     _tzi(-540, 0, -60), None),
]


def time_zone_keys(software: str) -> list[tuple[str, list]]:
    base = software + "\\Microsoft\\Windows NT\\CurrentVersion\\Time Zones"
    keys = [(base, [])]
    for name, display, std, dlt, tzi, dynamic in _ZONES:
        keys.append((base + "\\" + name, [("Display", REG_SZ, display), ("Std", REG_SZ, std), ("Dlt", REG_SZ, dlt),
                                          ("TZI", REG_BINARY, tzi)]))
        if dynamic:
            years = sorted(dynamic)
            keys.append((base + "\\" + name + "\\Dynamic DST",
                         [("FirstEntry", REG_DWORD, years[0]), ("LastEntry", REG_DWORD, years[-1])] +
                         [(str(y), REG_BINARY, dynamic[y]) for y in years]))
    return keys
