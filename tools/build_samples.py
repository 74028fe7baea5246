#!/usr/bin/env python3
"""Build the sample programs under samples/ with the mingw-w64 cross compiler (or zig).

Each samples/NAME/NAME.c becomes samples/NAME/NAME.exe, linked against the guest ntdll,
reproducibly (no timestamps, fixed flags). A sample may add samples/NAME/build.toml:
  runtime = "zig"              built instead by `zig cc -target x86_64-windows-gnu` as a hosted
                               program: the toolchain's own start-up code, against the UCRT
                               (ucrtbase.dll through the api-ms-win-crt-* API sets)
  runtime = "zig-c++"          NAME.cpp built by `zig c++` the same way, libc++, libc++abi and
                               libunwind linked in statically
  runtime = "mingw"            a hosted program of mingw-w64 gcc: its own start-up code (crt2.o) and
                               C library imports from msvcrt.dll (through its libmsvcrt), as
                               mingw-built programs are
  runtime = "go"               samples/NAME/NAME.go is a Go program: `go build` for windows/amd64
                               (CGO_ENABLED=0, -trimpath, no build id; GOCACHE/GOPATH in the scratch
                               folder, a go.mod with no dependencies), so its bytes are reproducible
  runtime = "rust"             samples/NAME/NAME.rs is a Rust program: Debian's rustc 1.63 (RUSTC
                               overrides it) for x86_64-pc-windows-gnu (its std from
                               libstd-rust-dev-windows), linked by the mingw gcc; reproducible through
                               -C codegen-units=1, --remap-path-prefix of the scratch folder, stripped
                               symbols and -Wl,--no-insert-timestamp (a zero PE TimeDateStamp); with
                               -C lto=fat, so std's unused parts (and their imports) are left out
  links = ["x.dll", ...]       more DLLs the exe links against (its own or guest/bin's)
  delay = ["x.dll", ...]       DLLs of the sample the exe imports through delay-load thunks
  flags = [...]                more compiler/linker flags for the exe
  libs = ["-lname", ...]       libraries linked after the exe's object (the compiler's own ones)
  msvc_cxx = ["x.cpp", ...]    C++ sources compiled by clang for the MSVC ABI (x86_64-pc-windows-msvc:
                               MSVC's exception tables and name decoration) and linked into the exe
  msvc_cxx_eha = ["x.cpp", ...] the same, with the tables of MSVC's /EHa (asynchronous exceptions)
                               clang-14 cannot make (its -fasync-exceptions crashes): clang's assembly
                               with the two /EHs marks MSVC's /EHa leaves out cleared, FuncInfo's
                               FI_EHS_FLAG (EHFlags bit 0) and catch(...)'s HT_IsStdDotDot (0x40,
                               "C++ exceptions only"), then assembled by clang; the try states of
                               calls are the same, those of faulting instructions inside a function
                               are not there (fault in a callee)
  resources = ["x.rc", ...]    resource scripts compiled by windres and linked into the exe
  messages = ["x.mc", ...]     message texts compiled by windmc (UTF-16 entries, -U) into x.rc and
                               its MSG*.bin message tables, then by windres like a resource script
  asm = ["x.S", ...]           assembler sources (preprocessed .S) assembled by the cross compiler and
                               linked into the exe
  [[dll]]                      a DLL of the sample, built first, beside the exe:
  name, sources, base, entry (default DllMain), imports (DLLs it links against), def, flags
`--check` fails if a committed .exe or .dll differs from a fresh build.
"""
import argparse
import concurrent.futures
import os
import re
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
WINDMC = os.environ.get("MINGW_WINDMC", "x86_64-w64-mingw32-windmc")
CLANG = os.environ.get("CLANG", "clang-14")
MSVC_CXX = ["-target", "x86_64-pc-windows-msvc", "-O1", "-fexceptions", "-fcxx-exceptions", "-Wall", "-Werror"]
# zig from PyPI (the `ziglang` package, pinned in pyproject's test extra); ZIG overrides it.
ZIG = os.environ.get("ZIG", "").split() or [sys.executable, "-m", "ziglang"]
# Stripped (no PDB, no symbols), so the image depends only on the sources: lld writes a content
# hash where the time stamp would be.
ZIG_FLAGS = ["-target", "x86_64-windows-gnu", "-O2", "-s", "-Wall", "-Werror"]
RUNTIMES = {"zig": ("cc", ".c"), "zig-c++": ("c++", ".cpp")}
WINDRES = os.environ.get("MINGW_WINDRES", "x86_64-w64-mingw32-windres")
BASE = ["-O2", "-ffreestanding", "-nostdlib", "-fno-stack-protector", "-fno-ident", "-mno-stack-arg-probe",
        "-Wall", "-Werror", "-Wl,--no-insert-timestamp", "-Wl,--major-os-version=10"]
