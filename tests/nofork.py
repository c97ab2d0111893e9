"""Windows has no fork: a process made to refuse it as Windows does, so that the batch is
tested as the bureaus run it.  `get_context("fork")` and `("forkserver")` fail with Windows'
own error, and os.fork itself (the default context's way on Linux) raises."""
from __future__ import annotations

import multiprocessing.context
import os

REFUSED = ("fork", "forkserver")


def _refused(*args, **kwargs):
    raise OSError("fork refused: Windows has no fork")


def refuse_fork(setattr_=setattr) -> None:
    """Refuse fork in this process (setattr_: pytest's monkeypatch.setattr, to undo it after)."""
    contexts = {k: v for k, v in multiprocessing.context._concrete_contexts.items() if k not in REFUSED}
    setattr_(multiprocessing.context, "_concrete_contexts", contexts)
    setattr_(os, "fork", _refused)


# a command line run with fork refused: python -c RUN_WITHOUT_FORK perfscore-arguments…
RUN_WITHOUT_FORK = ("import sys, nofork; nofork.refuse_fork(); from engine.cli import main; "
                    "sys.exit(main(sys.argv[1:]))")


def run_without_fork(args: list[str], **kwargs):
    """`python -m engine.cli ARGS` in a process that refuses fork."""
    import subprocess
    import sys
    from pathlib import Path
    here = str(Path(__file__).resolve().parent)
    env = dict(kwargs.pop("env", None) or os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH", "")) if p)
    return subprocess.run([sys.executable, "-c", RUN_WITHOUT_FORK, *map(str, args)], env=env, **kwargs)
