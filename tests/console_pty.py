"""Run `python -m kernel boot` with a pseudo-terminal as its standard handles, so the guest's
standard handles are a console (FILE_DEVICE_CONSOLE); what is typed is written to the terminal
before the run starts. Returns (exit status, every byte the terminal received)."""
import os
import select
import subprocess
import sys

from conftest import ROOT


def run_on_terminal(*args, typed: bytes = b"", timeout: float = 120):
    import pty
    master, slave = pty.openpty()
    if typed:
        os.write(master, typed)
    proc = subprocess.Popen([sys.executable, "-m", "kernel", "boot", *args], cwd=ROOT,
                            stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    received = b""
    try:
        while select.select([master], [], [], timeout)[0]:
            try:
                data = os.read(master, 65536)
            except OSError:                     # the terminal's last writer went away
                break
            if not data:
                break
            received += data
    finally:
        os.close(master)
    return proc.wait(timeout=timeout), received