FLAGS = BASE + ["-Wl,--entry,Entry", "-Wl,--subsystem,console", "-Wl,--major-subsystem-version=6"]


GO = os.environ.get("GO", "go")
# Debian's rustc (not a rustup one earlier in PATH): the committed bytes are its output.
RUSTC = os.environ.get("RUSTC", "/usr/bin/rustc" if os.path.exists("/usr/bin/rustc") else "rustc")
RUST_FLAGS = ["--edition=2021", "--target", "x86_64-pc-windows-gnu", "-C", "opt-level=2", "-C", "strip=symbols",
              "-C", "codegen-units=1", "-C", "lto=fat", "-C", f"linker={CC}",
              "-C", "link-arg=-Wl,--no-insert-timestamp", "-C", "link-arg=-Wl,--major-os-version=10"]


def sample_names() -> list[str]:
    return sorted(n for n in os.listdir(SAMPLES)
                  if any(os.path.isfile(os.path.join(SAMPLES, n, n + ext)) for ext in (".c", ".cpp", ".go", ".rs")))


def sample_spec(name: str) -> dict:
    path = os.path.join(SAMPLES, name, "build.toml")
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as f:
        return tomllib.load(f)


def outputs(name: str) -> list[str]:
    dlls = [os.path.join(name, d["name"]) for d in sample_spec(name).get("dll", [])]
    return [os.path.join(name, name + ".exe")] + dlls


def _run(cmd: list[str], cwd: str, what: str, env: dict | None = None) -> None:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
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


def _build_zig(name: str, spec: dict, folder: str) -> None:
    """A hosted program built by zig: its own start-up code and C library imports (the UCRT)."""
    driver, ext = RUNTIMES[spec["runtime"]]
    sources = spec.get("sources", [name + ext])
    _run([*ZIG, driver, *ZIG_FLAGS, *spec.get("flags", []), "-o", f"{name}.exe", *sources,
          *spec.get("libs", [])], folder, name)


def _build_mingw(name: str, spec: dict, folder: str) -> None:
    """A hosted mingw-w64 program: the compiler's start-up code and msvcrt.dll; no time stamp."""
    objects = []
    for rc in spec.get("resources", []):
        objects.append(rc + ".o")
        _run([WINDRES, "-O", "coff", "-i", rc, "-o", rc + ".o"], folder, f"{name}/{rc}")
    _run([CC, "-O2", "-s", "-Wall", "-Werror", "-Wl,--no-insert-timestamp", *spec.get("flags", []),
          "-o", f"{name}.exe", f"{name}.c", *objects, *spec.get("libs", [])], folder, name)


def _build_go(name: str, folder: str, tmp: str) -> None:
    """A Go sample: the toolchain's own linker makes the PE; every input of the build is fixed
    (target, flags, module file, caches in the scratch folder) and paths are trimmed."""
    if not os.path.exists(os.path.join(folder, "go.mod")):
        with open(os.path.join(folder, "go.mod"), "w") as f:
            f.write(f"module {name}\n\ngo 1.19\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GO")}
    env.update(GOOS="windows", GOARCH="amd64", CGO_ENABLED="0", GOFLAGS="-mod=mod", GO111MODULE="on",
               GOCACHE=os.path.join(tmp, "gocache"), GOPATH=os.path.join(tmp, "gopath"), GOPROXY="off",
               GOTOOLCHAIN="local", GOAMD64="v1")
    _run([GO, "build", "-trimpath", "-ldflags=-buildid=", "-o", f"{name}.exe", f"{name}.go"], folder, name, env)


def _build_rust(name: str, folder: str, tmp: str) -> None:
    """A Rust sample: rustc compiles the crate and its std for the gnu target; the scratch folder's
    path is remapped so no build path reaches the image, and the linker writes no time stamp."""
    _run([RUSTC, *RUST_FLAGS, f"--remap-path-prefix={tmp}=.", "-o", f"{name}.exe", f"{name}.rs"], folder, name)


def build(out_dir: str, only: set | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "samples")
        shutil.copytree(SAMPLES, src, ignore=shutil.ignore_patterns("*.exe", "*.dll", "*.json"))
        for dll in os.listdir(GUEST_BIN):
            shutil.copyfile(os.path.join(GUEST_BIN, dll), os.path.join(src, dll))
        header = generate_nt_services()         # the services' prototypes, from their declarations
        for folder in (src, out_dir):
            with open(os.path.join(folder, "nt_services.h"), "w") as f:
                f.write(header)
        names = [n for n in sample_names() if not only or n in only]
        # Samples are independent: build them side by side, one per processor.
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            for future in [pool.submit(build_sample, n, src, tmp, out_dir) for n in names]:
                future.result()


