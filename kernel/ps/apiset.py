"""The API set schema (version 6, as Windows 10 lays it out) that the executive maps into every
process at PEB->ApiSetMap, built from the one table below.

Each row names an API set contract (the part of its name up to the last hyphen is what a lookup
matches, so api-ms-win-core-synch-l1-2-0 also answers api-ms-win-core-synch-l1-2-1) and its host:
a DLL name, or (default, {importing module: host}) where Windows redirects for some importers.
"""
import struct

from ..mm.pte import PAGE_READONLY, PAGE_READWRITE
from ..mm.vad import MEM_COMMIT, MEM_RESERVE
from ..mm.virtual import MmAllocateVirtualMemory, MmProtectVirtualMemory

HASH_FACTOR = 0x1F

_CRT = ["conio", "convert", "environment", "filesystem", "heap", "locale", "math", "multibyte", "private",
        "process", "runtime", "stdio", "string", "time", "utility"]

_CORE_KERNELBASE = [
    "apiquery-l1-1-0", "appcompat-l1-1-0", "appcompat-l1-1-1", "comm-l1-1-0", "console-l1-1-0", "console-l1-2-0",
    "console-l2-1-0", "console-l2-2-0", "console-l3-1-0", "datetime-l1-1-0", "datetime-l1-1-1", "datetime-l1-1-2",
    "debug-l1-1-0", "debug-l1-1-1", "debug-l1-1-2", "delayload-l1-1-0", "delayload-l1-1-1",
    "errorhandling-l1-1-0", "errorhandling-l1-1-1", "errorhandling-l1-1-2", "errorhandling-l1-1-3",
    "fibers-l1-1-0", "fibers-l1-1-1", "fibers-l2-1-0", "file-l1-1-0", "file-l1-1-1", "file-l1-2-0", "file-l1-2-1",
    "file-l1-2-2", "file-l1-2-3", "file-l2-1-0", "file-l2-1-1", "file-l2-1-2", "file-l2-1-3", "handle-l1-1-0",
    "heap-l1-1-0", "heap-l1-2-0", "heap-l2-1-0", "heap-obsolete-l1-1-0", "interlocked-l1-1-0",
    "interlocked-l1-2-0", "io-l1-1-0", "io-l1-1-1", "job-l1-1-0", "job-l2-1-0", "largeinteger-l1-1-0",
    "libraryloader-l1-1-0", "libraryloader-l1-1-1", "libraryloader-l1-2-0", "libraryloader-l1-2-1",
    "libraryloader-l1-2-2", "libraryloader-l2-1-0", "localization-l1-1-0", "localization-l1-2-0",
    "localization-l1-2-1", "localization-l1-2-2", "localization-l2-1-0", "localization-obsolete-l1-2-0",
    "memory-l1-1-0", "memory-l1-1-1", "memory-l1-1-2", "memory-l1-1-3", "memory-l1-1-4", "memory-l1-1-5",
    "namedpipe-l1-1-0", "namedpipe-l1-2-0", "namespace-l1-1-0", "normalization-l1-1-0", "path-l1-1-0",
    "privateprofile-l1-1-0", "privateprofile-l1-1-1", "processenvironment-l1-1-0", "processenvironment-l1-2-0",
    "processsnapshot-l1-1-0", "processthreads-l1-1-0", "processthreads-l1-1-1", "processthreads-l1-1-2",
    "processthreads-l1-1-3", "processtopology-l1-1-0", "processtopology-l1-2-0", "profile-l1-1-0",
    "psapi-l1-1-0", "psapi-ansi-l1-1-0", "quirks-l1-1-0", "realtime-l1-1-0", "registry-l1-1-0",
    "registry-l1-1-1", "registry-l2-1-0", "shlwapi-legacy-l1-1-0", "shlwapi-obsolete-l1-1-0", "sidebyside-l1-1-0",
    "string-l1-1-0", "string-l2-1-0", "string-obsolete-l1-1-0", "stringansi-l1-1-0", "synch-l1-1-0",
    "synch-l1-2-0", "synch-l1-2-1", "sysinfo-l1-1-0", "sysinfo-l1-2-0", "sysinfo-l1-2-1", "sysinfo-l1-2-2",
    "sysinfo-l1-2-3", "threadpool-l1-1-0", "threadpool-l1-2-0", "threadpool-legacy-l1-1-0",
    "threadpool-private-l1-1-0", "timezone-l1-1-0", "url-l1-1-0", "util-l1-1-0", "version-l1-1-0",
    "versionansi-l1-1-0", "windowserrorreporting-l1-1-0", "winrt-error-l1-1-0", "winrt-error-l1-1-1",
    "winrt-string-l1-1-0", "wow64-l1-1-0", "wow64-l1-1-1",
]
_CORE_KERNEL32 = ["kernel32-legacy-l1-1-0", "kernel32-legacy-l1-1-1", "kernel32-legacy-l1-1-2",
                  "kernel32-legacy-l1-1-3", "kernel32-legacy-l1-1-4", "kernel32-legacy-l1-1-5",
                  "kernel32-private-l1-1-0", "kernel32-private-l1-1-1", "kernel32-private-l1-1-2",
                  "toolhelp-l1-1-0", "realtime-l1-1-1"]
