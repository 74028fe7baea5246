"""run-corpus (placeholder)."""


def add_parser(sub) -> None:
    pass


def run_corpus(args) -> int:
    return 0
