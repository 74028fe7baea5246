#!/usr/bin/env python3
"""Build the guest images (ntoskrnl.exe, ntdll.dll and every guest DLL) with the mingw-w64 cross compiler.

The table: each folder guest/NAME/ holds an `image.toml` declaring one image once: its file name,
kind, preferred base, entry point, sources (globs), the guest images it imports from, an optional
.def (forwarders, ordinals, data) and the cross compiler's support libraries it links. Exports are
the functions marked `__declspec(dllexport)` in the sources, plus the .def's entries. Every image but
ntoskrnl.exe carries a VERSIONINFO resource with Windows 10's file version (version_resource). Images are
built in dependency order, each linked directly against the built DLLs it imports from.

Reproducible: no timestamps, no build ids, no absolute paths, fixed flags; the outputs are committed
under guest/bin so that users need no cross compiler. `--check` rebuilds into a temporary folder and
fails if the committed binaries differ from what the sources give.
"""
import argparse
import concurrent.futures
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GUEST = os.path.join(ROOT, "guest")
sys.path.insert(0, ROOT)

from tools.reproducible import check  # noqa: E402

CC = os.environ.get("MINGW_CC", "x86_64-w64-mingw32-gcc")
WINDRES = os.environ.get("MINGW_WINDRES", "x86_64-w64-mingw32-windres")
# The version every DLL and program reports in its VERSIONINFO resource: Windows 10 22H2's
# (10.0.19041 with the update build revision the registry's UBR gives), as GetFileVersionInfo
# on kernel32.dll shows it.
FILE_VERSION = (10, 0, 19041, 2965)
COMMON = ["-O2", "-ffreestanding", "-nostdlib", "-fno-stack-protector", "-fno-ident", "-mno-stack-arg-probe",
          "-Wall", "-Werror", "-Wl,--no-insert-timestamp", "-Wl,--major-os-version=10",
          "-Wl,--major-subsystem-version=10", "-Wl,--dynamicbase"]
KINDS = {"dll": ["-shared"], "native": ["-Wl,--subsystem,native"], "exe": ["-Wl,--subsystem,console"]}


class GuestImage:
    """One row of the table: guest/FOLDER/image.toml."""

    def __init__(self, folder: str, spec: dict):
        self.folder = folder
        self.name = spec["name"]
        self.kind = spec.get("kind", "dll")
        self.base = spec["base"]
        self.entry = spec.get("entry")
        self.sources = spec.get("sources", ["*.c"])
        self.imports = [i.lower() for i in spec.get("imports", [])]
        self.deffile = spec.get("def")
        self.libs = spec.get("libs", [])
        self.flags = spec.get("flags", [])
        self.generators = spec.get("generate", [])
        if self.kind not in KINDS:
            raise SystemExit(f"guest/{folder}/image.toml: kind {self.kind!r} is not one of {sorted(KINDS)}")


def load_table() -> list[GuestImage]:
    """Every guest/*/image.toml, ordered so that an image comes after the images it imports from."""
    rows = {}
    for path in sorted(glob.glob(os.path.join(GUEST, "*", "image.toml"))):
        with open(path, "rb") as f:
            row = GuestImage(os.path.basename(os.path.dirname(path)), tomllib.load(f))
        rows[row.name.lower()] = row
    ordered, seen = [], set()

    def visit(name: str, chain: tuple) -> None:
        if name in seen:
            return
        if name in chain or name not in rows:
            raise SystemExit(f"guest image table: {' -> '.join(chain + (name,))} "
                             + ("is a cycle" if name in chain else "names an image nobody declares"))
        for dep in rows[name].imports:
            visit(dep, chain + (name,))
        seen.add(name)
        ordered.append(rows[name])

    for name in rows:
        visit(name, ())
    return ordered


def run(cmd: list[str], cwd: str) -> None:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"build failed: {' '.join(cmd)}")


