"""Dispatcher objects: anything a thread can wait on begins with a DISPATCHER_HEADER, whose
SignalState (in guest memory) says whether a wait on it is satisfied. The wait list is the
executive's: the wait blocks of the threads waiting on the object, in arrival order."""
import struct

_l = struct.Struct("<l")
OFF_SIGNAL_STATE = 4


class DispatcherObject:
    wait_list: list                     # [WaitBlock], first come first served
    _dh_pa = 0                          # physical address of the DISPATCHER_HEADER
    _dh_mem = None

    def bind_dispatcher_header(self, system, va: int, object_type: int) -> None:
        self._dh_pa = system.kernel_pa(va)
        self._dh_mem = system.phys.buffer
        self._dh_mem[self._dh_pa] = object_type
        self.wait_list = []

    @property
    def signal_state(self) -> int:
        return _l.unpack_from(self._dh_mem, self._dh_pa + OFF_SIGNAL_STATE)[0]

    @signal_state.setter
    def signal_state(self, value: int) -> None:
        _l.pack_into(self._dh_mem, self._dh_pa + OFF_SIGNAL_STATE, value)

    # What a satisfied wait does to the object (KiWaitSatisfyAny): nothing for notification
    # objects; the others override it.
    def is_signalled_for(self, thread) -> bool:
        return self.signal_state > 0

    def satisfy(self, thread) -> bool:
        """Returns whether the object came abandoned (only mutants do)."""
        return False
