"""The JSON report of one boot (--report FILE): how the run ended, what it used, what it hit.

REPORT_VERSION names the field set; a field is only ever added under a new version, so readers
(run-corpus among them) can rely on what a version has. The figures come from the run's result,
the limits and the event stream (the services called), never from a second count of our own.
"""
import json

from .status import nt_status_name

REPORT_VERSION = 2      # 1: the fields before `report_version` existed


class ReportRecorder:
    """Subscribes to the events the report counts, from before the process is created."""

    def __init__(self, kernel):
        self.kernel = kernel
        self.services: dict[str, int] = {}
        kernel.events.subscribe(self._syscall, ("syscall",))

    def _syscall(self, event) -> None:
        name = event.fields["name"] or "0x%X" % event.fields["number"]
        self.services[name] = self.services.get(name, 0) + 1

    def build(self, image: str, result, guard, faults: list[str]) -> dict:
        code = result.exit_code & 0xFFFFFFFF
        if result.pid == 0:
            end = "creation-failed"
        elif result.limit is not None:
            end = "limit"
        elif result.deadlock:
            end = "deadlock"
        else:
            end = "exit"
        modules = [{"pid": p.pid, "name": m.name, "base": m.base, "size": m.size}
                   for p in self.kernel.processes for m in getattr(p, "modules", ())]
        return {
            "report_version": REPORT_VERSION,
            "image": image,
            "end": end,
            "exit_code": code,
            "exit_status_name": nt_status_name(code),
            "pid": result.pid,
            "tid": result.tid,
            "image_base": result.image_base,
            "instructions": result.instructions,
            "syscalls": result.syscalls,
            "context_switches": result.context_switches,
            "deadlock": result.deadlock,
            "limit": result.limit.name if result.limit is not None else None,
            "limits_hit": list(guard.hit) if guard is not None else [],
            "output_bytes": guard.output_bytes if guard is not None else 0,
            "modules": modules,
            "services": dict(sorted(self.services.items())),
            "faults": list(faults),
        }

    def write(self, path: str, image: str, result, guard, faults: list[str]) -> None:
        data = json.dumps(self.build(image, result, guard, faults), indent=2, sort_keys=True) + "\n"
        with open(path, "w") as f:
            f.write(data)
