"""How an image lies in memory: its bytes at a base address, relocated, and the protection of
each page as MiMapViewOfImageSection would give it."""
import struct
from typing import NamedTuple

from . import imagecache
from .pe import ImageFile, ImageRefused

PAGE = 0x1000
SCN_EXECUTE, SCN_READ, SCN_WRITE = 0x20000000, 0x40000000, 0x80000000

# PAGE_* values (the loader is a leaf; these are the Win32 constants).
PAGE_READONLY, PAGE_WRITECOPY = 0x02, 0x08
PAGE_EXECUTE_READ, PAGE_EXECUTE_WRITECOPY = 0x20, 0x80


def section_protection(characteristics: int) -> int:
    x, w = characteristics & SCN_EXECUTE, characteristics & SCN_WRITE
    if x:
        return PAGE_EXECUTE_WRITECOPY if w else PAGE_EXECUTE_READ
    return PAGE_WRITECOPY if w else PAGE_READONLY


class ImageLayout(NamedTuple):
    base: int
    size: int                       # SizeOfImage rounded to pages
    data: bytes                     # the mapped bytes, relocated for `base`
    protections: list[int]          # PAGE_* for each page
    relocated: bool


IMAGE_DIRECTORY_ENTRY_BASERELOC = 5


def has_relocations(image: ImageFile) -> bool:
    index = IMAGE_DIRECTORY_ENTRY_BASERELOC
    directories = image.headers.OPTIONAL_HEADER.DATA_DIRECTORY
    if index >= len(directories):       # NumberOfRvaAndSizes leaves it out: no relocations
        return False
    d = directories[index]
    return d.VirtualAddress != 0 and d.Size != 0


def build_layout(image: ImageFile, base: int) -> ImageLayout:
    """The layout for `base`, from the cache when the same file was laid out at that base before
    (imagecache: the system's images land at the same bases in every run)."""
    cacheable = image.key and image.size_of_image <= imagecache.MAX_LAYOUT
    kind = f"layout@{base:x}"
    if cacheable:
        record = imagecache.load(image.key, kind)
        if record is not None and isinstance(record, tuple) and len(record) == 4:
            size, data, protections, relocated = record
            return ImageLayout(base, size, data, list(protections), relocated)
    layout = _build_layout(image, base)
    if cacheable:
        imagecache.store(image.key, kind, (layout.size, layout.data, layout.protections, layout.relocated))
    return layout


def _build_layout(image: ImageFile, base: int) -> ImageLayout:
    """Map headers and sections, apply base relocations for `base`, and list page protections."""
    import pefile
    pe = image.pe
    oh = pe.OPTIONAL_HEADER
    size = (oh.SizeOfImage + PAGE - 1) & ~(PAGE - 1)
    relocated = base != oh.ImageBase and has_relocations(image)
    try:
        if relocated:
            pe = pefile.PE(data=image.data, fast_load=True)
            pe.parse_data_directories(directories=[IMAGE_DIRECTORY_ENTRY_BASERELOC])
            pe.relocate_image(base)
        if oh.SectionAlignment < PAGE:
            # A low-alignment image is its file laid flat: every RVA is its file offset.
            data = bytes(pe.__data__[:size]).ljust(size, b"\0")
        else:
            # relocate_image() above already moved this copy: no second pass over the relocations;
            # nothing past SizeOfImage
            mapped = pe.get_memory_mapped_image(max_virtual_address=size)
            data = bytes(mapped[:size]).ljust(size, b"\0")
    except (TypeError, ValueError, IndexError, KeyError, OverflowError, struct.error, pefile.PEFormatError) as e:
        # pefile trips over relocations or sections that point outside the image
        raise ImageRefused("bad-pe", f"its relocations or sections cannot be applied ({type(e).__name__}: {e})",
                           not_pe=True) from e

    pages = size // PAGE
    if oh.SectionAlignment < PAGE:
        # Low-alignment images are mapped as one executable, writable-copy view.
        protections = [PAGE_EXECUTE_WRITECOPY] * pages
    else:
        protections = [PAGE_READONLY] * pages
        for s in pe.sections:
            start = s.VirtualAddress // PAGE
            span = max(s.Misc_VirtualSize, s.SizeOfRawData)
            count = (span + PAGE - 1) // PAGE
            prot = section_protection(s.Characteristics)
            for i in range(start, min(start + count, pages)):
                protections[i] = prot
    return ImageLayout(base, size, data, protections, relocated)
