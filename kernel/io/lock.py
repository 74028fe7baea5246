"""Byte-range locks (FsRtlProcessFileLock's work): NtLockFile and NtUnlockFile, and the check every
read and write of a locked file passes.

A lock belongs to the open (the file object) and key that took it. An exclusive lock keeps others
from reading and writing its bytes and from locking them at all; a shared lock lets everyone
read them and nobody write them. A request that conflicts fails at once with
STATUS_LOCK_NOT_GRANTED when FailImmediately is set, else it waits (as pending IRPs do) until an
unlock or a close lets it through. A zero-length lock conflicts with nothing.
"""
import struct

from ..ke.wait import KeWaitForMultipleObjects, KiUnwaitThread, WaitAny
from ..status import (
    STATUS_FILE_LOCK_CONFLICT,
    STATUS_LOCK_NOT_GRANTED,
    STATUS_PENDING,
    STATUS_RANGE_NOT_LOCKED,
    STATUS_SUCCESS,
    NtStatusError,
)


class ByteRangeLock:
    __slots__ = ("file", "key", "start", "length", "exclusive")

    def __init__(self, file, key: int, start: int, length: int, exclusive: bool):
        self.file, self.key, self.start, self.length, self.exclusive = file, key, start, length, exclusive

    def overlaps(self, start: int, length: int) -> bool:
        return bool(length and self.length) and start < self.start + self.length and self.start < start + length


class PendingLock:
    def __init__(self, kernel, thread, lock: ByteRangeLock, io_status: int, event):
        self.kernel, self.thread, self.lock, self.io_status, self.event = kernel, thread, lock, io_status, event


class FileLocks:
    """The locks on one file (kept in its Fcb)."""

    def __init__(self):
        self.locks: list[ByteRangeLock] = []
        self.waiting: list[PendingLock] = []

    def _conflicts(self, request: ByteRangeLock) -> bool:
        for held in self.locks:
            if not held.overlaps(request.start, request.length):
                continue
            if request.exclusive or held.exclusive and held.file is not request.file:
                return True
        return False

    def lock(self, kernel, thread, file, key: int, start: int, length: int, exclusive: bool, fail_immediately: bool,
             io_status: int, event):
        """STATUS_SUCCESS when granted; None (the thread waits) or STATUS_PENDING when queued."""
        request = ByteRangeLock(file, key, start, length, exclusive)
        if not self._conflicts(request):
            self.locks.append(request)
            return STATUS_SUCCESS
        if fail_immediately:
            raise NtStatusError(STATUS_LOCK_NOT_GRANTED)
        self.waiting.append(PendingLock(kernel, thread, request, io_status, event))
        if file.synchronous:
            KeWaitForMultipleObjects(kernel, thread, (file,), WaitAny, None)
            return None
        return STATUS_PENDING

    def unlock(self, file, key: int, start: int, length: int) -> None:
        for held in self.locks:
            if held.file is file and held.key == key and held.start == start and held.length == length:
                self.locks.remove(held)
                self._grant_waiting()
                return
        raise NtStatusError(STATUS_RANGE_NOT_LOCKED)

    def release(self, file) -> None:
        """The open is cleaned up: its locks go, its waiting requests end."""
        self.locks = [held for held in self.locks if held.file is not file]
        self.waiting = [w for w in self.waiting if w.lock.file is not file]
        self._grant_waiting()

    def _grant_waiting(self) -> None:
        for waiting in list(self.waiting):
            if self._conflicts(waiting.lock):
                continue
            self.waiting.remove(waiting)
            self.locks.append(waiting.lock)
            waiting.thread.process.space.write(waiting.io_status, struct.pack("<QQ", STATUS_SUCCESS, 0))
            if waiting.event is not None:
                waiting.event.set(waiting.kernel)
            file = waiting.lock.file
            if file.synchronous and waiting.thread.wait is not None:
                KiUnwaitThread(waiting.kernel, waiting.thread, STATUS_SUCCESS, 1)
            file.signal()

    def check(self, file, start: int, length: int, write: bool) -> None:
        """A read or write of [start, start+length) through `file`: STATUS_FILE_LOCK_CONFLICT if a
        lock keeps it out."""
        for held in self.locks:
            if not held.overlaps(start, length):
                continue
            if held.exclusive and held.file is not file:
                raise NtStatusError(STATUS_FILE_LOCK_CONFLICT)
            if write and not held.exclusive:
                raise NtStatusError(STATUS_FILE_LOCK_CONFLICT)
