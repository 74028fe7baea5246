"""run-corpus: one versioned JSON report per image, a summary (text and JSON), the comparison
with a manifest (exit 1 on a difference), support files in the working directory, the limits
passed to every boot, and the same jobs on a Ray cluster when Ray is installed."""
import io
import json
import os
import secrets
import subprocess
import sys

import pytest
from conftest import CORPUS, ROOT, run_kernel, sample_path

from kernel import run_corpus


def run(*args, timeout=600):
    return run_kernel("run-corpus", *args, timeout=timeout)


def reports(out) -> dict:
    folder = os.path.join(out, "reports")
    result = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name)) as f:
            result[name[:-5]] = json.load(f)
    return result


def test_the_shared_corpus_against_its_manifest(corpus, tmp_path):
    out = str(tmp_path / "out")
    result = run(CORPUS, "-o", out, "-j", "2", "--expect", os.path.join(CORPUS, "MANIFEST.json"))
    got = reports(out)
    assert len(got) == len([c for c in corpus.values()]) + 1      # rp-win-x64.exe is two cases
    for report in got.values():
        assert report["schema"] == "ntmini-corpus-report" and report["version"] == 1
        assert report["outcome"] != "internal" and report["outcome"] != "hang", report
        assert set(report["stdout"]) == {"bytes", "sha256", "head"}
    goblin = got["0011-goblin_lld_no_tls_64.exe"]
    assert goblin["verdict"] == "pass" and goblin["exit_code"] == 0 and goblin["outcome"] == "exit"
    assert {"goblin_lld_no_tls_64.exe", "ntdll.dll"} <= set(goblin["dlls"]) and goblin["counts"]["instructions"] > 0
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    assert summary["images"] == len(got)
    # every case runs as its MANIFEST says Windows ran it (the CRT issue's acceptance)
    failing = {name: r["differences"] for name, r in got.items() if r["verdict"] != "pass"}
    assert not failing, failing
    assert result.returncode == 0 and summary["totals"]["pass"] == len(got)
    assert summary["ray"] is None                                    # local worker processes, no cluster
    text = result.stdout.decode()
    assert "0011-goblin_lld_no_tls_64.exe" in text and "images/s" in text
    assert open(os.path.join(out, "summary.txt")).read() == text


def manifest(tmp_path, cases) -> str:
    path = tmp_path / "MANIFEST.json"
    path.write_text(json.dumps({"cases": cases}))
    return str(path)


def test_a_manifest_of_samples_passes_and_a_difference_fails(tmp_path):
    for name in ("hello_ntwrite", "limits"):
        (tmp_path / f"{name}.exe").write_bytes(open(sample_path(name), "rb").read())
    (tmp_path / "data.txt").write_text("support\n")
    good = {"file": "hello_ntwrite.exe", "expect": {"stdout": "Hello from ring 3 through NtWriteFile\nsecond line\n",
                                                    "exit_code": 7}, "support": ["data.txt"]}
    regex = {"file": "limits.exe", "args": [], "expect": {"stdout_regex": "^usage: limits", "exit_code": 2}}
    out = str(tmp_path / "out")
    result = run(manifest(tmp_path, [good, regex]), "-o", out, "-j", "2")
    got = reports(out)
    assert [r["verdict"] for r in got.values()] == ["pass", "pass"], got
    assert result.returncode == 0
    assert os.path.exists(os.path.join(out, "work", "0000-hello_ntwrite.exe", "data.txt"))
    wrong = dict(good, expect={"stdout": "Hello\n", "exit_code": 0})
    result = run(manifest(tmp_path, [wrong, regex]), "-o", out)
    got = reports(out)
    assert result.returncode == 1
    assert got["0000-hello_ntwrite.exe"]["verdict"] == "fail"
    assert len(got["0000-hello_ntwrite.exe"]["differences"]) == 2


