"""The guest cmd.exe (guest/cmd, C:\\Windows\\System32\\cmd.exe), booted by its host path with /c and
a command line, or with commands on its standard input: internal commands, redirections, pipes
between concurrent processes, && || &, %variables% and ERRORLEVEL, the quote rule of /c, batch
files with their arguments, labels and subroutines, and Windows' messages and exit codes."""
import os
import subprocess
import sys

import pytest
from conftest import ROOT, run_kernel, sample_path

CMD = os.path.join(ROOT, "guest", "bin", "cmd.exe")
SPAWN = os.path.dirname(sample_path("crt_spawn"))       # a program to run: crt_spawn.exe child ...
NOT_RECOGNIZED = ("' is not recognized as an internal or external command,\r\n"
                  "operable program or batch file.\r\n")


def cmd(command, *options):
    return run_kernel("boot", "--mount", f"C:\\s={SPAWN}", *options, CMD, "/c", command)


CASES = [
    # command, stdout, exit code
    ("echo hello", "hello\r\n", 0),
    ("echo    indented", "   indented\r\n", 0),
    ("echo.", "\r\n", 0),
    ("echo", "ECHO is on.\r\n", 0),
    ("echo off & echo", "ECHO is off.\r\n", 0),
    ("echo. on", " on\r\n", 0),
    ("echo a & echo b", "a \r\nb\r\n", 0),
    ("echo a&&echo b||echo c", "a\r\nb\r\n", 0),
    ("exit 7", "", 7),
    ("exit /b 300 & echo not here", "", 300),
    ("ver", "\r\nMicrosoft Windows [Version 10.0.19045.2965]\r\n", 0),
    ("rem & echo nothing", "", 0),
    ("set X=1 & echo %X%", "%X%\r\n", 0),                         # expanded when the line is read
    ("set PATHEXT", "PATHEXT=.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC\r\n", 0),
    ("echo %PATH%", "C:\\Windows\\system32;C:\\Windows\r\n", 0),
    ("echo %UNDEFINED_VAR%", "%UNDEFINED_VAR%\r\n", 0),
    ("set /a 6*7+(10-4)/3", "44", 0),
    ("cd", "C:\\work\r\n", 0),
    ("cd C:\\Windows&&cd", "C:\\Windows\r\n", 0),
    ("if 1==1 (echo yes) else (echo no)", "yes\r\n", 0),
    ("if not 1==1 (echo yes) else (echo no)", "no\r\n", 0),
    ("if /i ABC==abc echo folded", "folded\r\n", 0),
    ("if 10 GTR 9 echo numbers", "numbers\r\n", 0),
    ("if exist C:\\Windows\\System32\\cmd.exe echo there", "there\r\n", 0),
    ("if not exist C:\\nothing echo absent", "absent\r\n", 0),
    ("if defined PATH echo defined", "defined\r\n", 0),
    ("if 1==2 echo a & echo b", "", 0),                                    # if takes the rest of the line
    ("C:\\s\\crt_spawn.exe child exit 3", "", 3),
    ("C:\\s\\crt_spawn child exit 3 && echo yes || echo no", "no\r\n", 3),
    ("C:\\s\\crt_spawn child exit 0 && echo yes || echo no", "yes \r\n", 0),
    ("C:\\s\\crt_spawn child exit 5 & if errorlevel 5 echo five", "five\r\n", 5),   # evaluated when run
    ("C:\\s\\crt_spawn child exit 5 & if errorlevel 6 echo six", "", 5),
    ("C:\\s\\crt_spawn child args a  b,c", "     child argv: [a] [b,c]\r\n", 2),
    ("echo abc| C:\\s\\crt_spawn child count", "", 5),                    # abc CR LF through a pipe
    ("echo abc | C:\\s\\crt_spawn child count", "", 6),                   # the blank before | is echoed
    ("set /a 12345 | C:\\s\\crt_spawn child count", "", 5),               # an internal command in a child cmd
    ("echo abc| C:\\s\\crt_spawn child count | C:\\s\\crt_spawn child count", "", 0),
    ("echo x > C:\\Temp\\a.txt & echo y>>C:\\Temp\\a.txt & type C:\\Temp\\a.txt", "x  \r\ny \r\n", 0),
    ("echo 1>C:\\Temp\\b.txt & type C:\\Temp\\b.txt", "ECHO is on.\r\n", 0),   # 1> is a handle
    ("(echo a& echo b)>C:\\Temp\\c.txt & type C:\\Temp\\c.txt", "a\r\nb\r\n", 0),
    ("C:\\s\\crt_spawn child count < C:\\Windows\\System32\\cmd.exe & if errorlevel 1000 echo big", "big\r\n", None),
    ("cmd /c exit 9", "", 9),
    ("set S=Hello World& call echo %S:~0,5%-%S:~-5%-%S:~6,-2%-%S:o=0%-%S:*o=X%",
     "Hello-World-Wor-Hell0 W0rld-X World\r\n", 0),
    ("echo %PATH:~0,10%", "C:\\Windows\r\n", 0),
    ("for %i in (1 2) do echo %i", "\r\nC:\\work>echo 1\r\n1\r\n\r\nC:\\work>echo 2\r\n2\r\n", 0),
    ("for %i in (a,b;c) do @echo [%i] & echo x", "[a] \r\nx\r\n[b] \r\nx\r\n[c] \r\nx\r\n", 0),
    ("for /l %n in (5,-2,0) do @echo %n", "5\r\n3\r\n1\r\n", 0),
    ("cmd /c echo nested& echo outer", "nested\r\nouter\r\n", 0),
]


