"""A module's export directory: names and ordinals to RVAs, and forwarders.

Parsing a large export directory with pefile costs milliseconds on every boot, so the result
is cached on disk keyed by the file's content hash ($NTMINI_CACHE, default ~/.cache/ntmini);
the cache is an optimisation only: unreadable or unwritable, it is ignored.
"""
import hashlib
import json
import os

import pefile


class Exports:
    def __init__(self, dll_name: str = "", ordinal_base: int = 1, by_name=None, by_ordinal=None, forwarders=None):
        self.dll_name = dll_name
        self.ordinal_base = ordinal_base
        self.by_name: dict[str, int] = by_name or {}            # name -> RVA
        self.by_ordinal: dict[int, int] = by_ordinal or {}      # ordinal -> RVA
        self.forwarders: dict[object, str] = forwarders or {}   # name or ordinal -> "DLL.Func"


def _cache_path(data: bytes) -> str:
    root = os.environ.get("NTMINI_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "ntmini")
    return os.path.join(root, "exports-" + hashlib.sha256(data).hexdigest()[:32] + ".json")


def read_exports_cached(pe: pefile.PE, data: bytes) -> Exports:
    path = _cache_path(data)
    try:
        with open(path) as f:
            raw = json.load(f)
        return Exports(raw["dll_name"], raw["ordinal_base"], raw["by_name"],
                       {int(k): v for k, v in raw["by_ordinal"].items()},
                       {(int(k[1:]) if k.startswith("#") else k[1:]): v for k, v in raw["forwarders"].items()})
    except (OSError, ValueError, KeyError):
        pass
    exports = read_exports(pe)
    raw = {"dll_name": exports.dll_name, "ordinal_base": exports.ordinal_base, "by_name": exports.by_name,
           "by_ordinal": exports.by_ordinal}
    raw["forwarders"] = {(f"#{k}" if isinstance(k, int) else f"n{k}"): v for k, v in exports.forwarders.items()}
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}"
        with open(tmp, "w") as f:
            json.dump(raw, f)
        os.replace(tmp, path)
    except OSError:
        pass
    return exports


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
