"""The run-corpus command's arguments (kept apart from kernel.run_corpus, whose imports a plain
boot should not pay for when the command line is parsed)."""
import argparse
import os

from .limits import Limits, add_arguments

# The limits a corpus run gives each image unless told otherwise: tighter than boot's, so that
# one image cannot hold up a regression suite.
CORPUS_LIMITS = Limits(max_instructions=2_000_000_000, timeout=60.0, max_output=16 << 20)


def add_parser(sub) -> None:
    p = sub.add_parser("run-corpus", help="boot many images in parallel and report on each",
                       description="Boot every image of a folder, list or manifest in parallel worker "
                       "processes with the limits below; write a JSON report per image and a summary into "
                       "-o DIR; with --expect, compare with expected outcomes and exit 1 on a difference.")
    p.add_argument("source", metavar="DIR_OR_LIST", help="a folder of images, a list file or a manifest (.json)")
    p.add_argument("-o", dest="out", metavar="DIR", required=True, help="where the reports and summary go")
    p.add_argument("-j", dest="jobs", type=_jobs, default=os.cpu_count() or 1, metavar="N",
                   help="images booted at once (default: the number of processors)")
    p.add_argument("--expect", metavar="MANIFEST", help="expected outcomes; exit 1 when a run differs")
    p.add_argument("--ray", metavar="ADDRESS", help="run the jobs as tasks on an existing Ray cluster (its "
                   "address, `auto`, or `local` to start one on this machine for the run); needs the ray extra, "
                   "and the images and this kernel at the same paths on every node")
    p.add_argument("--memory", type=int, default=512, metavar="MB", help="emulated memory per image (default 512)")
    p.add_argument("--cpus", type=int, default=1, metavar="N", help="logical processors per image (default 1)")
    add_arguments(p, CORPUS_LIMITS)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text}")
    return value