@pytest.mark.parametrize("command,stdout,code", CASES, ids=[c[0] for c in CASES])
def test_command_line(command, stdout, code):
    result = cmd(command)
    assert result.stdout.decode() == stdout
    if code is not None:
        assert result.returncode == code & 0xFF
        status = f"process exited with 0x{code:08X} (NTSTATUS 0x{code:08X})\n"
        assert result.stderr == (b"" if code <= 255 else status.encode())


def test_unknown_command_message_and_9009():
    result = cmd("nosuch_program_xyz")
    assert result.stdout == b""
    assert result.stderr.decode().startswith("'nosuch_program_xyz" + NOT_RECOGNIZED)
    assert "0x00002331" in result.stderr.decode()          # 9009 does not fit in 8 bits
    result = cmd("nosuch_program_xyz 2>&1 & echo %ERRORLEVEL%")
    assert result.stdout.decode() == "'nosuch_program_xyz" + NOT_RECOGNIZED + "0\r\n"
    result = cmd("nosuch_program_xyz 2>C:\\Temp\\e.txt & type C:\\Temp\\e.txt")
    assert result.stdout.decode() == "'nosuch_program_xyz" + NOT_RECOGNIZED


@pytest.mark.parametrize("command,message", [
    ("cd C:\\nosuch", "The system cannot find the path specified.\r\n"),
    ("type C:\\nosuch.txt", "The system cannot find the file specified.\r\n"),
    ("set NO_SUCH_VARIABLE", "Environment variable NO_SUCH_VARIABLE not defined\r\n"),
])
def test_failures_say_what_windows_says_with_errorlevel_1(command, message):
    result = cmd(command)
    assert result.stderr.decode() == message
    assert result.returncode == 1


@pytest.mark.parametrize("command,message,code", [
    ("C:\\nosuch\\prog.exe", "The system cannot find the path specified.\r\n", 3),
    # a redirection that fails leaves ERRORLEVEL as it was, and the command does not run
    ("echo x > C:\\nosuch\\f.txt", "The system cannot find the path specified.\r\n", 0),
    ("C:\\s\\crt_spawn child count < C:\\nosuch.txt", "The system cannot find the file specified.\r\n", 0),
    ("cmd /c exit 6 & echo x > C:\\nosuch\\f.txt || echo failed", "The system cannot find the path specified.\r\n", 6),
])
def test_path_and_redirection_failures(command, message, code):
    result = cmd(command)
    assert result.stderr.decode() == message
    assert result.returncode == code


