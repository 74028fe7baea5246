"""Section objects and their views: MmCreateSection, MmMapViewOfSection, MmUnmapViewOfSection.

An image section (SEC_IMAGE) is a PE image validated once, when it is created; each view lays the
image's pages out with each PE section's protection, relocated by Mm when the view is not at the
preferred base (as Windows does since Vista, the loader then sees STATUS_IMAGE_NOT_AT_BASE). A data
section, page-file or file backed, owns its frames: every view maps those same frames, so the
processes that map it share them, and a file-backed section's bytes go back to its file when it is
flushed or deleted.
"""
import os

from loader.image import build_layout
from loader.pe import IMAGE_FILE_MACHINE_AMD64, ImageFile, ImageRefused, parse_image

from ..ob.object import ObCreateObject, ObjectBody
from ..status import (
    STATUS_CONFLICTING_ADDRESSES,
    STATUS_IMAGE_NOT_AT_BASE,
    STATUS_INVALID_IMAGE_FORMAT,
    STATUS_INVALID_IMAGE_NOT_MZ,
    STATUS_INVALID_IMAGE_WIN_16,
    STATUS_INVALID_PAGE_PROTECTION,
    STATUS_INVALID_PARAMETER_3,
    STATUS_INVALID_VIEW_SIZE,
    STATUS_MAPPED_ALIGNMENT,
    STATUS_NO_MEMORY,
    STATUS_NOT_MAPPED_VIEW,
    STATUS_SECTION_PROTECTION,
    STATUS_SUCCESS,
    NtStatusError,
)
from .pte import PAGE_SIZE, PFN_MASK, make_user_pte, pte_protection, valid_protection
from .vad import ALLOCATION_GRANULARITY, MEM_IMAGE, MEM_MAPPED, MM_HIGHEST_USER_ADDRESS, Vad

SEC_FILE = 0x800000
SEC_IMAGE = 0x1000000
SEC_RESERVE = 0x4000000
SEC_COMMIT = 0x8000000
SEC_NOCACHE = 0x10000000
SEC_IMAGE_NO_EXECUTE = 0x11000000
SEC_LARGE_PAGES = 0x80000000
SECTION_BODY_SIZE = 0x38                # SECTION, build 19045

# What a data view may ask for, given the section's own protection (MiMakeProtectionMask's rule:
# never more than the section grants; copy-on-write views of writable sections are allowed).
_PROTECT_ALLOWS = {
    0x02: {0x02, 0x01},                                 # PAGE_READONLY
    0x04: {0x04, 0x02, 0x08, 0x01},                     # PAGE_READWRITE
    0x08: {0x08, 0x02, 0x01},                           # PAGE_WRITECOPY
    0x10: {0x10, 0x01},                                 # PAGE_EXECUTE
    0x20: {0x20, 0x10, 0x02, 0x01},                     # PAGE_EXECUTE_READ
    0x40: {0x40, 0x20, 0x80, 0x10, 0x04, 0x02, 0x08, 0x01},   # PAGE_EXECUTE_READWRITE
    0x80: {0x80, 0x20, 0x10, 0x08, 0x02, 0x01},         # PAGE_EXECUTE_WRITECOPY
}


