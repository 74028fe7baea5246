#!/usr/bin/env python3
"""kernel32.def, made from the kernelbase.dll just built (the `generate` step of
guest/kernel32/image.toml, run in the scratch build folder with the kernel32 folder as argument).

As on Windows 10, kernel32 forwards the base API to kernelbase, and the functions kernelbase
itself forwards to ntdll (critical sections, SRW locks, SLists, HeapAlloc ...) straight to NTDLL;
guest/kernel32/extra.def adds forwarders of kernel32's own (for example NTDLL's Rtl unwinding).
"""
import os
import sys

import pefile


def forwarders(kernelbase: str) -> list[str]:
    pe = pefile.PE(kernelbase, fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_EXPORT"]])
    lines = []
    for sym in pe.DIRECTORY_ENTRY_EXPORT.symbols:
        name = sym.name.decode()
        if sym.forwarder and sym.forwarder.lower().startswith(b"ntdll."):
            lines.append(f"    {name} = NTDLL.{sym.forwarder.decode().split('.', 1)[1]}")
        else:
            lines.append(f"    {name} = kernelbase.{name}")
    return lines


def main(folder: str) -> None:
    lines = ["LIBRARY kernel32.dll", "EXPORTS"] + forwarders("kernelbase.dll")
    extra = os.path.join(folder, "extra.def")
    if os.path.exists(extra):
        with open(extra) as f:
            lines += [ln.rstrip() for ln in f if ln.strip() and not ln.lstrip().startswith(";")]
    with open(os.path.join(folder, "kernel32.def"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
