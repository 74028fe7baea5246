"""The C runtimes in the guest: argv as msvcrt.dll splits the command line the kernel built from
the arguments (they come back unchanged, quoting rules and all), and the corpus programs that
need only msvcrt.dll and kernel32.dll print what Windows printed."""
import os

import pytest
from conftest import CORPUS, run_kernel, sample_path

TRICKY = ["plain", "two words", 'quote"inside', "back\\slash", 'back\\"quote', "", "trailing\\", "tab\there",
          '"quoted"', "a\\\\b", "\\\\\"", "*.c"]


def test_argv_comes_back_as_given():
    result = run_kernel("boot", sample_path("crt_args"), *TRICKY)
    lines = result.stdout.decode().split("\r\n")
    assert lines[0] == f"argc={len(TRICKY) + 1}"
    assert lines[1:-1] == [f"[{a}]" for a in TRICKY]
    assert result.returncode == len(TRICKY) + 1


@pytest.mark.parametrize("name", ["corkami_normal64.exe", "corkami_mini_pe64.exe"])
def test_corpus_printf_programs(corpus, name):
    case = corpus[name]
    result = run_kernel("boot", os.path.join(CORPUS, case["file"]), *case["args"])
    assert result.stdout == case["expect"]["stdout"].encode()
    assert result.returncode == case["expect"]["exit_code"]
