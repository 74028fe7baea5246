#!/usr/bin/env python3
"""Build the sample programs under samples/ with the mingw-w64 cross compiler.

Each samples/NAME/NAME.c becomes samples/NAME/NAME.exe, linked against the guest ntdll,
reproducibly (no timestamps, fixed flags). A sample may add samples/NAME/build.toml:
  links = ["x.dll", ...]       more DLLs the exe links against (its own or guest/bin's)
  delay = ["x.dll", ...]       DLLs of the sample the exe imports through delay-load thunks
  flags = [...]                more compiler/linker flags for the exe
  libs = ["-lname", ...]       libraries linked after the exe's object (the compiler's own ones)
  resources = ["x.rc", ...]    resource scripts compiled by windres and linked into the exe
  [[dll]]                      a DLL of the sample, built first, beside the exe:
  name, sources, base, entry (default DllMain), imports (DLLs it links against), def, flags
`--check` fails if a committed .exe or .dll differs from a fresh build.
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
GUEST_BIN = os.path.join(ROOT, "guest", "bin")
sys.path.insert(0, ROOT)
from tools.gen_nt_services import generate as generate_nt_services  # noqa: E402
from tools.reproducible import check  # noqa: E402

CC = os.environ.get("MINGW_CC", "x86_64-w64-mingw32-gcc")
DLLTOOL = os.environ.get("MINGW_DLLTOOL", "x86_64-w64-mingw32-dlltool")
WINDRES = os.environ.get("MINGW_WINDRES", "x86_64-w64-mingw32-windres")
BASE = ["-O2", "-ffreestanding", "-nostdlib", "-fno-stack-protector", "-fno-ident", "-mno-stack-arg-probe",
        "-Wall", "-Werror", "-Wl,--no-insert-timestamp", "-Wl,--major-os-version=10"]
FLAGS = BASE + ["-Wl,--entry,Entry", "-Wl,--subsystem,console", "-Wl,--major-subsystem-version=6"]


def sample_names() -> list[str]:
    return sorted(n for n in os.listdir(SAMPLES) if os.path.isfile(os.path.join(SAMPLES, n, n + ".c")))


def sample_spec(name: str) -> dict:
    path = os.path.join(SAMPLES, name, "build.toml")
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as f:
        return tomllib.load(f)


def outputs(name: str) -> list[str]:
    dlls = [os.path.join(name, d["name"]) for d in sample_spec(name).get("dll", [])]
    return [os.path.join(name, name + ".exe")] + dlls


def _run(cmd: list[str], cwd: str, what: str) -> None:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"build failed: {what}")


def _link_inputs(names: list[str], folder: str) -> list[str]:
    """A DLL to link against: one the sample built (in its folder) or a guest DLL."""
    return [n if os.path.exists(os.path.join(folder, n)) else os.path.join("..", n) for n in names]


def _delay_library(dll: str, folder: str) -> str:
    """A delay-import library for one of the sample's DLLs, from its export table."""
    import pefile
    pe = pefile.PE(os.path.join(folder, dll))
    names = [e.name.decode() for e in pe.DIRECTORY_ENTRY_EXPORT.symbols if e.name]
    stem = os.path.splitext(dll)[0]
    with open(os.path.join(folder, stem + ".delay.def"), "w") as f:
        f.write(f'LIBRARY "{dll}"\nEXPORTS\n' + "".join(f"    {n}\n" for n in names))
    _run([DLLTOOL, "--def", stem + ".delay.def", "--dllname", dll, "--output-delaylib", f"lib{stem}.delay.a"],
         folder, f"delay library for {dll}")
    return f"lib{stem}.delay.a"


def build(out_dir: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "samples")
        shutil.copytree(SAMPLES, src, ignore=shutil.ignore_patterns("*.exe", "*.dll", "*.json"))
        for dll in os.listdir(GUEST_BIN):
            shutil.copyfile(os.path.join(GUEST_BIN, dll), os.path.join(src, dll))
        header = generate_nt_services()         # the services' prototypes, from their declarations
        for folder in (src, out_dir):
            with open(os.path.join(folder, "nt_services.h"), "w") as f:
                f.write(header)
        for name in sample_names():
            spec = sample_spec(name)
            folder = os.path.join(src, name)
            for dll in spec.get("dll", []):
                cmd = [CC, *BASE, "-shared", "-Wl,--subsystem,windows", f"-Wl,--image-base,{dll['base']:#x}",
                       f"-Wl,--entry,{dll.get('entry', 'DllMain')}", *dll.get("flags", []), "-o", dll["name"],
                       *dll["sources"]]
                if dll.get("def"):
                    cmd.append(dll["def"])
                cmd += _link_inputs(["ntdll.dll", *dll.get("imports", [])], folder)
                _run(cmd, folder, f"{name}/{dll['name']}")
            objects = []
            for rc in spec.get("resources", []):
                obj = rc + ".o"
                _run([WINDRES, "-O", "coff", "-i", rc, "-o", obj], folder, f"{name}/{rc}")
                objects.append(obj)
            cmd = [CC, *FLAGS, *spec.get("flags", []), "-o", f"{name}.exe", f"{name}.c", *objects]
            cmd += _link_inputs(["ntdll.dll", *spec.get("links", [])], folder)
            cmd += [_delay_library(dll, folder) for dll in spec.get("delay", [])]
            cmd += spec.get("libs", [])
            _run(cmd, folder, name)
            os.makedirs(os.path.join(out_dir, name), exist_ok=True)
            for rel in outputs(name):
                shutil.copyfile(os.path.join(src, rel), os.path.join(out_dir, rel))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if committed samples differ from a fresh build")
    args = ap.parse_args()
    if not args.check:
        build(SAMPLES)
        print("built", ", ".join(sample_names()))
        return 0
    return check(build, ["nt_services.h"] + [p for n in sample_names() for p in outputs(n)], SAMPLES,
                 "sample binaries")


if __name__ == "__main__":
    sys.exit(main())
