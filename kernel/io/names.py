"""File names as NTFS takes them: which components are valid, stream suffixes, and how a host
name shows (or does not show) in the guest.

A component holds no `"*/:<>?\\|` and no character below 0x20, is at most 255 characters and is
neither `.` nor `..` (NT paths are not normalised: `..` is an invalid name, never a way up).
`name:stream[:type]` names an alternate data stream; only the unnamed data stream (`name::$DATA`)
exists on this volume.
"""
from ..status import STATUS_OBJECT_NAME_INVALID, NtStatusError

MAX_COMPONENT = 255
_INVALID = set('"*/:<>?\\|') | {chr(c) for c in range(0x20)}
WILDCARDS = set('*?<>"')


def valid_component(name: str) -> bool:
    if not name or len(name) > MAX_COMPONENT or name in (".", ".."):
        return False
    return not any(c in _INVALID for c in name) and not any(0xD800 <= ord(c) <= 0xDFFF for c in name)


def split_stream(component: str) -> tuple[str, str | None]:
    """'a.txt' -> ('a.txt', None); 'a.txt::$DATA' -> ('a.txt', None); 'a.txt:s' -> ('a.txt', 's')."""
    if ":" not in component:
        return component, None
    name, _, stream = component.partition(":")
    sname, _, stype = stream.partition(":")
    if stype and stype.upper() != "$DATA" or ":" in stype:
        raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    if not name:
        raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    if sname == "":
        if not stype:
            raise NtStatusError(STATUS_OBJECT_NAME_INVALID)     # 'a:' names nothing
        return name, None
    if any(c in _INVALID for c in sname):
        raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    return name, sname


def split_path(path: str) -> tuple[list[str], bool]:
    """A path below a volume's root (`\\a\\b`, `\\a\\b\\`, or `\\`) -> (components, trailing
    backslash). Empty components and invalid names are STATUS_OBJECT_NAME_INVALID; a stream
    suffix stays on the last component for the caller."""
    if not path.startswith("\\"):
        raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    body = path[1:]
    trailing = body.endswith("\\")
    if trailing:
        body = body[:-1]
    if not body:
        return [], False
    parts = body.split("\\")
    for i, part in enumerate(parts):
        name = part
        if i == len(parts) - 1 and ":" in part:
            name = split_stream(part)[0]
        if not valid_component(name):
            raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    return parts, trailing


def guest_visible(host_name: str) -> bool:
    """Whether a host directory entry can be named by the guest at all (its name must be a
    valid NTFS name; names the host could not decode are hidden)."""
    return valid_component(host_name)
