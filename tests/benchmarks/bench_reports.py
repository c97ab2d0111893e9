"""How well check-report reads the labelled report cases (tests/report/cases: written in our
own words after real reports, tests/report/corpus.md).

    make bench-reports                  # dev cases, then the held-out ones
    python tests/benchmarks/bench_reports.py heldout -v
    python tests/benchmarks/bench_reports.py heldout --numbers=302-325   # one round's cases only
    python tests/benchmarks/bench_reports.py dev --numbers=21,24,80-86   # a list of cases and spans

Per layout and in total: planted errors found / planted, false errors (an error-severity
finding no planted error explains) and false warnings, headline figures read right / stated,
indicators read whole / stated, and the reports from which nothing checkable was read.
The held-out cases are measured, never developed against: look at their numbers, not their
text.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engine.report.checkfile import check_file  # noqa: E402
from engine.report.totals import GRADE_WORDS  # noqa: E402

CASES = ROOT / "tests" / "report" / "cases"
HEADLINE = ("dept_name", "fiscal_year", "budget_initial", "budget_total", "spend_total", "exec_rate", "total", "grade")
INDICATOR_FIELDS = {"target": "target", "actual": "actual", "weight": "weight", "score": "self_score"}
_NUMBER = re.compile(r"-?\d+(?:,\d{3})*(?:\.\d+)?")


def key(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", unicodedata.normalize("NFKC", str(text)))


def first_number(text: object) -> float | None:
    if isinstance(text, (int, float)):
        return float(text)
    found = _NUMBER.search(unicodedata.normalize("NFKC", str(text or "")))
    return float(found[0].replace(",", "")) if found else None


def close(a: float | None, b: float | None, tolerance: float) -> bool:
    return a is not None and b is not None and abs(a - b) <= tolerance


def headline_read(result, figures: dict) -> dict[str, bool]:
    """Each stated headline figure: read right or not."""
    facts = result.facts
    amounts, rates = facts.keyed_amounts(), facts.keyed_rates()
    got = {
        "dept_name": facts.dept_name, "fiscal_year": facts.fiscal_year,
        **{k: facts.amount(amounts[k]) if k in amounts else None for k in ("budget_initial", "budget_total", "spend_total")},
        "exec_rate": rates["exec_rate"].value / 100 if "exec_rate" in rates else None,
        "total": facts.total.value if facts.total else None, "grade": facts.grade[0] if facts.grade else None,
    }
    out = {}
    for name in HEADLINE:
        want = figures.get(name)
        if want is None:
            continue
        have = got[name]
        if name == "dept_name":
            out[name] = bool(have) and (key(want) in key(have) or key(have) in key(want))
        elif name == "grade":
            out[name] = have == GRADE_WORDS.get(str(want), want)
        elif name == "exec_rate":
            out[name] = close(have, float(want), 0.00005)
        else:
            out[name] = close(have, float(want), 0.005)
    return out


# (the form's 年度资金总额 row is its 预算执行率 item: its 分值, 得分 and the year's 执行率 — read as that item)
_EXECUTION_NAMES = ("执行率", "预算执行率", "预算执行", "资金执行率", "年度资金总额", "资金总额")


def indicators_read(result, indicators: list[dict]) -> list[bool]:
    """Each stated indicator: read whole (its name, and every number it states) or not."""
    # an indicator by the name it was read by or the one its 评分表 row gives it (labels use either)
    read = [(key(n), i) for i in result.facts.indicators for n in (i.name, i.scored_as) if n]
    items = [(key(i.name), i) for i in result.facts.items if i.name]
    out = []
    for want in indicators:
        name = key(want.get("name") or "")
        numbers = {f: first_number(want.get(f)) for f in INDICATOR_FIELDS if want.get(f) not in (None, "")}
        numbers = {f: v for f, v in numbers.items() if v is not None}
        found = next((i for k, i in read if name and (name in k or len(k) >= 2 and k in name)), None)
        execution = next((i for i in result.facts.items if i.row_id == "budget_execution"), None)
        if name in _EXECUTION_NAMES and execution is not None and found is not None \
                and name not in (key(found.name), key(found.scored_as)):
            found = None        # ("执行率" is the budget's row, not the indicator "政府采购执行率")
        scores_only = not {"target", "actual"} & set(numbers)
        own_item = next((i for k, i in items if k == name), None)     # (a row of that very name first)
        if found is not None:
            got = {f: getattr(found, INDICATOR_FIELDS[f]) for f in numbers}
        elif scores_only and own_item is not None:
            got = {"weight": own_item.weight, "score": own_item.score}
        elif name in _EXECUTION_NAMES and execution is not None:
            # the 预算执行率 row: read as its item (分值, 得分) and the headline 执行率 (its 实际)
            got = {"weight": execution.weight, "score": execution.score,
                   "actual": result.facts.keyed_rates().get("exec_rate")}
        elif scores_only:   # a row of scores only: an item of a 评分表
            item = next((i for k, i in items if name and (name in k or k in name)), None)
            got = {"weight": item.weight, "score": item.score} if item else {}
        else:
            got = {}
        out.append(bool(numbers) and all(got.get(f) is not None and close(got[f].value, v, 1e-6)
                                         for f, v in numbers.items()))
    return out


def _at_the_quote(finding, quote: str, text: str) -> bool:
    """A finding of a planted error is one that points at it: on a line of the label's quote (any place
    the quote stands, or three lines either side: a total's sentence, a table's row) or saying one of
    its figures (a table's row and a sentence may state the same slip)."""
    line = re.fullmatch(r"第(\d+)行", finding.where or "")
    for at in (m.start() for m in re.finditer(re.escape(quote), text)) if line else ():
        first = text.count("\n", 0, at) + 1
        if first - 3 <= int(line.group(1)) <= first + quote.count("\n") + 3:
            return True
    figures = {f for f in re.findall(r"\d[\d,]*(?:\.\d+)?", unicodedata.normalize("NFKC", quote))
               if len(f.replace(",", "").replace(".", "")) >= 2 and not re.fullmatch(r"(?:19|20)\d\d", f)}
    message = unicodedata.normalize("NFKC", finding.message)
    return any(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d])", message) for f in figures)


