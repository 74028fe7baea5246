"""What an image imports, and writing the resolved addresses into its IAT."""
from typing import NamedTuple

import pefile


class Import(NamedTuple):
    dll: str
    name: str | None            # None when imported by ordinal
    ordinal: int | None
    iat_rva: int                # where the resolved address goes


def read_imports(pe: pefile.PE) -> list[Import]:
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"]])
    out = []
    for entry in getattr(pe, "DIRECTORY_ENTRY_IMPORT", []):
        dll = entry.dll.decode("ascii", "replace")
        for imp in entry.imports:
            name = imp.name.decode("ascii", "replace") if imp.name else None
            ordinal = None if name else imp.ordinal
            iat_rva = imp.address - pe.OPTIONAL_HEADER.ImageBase
            out.append(Import(dll, name, ordinal, iat_rva))
    return out

