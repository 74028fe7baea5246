"""The global atom table: NtAddAtom(Ex), NtFindAtom, NtDeleteAtom, NtQueryInformationAtom.

One table for every process (Windows keeps one per session, and this machine has one session),
what kernel32's GlobalAddAtom and friends use. As in an Rtl atom table, names are compared without
case and hold at most 255 characters, string atoms are 0xC000 + their slot with a reference count,
and integer atoms ("#123", 1 .. 0xBFFF) are never stored: always there, one reference, pinned.
"""
import struct

from ..status import (
    STATUS_BUFFER_TOO_SMALL,
    STATUS_INVALID_HANDLE,
    STATUS_INVALID_INFO_CLASS,
    STATUS_INVALID_PARAMETER,
    STATUS_NO_MEMORY,
    STATUS_OBJECT_NAME_INVALID,
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_SUCCESS,
    NtStatusError,
)

MAXINTATOM = 0xC000
ATOM_SLOTS = 0x4000
ATOM_MAX_NAME = 255
AtomBasicInformation, AtomTableInformation = 0, 1
RTL_ATOM_PINNED = 0x01
_basic = struct.Struct("<HHH")          # UsageCount, Flags, NameLength; then Name (the struct is 8 bytes)


class GlobalAtomTable:
    def __init__(self):
        self.slots: list = [None] * ATOM_SLOTS   # [name, references] by slot
        self.by_name: dict[str, int] = {}          # upcased name -> slot

    def add(self, name: str) -> int:
        key = name.upper()
        slot = self.by_name.get(key)
        if slot is not None:
            entry = self.slots[slot]
            entry[1] = min(entry[1] + 1, 0xFFFF)
            return MAXINTATOM + slot
        try:
            slot = self.slots.index(None)
        except ValueError:
            raise NtStatusError(STATUS_NO_MEMORY) from None
        self.slots[slot] = [name, 1]
        self.by_name[key] = slot
        return MAXINTATOM + slot

    def find(self, name: str) -> int:
        slot = self.by_name.get(name.upper())
        if slot is None:
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
        return MAXINTATOM + slot

    def entry(self, atom: int):
        entry = self.slots[atom - MAXINTATOM] if atom >= MAXINTATOM else None
        if entry is None:
            raise NtStatusError(STATUS_INVALID_HANDLE)
        return entry

    def delete(self, atom: int) -> None:
        entry = self.entry(atom)
        entry[1] -= 1
        if entry[1] == 0:
            self.slots[atom - MAXINTATOM] = None
            del self.by_name[entry[0].upper()]


def _table(kernel) -> GlobalAtomTable:
    table = getattr(kernel, "global_atom_table", None)
    if table is None:
        table = kernel.global_atom_table = GlobalAtomTable()
    return table


def _integer_atom(name: str) -> int | None:
    """The value of "#digits" (STATUS_INVALID_PARAMETER outside 1 .. 0xBFFF), None for a string atom."""
    if len(name) < 2 or name[0] != "#" or not all("0" <= c <= "9" for c in name[1:]):
        return None
    value = int(name[1:])
    if value == 0 or value >= MAXINTATOM:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    return value


def _capture_name(thread, name_ptr: int, length: int) -> str:
    if not name_ptr:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if length > ATOM_MAX_NAME * 2:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if length == 0:
        raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    return thread.process.space.probe_read(name_ptr, length & ~1).decode("utf-16-le", "surrogatepass")


def _by_name(kernel, thread, name_ptr, length, atom_ptr, add: bool):
    name = _capture_name(thread, name_ptr, length)
    atom = _integer_atom(name)
    if atom is None:
        table = _table(kernel)
        atom = table.add(name) if add else table.find(name)
    if atom_ptr:
        thread.process.space.probe_write(atom_ptr, struct.pack("<H", atom))
    return STATUS_SUCCESS


def NtAddAtom(kernel, thread, name_ptr, length, atom_ptr):
    return _by_name(kernel, thread, name_ptr, length, atom_ptr, True)


def NtAddAtomEx(kernel, thread, name_ptr, length, atom_ptr, flags):
    return _by_name(kernel, thread, name_ptr, length, atom_ptr, True)   # ATOM_FLAG_GLOBAL: one table here


def NtFindAtom(kernel, thread, name_ptr, length, atom_ptr):
    return _by_name(kernel, thread, name_ptr, length, atom_ptr, False)


def NtDeleteAtom(kernel, thread, atom):
    atom &= 0xFFFF
    if atom == 0:
        raise NtStatusError(STATUS_INVALID_HANDLE)
    if atom >= MAXINTATOM:
        _table(kernel).delete(atom)
    return STATUS_SUCCESS


def NtQueryInformationAtom(kernel, thread, atom, info_class, info_ptr, info_length, return_length_ptr):
    space = thread.process.space
    atom &= 0xFFFF
    if info_class == AtomBasicInformation:
        # ATOM_BASIC_INFORMATION: the name is cut to what follows the 8-byte structure, with its NUL
        if atom == 0:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        if atom < MAXINTATOM:
            name, usage, flags = f"#{atom}", 1, RTL_ATOM_PINNED
        else:
            name, usage = _table(kernel).entry(atom)
            flags = 0
        full = len(name) * 2
        if info_length <= 8:
            if info_length >= _basic.size:
                space.probe_write(info_ptr, _basic.pack(usage, flags, full))
            if return_length_ptr:
                space.probe_write(return_length_ptr, struct.pack("<I", 8 + full))
            return STATUS_BUFFER_TOO_SMALL
        chars = min(len(name), (info_length - 8) // 2)
        data = _basic.pack(usage, flags, chars * 2) + name[:chars].encode("utf-16-le") + b"\0\0"
        space.probe_write(info_ptr, data)
        if return_length_ptr:
            space.probe_write(return_length_ptr, struct.pack("<I", len(data)))
        return STATUS_SUCCESS
    if info_class == AtomTableInformation:
        # ATOM_TABLE_INFORMATION: NumberOfAtoms, then the atoms
        table = _table(kernel)
        atoms = [MAXINTATOM + i for i, e in enumerate(table.slots) if e is not None]
        needed = 4 + 2 * len(atoms)
        if return_length_ptr:
            space.probe_write(return_length_ptr, struct.pack("<I", needed))
        if info_length < needed:
            if info_length >= 4:
                space.probe_write(info_ptr, struct.pack("<I", len(atoms)))
            return STATUS_BUFFER_TOO_SMALL
        space.probe_write(info_ptr, struct.pack(f"<I{len(atoms)}H", len(atoms), *atoms))
        return STATUS_SUCCESS
    raise NtStatusError(STATUS_INVALID_INFO_CLASS)


ATOM_SERVICES = {
    "NtAddAtom": (NtAddAtom, (("AtomName", "p"), ("Length", "u"), ("Atom", "p"))),
    "NtAddAtomEx": (NtAddAtomEx, (("AtomName", "p"), ("Length", "u"), ("Atom", "p"), ("Flags", "u"))),
    "NtFindAtom": (NtFindAtom, (("AtomName", "p"), ("Length", "u"), ("Atom", "p"))),
    "NtDeleteAtom": (NtDeleteAtom, (("Atom", "u"),)),
    "NtQueryInformationAtom": (NtQueryInformationAtom, (
        ("Atom", "u"), ("AtomInformationClass", "u"), ("AtomInformation", "p"),
        ("AtomInformationLength", "u"), ("ReturnLength", "p")
    )),
}
