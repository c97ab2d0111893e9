"""`perfscore batch`: many submissions, one process per file (forked, so a file that hangs
or crashes its parser can be stopped without stopping the batch), a progress bar, and a
summary workbook.  Inputs are only read."""
from __future__ import annotations

import json
import multiprocessing
import os
import time
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable, Iterator

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
DEFAULT_TIMEOUT = 120.0   # seconds for one file
EVALUATED, FAILED = "evaluated", "failed"   # FileResult.status


@dataclass
class FileResult:
    file: str
    status: str                      # EVALUATED or FAILED
    reason: str = ""
    evaluation: dict | None = None   # SPEC 7.4
    seconds: float = 0.0

    @property
    def errors(self) -> int:
        return sum(f["severity"] == "error" for f in (self.evaluation or {}).get("findings", []))

    @property
    def warnings(self) -> int:
        return sum(f["severity"] == "warning" for f in (self.evaluation or {}).get("findings", []))

    @property
    def clean(self) -> bool:
        return self.status == EVALUATED and self.errors == 0


def collect(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders searched for workbooks (Excel's ~$ lock files left out)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES
                                and not p.name.startswith(("~$", "."))))
        else:
            files.append(path)
    seen, unique = set(), []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def evaluate_file(path: Path) -> FileResult:
    """One file, never raising: a file that cannot be evaluated is a failed result with a reason."""
    from ..book.recalc import RecalcError, recalc
    start = time.perf_counter()
    try:
        if path.suffix.lower() == ".json":
            from ..core.evaluation import evaluate
            from ..files.jsondata import InputFileError, read_json
            try:
                evaluation = evaluate(read_json(path), source=str(path))
            except InputFileError as exc:
                return FileResult(str(path), FAILED, str(exc), seconds=time.perf_counter() - start)
        else:
            evaluation = recalc(path)
    except RecalcError as exc:
        return FileResult(str(path), FAILED, str(exc), seconds=time.perf_counter() - start)
    except Exception as exc:  # a parser bug on a hostile file must not stop the batch
        return FileResult(str(path), FAILED, f"处理出错 / error: {type(exc).__name__}: {str(exc)[:200]}",
                          seconds=time.perf_counter() - start)
    status, reason = EVALUATED, ""
    if not evaluation.evaluated:
        status = FAILED
        reason = "；".join(f.message for f in evaluation.findings if f.code == "TEMPLATE_UNKNOWN")
    return FileResult(str(path), status, reason, evaluation.to_dict(), time.perf_counter() - start)


def _worker(conn, evaluate_one) -> None:
    """A long-lived worker: paths in, results out, its caches (templates, rule sets) kept warm."""
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        conn.send(json.dumps(evaluate_one(Path(path)).__dict__, ensure_ascii=False, default=str))


class _Worker:
    def __init__(self, context, evaluate_one):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, evaluate_one), daemon=True)
        self.process.start()
        child.close()
        self.path: Path | None = None
        self.started = 0.0

    def give(self, path: Path) -> None:
        self.path, self.started = path, time.monotonic()
        self.conn.send(str(path))

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(timeout=5)
        self.conn.close()


def warm() -> None:
    """What evaluate_file needs for an untouched file, imported once before the workers fork
    (they share it; openpyxl's tokenizer, for files other programs saved, each imports when needed)."""
    from ..book import fastpath, recalc  # noqa: F401



def run(files: list[Path], jobs: int = 1, timeout: float = DEFAULT_TIMEOUT,
        evaluate_one: Callable[[Path], FileResult] = evaluate_file) -> Iterator[FileResult]:
    """Evaluate `files` with `jobs` worker processes; results in completion order.

    The workers start at once, before the first result is asked for, so that they work
    while the caller sets up its output.  A worker past `timeout` on one file is killed and
    replaced, and that file reported; a worker that dies is replaced the same way.  The
    batch always finishes."""
    if evaluate_one is evaluate_file:
        warm()
    # fork: workers start with the modules the parent already imported
    context = multiprocessing.get_context("fork")
    pending = list(reversed(files))
    workers = [_Worker(context, evaluate_one) for _ in range(max(1, min(jobs, len(files))))]
    for w in workers:
        if pending:
            w.give(pending.pop())
    return _results(context, evaluate_one, workers, pending, timeout)


def _results(context, evaluate_one, workers: list[_Worker], pending: list[Path],
             timeout: float) -> Iterator[FileResult]:
    try:
        while pending or any(w.path for w in workers):
            for w in workers:
                if w.path is None and pending:
                    w.give(pending.pop())
            busy = {w.conn: w for w in workers if w.path is not None}
            for conn in wait(list(busy), timeout=0.2):
                w = busy[conn]
                try:
                    result = FileResult(**json.loads(conn.recv()))
                except (EOFError, OSError, ValueError):
                    result = FileResult(str(w.path), FAILED, "处理进程意外退出 / worker crashed",
                                        seconds=time.monotonic() - w.started)
                    index = workers.index(w)
                    w = workers[index] = _replace(w, context, evaluate_one)
                w.path = None
                if pending:      # before the caller's turn: the worker goes on while the parent writes
                    w.give(pending.pop())
                yield result
            now = time.monotonic()
            for i, w in enumerate(workers):
                if w.path is not None and now - w.started > timeout:
                    path, spent = w.path, now - w.started
                    workers[i] = _replace(w, context, evaluate_one)
                    yield FileResult(str(path), FAILED, f"超过时间限制 {timeout:g} 秒 / timed out", seconds=spent)
    finally:
        for w in workers:
            w.stop(kill=w.path is not None)


def _replace(worker: _Worker, context, evaluate_one) -> _Worker:
    worker.stop(kill=True)
    return _Worker(context, evaluate_one)


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))
