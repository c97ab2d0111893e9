"""A report's tables set in columns of spaces against the same tables as | rows: the time to check each.

    make bench-spaces
    python tests/benchmarks/bench_spaces.py --numbers=100-199     # some of the cases only

A PDF's text layer gives a form as long runs of spaces, and a pattern whose optional words each take their own run of
spaces (\\s*(?:的)?\\s*(?:为)?\\s*) tries every way of sharing a run out before it fails: case 112 took a minute so.  Each
labelled development case with tables is checked both ways, side by side; the cases whose ratio is worst are measured
again, the best of BENCH_REPEATS (3) runs each, as timeit does — times on a shared machine are noisy, and only ratios
measured in one run are compared.  A ratio far over the others' is a pattern to look at.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "report"))

from engine.report.checkfile import check_file  # noqa: E402
from labelled import WITH_TABLES  # noqa: E402
from test_cases_spaces import set_in_spaces  # noqa: E402
from bench_reports import numbers_in  # noqa: E402

REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
WORST = 10


def seconds(path: Path, repeats: int = 1) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        check_file(path)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--numbers", help="cases by number: 100-199,203")
    args = parser.parse_args()
    wanted = numbers_in(args.numbers) if args.numbers else None
    cases = [c for c in WITH_TABLES if wanted is None or int(c.name.split("-", 1)[0]) in wanted]
    with tempfile.TemporaryDirectory() as folder:
        pairs = []
        for case in cases:
            spaced = Path(folder) / case.name
            spaced.write_text(set_in_spaces(case.read_text(encoding="utf-8"), "center", "center"), encoding="utf-8")
            pairs.append((case, spaced, seconds(case), seconds(spaced)))
        worst = sorted(pairs, key=lambda p: p[3] / p[2], reverse=True)[:WORST]
        print(f"{len(pairs)} cases, each as | rows and set in spaces (words and figures centred)")
        print(f"total: {sum(p[2] for p in pairs):.1f} s as | rows, {sum(p[3] for p in pairs):.1f} s in spaces, "
              f"ratio {sum(p[3] for p in pairs) / sum(p[2] for p in pairs):.2f}; "
              f"median ratio {statistics.median(p[3] / p[2] for p in pairs):.2f}")
        print(f"the {len(worst)} worst, measured again (best of {REPEATS}):")
        for case, spaced, _, _ in worst:
            piped, in_spaces = seconds(case, REPEATS), seconds(spaced, REPEATS)
            print(f"  {case.name.split('-')[0]:>5}  {piped:6.2f} s  {in_spaces:6.2f} s  ratio {in_spaces / piped:5.2f}")


if __name__ == "__main__":
    main()
