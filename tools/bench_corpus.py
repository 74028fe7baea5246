#!/usr/bin/env python3
"""Corpus throughput: run-corpus on ../shared/corpus (with its manifest) with one worker and with
one per processor, and print the images per second of each and their ratio.

    python tools/bench_corpus.py [CORPUS_DIR]
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# ../shared/corpus, or NTMINI_CORPUS (a worktree elsewhere has no ../shared)
CORPUS = os.environ.get("NTMINI_CORPUS") or os.path.join(os.path.dirname(ROOT), "shared", "corpus")


def throughput(corpus: str, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "kernel", "run-corpus", corpus, "-o", out, "-j", str(jobs)]
        manifest = os.path.join(corpus, "MANIFEST.json")
        if os.path.exists(manifest):
            command += ["--expect", manifest]
        subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        with open(os.path.join(out, "summary.json")) as f:
            return json.load(f)


def main() -> int:
    corpus = sys.argv[1] if len(sys.argv) > 1 else CORPUS
    if not os.path.isdir(corpus):
        print(f"{corpus}: no corpus here", file=sys.stderr)
        return 66
    cores = os.cpu_count() or 1
    one = throughput(corpus, 1)
    many = throughput(corpus, cores)
    print(f"corpus {corpus}: {one['images']} images")
    print(f"  -j 1: {one['images_per_second']:.2f} images/s ({one['wall_time']:.1f} s)")
    print(f"  -j {cores}: {many['images_per_second']:.2f} images/s ({many['wall_time']:.1f} s), "
          f"{many['images_per_second'] / one['images_per_second']:.2f}x of -j 1")
    print(f"  outcomes: {many['outcomes']}; expected: {many['totals']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