def test_a_list_with_limits_gives_each_its_outcome(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(f"# images and their arguments\n{sample_path('limits')} 1\n{sample_path('hello_ntwrite')}\n"
                       f"{tmp_path / 'missing.exe'}\n")
    out = str(tmp_path / "out")
    result = run(str(listing), "-o", out, "--max-instructions", "2000000")
    assert result.returncode == 0          # no expectations: nothing can differ
    got = list(reports(out).values())
    assert [r["outcome"] for r in got] == ["limit", "exit", "refused"]
    assert got[0]["limit"] == "max-instructions" and got[0]["exit_status"] == 124
    assert got[1]["exit_code"] == 7 and got[1]["services"]["NtWriteFile"] == 2
    assert got[2]["exit_status"] == 66


def test_bad_sources_are_one_line(tmp_path):
    for argv in ([str(tmp_path / "nothing"), "-o", str(tmp_path / "o")], [str(tmp_path), "-o", str(tmp_path / "o")],
                 [str(tmp_path), "-o", str(tmp_path), "-j", "0"]):
        result = run(*argv)
        assert result.returncode in (64, 66) and result.stderr.count(b"\n") == 1, result.stderr


def test_the_progress_bar_draws_only_on_a_terminal(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True
    for stream, drawn in ((Tty(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stream)
        progress = run_corpus.Progress(2)
        progress.step()
        progress.step()
        assert ("2/2 images" in stream.getvalue()) == drawn


# A local Ray cluster of the tests' own: a head on ports Ray picks free, two processors, the
# smallest object store Ray allows, no dashboard, and a token made for it (Ray's token
# authentication), so that nothing else on the machine joins it. It lives while its stdin is open.
RAY_HEAD = """
import sys, ray
ray.init(num_cpus=2, object_store_memory=80 << 20, include_dashboard=False, logging_level="ERROR")
print(ray.get_runtime_context().gcs_address, flush=True)
sys.stdin.read()
ray.shutdown()
"""


@pytest.fixture(scope="module")
def ray_cluster():
    pytest.importorskip("ray")
    env = dict(os.environ, RAY_AUTH_MODE="token", RAY_AUTH_TOKEN=secrets.token_hex(16), RAY_USAGE_STATS_ENABLED="0")
    # Ray gives its raylet 30 s to register (a constant of ray/_private/node.py); on a loaded
    # machine that can pass, so the head gets three tries.
    for _ in range(3):
        head = subprocess.Popen([sys.executable, "-c", RAY_HEAD], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                cwd=ROOT, text=True, env=env)
        address = head.stdout.readline().strip()
        if address:
            break
        head.wait(timeout=120)
    assert address, "the Ray head did not start in three tries"
    try:
        yield address, env
    finally:
        head.stdin.close()
        head.wait(timeout=120)


def run_on_ray(ray_cluster, *args):
    address, env = ray_cluster
    return subprocess.run([sys.executable, "-m", "kernel", "run-corpus", *args, "--ray", address], cwd=ROOT, env=env,
                          capture_output=True, timeout=600)


def test_the_same_jobs_on_a_ray_cluster(tmp_path, ray_cluster):
    for name in ("hello_ntwrite", "return_code"):
        (tmp_path / f"{name}.exe").write_bytes(open(sample_path(name), "rb").read())
    cases = [{"file": "hello_ntwrite.exe", "expect": {"exit_code": 7}},
             {"file": "return_code.exe", "expect": {"exit_code": 0}}]
    out = str(tmp_path / "out")
    result = run_on_ray(ray_cluster, manifest(tmp_path, cases), "-o", out)
    got = reports(out)
    assert [r["verdict"] for r in got.values()] == ["pass", "fail"], got
    assert got["0000-hello_ntwrite.exe"]["stdout"]["head"] == "Hello from ring 3 through NtWriteFile\nsecond line\n"
    assert got["0000-hello_ntwrite.exe"]["services"]["NtWriteFile"] == 2
    assert got["0001-return_code.exe"]["differences"]
    assert result.returncode == 1
    summary = json.load(open(os.path.join(out, "summary.json")))
    assert summary["ray"] == ray_cluster[0] and summary["jobs"] == 0 and summary["images"] == 2


def test_the_shared_corpus_on_a_ray_cluster(corpus, tmp_path, ray_cluster):
    """The corpus with its MANIFEST as Ray tasks: a report per case, each failure a listed difference."""
    out = str(tmp_path / "out")
    result = run_on_ray(ray_cluster, CORPUS, "-o", out, "--expect", os.path.join(CORPUS, "MANIFEST.json"))
    got = reports(out)
    assert len(got) == len(corpus) + 1      # rp-win-x64.exe is two cases
    for report in got.values():
        assert report["schema"] == "ntmini-corpus-report" and report["outcome"] not in ("internal", "hang"), report
    goblin = got["0011-goblin_lld_no_tls_64.exe"]
    assert goblin["verdict"] == "pass" and goblin["exit_code"] == 0 and goblin["counts"]["instructions"] > 0
    failing = [r for r in got.values() if r["verdict"] == "fail"]
    assert all(r["differences"] for r in failing)
    assert result.returncode == (1 if failing else 0)
    summary = json.load(open(os.path.join(out, "summary.json")))
    assert summary["ray"] == ray_cluster[0] and summary["images"] == len(got)