@pytest.fixture
def scripts(tmp_path):
    (tmp_path / "t.bat").write_bytes(
        b"@echo off\r\necho args [%0] [%1] [%2] [%*]\r\nset V=%1\r\ncall :sub x y\r\ngoto skip\r\n"
        b"echo not shown\r\n:skip\r\nif \"%2\"==\"two\" (\r\n  echo block one\r\n  echo block two\r\n) else (\r\n"
        b"  echo other\r\n)\r\necho V=%V% 100%%\r\nexit /b 4\r\n:sub\r\necho in sub %1 %2\r\ngoto :eof\r\n")
    (tmp_path / "loc.bat").write_bytes(
        b"@echo off\r\nset A=outer\r\nsetlocal\r\nset A=inner\r\ncd C:\\Windows\r\necho %A% %CD%\r\nendlocal\r\n"
        b"echo %A% %CD%\r\nsetlocal\r\nset B=left open\r\n")
    (tmp_path / "for.bat").write_bytes(
        b"@echo off\r\nfor %%x in (a \"b c\",d) do echo [%%x]\r\nfor /l %%n in (1,3,7) do echo n=%%n\r\n"
        b"for %%f in (C:\\m\\*.cmd) do echo file %%f\r\nfor %%x in (a) echo %%x\r\necho not reached\r\n")
    (tmp_path / "b.bat").write_bytes(b"@echo off\r\necho in b %1\r\n")
    (tmp_path / "a.bat").write_bytes(b"@echo off\r\ncall C:\\m\\b.bat one\r\necho back\r\nC:\\m\\b.bat two\r\n"
                                     b"echo not back\r\n")
    (tmp_path / "shown.cmd").write_bytes(b"echo hi\r\n@echo quiet\r\n")
    (tmp_path / "quotes.bat").write_bytes(
        b"@echo off\r\ncmd /c \"echo stripped\"\r\n"
        b"cmd /c \"\"C:\\s\\crt_spawn.exe\" child exit 3\"\r\necho %ERRORLEVEL%\r\n"
        b"cmd /c \"C:\\s\\crt_spawn.exe child args \"a b\"\"\r\n"
        b"\"C:\\s\\crt_spawn.exe\" child args \"q r\" s\r\n"
        b"C:\\s\\crt_spawn.exe child exit 6\r\ncall echo %%ERRORLEVEL%%\r\n")
    return tmp_path


def test_batch_file_arguments_labels_blocks_and_exit_b(scripts):
    for name, zero in (("C:\\m\\t.bat", "C:\\m\\t.bat"), ("C:\\m\\t", "C:\\m\\t")):
        result = cmd(f"{name} one two", "--mount", f"C:\\m={scripts}")
        assert result.stdout.decode() == (f"args [{zero}] [one] [two] [one two]\r\nin sub x y\r\n"
                                          "block one\r\nblock two\r\nV=one 100%\r\n")
        assert result.returncode == 4
    result = cmd("call C:\\m\\t.bat 1& echo after", "--mount", f"C:\\m={scripts}")
    assert result.stdout.decode() == "args [C:\\m\\t.bat] [1] [] [1]\r\nin sub x y\r\nother\r\nV=1 100%\r\nafter\r\n"


def test_setlocal_endlocal_and_the_end_of_a_batch_file(scripts):
    result = cmd("C:\\m\\loc.bat& call echo [%B%] %A%", "--mount", f"C:\\m={scripts}")
    assert result.stdout.decode() == "inner C:\\Windows\r\nouter C:\\work\r\n[%B%] outer\r\n"


