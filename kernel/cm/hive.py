"""The registry's contents at boot: a small, fixed hive with the keys console programs commonly
read (the Windows version, code pages, the system and user environment, the machine GUID, the
processor, the locale, the console, the program folders), as a Windows 10 Pro 22H2 (build 19045)
machine has them. Everything here is data: CmpInitializeHive (kernel/cm/cmkey.py) turns it into
key nodes. Values are (name, type, data): REG_SZ/REG_EXPAND_SZ data are str, REG_MULTI_SZ a list
of str, REG_DWORD/REG_QWORD int, REG_BINARY bytes. Keys are paths under \\REGISTRY.

The user is the one of the process token (kernel/se/token.py): HKEY_CURRENT_USER is
\\REGISTRY\\USER\\<that SID>. Processor values come from the emulated CPU's CPUID."""
from ..ps.params import DEFAULT_ENVIRONMENT
from ..se.sids import USER_SID
from .timezones import time_zone_keys

REG_NONE, REG_SZ, REG_EXPAND_SZ, REG_BINARY, REG_DWORD = 0, 1, 2, 3, 4
REG_MULTI_SZ, REG_QWORD = 7, 11

MACHINE = "MACHINE"
USER = "USER\\" + USER_SID
_env = DEFAULT_ENVIRONMENT

# A fixed machine GUID (HKLM\SOFTWARE\Microsoft\Cryptography): Windows draws one at setup.
MACHINE_GUID = "6f9619ff-8b86-d011-b42d-00c04fc964ff"
# The emulated processor (CPUID 0x80000002-4 brand string, leaf 1 signature 0x306C4, leaf 0 vendor).
PROCESSOR_NAME = "Intel Core Processor (Haswell)"
PROCESSOR_IDENTIFIER = "Intel64 Family 6 Model 60 Stepping 4"
PROCESSOR_VENDOR = "GenuineIntel"
PROCESSOR_MHZ = 2400
# InstallDate: 2023-01-01 00:00:00 UTC as seconds since 1970 (a fixed setup date).
INSTALL_DATE = 1672531200


def _version():
    return [
        ("SystemRoot", REG_SZ, _env["SystemRoot"]),
        ("BuildBranch", REG_SZ, "vb_release"),
        ("BuildLab", REG_SZ, "19041.vb_release.191206-1406"),
        ("BuildLabEx", REG_SZ, "19041.1.amd64fre.vb_release.191206-1406"),
        ("CompositionEditionID", REG_SZ, "Enterprise"),
        ("CurrentBuild", REG_SZ, "19045"),
        ("CurrentBuildNumber", REG_SZ, "19045"),
        ("CurrentMajorVersionNumber", REG_DWORD, 10),
        ("CurrentMinorVersionNumber", REG_DWORD, 0),
        ("CurrentType", REG_SZ, "Multiprocessor Free"),
        ("CurrentVersion", REG_SZ, "6.3"),
        ("DisplayVersion", REG_SZ, "22H2"),
        ("EditionID", REG_SZ, "Professional"),
        ("InstallationType", REG_SZ, "Client"),
        ("InstallDate", REG_DWORD, INSTALL_DATE),
        ("ProductName", REG_SZ, "Windows 10 Pro"),
        ("ReleaseId", REG_SZ, "2009"),
        ("SoftwareType", REG_SZ, "System"),
        ("UBR", REG_DWORD, 2965),
        ("PathName", REG_SZ, _env["SystemRoot"]),
        ("RegisteredOwner", REG_SZ, _env["USERNAME"]),
        ("RegisteredOrganization", REG_SZ, ""),
        ("ProductId", REG_SZ, "00330-80000-00000-AA000"),
    ]


def _system_environment():
    """Session Manager\\Environment: the machine-wide part of the guest's default environment."""
    return [
        ("ComSpec", REG_EXPAND_SZ, "%SystemRoot%\\system32\\cmd.exe"),
        ("NUMBER_OF_PROCESSORS", REG_SZ, _env["NUMBER_OF_PROCESSORS"]),
        ("OS", REG_SZ, _env["OS"]),
        ("Path", REG_EXPAND_SZ, "%SystemRoot%\\system32;%SystemRoot%"),
        ("PATHEXT", REG_SZ, _env["PATHEXT"]),
        ("PROCESSOR_ARCHITECTURE", REG_SZ, _env["PROCESSOR_ARCHITECTURE"]),
        ("PROCESSOR_IDENTIFIER", REG_SZ, PROCESSOR_IDENTIFIER + ", " + PROCESSOR_VENDOR),
        ("PROCESSOR_LEVEL", REG_SZ, "6"),
        ("PROCESSOR_REVISION", REG_SZ, "3c04"),
        ("TEMP", REG_EXPAND_SZ, "%SystemDrive%\\Temp"),
        ("TMP", REG_EXPAND_SZ, "%SystemDrive%\\Temp"),
        ("USERNAME", REG_SZ, "SYSTEM"),
        ("windir", REG_EXPAND_SZ, "%SystemRoot%"),
    ]