EHFLAGS = re.compile(r"^(\s*\.long\s+)(\d+)(\s+# EHFlags)$", re.M)
CATCH_ALL = re.compile(r"^(\s*\.long\s+)64(\s+# Adjectives\n\s*\.long\s+0\s+# Type)$", re.M)


def eha_tables(asm: str) -> str:
    """clang's MSVC-ABI assembly with its FuncInfos and catch(...) clauses as /EHa makes them."""
    asm = EHFLAGS.sub(lambda m: f"{m[1]}{int(m[2]) & ~1}{m[3]}", asm)
    return CATCH_ALL.sub(r"\g<1>0\2", asm)


def build_sample(name: str, src: str, tmp: str, out_dir: str) -> None:
    """Build one sample in its folder of the scratch copy src and copy its outputs to out_dir."""
    spec = sample_spec(name)
    folder = os.path.join(src, name)
    if spec.get("runtime") in ("go", "rust"):
        (_build_go if spec["runtime"] == "go" else _build_rust)(name, folder, tmp)
        os.makedirs(os.path.join(out_dir, name), exist_ok=True)
        shutil.copyfile(os.path.join(folder, name + ".exe"), os.path.join(out_dir, name, name + ".exe"))
        return
    if spec.get("runtime") == "mingw":
        _build_mingw(name, spec, folder)
        os.makedirs(os.path.join(out_dir, name), exist_ok=True)
        shutil.copyfile(os.path.join(folder, name + ".exe"), os.path.join(out_dir, name, name + ".exe"))
        return
    if spec.get("runtime"):
        if spec["runtime"] not in RUNTIMES:
            raise SystemExit(f"samples/{name}/build.toml: runtime {spec['runtime']!r} is not one of "
                             f"{sorted([*RUNTIMES, 'go', 'mingw', 'rust'])}")
        _build_zig(name, spec, folder)
        os.makedirs(os.path.join(out_dir, name), exist_ok=True)
        shutil.copyfile(os.path.join(folder, name + ".exe"), os.path.join(out_dir, name, name + ".exe"))
        return
    for dll in spec.get("dll", []):
        cmd = [CC, *BASE, "-shared", "-Wl,--subsystem,windows", f"-Wl,--image-base,{dll['base']:#x}",
               f"-Wl,--entry,{dll.get('entry', 'DllMain')}", *dll.get("flags", []), "-o", dll["name"],
               *dll["sources"]]
        if dll.get("def"):
            cmd.append(dll["def"])
        cmd += _link_inputs(["ntdll.dll", *dll.get("imports", [])], folder)
        _run(cmd, folder, f"{name}/{dll['name']}")
    for mc in spec.get("messages", []):
        _run([WINDMC, "-U", "-h", ".", "-r", ".", mc], folder, f"{name}/{mc}")
        spec.setdefault("resources", []).append(os.path.splitext(mc)[0] + ".rc")
    objects = []
    for rc in spec.get("resources", []):
        obj = rc + ".o"
        _run([WINDRES, "-O", "coff", "-i", rc, "-o", obj], folder, f"{name}/{rc}")
        objects.append(obj)
    for source in spec.get("asm", []):
        obj = os.path.splitext(source)[0] + ".asm.o"
        _run([CC, "-c", source, "-o", obj], folder, f"{name}/{source}")
        objects.append(obj)
    for source in spec.get("msvc_cxx", []):
        obj = os.path.splitext(source)[0] + ".msvc.o"
        _run([CLANG, *MSVC_CXX, "-c", source, "-o", obj], folder, f"{name}/{source}")
        objects.append(obj)
    for source in spec.get("msvc_cxx_eha", []):
        base = os.path.splitext(source)[0]
        _run([CLANG, *MSVC_CXX, "-S", source, "-o", base + ".eha.s"], folder, f"{name}/{source}")
        path = os.path.join(folder, base + ".eha.s")
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write(eha_tables(text))
        _run([CLANG, "-target", "x86_64-pc-windows-msvc", "-c", base + ".eha.s", "-o", base + ".eha.o"], folder,
             f"{name}/{source}")
        objects.append(base + ".eha.o")
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
    ap.add_argument("--only", action="append", metavar="NAME", help="build only this sample (repeatable)")
    args = ap.parse_args()
    if not args.check:
        only = set(args.only) if args.only else None
        if only and only - set(sample_names()):
            raise SystemExit(f"no such sample: {', '.join(sorted(only - set(sample_names())))}")
        build(SAMPLES, only)
        print("built", ", ".join(n for n in sample_names() if not only or n in only))
        return 0
    return check(build, ["nt_services.h"] + [p for n in sample_names() for p in outputs(n)], SAMPLES,
                 "sample binaries")


if __name__ == "__main__":
    sys.exit(main())