def test_for_over_items_files_and_numbers(scripts):
    result = cmd("C:\\m\\for.bat", "--mount", f"C:\\m={scripts}")
    assert result.stdout.decode() == ('[a]\r\n["b c"]\r\n[d]\r\nn=1\r\nn=4\r\nn=7\r\n'
                                      "file C:\\m\\shown.cmd\r\n")
    assert result.stderr.decode() == "echo was unexpected at this time.\r\n"
    assert result.returncode == 255


def test_a_batch_file_returns_from_call_only(scripts):
    result = cmd("C:\\m\\a.bat & echo after", "--mount", f"C:\\m={scripts}")
    assert result.stdout.decode() == "in b one\r\nback\r\nin b two\r\nafter\r\n"


def test_batch_commands_are_shown_after_the_prompt_unless_at(scripts):
    result = cmd("C:\\m\\shown.cmd", "--mount", f"C:\\m={scripts}")
    assert result.stdout.decode() == "\r\nC:\\work>echo hi\r\nhi\r\nquiet\r\n"


def test_quote_rule_of_slash_c(scripts):
    result = cmd("C:\\m\\quotes.bat", "--mount", f"C:\\m={scripts}")
    assert result.stdout.decode() == ("stripped\r\n3\r\n     child argv: [a b]\r\n"
                                      "     child argv: [q r] [s]\r\n6\r\n")


def test_commands_from_standard_input():
    """Without /c: the banner, then each line read after the prompt, echoed, until exit or the end."""
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", CMD], cwd=ROOT, capture_output=True,
                            input=b"echo one\r\nset /a 6*7\r\nexit 5\r\necho never\r\n", timeout=120)
    assert result.stdout.decode() == ("Microsoft Windows [Version 10.0.19045.2965]\r\n"
                                      "(c) Microsoft Corporation. All rights reserved.\r\n"
                                      "\r\nC:\\work>echo one\r\none\r\n"
                                      "\r\nC:\\work>set /a 6*7\r\n42"
                                      "\r\nC:\\work>exit 5\r\n")
    assert result.returncode == 5


def test_nul_is_the_null_device_wherever_its_folder(tmp_path):
    """`> nul` and `2>nul` reach \\Device\\Null (ntdll maps DOS device names as Windows 10 does): nothing
    is written, no file named nul appears in the current directory."""
    result = run_kernel("boot", "--mount", f"C:\\m={tmp_path}", CMD, "/c",
                        "cd C:\\m& nosuch_xyz 2>nul& echo x > nul& echo y >C:\\m\\NUL.txt& type nul& echo done")
    assert result.stdout == b"done\r\n"
    assert result.stderr.decode().startswith("process exited with 0x00002331")
    assert list(tmp_path.iterdir()) == []


def test_md_and_del(tmp_path):
    result = run_kernel("boot", "--mount", f"C:\\d={tmp_path}", CMD, "/c",
                        "cd C:\\d& md a\\b\\c& md a\\b& echo x>a\\f1.tmp& echo y>a\\f2.tmp& echo z>a\\keep.txt"
                        "& del a\\*.tmp& del a\\nothere.txt& if exist a\\b\\c echo made")
    assert result.stdout == b"made\r\n"
    assert result.stderr.decode() == ("A subdirectory or file a\\b already exists.\r\n"
                                      "Could Not Find C:\\d\\a\\nothere.txt\r\n")
    assert result.returncode == 1                   # md's; del leaves ERRORLEVEL alone
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["b", "keep.txt"]


def test_slash_k_runs_the_command_then_reads_standard_input():
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", CMD, "/k", "echo first"], cwd=ROOT,
                            capture_output=True, input=b"set /a 1+2\r\nexit\r\n", timeout=120)
    assert result.stdout.decode() == "first\r\n\r\nC:\\work>set /a 1+2\r\n3\r\nC:\\work>exit\r\n"
    assert result.returncode == 0
