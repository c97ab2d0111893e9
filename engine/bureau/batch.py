"""`perfscore batch`: a folder of workbooks, data and reports.  Each job — one file, or a
workbook and its department's report — runs in a worker process of a pebble pool (spawned,
as Windows must; a file that hangs or crashes its parser is stopped without stopping the
batch).  Inputs are only read.

A report and a workbook with the same name are paired before they are given out
(pairing.by_name); those left over are paired afterwards by 单位名称 and 年度, which only
their evaluation tells, and checked again together."""
from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from concurrent.futures import FIRST_COMPLETED, TimeoutError, wait
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pebble import ProcessExpired, ProcessPool

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


def _start_worker(warm: bool) -> None:
    """A worker's first act (spawned: it starts empty).  What evaluate_file needs is imported
    once, before its first file — not openpyxl (a quarter of a second, numpy with it): a file of
    our templates as we or LibreOffice saved it is read without it, and a worker imports it the
    first time it meets Excel's shared formulas."""
    if warm:
        from ..book import evaluator, fastpath, recalc, scoredata  # noqa: F401
    gc.freeze()   # what it started with is never garbage: the collector need not walk it again


def run(files: list[Path], jobs: int = 1, timeout: float = DEFAULT_TIMEOUT,
        evaluate_one: Callable[[Path], FileResult] = evaluate_file) -> Iterator[FileResult]:
    """Evaluate `files` with `jobs` worker processes: one result per file, in completion order.

    The workers start at once, before the first result is asked for, so that they work
    while the caller sets up its output.  A job past `timeout` has its worker killed and
    replaced, and its files reported; a worker that dies is replaced the same way.  The
    batch always finishes.  The workers are spawned, never forked: Windows, where the
    bureaus work, has nothing else."""
    given = by_name(files)
    workers = max(1, min(jobs, len(given)))
    pool = ProcessPool(max_workers=workers, initializer=_start_worker, initargs=(evaluate_one is evaluate_file,),
                       context=multiprocessing.get_context("spawn"))
    batch = _Batch(pool, workers, evaluate_one, timeout)
    batch.give(given)
    return _results(batch, any(len(job) == 1 and kind_of(job[0]) == REPORT for job in given))


def _evaluate_jobs(jobs: list[list[str]], evaluate_one) -> list[FileResult]:
    return [r for job in jobs for r in evaluate_job(job, evaluate_one)]


class _Batch:
    """Jobs given to the pool a few at a time (a task's messages cost the parent, which shares
    the processor with the workers), each with the time limit of one job.  When a task times
    out or its worker dies, which of its jobs did it is not known: each is given again alone,
    and only a job that fails alone is reported."""
    PER_TASK = 8

    def __init__(self, pool, workers: int, evaluate_one, timeout: float):
        self.pool, self.workers, self.evaluate_one, self.timeout = pool, workers, evaluate_one, timeout
        self.futures: dict = {}

    def give(self, jobs: list[tuple[Path, ...]]) -> None:
        # small batches one job per task, so that every worker has work at once
        size = max(1, min(self.PER_TASK, len(jobs) // (self.workers * 8)))
        for i in range(0, len(jobs), size):
            self._schedule(jobs[i:i + size])

    def _schedule(self, chunk: list[tuple[Path, ...]]) -> None:
        task = self.pool.schedule(_evaluate_jobs, args=([[str(p) for p in job] for job in chunk], self.evaluate_one),
                                  timeout=self.timeout)
        self.futures[task] = chunk

    def completed(self) -> Iterator[FileResult]:
        while self.futures:
            done, _ = wait(self.futures, return_when=FIRST_COMPLETED)
            for task in done:
                chunk = self.futures.pop(task)
                spent = 0.0
                try:
                    yield from task.result()
                    continue
                except TimeoutError:
                    reason, spent = f"超过时间限制 {self.timeout:g} 秒 / timed out", self.timeout
                except ProcessExpired:
                    reason = "处理进程意外退出 / worker crashed"
                except Exception as exc:  # outside evaluate_job's own guard: unpickling, a broken pool
                    reason = f"处理进程出错 / worker error: {type(exc).__name__}"
                if len(chunk) > 1:
                    for job in chunk:
                        self._schedule([job])
                else:
                    for p in chunk[0]:
                        yield FileResult(str(p), FAILED, reason, kind=kind_of(p), seconds=spent)


def _results(batch: _Batch, lone_reports: bool) -> Iterator[FileResult]:
    """Results as they come, except a lone report and a lone workbook, which wait for the end
    to be paired by 单位名称 and 年度 (and are then evaluated again, together)."""
    held: dict[str, FileResult] = {}
    try:
        for r in batch.completed():
            if lone_reports and not r.paired_with and r.status == EVALUATED:
                held[r.file] = r
            else:
                yield r
        pairs = _pairs_by_department(held)
        yield from held.values()
        if pairs:
            batch.give(pairs)
            yield from batch.completed()
    except BaseException:   # the caller stopped early (or failed): nothing is left running
        batch.pool.stop()
        batch.pool.join()
        raise
    # every job is done: the idle workers are stopped while the caller writes its summary
    batch.pool.stop()
    threading.Thread(target=batch.pool.join, name="perfscore-pool-join").start()


def _pairs_by_department(held: dict[str, FileResult]) -> list[tuple[Path, Path]]:
    """As by name: exactly one report and one workbook of a department and year make a pair
    (taken out of `held`)."""
    reports: dict[tuple, list[FileResult]] = {}
    books: dict[tuple, list[FileResult]] = {}
    for r in held.values():
        if key := department(r.evaluation):
            (reports if r.kind == REPORT else books).setdefault(key, []).append(r)
    pairs = []
    for key, theirs in reports.items():
        if len(theirs) == 1 and len(books.get(key, [])) == 1:
            book, report = books[key][0], theirs[0]
            pairs.append((Path(book.file), Path(report.file)))
            held.pop(book.file)
            held.pop(report.file)
    return pairs


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))
