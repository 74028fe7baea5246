#!/usr/bin/env python3
"""Build the sample programs under samples/ with the mingw-w64 cross compiler.

Each samples/NAME/NAME.c becomes samples/NAME/NAME.exe, linked against the guest ntdll only,
reproducibly (no timestamps, fixed flags). A sample with a build.toml is built its own way instead:
`flags` replaces the freestanding flags (e.g. a plain mingw-w64 program with its own start-up code,
which links msvcrt.dll and kernel32.dll through mingw-w64's import libraries) and `link` names the
guest DLLs from guest/bin to link against directly. `--check` fails if a committed .exe differs.
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


def build(out_dir: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "samples")
        shutil.copytree(SAMPLES, src, ignore=shutil.ignore_patterns("*.exe", "*.json"))
        shutil.copyfile(os.path.join(ROOT, "guest", "bin", "ntdll.dll"), os.path.join(src, "ntdll.dll"))
        for name in sample_names():
            cmd = [CC, *FLAGS, "-o", f"{name}.exe", f"{name}/{name}.c", "ntdll.dll"]
            spec_path = os.path.join(SAMPLES, name, "build.toml")
            if os.path.exists(spec_path):
                with open(spec_path, "rb") as f:
                    spec = tomllib.load(f)
                for dll in spec.get("link", []):
                    shutil.copyfile(os.path.join(ROOT, "guest", "bin", dll), os.path.join(src, dll))
                cmd = [CC, *spec["flags"], "-o", f"{name}.exe", f"{name}/{name}.c", *spec.get("link", [])]
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