def measure(case: Path, verbose: bool) -> dict:
    label = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
    try:
        result = check_file(case)
    except Exception as exc:   # a reader's failure is a measurement, not a crash of the bench
        result = None
        why = f"{type(exc).__name__}: {exc}"
    planted = [e["code"] for e in label["errors"]]
    if result is None:
        out = {"planted": len(planted), "found": 0, "false_errors": 0, "false_warnings": 0,
               "figures": 0, "figures_right": 0, "indicators": len(label["indicators"]), "indicators_whole": 0,
               "nothing_read": 1, "layouts": label["layout"], "false_codes": [], "missed_codes": planted}
        if verbose:
            print(f"  {case.name}: unreadable ({why})")
        return out
    text = case.read_text(encoding="utf-8")
    left = list(label["errors"])
    found = false_errors = false_warnings = 0
    false_codes: list[str] = []
    # (errors first: a planted error is credited to the error at it before a warning a line or two away)
    for f in sorted(result.findings, key=lambda f: f.severity != "error"):
        said = next((e for e in left if e["code"] == f.code and _at_the_quote(f, e["quote"], text)), None)
        if said is not None:
            left.remove(said)
            found += 1
        elif f.severity == "error":
            false_errors += 1
            false_codes.append(f.code)
        else:
            false_warnings += 1
    figures = headline_read(result, label["figures"])
    whole = indicators_read(result, label["indicators"])
    if verbose:
        missed = [k for k, ok in figures.items() if not ok]
        print(f"  {case.name}: errors {found}/{len(planted)} (missed {[e['code'] for e in left]}), false {false_errors}"
              f"+{false_warnings}w {[f.code for f in result.findings]}, figures {sum(figures.values())}/{len(figures)}"
              f" (not {missed}), indicators {sum(whole)}/{len(whole)}, read {len(result.coverage.read)}")
    return {"planted": len(planted), "found": found, "false_errors": false_errors, "false_warnings": false_warnings,
            "figures": len(figures), "figures_right": sum(figures.values()), "indicators": len(whole),
            "indicators_whole": sum(whole), "nothing_read": int(not result.checkable), "layouts": label["layout"],
            "false_codes": false_codes, "missed_codes": [e["code"] for e in left]}


def report(name: str, cases: list[Path], verbose: bool) -> dict:
    print(f"\n{name}: {len(cases)} cases")
    rows: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    false_codes: Counter = Counter()
    missed_codes: Counter = Counter()
    for case in cases:
        m = measure(case, verbose)
        false_codes.update(m.pop("false_codes"))
        missed_codes.update(m.pop("missed_codes"))
        for layout in [*m.pop("layouts"), "total"]:
            rows[layout]["cases"] += 1
            for k, v in m.items():
                rows[layout][k] += v
    print(f"{'layout':<16}{'cases':>6}{'errors found':>14}{'false err':>10}{'false warn':>11}{'figures':>12}"
          f"{'indicators':>13}{'nothing read':>13}")
    for layout in sorted(rows, key=lambda k: (k == "total", k)):
        r = rows[layout]
        print(f"{layout:<16}{r['cases']:>6}{r['found']:>8}/{r['planted']:<5}{r['false_errors']:>10}{r['false_warnings']:>11}"
              f"{r['figures_right']:>7}/{r['figures']:<4}{r['indicators_whole']:>8}/{r['indicators']:<4}{r['nothing_read']:>13}")
    # by check, no case named: which checks raise the false errors and which planted errors are missed
    print(f"false errors by check: {dict(false_codes) or '-'}; planted errors missed by check: {dict(missed_codes) or '-'}")
    return rows["total"]


def numbers_in(span: str) -> set[int]:
    """'302-325' or '21,24,80-86': the case numbers a run is limited to."""
    wanted: set[int] = set()
    for part in span.split(","):
        low, _, high = part.partition("-")
        wanted.update(range(int(low), int(high or low) + 1))
    return wanted


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    sets = [a for a in argv if not a.startswith("-")] or ["dev", "heldout"]
    span = next((a.split("=", 1)[1] for a in argv if a.startswith("--numbers=")), None)
    wanted = numbers_in(span) if span else None
    for name in sets:
        cases = [c for c in sorted((CASES / name).glob("*.txt"))
                 if wanted is None or int(c.name.split("-", 1)[0]) in wanted]
        unlabelled = [c for c in cases if not c.with_suffix(".json").exists()]
        if unlabelled:      # a case being written: measured once its label is there
            print(f"\n{name}: {len(unlabelled)} case(s) with no label yet, not measured")
        report(name, [c for c in cases if c not in unlabelled], verbose)
    print("\ntargets (held-out): errors found ≥ 85%, false errors 0, figures ≥ 90%, indicators whole ≥ 80%, "
          "no all-clear on a report with nothing read")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
