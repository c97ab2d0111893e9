"""Outputs appear whole or not at all, and never replace what a user gave us."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


def readable(path: str | Path) -> None:
    """mkstemp makes 0600 files; an output should have the user's usual permissions."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


@contextlib.contextmanager
def atomic_output(output: str | Path) -> Iterator[Path]:
    """A temporary path next to `output` to write to; renamed onto `output` when the block
    ends without an exception, removed otherwise.  A reader never sees half a file."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)   # an output's folder is made, as a save dialog would
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=output.suffix, dir=output.parent or ".")
    os.close(fd)
    try:
        readable(tmp)
        yield Path(tmp)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
