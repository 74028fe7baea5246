"""Kernel core: threads, the dispatcher, traps."""
