"""`perfscore batch`: a folder of workbooks, data and reports.  Each job — one file, or a
workbook and its department's report — runs in a worker process (forked, so a file that
hangs or crashes its parser can be stopped without stopping the batch).  Inputs are only read.

A report and a workbook with the same name are paired before they are given out
(pairing.by_name); those left over are paired afterwards by 单位名称 and 年度, which only
their evaluation tells, and checked again together."""
from __future__ import annotations

import gc
import json
import multiprocessing
import os
import time
from collections import deque
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .pairing import by_name, department
from .results import (DATA_SUFFIXES, EVALUATED, FAILED, REPORT, REPORT_SUFFIXES, WORKBOOK_SUFFIXES, FileResult,
                      evaluate_file, evaluate_job, kind_of)

__all__ = ["EVALUATED", "FAILED", "FileResult", "collect", "default_jobs", "evaluate_file", "run"]
DEFAULT_TIMEOUT = 120.0   # seconds for one job
ACCEPTED = WORKBOOK_SUFFIXES + DATA_SUFFIXES + REPORT_SUFFIXES


def collect(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders searched for workbooks, data and reports (Excel's and Word's
    ~$ lock files and hidden files left out)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ACCEPTED
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


def _worker(conn, evaluate_one) -> None:
    """A long-lived worker: jobs in, results out, its caches (templates, rule sets) kept warm."""
    gc.freeze()   # what it started with is never garbage: the collector need not walk it again
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        results = evaluate_job(job, evaluate_one)
        conn.send(json.dumps([r.__dict__ for r in results], ensure_ascii=False, default=str))


IN_FLIGHT = 2     # jobs a worker holds: the next is waiting in its pipe when it finishes one
AT_START = 12     # and at the start, while the caller sets up (imports rich, opens its output:
                  # about 0.1 s); their answers (a few KB each) wait in the pipe meanwhile.  No
                  # more: the jobs behind a slow file (a PDF report, a tampered workbook) wait for it


class _Worker:
    def __init__(self, context, evaluate_one):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, evaluate_one), daemon=True)
        self.process.start()
        child.close()
        self.jobs: deque[tuple[Path, ...]] = deque()   # given, not yet answered; the first is being worked on
        self.started = 0.0                              # when the first began

    @property
    def job(self) -> tuple[Path, ...] | None:
        return self.jobs[0] if self.jobs else None

    def give(self, job: tuple[Path, ...]) -> None:
        if not self.jobs:
            self.started = time.monotonic()
        self.jobs.append(job)
        try:
            self.conn.send([str(p) for p in job])
        except OSError:
            pass   # it died on the job before: reading its answer says so, and this job is given again

    def answered(self) -> None:
        self.jobs.popleft()
        self.started = time.monotonic()

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
    """What evaluate_file needs, imported once before the workers fork (they share it).  Not
    openpyxl (a quarter of a second, numpy with it): a file of our templates as we or
    LibreOffice saved it is read without it (a worker imports it the first time it meets
    Excel's shared formulas), and the parent imports it for the summary while the workers work."""
    from ..book import evaluator, fastpath, recalc, scoredata  # noqa: F401


def run(files: list[Path], jobs: int = 1, timeout: float = DEFAULT_TIMEOUT,
        evaluate_one: Callable[[Path], FileResult] = evaluate_file) -> Iterator[FileResult]:
    """Evaluate `files` with `jobs` worker processes: one result per file, in completion order.

    The workers start at once, before the first result is asked for, so that they work
    while the caller sets up its output.  A worker past `timeout` on one job is killed and
    replaced, and its files reported; a worker that dies is replaced the same way.  The
    batch always finishes."""
    if evaluate_one is evaluate_file:
        warm()
    # fork: workers start with the modules the parent already imported
    context = multiprocessing.get_context("fork")
    pending = list(reversed(by_name(files)))
    lone_reports = any(len(job) == 1 and kind_of(job[0]) == REPORT for job in pending)
    workers = _start(context, evaluate_one, jobs, pending)
    results = _results(context, evaluate_one, workers, pending, timeout)
    if not lone_reports:
        return results
    return _paired_afterwards(results, context, evaluate_one, jobs, timeout)


