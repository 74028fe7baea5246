"""Stage 2's question, "what is this file?": the CreateProcess decision matrix.

A native 64-bit executable runs; everything else gets a refusal naming what it is.
"""
import mmap
import os
import stat

from . import imagecache

IMAGE_FILE_MACHINE_AMD64 = 0x8664
IMAGE_FILE_MACHINE_I386 = 0x014C
IMAGE_FILE_DLL = 0x2000
IMAGE_FILE_RELOCS_STRIPPED = 0x0001
IMAGE_SUBSYSTEM_NATIVE = 1
IMAGE_SUBSYSTEM_WINDOWS_GUI = 2
IMAGE_SUBSYSTEM_WINDOWS_CUI = 3
MAX_SECTIONS = 96                   # the image loader's limit (MiVerifyImageHeader)

_MACHINES = {0x014C: "x86 (32-bit)", 0x01C4: "ARM Thumb-2", 0xAA64: "ARM64", 0x0200: "Itanium",
             0x8664: "x64"}


class ImageRefused(Exception):
    """The file cannot run as a native x64 process; `kind` names what it is."""

    def __init__(self, kind: str, reason: str, not_pe: bool = False):
        super().__init__(reason)
        self.kind = kind
        self.not_pe = not_pe


class ImageFile:
    """A PE file read and accepted by pefile. `headers` has the header fields (pefile's names);
    `pe` is pefile's object, parsed on first use when the headers came from the cache."""

    def __init__(self, path: str, data: bytes, pe=None, headers=None, key: str = ""):
        self.path = path
        self.data = data
        self._pe = pe
        self.headers = headers if headers is not None else pe
        self.key = key                  # the content key of imagecache, "" when not computed

    @property
    def pe(self):
        if self._pe is None:
            import pefile
            self._pe = pefile.PE(data=self.data, fast_load=True)
        return self._pe

    @property
    def image_base(self) -> int:
        return self.headers.OPTIONAL_HEADER.ImageBase

    @property
    def size_of_image(self) -> int:
        return self.headers.OPTIONAL_HEADER.SizeOfImage

    @property
    def entry_rva(self) -> int:
        return self.headers.OPTIONAL_HEADER.AddressOfEntryPoint

    @property
    def subsystem(self) -> int:
        return self.headers.OPTIONAL_HEADER.Subsystem

    @property
    def is_dll(self) -> bool:
        return bool(self.headers.FILE_HEADER.Characteristics & IMAGE_FILE_DLL)


def parse_image(path: str, data: bytes) -> ImageFile:
    """Parse a PE32+ image (exe or dll) without the executable-only checks."""
    if data[:2] != b"MZ":
        raise ImageRefused("not-pe", "not a PE image (no MZ header)", not_pe=True)
    if len(data) < 0x40:
        raise ImageRefused("truncated", f"a truncated image ({len(data)} bytes: the MS-DOS header alone is 64)",
                           not_pe=True)
    key = imagecache.content_key(data)
    snap = imagecache.load(key, "headers")
    if snap is not None:
        try:
            return ImageFile(path, data, headers=imagecache.ImageHeaders(snap), key=key)
        except (KeyError, TypeError):
            pass                            # a record of another shape: parse again
    import pefile
    try:
        pe = pefile.PE(data=data, fast_load=True)
    except (ValueError, IndexError, KeyError, TypeError, OverflowError, AttributeError) as e:
        # pefile's own checks raise PEFormatError; a header it trips over is just as malformed
        raise ImageRefused("bad-pe", f"a malformed PE image ({type(e).__name__}: {e})", not_pe=True) from e
    except pefile.PEFormatError as e:
        lfanew = int.from_bytes(data[0x3C:0x40], "little")
        sig = data[lfanew:lfanew + 2] if lfanew + 2 <= len(data) else b""
        if sig == b"NE":
            raise ImageRefused("win16", "a 16-bit Windows (NE) program: Windows x64 has no NTVDM to run it") from e
        if sig in (b"LE", b"LX"):
            raise ImageRefused("vxd", "an LE/LX image (OS/2 or VxD): not a Windows program") from e
        if sig != b"PE":
            raise ImageRefused("ms-dos", "an MS-DOS program: Windows x64 has no NTVDM to run it") from e
        raise ImageRefused("bad-pe", f"a malformed PE image ({e})", not_pe=True) from e
    try:
        snap = imagecache.snapshot_headers(pe)
    except (AttributeError, TypeError):
        snap = None                         # headers pefile could not give whole: not cached
    if snap is not None:
        imagecache.store(key, "headers", snap)
    return ImageFile(path, data, pe, key=key)


class NotRegularFile(OSError):
    """The path names something other than a regular file (a device, a FIFO, a socket)."""


def read_image_file(path: str):
    """The file's bytes, mapped rather than read (host memory stays the page cache's), from a
    regular file only: a device or FIFO is refused before a byte is read or a writer awaited."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory", path)
        if not stat.S_ISREG(st.st_mode):
            kind = ("a character device" if stat.S_ISCHR(st.st_mode) else "a block device" if stat.S_ISBLK(st.st_mode)
                    else "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
                    else "not a regular file")
            raise NotRegularFile(0, f"{kind}, not a regular file", path)
        if st.st_size == 0:
            return b""
        return mmap.mmap(fd, st.st_size, access=mmap.ACCESS_READ)
    finally:
        os.close(fd)


def open_image(path: str) -> ImageFile:
    """Read and classify `path`; raise ImageRefused unless it is a runnable x64 executable.

    OSError (missing, unreadable) propagates for the caller to report.
    """
    ext = os.path.splitext(path)[1].lower()
    data = read_image_file(path)
    if ext in (".bat", ".cmd"):
        raise ImageRefused("batch", "a batch file: Windows runs it under cmd.exe, which this kernel does not have")
    if ext in (".com", ".pif") and data[:2] != b"MZ":
        raise ImageRefused("ms-dos", "an MS-DOS .com/.pif program: Windows x64 has no NTVDM to run it")
    image = parse_image(path, data)
    pe = image.headers
    machine = pe.FILE_HEADER.Machine
    if pe.OPTIONAL_HEADER.Magic == 0x10B or machine == IMAGE_FILE_MACHINE_I386:
        raise ImageRefused("win32", "a 32-bit image: it needs WoW64, and this kernel runs native x64 images only")
    if pe.FILE_HEADER.NumberOfSections > MAX_SECTIONS:
        raise ImageRefused("bad-pe", f"a malformed PE image ({pe.FILE_HEADER.NumberOfSections} sections; Windows "
                           f"maps at most {MAX_SECTIONS})", not_pe=True)
    if pe.OPTIONAL_HEADER.Magic != 0x20B:
        raise ImageRefused("bad-pe", f"a malformed PE image (optional header magic {pe.OPTIONAL_HEADER.Magic:#x}, "
                           "not PE32+)", not_pe=True)
    if machine != IMAGE_FILE_MACHINE_AMD64:
        name = _MACHINES.get(machine, "machine 0x%04X" % machine)
        raise ImageRefused("machine", f"an image for {name}, not x64")
    if image.is_dll:
        raise ImageRefused("dll", "a DLL, not an executable: it has no process of its own to run in")
    if image.subsystem not in (IMAGE_SUBSYSTEM_WINDOWS_CUI, IMAGE_SUBSYSTEM_WINDOWS_GUI):
        raise ImageRefused("subsystem", f"an image for subsystem {image.subsystem}, not the Windows subsystem")
    return image
