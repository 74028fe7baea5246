"""Instruction-level traces: capture while the guest runs, decode and format afterwards."""

FORMATS = ("text", "jsonl", "tenet", "drcov")