class Section(ObjectBody):
    """A SECTION: an image (`image` set) or data (`frames` shared by every view)."""

    type_name = "Section"

    def __init__(self, kernel, size: int, protection: int, attributes: int, image: ImageFile | None = None,
                 file=None, name: str = ""):
        self.kernel = kernel
        self.size = size                        # MaximumSize
        self.protection = protection
        self.attributes = attributes
        self.image = image
        self.file = file                        # the FileObject backing it, if any
        self.name = name                        # the guest path of its file, for image views
        self.frames: list[int] = []             # data sections: one frame per page, allocated up front
        self.views = 0
        self.fcb = getattr(file, "fcb", None)   # the file's control block counts its sections
        if self.fcb is not None:
            if image is not None:
                self.fcb.image_sections += 1
            else:
                self.fcb.data_sections += 1
        self.address = ObCreateObject(kernel, "Section", SECTION_BODY_SIZE)
        self.bind_header(kernel.system, self.address)

    def handle_closed(self) -> None:
        super().handle_closed()
        if self.handle_count == 0 and self.views == 0:
            MiDeleteSection(self)

    def flush(self) -> None:
        """Write a writable file-backed data section's bytes back to its file (the mapped page
        writer's work; NtFlushVirtualMemory). The file was opened for writing through the mounts
        when the section was created, and the section holds it."""
        node = getattr(self.file, "node", None)
        host = getattr(node, "host", None)
        if self.image is not None or host is None or self.protection not in (0x04, 0x40) or not self.frames:
            return
        phys = self.kernel.system.phys
        data = b"".join(bytes(phys.view[f:f + PAGE_SIZE]) for f in self.frames)[:self.size]
        try:
            fd = os.open(host, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                os.pwrite(fd, data, 0)
            finally:
                os.close(fd)
        except OSError:
            pass                            # the file went away: its pages are simply dropped


class ImageView:
    """The executive's record of one mapped image view: what the trace, symbols and the
    image-load notification know of it (the loader keeps its own record in PEB->Ldr)."""

    def __init__(self, name: str, path: str, image: ImageFile, base: int, size: int):
        self.name = name
        self.path = path
        self.image = image
        self.base = base
        self.size = size
        self.entry = base + image.entry_rva if image.entry_rva else 0
        self._exports = None

    @property
    def exports(self):
        if self._exports is None:
            from loader.exports import read_exports_cached
            self._exports = read_exports_cached(self.image)
        return self._exports


def MiValidateImage(data: bytes, path: str) -> ImageFile:
    """Stage 2's checks for an image section: a PE32+ image for x64 whose sections lie in the
    file; the NTSTATUS Windows gives otherwise."""
    try:
        image = parse_image(path, data)
    except ImageRefused as e:
        if e.kind == "not-pe" and (len(data) < 2 or data[:2] != b"MZ"):
            raise NtStatusError(STATUS_INVALID_IMAGE_NOT_MZ) from e
        if e.kind == "win16":
            raise NtStatusError(STATUS_INVALID_IMAGE_WIN_16) from e
        raise NtStatusError(STATUS_INVALID_IMAGE_FORMAT) from e
    pe = image.headers
    try:
        oh = pe.OPTIONAL_HEADER
        if oh is None or oh.Magic != 0x20B or pe.FILE_HEADER.Machine != IMAGE_FILE_MACHINE_AMD64:
            raise NtStatusError(STATUS_INVALID_IMAGE_FORMAT)
        if not 0 < oh.SizeOfImage <= 0x80000000 or oh.SizeOfHeaders > oh.SizeOfImage:
            raise NtStatusError(STATUS_INVALID_IMAGE_FORMAT)
        for s in pe.sections:
            if s.SizeOfRawData and s.PointerToRawData + min(s.SizeOfRawData, max(s.Misc_VirtualSize, 1)) > len(data):
                raise NtStatusError(STATUS_INVALID_IMAGE_FORMAT, "a section lies past the end of the file")
            if s.VirtualAddress + max(s.Misc_VirtualSize, s.SizeOfRawData) > oh.SizeOfImage + PAGE_SIZE:
                raise NtStatusError(STATUS_INVALID_IMAGE_FORMAT)
    except AttributeError as e:
        raise NtStatusError(STATUS_INVALID_IMAGE_FORMAT) from e
    return image


_images: dict = {}


def _validated_image(file, name: str) -> ImageFile:
    """An image section's ImageFile: validated once per file content (the loader maps the same
    system DLLs in every process; a file that changed is read again)."""
    host = getattr(file, "host_path", None)
    try:
        st = os.stat(host) if host else None
    except OSError:
        st = None
    key = (host, st.st_size, st.st_mtime_ns, st.st_ino) if st else None
    if key is not None and key in _images:
        return _images[key]
    image = MiValidateImage(file.read_at(0, file.size()), name)
    if key is not None:
        if len(_images) >= 64:
            _images.pop(next(iter(_images)))
        _images[key] = image
    return image


def MmCreateSection(kernel, size: int, protection: int, attributes: int, file=None,
                    image: ImageFile | None = None, name: str = "") -> Section:
    """A new section: an image section from a file's bytes, or a data section of `size` bytes
    (the file's size when 0), its frames allocated and filled from the file."""
    if attributes & SEC_IMAGE:
        if image is None:
            image = _validated_image(file, name)
        return Section(kernel, image.size_of_image, protection, attributes, image=image, file=file, name=name)
    if not valid_protection(protection) or protection not in _PROTECT_ALLOWS:
        raise NtStatusError(STATUS_INVALID_PAGE_PROTECTION)
    if file is not None and size == 0:
        size = file.size()
    if size == 0:
        raise NtStatusError(STATUS_INVALID_PARAMETER_3 if file is None else 0xC0000020)   # INVALID_FILE_FOR_SECTION
    pages = (size + PAGE_SIZE - 1) // PAGE_SIZE
    pfn = kernel.system.pfn
    if pages > pfn.available:
        raise NtStatusError(STATUS_NO_MEMORY)
    section = Section(kernel, size, protection, attributes, file=file, name=name)
    phys = kernel.system.phys
    data = file.read_at(0, min(size, file.size())) if file is not None else b""
    for i in range(pages):
        frame = pfn.allocate()
        chunk = data[i * PAGE_SIZE:(i + 1) * PAGE_SIZE]
        if chunk:
            phys.write(frame, chunk)
        section.frames.append(frame)
    return section


def MiDeleteSection(section: Section) -> None:
    """The last handle and view are gone: write back and free the frames."""
    section.flush()
    pfn = section.kernel.system.pfn
    for frame in section.frames:
        pfn.free(frame)
    section.frames = []
    if section.fcb is not None:
        if section.image is not None:
            section.fcb.image_sections -= 1
        else:
            section.fcb.data_sections -= 1
        section.fcb = None


def _choose_base(space, base: int, size: int, zero_bits: int = 0) -> int | None:
    if base:
        if base % ALLOCATION_GRANULARITY or base + size > MM_HIGHEST_USER_ADDRESS + 1 or base < 0x10000:
            return None
        return None if space.vads.overlaps(base, base + size) else base
    highest = MM_HIGHEST_USER_ADDRESS + 1
    if 1 <= zero_bits <= 31:
        highest = 1 << (32 - zero_bits)
    return space.vads.find_free(size, highest=min(highest, 0x7FF000000000))


def MmMapViewOfSection(process, section: Section, base: int = 0, offset: int = 0, view_size: int = 0,
                       protect: int = 0x04, zero_bits: int = 0) -> tuple[int, int, int]:
    """Map a view into process; returns (base, size, status): STATUS_IMAGE_NOT_AT_BASE when an image
    could not go at its preferred base."""
    space = process.space
    if section.image is not None:
        return MiMapViewOfImageSection(process, section, base, zero_bits)
    if offset % ALLOCATION_GRANULARITY:
        raise NtStatusError(STATUS_MAPPED_ALIGNMENT)
    if base % ALLOCATION_GRANULARITY:
        raise NtStatusError(STATUS_MAPPED_ALIGNMENT)
    if offset >= section.size or view_size > section.size - offset:
        raise NtStatusError(STATUS_INVALID_VIEW_SIZE)
    allowed = _PROTECT_ALLOWS.get(section.protection, set())
    if not valid_protection(protect) or (protect & 0xFF) not in allowed:
        raise NtStatusError(STATUS_SECTION_PROTECTION)
    size = view_size or section.size - offset
    size = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)
    start = _choose_base(space, base, size, zero_bits)
    if start is None:
        raise NtStatusError(STATUS_CONFLICTING_ADDRESSES if base else STATUS_NO_MEMORY)
    first = offset // PAGE_SIZE
    for i in range(size // PAGE_SIZE):
        space.tables.set(start + i * PAGE_SIZE, make_user_pte(section.frames[first + i], protect))
    space.vads.insert(Vad(start, start + size, MEM_MAPPED, protect, section.name, owns_frames=False, view=section))
    section.views += 1
    space.changed()
    return start, size, STATUS_SUCCESS


def MiMapViewOfImageSection(process, section: Section, base: int = 0, zero_bits: int = 0):
    """An image view: at the preferred base when it is free (or at `base`), else where there is
    room, relocated for where it lands; every view has its own copy of the pages."""
    space = process.space
    image = section.image
    size = (image.size_of_image + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)
    preferred = image.image_base
    start = _choose_base(space, base, size) if base else _choose_base(space, preferred, size)
    if start is None:
        if base:
            raise NtStatusError(STATUS_CONFLICTING_ADDRESSES)
        start = _choose_base(space, 0, size, zero_bits)
        if start is None:
            raise NtStatusError(STATUS_NO_MEMORY, f"no room for an image view of {size:#x} bytes (SizeOfImage)")
    if size // PAGE_SIZE > space.pfn.available:
        raise NtStatusError(STATUS_NO_MEMORY, f"an image of {size // PAGE_SIZE:,} pages (SizeOfImage {size:#x}); "
                            f"{space.pfn.available:,} frames are free (--memory)")
    layout = _layout(image, start)
    pfn, phys = space.pfn, space.phys
    for i, prot in enumerate(layout.protections):
        frame = pfn.allocate(zero=False)
        phys.write(frame, layout.data[i * PAGE_SIZE:(i + 1) * PAGE_SIZE])
        space.tables.set(start + i * PAGE_SIZE, make_user_pte(frame, prot))
    view = ImageView(section.name.rsplit("\\", 1)[-1], section.name, image, start, size)
    space.vads.insert(Vad(start, start + size, MEM_IMAGE, 0x80, section.name, view=view))   # EXECUTE_WRITECOPY
    section.views += 1
    view.section = section
    process.modules.append(view)
    space.changed()
    PsCallImageNotifyRoutines(process, view)
    return start, size, STATUS_IMAGE_NOT_AT_BASE if start != preferred else STATUS_SUCCESS


def _layout(image: ImageFile, base: int):
    """The image's pages laid out for base: the same for every view at that base (the system's
    DLLs land at the same place in every process), so it is made once."""
    cache = image.__dict__.setdefault("_layouts", {})
    if base not in cache:
        try:
            cache[base] = build_layout(image, base)
        except (ImageRefused, ValueError, IndexError, KeyError, TypeError, AttributeError) as e:
            raise NtStatusError(STATUS_INVALID_IMAGE_FORMAT) from e
        if len(cache) > 4:
            cache.pop(next(iter(cache)))
    return cache[base]


def PsCallImageNotifyRoutines(process, view: ImageView) -> None:
    """Every image mapping is an event (the trace's symbols and the debugger follow it)."""
    kernel = view.section.kernel
    if process.pid and kernel.events.wants("image-load"):
        kernel.events.emit("image-load", pid=process.pid, name=view.name, base=view.base, size=view.size,
                           path=view.path, file=view.image.path)


def MmUnmapViewOfSection(process, base: int) -> None:
    space = process.space
    vad = space.vads.find(base)
    if vad is None or vad.type not in (MEM_IMAGE, MEM_MAPPED) or vad.view is None:
        raise NtStatusError(STATUS_NOT_MAPPED_VIEW)
    tables = space.tables
    for va in range(vad.start, vad.end, PAGE_SIZE):
        pte = tables.get(va)
        if vad.owns_frames and (pte_protection(pte) or pte & 1):
            space.pfn.free(pte & PFN_MASK)
        tables.set(va, 0)
    space.vads.remove(vad)
    space.changed()
    view = vad.view
    section = view if isinstance(view, Section) else view.section
    if isinstance(view, ImageView) and view in process.modules:
        process.modules.remove(view)
    section.views -= 1
    if section.views == 0 and section.handle_count == 0:
        MiDeleteSection(section)
