#!/usr/bin/env python3
"""Build the sample programs under samples/ with the mingw-w64 cross compiler.

Each samples/NAME/NAME.c becomes samples/NAME/NAME.exe, linked against the guest ntdll, or against
the guest DLLs that an optional samples/NAME/build.toml lists (`imports = ["kernel32.dll"]`),
reproducibly (no timestamps, fixed flags). `--check` fails if a committed .exe differs.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples")
sys.path.insert(0, ROOT)
from tools.reproducible import check  # noqa: E402

CC = os.environ.get("MINGW_CC", "x86_64-w64-mingw32-gcc")
FLAGS = ["-O2", "-ffreestanding", "-nostdlib", "-fno-stack-protector", "-fno-ident", "-mno-stack-arg-probe",
         "-Wall", "-Werror", "-Wl,--entry,Entry", "-Wl,--subsystem,console", "-Wl,--no-insert-timestamp",
         "-Wl,--major-os-version=10", "-Wl,--major-subsystem-version=6"]


def sample_names() -> list[str]:
    return sorted(n for n in os.listdir(SAMPLES) if os.path.isfile(os.path.join(SAMPLES, n, n + ".c")))


def sample_imports(name: str) -> list[str]:
    """The guest DLLs a sample links against: ntdll unless its build.toml says otherwise."""
    path = os.path.join(SAMPLES, name, "build.toml")
    if not os.path.exists(path):
        return ["ntdll.dll"]
    with open(path, "rb") as f:
        return [i.lower() for i in tomllib.load(f).get("imports", ["ntdll.dll"])]


def build(out_dir: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "samples")
        shutil.copytree(SAMPLES, src, ignore=shutil.ignore_patterns("*.exe", "*.json"))
        dlls = sorted({dll for name in sample_names() for dll in sample_imports(name)})
        for dll in dlls:
            shutil.copyfile(os.path.join(ROOT, "guest", "bin", dll), os.path.join(src, dll))
        for name in sample_names():
            cmd = [CC, *FLAGS, "-o", f"{name}.exe", f"{name}/{name}.c", *sample_imports(name)]
            result = subprocess.run(cmd, cwd=src, capture_output=True, text=True)
            if result.returncode:
                sys.stderr.write(result.stdout + result.stderr)
                raise SystemExit(f"build failed: {name}")
            os.makedirs(os.path.join(out_dir, name), exist_ok=True)
            shutil.copyfile(os.path.join(src, f"{name}.exe"), os.path.join(out_dir, name, f"{name}.exe"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if committed samples differ from a fresh build")
    args = ap.parse_args()
    if not args.check:
        build(SAMPLES)
        print("built", ", ".join(sample_names()))
        return 0
    return check(build, [os.path.join(n, n + ".exe") for n in sample_names()], SAMPLES, "sample binaries")


if __name__ == "__main__":
    sys.exit(main())
