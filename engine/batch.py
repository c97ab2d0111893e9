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


@dataclass
class FileResult:
    file: str
    status: str                      # "ok" or "failed"
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
        return self.status == "ok" and self.errors == 0


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
    from .headless import RecalcError, recalc
    start = time.perf_counter()
    try:
        if path.suffix.lower() == ".json":
            from .cli import InputFileError, read_json
            from .evaluation import evaluate
            try:
                evaluation = evaluate(read_json(path), source=str(path))
            except InputFileError as exc:
                return FileResult(str(path), "failed", str(exc), seconds=time.perf_counter() - start)
        else:
            evaluation = recalc(path)
    except RecalcError as exc:
        return FileResult(str(path), "failed", str(exc), seconds=time.perf_counter() - start)
    except Exception as exc:  # a parser bug on a hostile file must not stop the batch
        return FileResult(str(path), "failed", f"处理出错 / error: {type(exc).__name__}: {str(exc)[:200]}",
                          seconds=time.perf_counter() - start)
    status, reason = "ok", ""
    if not evaluation.evaluated:
        status = "failed"
        reason = "；".join(f.message for f in evaluation.findings if f.code == "TEMPLATE_UNKNOWN")
    return FileResult(str(path), status, reason, evaluation.to_dict(), time.perf_counter() - start)


def _child(path: Path, conn, evaluate_one) -> None:
    try:
        conn.send(json.dumps(evaluate_one(path).__dict__, ensure_ascii=False, default=str))
    finally:
        conn.close()


def run(files: list[Path], jobs: int = 1, timeout: float = DEFAULT_TIMEOUT,
        evaluate_one: Callable[[Path], FileResult] = evaluate_file) -> Iterator[FileResult]:
    """Evaluate `files` with up to `jobs` processes at once; results in completion order."""
    # fork: each child starts with the modules (and caches) the parent already loaded
    context = multiprocessing.get_context("fork")
    pending = list(reversed(files))
    running: dict = {}     # connection → (process, path, started)
    while pending or running:
        while pending and len(running) < max(jobs, 1):
            path = pending.pop()
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(path, send, evaluate_one), daemon=True)
            process.start()
            send.close()
            running[receive] = (process, path, time.monotonic())
        ready = wait(list(running), timeout=0.2)
        for conn in ready:
            process, path, started = running.pop(conn)
            try:
                result = FileResult(**json.loads(conn.recv()))
            except (EOFError, OSError, ValueError):
                result = FileResult(str(path), "failed", "处理进程意外退出 / worker crashed",
                                    seconds=time.monotonic() - started)
            conn.close()
            process.join(timeout=5)
            yield result
        now = time.monotonic()
        for conn, (process, path, started) in list(running.items()):
            if now - started > timeout:
                process.kill()
                process.join()
                conn.close()
                del running[conn]
                yield FileResult(str(path), "failed", f"超过时间限制 {timeout:g} 秒 / timed out", seconds=now - started)


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))