def version_resource(row: GuestImage, src: str) -> str:
    """Compile the image's VS_VERSION_INFO resource (RT_VERSION 1, en-US, Unicode) to an object."""
    stem = os.path.splitext(row.name)[0]
    dotted = ".".join(map(str, FILE_VERSION))
    strings = {"FileDescription": stem, "FileVersion": f"{dotted} (WinBuild.160101.0800)",
               "InternalName": stem, "OriginalFilename": row.name, "ProductVersion": dotted}
    filetype = "0x1L" if row.kind == "exe" else "0x2L"                 # VFT_APP or VFT_DLL
    lines = ["1 VERSIONINFO", f"FILEVERSION {','.join(map(str, FILE_VERSION))}",
             f"PRODUCTVERSION {','.join(map(str, FILE_VERSION))}", "FILEFLAGSMASK 0x3fL", "FILEFLAGS 0x0L",
             "FILEOS 0x40004L", f"FILETYPE {filetype}", "FILESUBTYPE 0x0L", "BEGIN",
             '  BLOCK "StringFileInfo"', "  BEGIN", '    BLOCK "040904B0"', "    BEGIN"]
    lines += [f'      VALUE "{key}", "{value}"' for key, value in strings.items()]
    lines += ["    END", "  END", '  BLOCK "VarFileInfo"', "  BEGIN", '    VALUE "Translation", 0x409, 1200',
              "  END", "END", ""]
    rc = os.path.join(row.folder, "_version.rc")
    with open(os.path.join(src, rc), "w", newline="\n") as f:
        f.write("\n".join(lines))
    obj = os.path.join(row.folder, "_version.o")
    run([WINDRES, "-O", "coff", "-o", obj, rc], src)
    return obj


def build_image(row: GuestImage, src: str) -> str:
    """Compile and link one image in the scratch tree; returns its file name there."""
    folder = os.path.join(src, row.folder)
    for generator in row.generators:       # e.g. tools/gen_ntdll.py: sources made from the tables
        run([sys.executable, os.path.join(ROOT, generator), folder], src)
    files = []
    for pattern in row.sources:
        matched = sorted(glob.glob(os.path.join(folder, pattern)))
        if not matched:
            raise SystemExit(f"guest/{row.folder}/image.toml: no source matches {pattern!r}")
        files += [os.path.relpath(m, src) for m in matched if os.path.relpath(m, src) not in files]
    cmd = [CC, *COMMON, *KINDS[row.kind], "-I", row.folder, f"-Wl,--image-base,{row.base:#x}", *row.flags]
    cmd.append(f"-Wl,--entry,{row.entry}" if row.entry else "-Wl,-e,0")     # no entry point
    if row.kind != "native":                              # ntoskrnl.exe carries none
        files.append(version_resource(row, src))
    cmd += ["-o", row.name, *files]
    if row.deffile:
        cmd.append(os.path.join(row.folder, row.deffile))
    cmd += [name for name in row.imports]                 # link against the built DLLs directly
    cmd += [f"-l{lib}" for lib in row.libs]
    run(cmd, src)
    return row.name


def build(out_dir: str, only: set | None = None) -> list[str]:
    os.makedirs(out_dir, exist_ok=True)
    table = load_table()
    built = []
    with tempfile.TemporaryDirectory() as tmp:
        # Build in a scratch copy under a fixed relative layout so no absolute path leaks in.
        src = os.path.join(tmp, "src")
        shutil.copytree(GUEST, src, ignore=shutil.ignore_patterns("bin", "__pycache__"))
        # An image's level is one more than its imports' highest: the images of a level link only
        # against lower levels, so each level is built side by side, one image per processor.
        level = {}
        for row in table:
            level[row.name.lower()] = 1 + max((level[d.lower()] for d in row.imports), default=-1)
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            for n in range(max(level.values(), default=-1) + 1):
                rows = [row for row in table if level[row.name.lower()] == n]
                for row in rows:
                    if only and row.name.lower() not in only:
                        # Link against the committed binary of an image not rebuilt this time.
                        shutil.copyfile(os.path.join(GUEST, "bin", row.name), os.path.join(src, row.name))
                rows = [row for row in rows if not only or row.name.lower() in only]
                for future in [pool.submit(build_image, row, src) for row in rows]:
                    future.result()
                for row in rows:
                    shutil.copyfile(os.path.join(src, row.name), os.path.join(out_dir, row.name))
                    built.append(row.name)
    return built


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if guest/bin differs from a fresh build")
    ap.add_argument("--only", action="append", metavar="IMAGE",
                    help="rebuild just this image (e.g. kernel32.dll), linking against the committed others")
    ap.add_argument("--list", action="store_true", help="print the table in build order")
    args = ap.parse_args()
    bin_dir = os.path.join(GUEST, "bin")
    if args.list:
        for row in load_table():
            print(f"{row.name:24} {row.kind:7} {row.base:#014x}  imports: {', '.join(row.imports) or '-'}")
        return 0
    if not args.check:
        built = build(bin_dir, {n.lower() for n in args.only} if args.only else None)
        print("built", ", ".join(built))
        return 0
    return check(build, [row.name for row in load_table()], bin_dir, "guest binaries")


if __name__ == "__main__":
    sys.exit(main())