def _paired_afterwards(results: Iterator[FileResult], context, evaluate_one, jobs: int,
                       timeout: float) -> Iterator[FileResult]:
    """Results as they come, except a lone report and a lone workbook, which wait for the end
    to be paired by 单位名称 and 年度."""
    held: dict[str, FileResult] = {}
    for r in results:
        if not r.paired_with and r.status == EVALUATED:
            held[r.file] = r
        else:
            yield r
    reports: dict[tuple, list[FileResult]] = {}
    books: dict[tuple, list[FileResult]] = {}
    for r in held.values():
        if key := department(r.evaluation):
            (reports if r.kind == REPORT else books).setdefault(key, []).append(r)
    pairs = []
    for key, theirs in reports.items():   # as by name: exactly one report and one workbook
        if len(theirs) == 1 and len(books.get(key, [])) == 1:
            book, report = books[key][0], theirs[0]
            pairs.append((Path(book.file), Path(report.file)))
            held.pop(book.file)
            held.pop(report.file)
    yield from held.values()
    if pairs:
        pending = list(reversed(pairs))
        yield from _results(context, evaluate_one, _start(context, evaluate_one, jobs, pending), pending, timeout)


def _start(context, evaluate_one, jobs: int, pending: list[tuple[Path, ...]]) -> list[_Worker]:
    """Workers (no more than jobs), each given its first jobs at once."""
    workers = [_Worker(context, evaluate_one) for _ in range(max(1, min(jobs, len(pending))))]
    _fill(workers, pending, min(AT_START, max(1, len(pending) // len(workers) // 2)))
    return workers


def _fill(workers: list[_Worker], pending: list[tuple[Path, ...]], depth: int = IN_FLIGHT) -> None:
    """Jobs given round the workers, until each holds `depth` (or none are left)."""
    for _ in range(depth):
        for w in workers:
            if pending and len(w.jobs) < depth:
                w.give(pending.pop())


def _results(context, evaluate_one, workers: list[_Worker], pending: list[tuple[Path, ...]],
             timeout: float) -> Iterator[FileResult]:
    try:
        while pending or any(w.jobs for w in workers):
            _fill(workers, pending)
            busy = {w.conn: w for w in workers if w.jobs}
            for conn in wait(list(busy), timeout=0.2):
                w = busy[conn]
                try:
                    results = [FileResult(**r) for r in json.loads(conn.recv())]
                    w.answered()
                except (EOFError, OSError, ValueError):
                    results = [FileResult(str(p), FAILED, "处理进程意外退出 / worker crashed",
                                          seconds=time.monotonic() - w.started, kind=kind_of(p)) for p in w.job]
                    workers[workers.index(w)] = _replace(w, context, evaluate_one, pending)
                _fill(workers, pending)   # before the caller's turn: the workers go on while the parent writes
                yield from results
            now = time.monotonic()
            for i, w in enumerate(workers):
                if w.jobs and now - w.started > timeout:
                    job, spent = w.job, now - w.started
                    workers[i] = _replace(w, context, evaluate_one, pending)
                    for p in job:
                        yield FileResult(str(p), FAILED, f"超过时间限制 {timeout:g} 秒 / timed out", seconds=spent,
                                         kind=kind_of(p))
    finally:
        for w in workers:
            w.stop(kill=bool(w.jobs))


def _replace(worker: _Worker, context, evaluate_one, pending: list[tuple[Path, ...]]) -> _Worker:
    """A new worker for one that hung or died; the jobs it held after the failed one go back
    to `pending`, to be given out again."""
    worker.stop(kill=True)
    pending.extend(reversed(list(worker.jobs)[1:]))
    return _Worker(context, evaluate_one)


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))
