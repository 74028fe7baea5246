"""The console itself, whichever of its handles asks (console_api.py dispatches these): the processes
attached to it (AllocConsole, AttachConsole, FreeConsole, GetConsoleProcessList, newest first), the
alias table of each exe name (AddConsoleAlias ...) and the command history of each exe name
(GetConsoleCommandHistory ...; cooked reads add to it, console_read.py) with the history settings
of GetConsoleHistoryInfo."""
import struct

from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_INVALID_HANDLE,
    STATUS_INVALID_PARAMETER,
    STATUS_SUCCESS,
    STATUS_UNSUCCESSFUL,
    NtStatusError,
)
from .console_buffer import unpack

ATTACH_PARENT_PROCESS = 0xFFFFFFFF
HISTORY_NO_DUP_FLAG = 0x1
(ALIAS_ADD, ALIAS_GET, ALIAS_ALL, ALIAS_EXES, HISTORY_GET, HISTORY_EXPUNGE, HISTORY_SET_COMMANDS,
 HISTORY_GET_INFO, HISTORY_SET_INFO) = range(9)


def attach(device, process) -> None:
    """process joins the console (its list's newest entry)."""
    if process not in device.attached:
        device.attached.append(process)
    process.console = device


def _strings(data: bytes, skip: int) -> list[str]:
    return data[skip:].decode("utf-16-le", "replace").split("\0")


class SessionRequests:
    # -- the processes attached to the console
    def _attached(self) -> list:
        self.device.attached = [p for p in self.device.attached if not p.exited and p.console is self.device]
        return self.device.attached

    def _alloc(self, data):
        """AllocConsole: a process with a console may not have another."""
        if self.process.console is not None:
            raise NtStatusError(STATUS_ACCESS_DENIED)
        attach(self.device, self.process)
        return STATUS_SUCCESS, 0, b""

    def _attach(self, data):
        """AttachConsole: the console of that process (its parent's for ATTACH_PARENT_PROCESS)."""
        (pid,) = unpack("<I", data)
        if self.process.console is not None:
            raise NtStatusError(STATUS_ACCESS_DENIED)
        if pid == ATTACH_PARENT_PROCESS:
            pid = self.process.eprocess.InheritedFromUniqueProcessId
        kernel = self.device.kernel
        target = next((p for p in kernel.processes if p.pid == pid and not p.exited), None)
        if target is None:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        if target.console is None:
            raise NtStatusError(STATUS_INVALID_HANDLE)
        attach(target.console, self.process)
        return STATUS_SUCCESS, 0, b""

    def _free(self, data):
        """FreeConsole: the process leaves its console (with none to leave it succeeds too, as Windows'
        has for compatibility)."""
        self.process.console = None
        self._attached()
        return STATUS_SUCCESS, 0, b""

    def _process_list(self, data):
        """The total, then the ids, most recently attached first."""
        if self.process.console is None:
            raise NtStatusError(STATUS_INVALID_HANDLE)
        pids = [p.pid for p in reversed(self._attached())]
        out = struct.pack("<I%dI" % len(pids), len(pids), *pids)
        return STATUS_SUCCESS, len(out), out

    # -- aliases and histories, by exe name (compared without case)
    def _history(self, exe: str) -> dict:
        histories = self.device.histories
        entry = histories.get(exe.upper())
        if entry is None:
            entry = histories[exe.upper()] = {"exe": exe, "commands": [],
                                              "size": self.device.history_info[0]}
        return entry

    def add_history(self, exe: str, line: str) -> None:
        if not line:
            return
        entry = self._history(exe)
        commands = entry["commands"]
        if self.device.history_info[2] & HISTORY_NO_DUP_FLAG and line in commands:
            commands.remove(line)
        commands.append(line)
        del commands[:max(0, len(commands) - entry["size"])]

    def _alias(self, data):
        op, number = unpack("<II", data)
        strings = _strings(data, 8)
        exe = strings[0]
        aliases = self.device.aliases
        table = aliases.get(exe.upper(), {})
        out = b""
        if op == ALIAS_ADD:
            source, target = strings[1], strings[2] if len(strings) > 2 else ""
            if not source:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            if target:
                table[source.upper()] = (source, target)
                aliases[exe.upper()] = table
                self.device.alias_exes.setdefault(exe.upper(), exe)
            elif table.pop(source.upper(), None) is None:
                raise NtStatusError(STATUS_UNSUCCESSFUL)        # no such alias to remove
        elif op == ALIAS_GET:
            found = table.get(strings[1].upper())
            if found is None:
                raise NtStatusError(STATUS_UNSUCCESSFUL)
            out = found[1].encode("utf-16-le")
        elif op == ALIAS_ALL:
            out = "".join("%s=%s\0" % pair for pair in table.values()).encode("utf-16-le")
        elif op == ALIAS_EXES:
            out = "".join(self.device.alias_exes[k] + "\0" for k in aliases if aliases[k]).encode("utf-16-le")
        elif op == HISTORY_GET:
            entry = self.device.histories.get(exe.upper())
            out = "".join(c + "\0" for c in entry["commands"]).encode("utf-16-le") if entry else b""
        elif op == HISTORY_EXPUNGE:
            entry = self.device.histories.get(exe.upper())
            if entry:
                entry["commands"].clear()
        elif op == HISTORY_SET_COMMANDS:
            entry = self._history(exe)
            entry["size"] = number
            del entry["commands"][:max(0, len(entry["commands"]) - number)]
        elif op == HISTORY_GET_INFO:
            out = struct.pack("<III", *self.device.history_info)
        elif op == HISTORY_SET_INFO:
            size, count, flags = unpack("<III", data[8:])
            self.device.history_info = [size, count, flags]
        else:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        return STATUS_SUCCESS, len(out), out