def boot_hive() -> list[tuple[str, list]]:
    """(key path under \\REGISTRY, its values) in creation order; parents come first."""
    software = MACHINE + "\\SOFTWARE"
    control = MACHINE + "\\SYSTEM\\CurrentControlSet\\Control"
    return [
        (MACHINE, []),
        (MACHINE + "\\HARDWARE", []),
        (MACHINE + "\\HARDWARE\\DESCRIPTION", []),
        (MACHINE + "\\HARDWARE\\DESCRIPTION\\System", [("Identifier", REG_SZ, "AT/AT COMPATIBLE")]),
        (MACHINE + "\\HARDWARE\\DESCRIPTION\\System\\CentralProcessor", []),
        (MACHINE + "\\HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0", [
            ("~MHz", REG_DWORD, PROCESSOR_MHZ),
            ("Identifier", REG_SZ, PROCESSOR_IDENTIFIER),
            ("ProcessorNameString", REG_SZ, PROCESSOR_NAME),
            ("VendorIdentifier", REG_SZ, PROCESSOR_VENDOR),
            ("FeatureSet", REG_DWORD, 0x3D1B3FFF),
        ]),
        (MACHINE + "\\SAM", []),
        (MACHINE + "\\SECURITY", []),
        (software, []),
        (software + "\\Classes", []),
        (software + "\\Microsoft", []),
        (software + "\\Microsoft\\Cryptography", [("MachineGuid", REG_SZ, MACHINE_GUID)]),
        (software + "\\Microsoft\\Windows", []),
        (software + "\\Microsoft\\Windows\\CurrentVersion", [
            ("CommonFilesDir", REG_SZ, _env["CommonProgramFiles"]),
            ("CommonFilesDir (x86)", REG_SZ, "C:\\Program Files (x86)\\Common Files"),
            ("CommonW6432Dir", REG_SZ, _env["CommonProgramFiles"]),
            ("DevicePath", REG_EXPAND_SZ, "%SystemRoot%\\inf"),
            ("ProgramFilesDir", REG_SZ, _env["ProgramFiles"]),
            ("ProgramFilesDir (x86)", REG_SZ, _env["ProgramFiles(x86)"]),
            ("ProgramFilesPath", REG_EXPAND_SZ, "%ProgramFiles%"),
            ("ProgramW6432Dir", REG_SZ, _env["ProgramW6432"]),
        ]),
        (software + "\\Microsoft\\Windows NT", []),
        (software + "\\Microsoft\\Windows NT\\CurrentVersion", _version()),
        *time_zone_keys(software),
        # ProfileList: where each account's profile is (GetUserProfileDirectory reads it)
        (software + "\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList", [
            ("Default", REG_EXPAND_SZ, "%SystemDrive%\\Users\\Default"),
            ("ProfilesDirectory", REG_EXPAND_SZ, "%SystemDrive%\\Users"),
            ("ProgramData", REG_EXPAND_SZ, "%SystemDrive%\\ProgramData"),
            ("Public", REG_EXPAND_SZ, "%SystemDrive%\\Users\\Public"),
        ]),
        (software + "\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\" + USER_SID, [
            ("Flags", REG_DWORD, 0),
            ("ProfileImagePath", REG_EXPAND_SZ, _env["USERPROFILE"]),
            ("State", REG_DWORD, 0),
        ]),
        (MACHINE + "\\SYSTEM", []),
        (MACHINE + "\\SYSTEM\\CurrentControlSet", []),
        (MACHINE + "\\SYSTEM\\CurrentControlSet\\Hardware Profiles", []),
        (MACHINE + "\\SYSTEM\\CurrentControlSet\\Hardware Profiles\\Current", []),   # HKEY_CURRENT_CONFIG
        (MACHINE + "\\SYSTEM\\CurrentControlSet\\Hardware Profiles\\Current\\Software", []),
        (MACHINE + "\\SYSTEM\\CurrentControlSet\\Hardware Profiles\\Current\\System", []),
        (control, [("SystemBootDevice", REG_SZ, "multi(0)disk(0)rdisk(0)partition(1)")]),
        (control + "\\ComputerName", []),
        (control + "\\ComputerName\\ComputerName", [("ComputerName", REG_SZ, _env["COMPUTERNAME"])]),
        (control + "\\Nls", []),
        (control + "\\Nls\\CodePage", [
            ("ACP", REG_SZ, "1252"), ("MACCP", REG_SZ, "10000"), ("OEMCP", REG_SZ, "437"),
            ("437", REG_SZ, "c_437.nls"), ("850", REG_SZ, "c_850.nls"), ("1252", REG_SZ, "c_1252.nls"),
            ("65001", REG_SZ, ""),
        ]),
        (control + "\\Nls\\Language", [("Default", REG_SZ, "0409"), ("InstallLanguage", REG_SZ, "0409")]),
        (control + "\\Session Manager", []),
        (control + "\\Session Manager\\Environment", _system_environment()),
        (control + "\\TimeZoneInformation", [
            ("TimeZoneKeyName", REG_SZ, "UTC"), ("Bias", REG_DWORD, 0), ("ActiveTimeBias", REG_DWORD, 0),
            ("StandardName", REG_SZ, "Coordinated Universal Time"),
            ("DaylightName", REG_SZ, "Coordinated Universal Time"),
        ]),
        ("USER", []),
        ("USER\\.DEFAULT", []),
        (USER, []),
        (USER + "\\Console", [
            ("CursorSize", REG_DWORD, 25), ("FaceName", REG_SZ, "Consolas"), ("FontSize", REG_DWORD, 0x100000),
            ("HistoryBufferSize", REG_DWORD, 50), ("QuickEdit", REG_DWORD, 1),
            ("ScreenBufferSize", REG_DWORD, 0x23290078),
            ("VirtualTerminalLevel", REG_DWORD, 0), ("WindowSize", REG_DWORD, 0x1E0078),
        ]),
        (USER + "\\Control Panel", []),
        (USER + "\\Control Panel\\International", [
            ("Locale", REG_SZ, "00000409"), ("LocaleName", REG_SZ, "en-US"), ("iCountry", REG_SZ, "1"),
            ("sCountry", REG_SZ, "United States"), ("sLanguage", REG_SZ, "ENU"), ("sDecimal", REG_SZ, "."),
            ("sThousand", REG_SZ, ","), ("sList", REG_SZ, ","), ("sDate", REG_SZ, "/"), ("sTime", REG_SZ, ":"),
            ("sShortDate", REG_SZ, "M/d/yyyy"), ("sLongDate", REG_SZ, "dddd, MMMM d, yyyy"),
            ("sShortTime", REG_SZ, "h:mm tt"), ("sTimeFormat", REG_SZ, "h:mm:ss tt"), ("s1159", REG_SZ, "AM"),
            ("s2359", REG_SZ, "PM"), ("sCurrency", REG_SZ, "$"), ("iFirstDayOfWeek", REG_SZ, "6"),
            ("iMeasure", REG_SZ, "1"), ("iPaperSize", REG_SZ, "1"),
        ]),
        (USER + "\\Environment", [
            ("Path", REG_EXPAND_SZ, "%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;"),
            ("TEMP", REG_EXPAND_SZ, "%SystemDrive%\\Temp"),
            ("TMP", REG_EXPAND_SZ, "%SystemDrive%\\Temp"),
        ]),
        (USER + "\\Software", []),
        (USER + "\\Software\\Classes", []),
        (USER + "\\Software\\Microsoft", []),
        (USER + "\\Volatile Environment", [
            ("APPDATA", REG_SZ, _env["APPDATA"]), ("HOMEDRIVE", REG_SZ, _env["HOMEDRIVE"]),
            ("HOMEPATH", REG_SZ, _env["HOMEPATH"]), ("LOCALAPPDATA", REG_SZ, _env["LOCALAPPDATA"]),
            ("USERDOMAIN", REG_SZ, _env["USERDOMAIN"]), ("USERNAME", REG_SZ, _env["USERNAME"]),
            ("USERPROFILE", REG_SZ, _env["USERPROFILE"]),
        ]),
    ]
