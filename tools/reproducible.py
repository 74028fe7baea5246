"""Shared by the build tools: build into a scratch folder and compare with what is committed."""
import filecmp
import os
import tempfile


def check(build, relative_paths: list[str], committed_root: str, what: str) -> int:
    """Run build(tmp) and report which of relative_paths differ from committed_root; 0 if none."""
    with tempfile.TemporaryDirectory() as tmp:
        build(tmp)
        differ = [p for p in relative_paths
                  if not filecmp.cmp(os.path.join(tmp, p), os.path.join(committed_root, p), shallow=False)]
    if differ:
        print(f"{what} differ from their sources:", ", ".join(differ))
        return 1
    print(f"{what} match their sources")
    return 0
