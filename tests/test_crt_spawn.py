"""Child processes of the C runtimes (guest/crt/process): the samples crt_spawn (mingw-w64,
msvcrt.dll) and ucrt_spawn (zig, ucrtbase.dll) run the same checks of _spawn*/_exec*/_cwait,
system and _popen against the documented results; here, what the checks cannot see from inside:
the order of the parent's and the children's output, a caller ended by _P_OVERLAY and _execv while
its child goes on, and both runtimes exporting the whole family."""
import pytest
from conftest import guest_exports, run_kernel, sample_expectation, sample_path

SAMPLES = ["crt_spawn", "ucrt_spawn"]
FAMILY = ([f"_{w}spawn{s}" for w in ("", "w") for s in ("l", "le", "lp", "lpe", "v", "ve", "vp", "vpe")]
          + [f"_{w}exec{s}" for w in ("", "w") for s in ("l", "le", "lp", "lpe", "v", "ve", "vp", "vpe")]
          + ["_cwait", "system", "_wsystem", "_popen", "_wpopen", "_pclose", "_pipe"])


@pytest.mark.parametrize("name", SAMPLES)
def test_every_check_passes_and_the_output_is_in_order(name):
    result = run_kernel("boot", sample_path(name))
    out = result.stdout.decode()
    assert result.returncode == 0, out
    assert "FAIL" not in out
    assert out == sample_expectation(name)["stdout"]
    lines = out.split("\r\n")
    # the children's lines come where the parent waited for them
    i = lines.index("     child argv: [a] [b] [c]")
    assert lines[i + 1].startswith("ok   arguments are joined with spaces")
    i = lines.index("     before")
    assert lines[i:i + 3] == ["     before", "     from cmd.exe", "     after"]
    # system("unknown 2>&1"): cmd's message came through the inherited standard output
    i = lines.index("'nosuch_command_xyz' is not recognized as an internal or external command,")
    assert lines[i + 1:i + 3] == ["operable program or batch file.", "ok   an unknown command: 9009, cmd's message"]
    assert lines.count("     batch file, arg") == 1 and lines.count("     batch file, again") == 1


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("how", ["overlay", "execv"])
def test_overlay_ends_the_caller_with_0_and_the_child_goes_on(name, how):
    result = run_kernel("boot", sample_path(name), how)
    word = {"overlay": "overlaid", "execv": "exec'd"}[how]
    before = {"overlay": "_P_OVERLAY", "execv": "_execv"}[how]
    assert result.stdout.decode() == f"     before {before}\r\n     child argv: [{word}]\r\n"
    assert result.returncode == 0


@pytest.mark.parametrize("dll", ["msvcrt.dll", "ucrtbase.dll"])
def test_both_runtimes_export_the_family(dll):
    names = guest_exports(dll)
    assert [n for n in FAMILY if n not in names] == []
