"""The scheduler's event stream recorded, and drawn: `--events FILE` (JSON Lines) and
`--timeline FILE.svg` (which thread ran on which processor over virtual time).

Times are virtual: instructions, shown as milliseconds of the virtual clock (a tick is
15.625 ms). Nothing here runs unless asked for.
"""
import json

from .clock import TIME_INCREMENT

KINDS = ("switch", "priority", "unwait", "thread-create", "thread-exit", "exception", "exception-handled",
         "debug-print", "job")
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#86bcb6", "#d37295", "#8cd17d", "#499894", "#f1ce63", "#a0cbe8", "#ffbe7d"]
IDLE_COLOUR = "#e8e8e8"


class EventRecorder:
    def __init__(self, kernel):
        self.kernel = kernel
        self.events: list[tuple[str, dict]] = []
        kernel.events.subscribe(self._record, KINDS)

    def _record(self, event) -> None:
        self.events.append((event.kind, dict(event.fields)))

    def _ms(self, instructions: int) -> float:
        tick = self.kernel.dispatcher.clock.tick_instructions
        return instructions * TIME_INCREMENT / tick / 10_000

    # -- JSON Lines: one object per event, {"kind": ..., fields...}, in emission order
    def write_jsonl(self, path: str) -> None:
        with open(path, "w") as f:
            for kind, fields in self.events:
                f.write(json.dumps({"kind": kind, **fields}, sort_keys=True) + "\n")

    # -- the picture
    def segments(self):
        """(cpu, start, end, tid, pid, priority) per stretch a thread ran, idle as tid 0."""
        dispatcher = self.kernel.dispatcher
        finish = max(cpu.time for cpu in dispatcher.cpus)
        running = {cpu.number: (0, 0, 0, 0) for cpu in dispatcher.cpus}     # cpu -> (start, tid, pid, pri)
        out = []
        for kind, f in self.events:
            if kind != "switch":
                continue
            start, tid, pid, pri = running[f["cpu"]]
            if f["time"] > start or tid:
                out.append((f["cpu"], start, f["time"], tid, pid, pri))
            running[f["cpu"]] = (f["time"], f["new_tid"], f["new_pid"], f["new_priority"])
        for cpu, (start, tid, pid, pri) in running.items():
            out.append((cpu, start, finish, tid, pid, pri))
        return [s for s in out if s[2] > s[1]], finish

    def write_svg(self, path: str) -> None:
        segments, finish = self.segments()
        cpus = len(self.kernel.dispatcher.cpus)
        tids = sorted({s[3] for s in segments if s[3]})
        colour = {tid: PALETTE[i % len(PALETTE)] for i, tid in enumerate(tids)}
        left, top, lane, width = 70, 40, 36, 1100
        total_ms = max(self._ms(finish), 1e-9)
        scale = width / total_ms
        legend_rows = (len(tids) + 5) // 6
        height = top + cpus * lane + 50 + legend_rows * 18 + 10
        out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 20}" height="{height}" '
               'font-family="sans-serif" font-size="11">',
               f'<text x="{left}" y="18" font-size="13">Processors over virtual time ({total_ms:.3f} ms, '
               f'{len(tids)} threads, {sum(1 for k, _ in self.events if k == "switch")} switches)</text>']
        for n in range(cpus):
            y = top + n * lane
            out.append(f'<text x="8" y="{y + lane / 2 + 4}">CPU {n}</text>')
            out.append(f'<rect x="{left}" y="{y + 4}" width="{width}" height="{lane - 8}" fill="{IDLE_COLOUR}"/>')
        for cpu, start, end, tid, pid, pri in segments:
            if not tid:
                continue
            x = left + self._ms(start) * scale
            w = max((self._ms(end) - self._ms(start)) * scale, 0.5)
            y = top + cpu * lane
            out.append(f'<rect x="{x:.2f}" y="{y + 4}" width="{w:.2f}" height="{lane - 8}" fill="{colour[tid]}">'
                       f'<title>thread {tid} (process {pid}) priority {pri}: {self._ms(start):.3f}-'
                       f'{self._ms(end):.3f} ms</title></rect>')
        # Marks: a thread entering a wait (down triangle), a priority change (a bar with the new value).
        for kind, f in self.events:
            if kind == "switch" and f["reason"] == "wait" and f["old_tid"]:
                x = left + self._ms(f["time"]) * scale
                y = top + f["cpu"] * lane + 4
                out.append(f'<path d="M{x - 3:.2f},{y - 4} L{x + 3:.2f},{y - 4} L{x:.2f},{y}" fill="#333">'
                           f'<title>thread {f["old_tid"]} waits</title></path>')
            elif kind == "priority":
                x = left + self._ms(f["time"]) * scale
                for cpu, start, end, tid, _pid, _pri in segments:
                    if tid == f["tid"] and start <= f["time"] <= end:
                        y = top + cpu * lane + lane - 4
                        out.append(f'<rect x="{x - 0.5:.2f}" y="{y - 6}" width="1.5" height="8" fill="#000">'
                                   f'<title>thread {f["tid"]}: priority {f["priority"]} ({f["reason"]})</title>'
                                   '</rect>')
                        break
        # Axis in milliseconds.
        axis_y = top + cpus * lane + 14
        steps = 10
        for i in range(steps + 1):
            x = left + width * i / steps
            out.append(f'<line x1="{x:.2f}" y1="{axis_y - 10}" x2="{x:.2f}" y2="{axis_y - 4}" stroke="#555"/>')
            out.append(f'<text x="{x:.2f}" y="{axis_y + 6}" text-anchor="middle">{total_ms * i / steps:.1f} ms</text>')
        # Legend.
        for i, tid in enumerate(tids):
            x = left + (i % 6) * 180
            y = axis_y + 24 + (i // 6) * 18
            out.append(f'<rect x="{x}" y="{y - 9}" width="12" height="12" fill="{colour[tid]}"/>')
            out.append(f'<text x="{x + 16}" y="{y + 1}">thread {tid}</text>')
        out.append("</svg>")
        with open(path, "w") as f:
            f.write("\n".join(out) + "\n")
