"""A short, deterministic slice of tools/fuzz.py: mutants are the same bytes on every run, each
kind of mutation (lief's structural edits included) gives a mutant the kernel handles, and a
small campaign finds no traceback, internal error, hang, memory blow-up or touched host file."""
import random

import pytest
from conftest import sample_path

from tools import fuzz


def test_mutants_are_deterministic():
    seed = sample_path("hello_ntwrite")
    assert [fuzz.mutant(seed, 5, i) for i in range(20)] == [fuzz.mutant(seed, 5, i) for i in range(20)]
    assert len({fuzz.mutant(seed, 5, i)[0] for i in range(20)}) > 15


@pytest.mark.parametrize("mutation", [m for m, _ in fuzz.MUTATIONS], ids=lambda m: m.__name__)
def test_each_kind_of_mutation_is_handled(tmp_path, mutation):
    with open(sample_path("hello_ntwrite"), "rb") as f:
        data = bytearray(f.read())
    rng = random.Random(mutation.__name__)
    described = mutation(rng, data, fuzz.Layout(bytes(data)))
    assert described and described != "noop"
    path = tmp_path / "m.exe"
    path.write_bytes(bytes(data))
    result = fuzz.run_one(str(path), timeout=10, max_instructions=5_000_000, rss_limit_mb=1024)
    assert result["class"] not in fuzz.BUGS, (described, result)


def test_a_short_campaign_finds_no_bug():
    summary = fuzz.campaign(24, seed=11, jobs=2, out_dir=None, extra_seeds=[], timeout=10,
                            max_instructions=5_000_000, rss_limit_mb=1024)
    bugs = [r for r in summary["results"] if r["class"] in fuzz.BUGS]
    assert summary["bugs"] == 0, bugs
    assert len(summary["counts"]) >= 2          # the slice reaches more than one outcome


def test_a_short_service_campaign_finds_no_bug():
    """The guest driver's fuzzed system calls: every one answered with a status."""
    summary = fuzz.service_campaign(6000, seed=3, jobs=2, per_run=2000, timeout=60, max_instructions=2_000_000_000,
                                    rss_limit_mb=1024)
    assert summary["bugs"] == 0, [r for r in summary["results"] if r["class"] in fuzz.BUGS]
    assert summary["runs"] >= 3 and summary["service_calls"] >= 6000
