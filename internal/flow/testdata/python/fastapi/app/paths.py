import os
from pathlib import Path


def inside(child: Path, root: Path) -> bool:
    """Whether child, once resolved, lies under root."""
    return root.resolve() in child.resolve().parents


def under(path: str, root: str) -> bool:
    return os.path.commonpath([os.path.realpath(path), root]) == root


def below(path: str, root: str) -> bool:
    # A test that is a call of another test.
    return under(path, root)


def present(child: Path, root: Path) -> bool:
    # Says where nothing lies: any file that exists passes.
    return child.exists()