_CORE_NTDLL = ["rtlsupport-l1-1-0", "rtlsupport-l1-2-0"]

# The one table: contract name -> host, or (default host, {importer: host}).
API_SETS: dict[str, object] = {}
API_SETS.update({f"api-ms-win-crt-{n}-l1-1-0": "ucrtbase.dll" for n in _CRT})
API_SETS.update({f"api-ms-win-core-{n}": ("kernelbase.dll", {}) for n in _CORE_KERNELBASE})
API_SETS.update({f"api-ms-win-core-{n}": ("kernel32.dll", {"kernel32.dll": "kernelbase.dll"})
                 for n in _CORE_KERNEL32})
API_SETS.update({f"api-ms-win-core-{n}": "ntdll.dll" for n in _CORE_NTDLL})
API_SETS.update({
    "api-ms-win-security-base-l1-1-0": "kernelbase.dll", "api-ms-win-security-base-l1-2-0": "kernelbase.dll",
    "api-ms-win-security-lsalookup-l1-1-0": "advapi32.dll", "api-ms-win-security-sddl-l1-1-0": "advapi32.dll",
    "api-ms-win-eventing-provider-l1-1-0": "advapi32.dll", "api-ms-win-eventing-classicprovider-l1-1-0":
    "advapi32.dll", "api-ms-win-shell-shellfolders-l1-1-0": "shell32.dll",
    "api-ms-win-downlevel-kernel32-l1-1-0": "kernel32.dll", "api-ms-win-downlevel-advapi32-l1-1-0": "advapi32.dll",
    "api-ms-win-downlevel-user32-l1-1-0": "user32.dll", "api-ms-win-downlevel-shell32-l1-1-0": "shell32.dll",
    "api-ms-win-downlevel-ole32-l1-1-0": "ole32.dll", "api-ms-win-downlevel-version-l1-1-0": "version.dll",
    "ext-ms-win-ntuser-message-l1-1-0": "user32.dll", "ext-ms-win-ntuser-window-l1-1-0": "user32.dll",
    "ext-ms-win-advapi32-registry-l1-1-0": "advapi32.dll",
    "api-ms-win-appmodel-runtime-l1-1-0": "kernelbase.dll",
})


def hashed_part(name: str) -> str:
    return name[:name.rindex("-")]


def api_set_hash(text: str) -> int:
    value = 0
    for c in text.lower():
        value = (value * HASH_FACTOR + ord(c)) & 0xFFFFFFFF
    return value


def build_schema(table: dict[str, object] = API_SETS) -> bytes:
    """API_SET_NAMESPACE, its entries sorted by name, the hash table sorted by hash, the values
    and the UTF-16 strings, every offset from the start of the schema."""
    names = sorted(table)
    header_size, entry_size, hash_size, value_size = 28, 24, 8, 20
    entry_off = header_size
    hash_off = entry_off + entry_size * len(names)
    value_off = hash_off + hash_size * len(names)
    values = []
    for name in names:
        host = table[name]
        default, special = (host, {}) if isinstance(host, str) else host
        values.append([("", default)] + sorted(special.items()))
    string_off = value_off + value_size * sum(len(v) for v in values)
    strings = bytearray()

    def string(text: str) -> tuple[int, int]:
        data = text.encode("utf-16-le")
        offset = string_off + len(strings)
        strings.extend(data)
        while len(strings) % 4:
            strings.append(0)
        return offset, len(data)

    entries, value_blob = bytearray(), bytearray()
    cursor = value_off
    for name, vals in zip(names, values, strict=True):
        name_offset, name_len = string(name)
        entries += struct.pack("<IIIIII", 0, name_offset, name_len, len(hashed_part(name)) * 2, cursor, len(vals))
        for importer, host in vals:
            imp_off, imp_len = string(importer) if importer else (0, 0)
            host_off, host_len = string(host)
            value_blob += struct.pack("<IIIII", 0, imp_off, imp_len, host_off, host_len)
            cursor += value_size
    hashes = sorted((api_set_hash(hashed_part(n)), i) for i, n in enumerate(names))
    hash_blob = b"".join(struct.pack("<II", h, i) for h, i in hashes)
    total = string_off + len(strings)
    header = struct.pack("<IIIIIII", 6, total, 0, len(names), entry_off, hash_off, HASH_FACTOR)
    return header + bytes(entries) + hash_blob + bytes(value_blob) + bytes(strings)


_SCHEMA = build_schema()


def MmMapApiSetSchema(process) -> int:
    """The schema in the new process, read-only (Windows maps ApiSetSchema.dll's .apiset section)."""
    space = process.space
    base, size = MmAllocateVirtualMemory(space, 0, len(_SCHEMA), MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)
    space.write(base, _SCHEMA)
    MmProtectVirtualMemory(space, base, size, PAGE_READONLY)
    return base
