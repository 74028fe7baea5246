"""A module's export directory: names and ordinals to RVAs, and forwarders.

Parsing a large export directory with pefile costs milliseconds on every boot, so the result
is cached on disk keyed by the file's content (loader.imagecache); the cache is an optimisation
only: unreadable or unwritable, it is ignored.
"""
from . import imagecache


class Exports:
    def __init__(self, dll_name: str = "", ordinal_base: int = 1, by_name=None, by_ordinal=None, forwarders=None):
        self.dll_name = dll_name
        self.ordinal_base = ordinal_base
        self.by_name: dict[str, int] = by_name or {}            # name -> RVA
        self.by_ordinal: dict[int, int] = by_ordinal or {}      # ordinal -> RVA
        self.forwarders: dict[object, str] = forwarders or {}   # name or ordinal -> "DLL.Func"


def read_exports_cached(image) -> Exports:
    """The exports of a loader.pe.ImageFile, from the cache when this file's were read before."""
    key = image.key or imagecache.content_key(image.data)
    raw = imagecache.load(key, "exports")
    if isinstance(raw, dict):
        try:
            return Exports(raw["dll_name"], raw["ordinal_base"], raw["by_name"], raw["by_ordinal"], raw["forwarders"])
        except KeyError:
            pass
    exports = read_exports(image.pe)
    imagecache.store(key, "exports", {"dll_name": exports.dll_name, "ordinal_base": exports.ordinal_base,
                                      "by_name": exports.by_name, "by_ordinal": exports.by_ordinal,
                                      "forwarders": exports.forwarders})
    return exports


def read_exports(pe) -> Exports:
    """The export directory of a pefile.PE."""
    pe.parse_data_directories(directories=[0])      # IMAGE_DIRECTORY_ENTRY_EXPORT
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
