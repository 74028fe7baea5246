"""Dispatcher objects: anything a thread can wait on begins with a DISPATCHER_HEADER, whose
SignalState says whether a wait on it is satisfied and whose WaitListHead links the KWAIT_BLOCKs
of the threads waiting on it, in arrival order. Both are guest memory."""
import struct

from .lists import list_entries

_l = struct.Struct("<l")
OFF_SIGNAL_STATE = 4
OFF_WAIT_LIST_HEAD = 8


class DispatcherObject:
    _dh_va = 0                          # the DISPATCHER_HEADER (a file object's is its Event's)
    _dh_pa = 0                          # its physical address
    _dh_mem = None

    def bind_dispatcher_header(self, system, va: int, object_type: int) -> None:
        self._dh_va = va
        self._dh_pa = system.kernel_pa(va)
        self._dh_mem = system.phys.buffer
        self._dh_mem[self._dh_pa] = object_type
        struct.pack_into("<QQ", self._dh_mem, self._dh_pa + OFF_WAIT_LIST_HEAD, va + OFF_WAIT_LIST_HEAD,
                         va + OFF_WAIT_LIST_HEAD)

    @property
    def signal_state(self) -> int:
        return _l.unpack_from(self._dh_mem, self._dh_pa + OFF_SIGNAL_STATE)[0]

    @signal_state.setter
    def signal_state(self, value: int) -> None:
        _l.pack_into(self._dh_mem, self._dh_pa + OFF_SIGNAL_STATE, value)

    @property
    def dispatcher_header(self) -> int:
        """The address wait blocks name as their Object."""
        return self._dh_va

    def wait_list_head(self) -> int:
        return self._dh_va + OFF_WAIT_LIST_HEAD

    def waiting_blocks(self, words) -> list:
        """The KWAIT_BLOCKs on WaitListHead (their WaitListEntry is at offset 0), in order."""
        return list_entries(words, self._dh_va + OFF_WAIT_LIST_HEAD)

    # What a satisfied wait does to the object (KiWaitSatisfyAny): nothing for notification
    # objects; the others override it.
    def is_signalled_for(self, thread) -> bool:
        return self.signal_state > 0

    def satisfy(self, thread) -> bool:
        """Returns whether the object came abandoned (only mutants do)."""
        return False

