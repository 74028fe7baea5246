"""A module's export directory: names and ordinals to RVAs, and forwarders."""
from dataclasses import dataclass, field

import pefile


@dataclass
class Exports:
    dll_name: str = ""
    ordinal_base: int = 1
    by_name: dict[str, int] = field(default_factory=dict)        # name -> RVA
    by_ordinal: dict[int, int] = field(default_factory=dict)     # ordinal -> RVA
    forwarders: dict[object, str] = field(default_factory=dict)  # name or ordinal -> "DLL.Func"


def read_exports(pe: pefile.PE) -> Exports:
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_EXPORT"]])
    out = Exports()
    ed = getattr(pe, "DIRECTORY_ENTRY_EXPORT", None)
    if ed is None:
        return out
    out.ordinal_base = ed.struct.Base
    if ed.name:
        out.dll_name = ed.name.decode("ascii", "replace")
    for sym in ed.symbols:
        if sym.forwarder:
            fwd = sym.forwarder.decode("ascii", "replace")
            out.forwarders[sym.ordinal] = fwd
            if sym.name:
                out.forwarders[sym.name.decode("ascii", "replace")] = fwd
            continue
        out.by_ordinal[sym.ordinal] = sym.address
        if sym.name:
            out.by_name[sym.name.decode("ascii", "replace")] = sym.address
    return out
