"""What parsing an image with pefile found out, kept on disk between runs.

Every boot maps the same system images (ntoskrnl, ntdll, kernel32, kernelbase, ...). Parsing each
with pefile, and importing pefile at all, costs more than the rest of a small program's boot, so the
headers an image was accepted with and its pages laid out at its preferred base are cached, keyed by
the file's content ($NTMINI_CACHE, default ~/.cache/ntmini). Only images pefile accepted are cached:
a refusal is decided again each time. The cache is an optimisation only: unreadable, unwritable or
stale, it is ignored, and it is pruned to a bounded size.
"""
import marshal
import os
from types import SimpleNamespace

try:
    from _blake2 import blake2b  # hashlib's own blake2b, without loading OpenSSL
except ImportError:                          # pragma: no cover - other Pythons
    from hashlib import blake2b

FORMAT = 1                      # bump when a record's shape changes
MAX_ENTRIES = 96
MAX_BYTES = 64 << 20
MAX_LAYOUT = 8 << 20            # larger images are laid out each time, not cached


def cache_root() -> str:
    return os.environ.get("NTMINI_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "ntmini")


def content_key(data) -> str:
    return blake2b(data, digest_size=20).hexdigest()


def _path(key: str, kind: str) -> str:
    return os.path.join(cache_root(), f"{kind}-{key}.bin")


def load(key: str, kind: str):
    try:
        with open(_path(key, kind), "rb") as f:
            record = marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(record, tuple) or len(record) != 2 or record[0] != FORMAT:
        return None
    return record[1]


def store(key: str, kind: str, value) -> None:
    path = _path(key, kind)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            marshal.dump((FORMAT, value), f)
        os.replace(tmp, path)
        _prune(os.path.dirname(path))
    except (OSError, ValueError):
        pass


def _prune(root: str) -> None:
    """Keep the cache within MAX_ENTRIES records and MAX_BYTES, dropping the oldest first."""
    entries = []
    with os.scandir(root) as it:
        for e in it:
            if e.name.endswith(".bin") and e.is_file(follow_symlinks=False):
                st = e.stat(follow_symlinks=False)
                entries.append((st.st_mtime_ns, st.st_size, e.path))
    total = sum(size for _, size, _ in entries)
    if len(entries) <= MAX_ENTRIES and total <= MAX_BYTES:
        return
    entries.sort()
    while entries and (len(entries) > MAX_ENTRIES or total > MAX_BYTES):
        _, size, path = entries.pop(0)
        total -= size
        try:
            os.unlink(path)
        except OSError:
            pass


# -- headers: the fields of pefile's structures that the executive reads ---------------------------------

def _fields(structure) -> dict:
    return {k: getattr(structure, k) for keys in structure.__keys__ for k in keys if hasattr(structure, k)}


def snapshot_headers(pe) -> dict:
    """The headers pefile parsed, as plain data (marshal-able)."""
    oh = pe.OPTIONAL_HEADER
    optional = _fields(oh) if oh is not None else None
    if optional is not None:
        optional["DATA_DIRECTORY"] = [(d.VirtualAddress, d.Size) for d in oh.DATA_DIRECTORY]
    return {"FILE_HEADER": _fields(pe.FILE_HEADER), "OPTIONAL_HEADER": optional,
            "sections": [_fields(s) for s in pe.sections]}


class ImageHeaders:
    """The image's headers with pefile's attribute names (FILE_HEADER, OPTIONAL_HEADER with its
    DATA_DIRECTORY, sections), from a snapshot: what the executive reads without pefile."""

    def __init__(self, snap: dict):
        self.FILE_HEADER = SimpleNamespace(**snap["FILE_HEADER"])
        optional = snap["OPTIONAL_HEADER"]
        if optional is None:
            self.OPTIONAL_HEADER = None
        else:
            optional = dict(optional)
            directories = [SimpleNamespace(VirtualAddress=va, Size=size) for va, size in optional.pop("DATA_DIRECTORY")]
            self.OPTIONAL_HEADER = SimpleNamespace(DATA_DIRECTORY=directories, **optional)
        self.sections = [SimpleNamespace(**s) for s in snap["sections"]]
