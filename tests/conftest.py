import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples")
# ../shared/corpus, or NTMINI_CORPUS (a worktree elsewhere has no ../shared)
CORPUS = os.environ.get("NTMINI_CORPUS") or os.path.join(os.path.dirname(ROOT), "shared", "corpus")


def run_kernel(*args, timeout=120):
    """Run `python -m kernel ...` as a user would; returns CompletedProcess with bytes."""
    return subprocess.run([sys.executable, "-m", "kernel", *args], cwd=ROOT, capture_output=True,
                          timeout=timeout)


def guest_exports(dll):
    """The names a built guest DLL (guest/bin) exports."""
    import pefile
    pe = pefile.PE(os.path.join(ROOT, "guest", "bin", dll), fast_load=True)
    pe.parse_data_directories(directories=[0])
    return {e.name.decode() for e in pe.DIRECTORY_ENTRY_EXPORT.symbols if e.name}


def guest_forwarders(dll):
    """A built guest DLL's exported names, each with its forwarder ("DLL.Name") or None."""
    import pefile
    pe = pefile.PE(os.path.join(ROOT, "guest", "bin", dll), fast_load=True)
    pe.parse_data_directories(directories=[0])
    return {e.name.decode(): e.forwarder.decode() if e.forwarder else None
            for e in pe.DIRECTORY_ENTRY_EXPORT.symbols if e.name}


def sample_path(name):
    return os.path.join(SAMPLES, name, name + ".exe")


def sample_expectation(name):
    with open(os.path.join(SAMPLES, name, "expected.json")) as f:
        return json.load(f)


@pytest.fixture
def corpus():
    manifest = os.path.join(CORPUS, "MANIFEST.json")
    if not os.path.exists(manifest):
        pytest.skip("../shared/corpus is not present")
    with open(manifest) as f:
        return {c["file"]: c for c in json.load(f)["cases"]}
