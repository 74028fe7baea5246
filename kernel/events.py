"""The one event stream: every kernel event is a record here, and every view consumes it.

An event is a kind plus ordered fields; consumers subscribe to kinds (or to all). Nothing is
recorded unless someone listens, so the stream costs nothing on the default path.
"""
from collections.abc import Callable


class Event:
    __slots__ = ("kind", "fields")

    def __init__(self, kind: str, fields: dict):
        self.kind = kind                # "stage", "syscall", "fault", "process-exit", ...
        self.fields = fields

    def __repr__(self) -> str:
        return f"Event({self.kind!r}, {self.fields!r})"


class EventStream:
    def __init__(self):
        self._listeners: dict[str, list[Callable[[Event], None]]] = {}
        self._all: list[Callable[[Event], None]] = []

    def subscribe(self, callback: Callable[[Event], None], kinds: tuple[str, ...] = ()) -> None:
        if not kinds:
            self._all.append(callback)
        for kind in kinds:
            self._listeners.setdefault(kind, []).append(callback)

    def wants(self, kind: str) -> bool:
        return bool(self._all) or kind in self._listeners

    def emit(self, kind: str, **fields) -> None:
        if not self._all and kind not in self._listeners:
            return
        event = Event(kind, fields)
        for cb in self._listeners.get(kind, ()):
            cb(event)
        for cb in self._all:
            cb(event)
