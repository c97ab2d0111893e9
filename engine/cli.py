"""perfscore command line.  Exit codes: 0 no error findings, 1 error findings,
2 the input could not be evaluated."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .bureau.batch import DEFAULT_TIMEOUT
from .files.jsondata import InputFileError, read_json

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


def exit_code(evaluation) -> int:
    if not evaluation.evaluated:
        return EXIT_UNUSABLE
    return EXIT_FINDINGS if evaluation.errors else EXIT_OK


def _console(stderr: bool = False):
    import shutil

    from rich.console import Console
    stream = sys.stderr if stderr else sys.stdout
    # a pipe or CI log is not 80 columns wide: keep finding messages on one line
    width = None if stream.isatty() else max(shutil.get_terminal_size((140, 40)).columns, 140)
    return Console(width=width, soft_wrap=False, stderr=stderr)


def _rate_labels(rule_set_id: str | None) -> dict[str, str]:
    from .core import rulesets
    try:
        return {k: r.label for k, r in rulesets.load(rule_set_id).rates.items()} if rule_set_id else {}
    except rulesets.RuleSetError:
        return {}


def cmd_score(args) -> int:
    from .book.scoredata import evaluate
    try:
        data = read_json(args.data)
    except InputFileError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    return print_evaluation(evaluate(data, source=str(args.data)), args.json)


def print_evaluation(evaluation, as_json: bool) -> int:
    """Print an Evaluation as SPEC 7.4 JSON or as tables; the exit code of SPEC 7.2."""
    from .display import show
    if as_json:
        json.dump(evaluation.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        show(evaluation, _console(), _rate_labels(evaluation.rule_set))
    return exit_code(evaluation)


def cmd_demo(args) -> int:
    """The bureau's job on the bundled samples: build their workbooks, batch, summary, findings."""
    from workbook import SAMPLES_DIR

    from .bureau.samples import build_reports, build_samples
    out = Path(args.out)
    files = build_samples(SAMPLES_DIR, out / "submissions")
    files += build_reports(SAMPLES_DIR, out / "submissions")
    code = run_batch(files, out / "summary.xlsx", jobs=args.jobs, timeout=DEFAULT_TIMEOUT, show_findings=True,
                     roots=[out / "submissions"])
    print(f"提交的工作簿和报告在 {out / 'submissions'}/，汇总表 {out / 'summary.xlsx'}")
    return EXIT_OK if code in (EXIT_OK, EXIT_FINDINGS) else code


def run_batch(files, output, jobs: int, timeout: float, show_findings: bool = False, json_lines: bool = False,
              roots=()) -> int:
    """Evaluate `files`, streaming each result into the summary; print what needs a look
    (or, with `json_lines`, one JSON line per file on stdout and the rest on stderr)."""
    from .bureau import batch
    results = batch.run(files, jobs=jobs, timeout=timeout)   # the workers start now, while we set up
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .bureau.summary import PASSED, UNSCORABLE, WITH_ERRORS, SummaryWriter, status_of
    from .display import BatchTables
    console = _console(stderr=json_lines)
    writer = SummaryWriter(output, roots)
    tables = BatchTables(len(files), show_findings)
    counts = {PASSED: 0, WITH_ERRORS: 0, UNSCORABLE: 0}
    with Progress(TextColumn("[bold]评分中"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=console, transient=not console.is_terminal) as bar:
        task = bar.add_task("", total=len(files))
        for r in results:
            writer.add(r)
            bar.update(task, advance=1, description=escape(Path(r.file).name))
            status = status_of(r)
            counts[status] += 1
            tables.add(r, status)
            if json_lines:
                line = {"file": r.file, "kind": r.kind, "status": r.status, "reason": r.reason,
                        "paired_with": r.paired_with, **(r.evaluation or {})}
                sys.stdout.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
    writer.close()
    tables.print(console, counts[WITH_ERRORS] + counts[UNSCORABLE])
    console.print(f"通过 {counts[PASSED]}，有错误 {counts[WITH_ERRORS]}，无法评分 {counts[UNSCORABLE]}；"
                  f"汇总表 / summary: {output}", markup=False)
    return EXIT_OK if counts[WITH_ERRORS] == counts[UNSCORABLE] == 0 else EXIT_FINDINGS


def cmd_batch(args) -> int:
    from .bureau import batch
    files = batch.collect(args.paths)
    if not files:
        print("没有找到要评分的文件 / no files found", file=sys.stderr)
        return EXIT_UNUSABLE
    if any(_same_file(f, args.output) for f in files):
        print("汇总表不能覆盖输入文件 / the summary must not overwrite an input", file=sys.stderr)
        return EXIT_UNUSABLE
    return run_batch(files, args.output, jobs=args.jobs, timeout=args.timeout, json_lines=args.json, roots=args.paths)


def cmd_template(args) -> int:
    from .core import rulesets
    if args.list:
        for name in rulesets.available():
            rs = rulesets.load(name)
            print(f"{rs.id}\t{rs.version}\t{rs.title}")
        return EXIT_OK
    if not args.rule_set or not args.output:
        print("用法 / usage: perfscore template RULE_SET -o OUT.xlsx（或 --list）", file=sys.stderr)
        return EXIT_UNUSABLE
    from .book.template import build_template_file
    if args.formulas == "native" and str(args.output).lower().endswith(".xlsm"):
        print("原生公式模板无需宏，请输出 .xlsx / a native template is an .xlsx", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        build_template_file(args.rule_set, args.output, args.formulas)
    except rulesets.RuleSetError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"已生成模板 / template written: {args.output}")
    return EXIT_OK


def _same_file(a: str | Path, b: str | Path) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def cmd_fill(args) -> int:
    from .book.fill import FillError, fill
    if _same_file(args.template, args.output):
        print("输出文件不能覆盖模板 / the output must be a new file", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        fill(args.template, read_json(args.data), args.output)
    except (InputFileError, FillError) as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    except (OSError, KeyError, ValueError) as exc:
        print(f"无法读取模板 / cannot read template {args.template}: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"已填写 / filled: {args.output}")
    return EXIT_OK


def cmd_recalc(args) -> int:
    from .book.recalc import RecalcError, recalc
    if args.write_back and _same_file(args.file, args.write_back):
        print("--write-back 须写入新文件 / --write-back must name a new file", file=sys.stderr)
        return EXIT_UNUSABLE
    if not Path(args.file).is_file():
        print(f"找不到文件 / file not found: {args.file}", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        evaluation = recalc(args.file, args.write_back, fast=args.engine == "perfscore")
    except RecalcError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    code = print_evaluation(evaluation, args.json)
    if args.write_back and not args.json:
        print(f"已写回计算值 / values written back: {args.write_back}")
    return code


def _submission(path: str):
    """(data, evaluation) of a workbook or a JSON data file, or a message why not."""
    from .report.source import WorkbookUnreadable, workbook_data
    if not Path(path).is_file():
        return None, f"找不到文件 / file not found: {path}"
    try:
        return workbook_data(path), None
    except WorkbookUnreadable as exc:
        return None, str(exc)


def cmd_report(args) -> int:
    from .report.write import write_report
    if _same_file(args.source, args.output):
        print("报告须写入新文件 / the report must be a new file", file=sys.stderr)
        return EXIT_UNUSABLE
    found, why = _submission(args.source)
    if found is None:
        print(why, file=sys.stderr)
        return EXIT_UNUSABLE
    data, evaluation = found
    if not evaluation.evaluated:
        print("；".join(f.message for f in evaluation.findings), file=sys.stderr)
        return EXIT_UNUSABLE
    write_report(data, evaluation, args.output)
    print(f"自评报告草稿 / draft report: {args.output}（综合得分 {evaluation.total}，{evaluation.grade}）")
    return EXIT_OK


def cmd_check_report(args) -> int:
    from .report.checkfile import check_file
    from .report.text import UnreadableReport
    if not Path(args.report).is_file():
        print(f"找不到文件 / file not found: {args.report}", file=sys.stderr)
        return EXIT_UNUSABLE
    rule_set = None
    if args.rule_set:
        from .core import rulesets
        try:
            rule_set = rulesets.use(args.rule_set) if args.rule_set.endswith(".toml") else rulesets.load(args.rule_set)
        except rulesets.RuleSetError as exc:
            print(exc, file=sys.stderr)
            return EXIT_UNUSABLE
    workbook = None
    if args.workbook:
        workbook, why = _submission(args.workbook)
        if workbook is None:
            print(why, file=sys.stderr)
            return EXIT_UNUSABLE
    try:
        result = check_file(args.report, rule_set, workbook)
    except UnreadableReport as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    except Exception as exc:  # a reader's bug on a hostile file: say so, never a traceback
        print(f"无法读取报告 / cannot read the report: {Path(args.report).name}: {type(exc).__name__}", file=sys.stderr)
        return EXIT_UNUSABLE
    facts = result.facts
    if args.extract:
        from .files.atomic import atomic_output
        from .report.extract import data_of
        with atomic_output(args.extract) as tmp:
            tmp.write_text(json.dumps(data_of(facts, result.rules), ensure_ascii=False, indent=2), encoding="utf-8")
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from .display import show_report_check
        show_report_check(result, _console())
    if not result.checkable:   # never an all-clear on a document nothing was read from
        if args.json:
            from .report.coverage import NOTHING_READ
            print(f"{NOTHING_READ} / nothing checkable was read: {args.report}", file=sys.stderr)
        return EXIT_UNUSABLE
    return EXIT_FINDINGS if result.errors else EXIT_OK


def _own_rule_set_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rule-set", dest="own_rule_sets", action="append", default=[], metavar="FILE.toml",
                        help="财政局自己的评分框架文件（可多次给出）：按其 id 识别由它生成的工作簿和数据")


def _use_own_rule_sets(args) -> str | None:
    """Make the bureau's own rule-set files known by id (rulesets.use); a message if one is bad."""
    from .core import rulesets
    for path in getattr(args, "own_rule_sets", None) or ():
        try:
            rulesets.use(path)
        except rulesets.RuleSetError as exc:
            return str(exc)
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="perfscore", description="部门整体支出绩效自评评分 / performance self-evaluation scoring")
    sub = parser.add_subparsers(dest="command", required=True)
    score = sub.add_parser("score", help="按评分框架为一份 JSON 数据评分 / score a submission given as JSON")
    score.add_argument("data", help="提交数据（JSON，见 SPEC 7.3）")
    score.add_argument("--json", action="store_true", help="输出 JSON（SPEC 7.4）")
    _own_rule_set_option(score)
    score.set_defaults(run=cmd_score)
    template = sub.add_parser("template", help="由评分框架生成模板 / build a template workbook")
    template.add_argument("rule_set", nargs="?", help="评分框架 id（见 --list）或 .toml 文件")
    template.add_argument("-o", "--output", help="输出文件 .xlsx（.xlsm：含 xlwings 的工作簿）")
    template.add_argument("--list", action="store_true", help="列出可用的评分框架")
    template.add_argument("--formulas", choices=("udf", "native"), default="udf",
                          help="udf：经 xlwings 调用 Python 函数（默认）；native：只用普通公式，WPS、LibreOffice 与任何 Excel 即时计算")
    template.set_defaults(run=cmd_template)
    fill = sub.add_parser("fill", help="把 JSON 数据填入模板 / write data into a template")
    fill.add_argument("template")
    fill.add_argument("data")
    fill.add_argument("-o", "--output", required=True)
    fill.set_defaults(run=cmd_fill)
    recalc = sub.add_parser("recalc", help="按工作簿自身公式重新计算 / re-evaluate a workbook headlessly")
    recalc.add_argument("file")
    recalc.add_argument("--json", action="store_true", help="输出 JSON（SPEC 7.4）")
    recalc.add_argument("--write-back", metavar="OUT.xlsx", help="另存一份带计算值的工作簿")
    recalc.add_argument("--engine", choices=("perfscore", "formulas"), default="perfscore",
                        help="perfscore（默认）：按模板公式在本程序内计算；formulas：用 formulas 库运行工作簿自身的公式（独立引擎，较慢）")
    _own_rule_set_option(recalc)
    recalc.set_defaults(run=cmd_recalc)
    batch = sub.add_parser("batch", help="批量评分并生成汇总表 / evaluate many files, write a summary workbook")
    batch.add_argument("paths", nargs="+", help="文件夹，或工作簿（.xlsx/.xlsm）、数据（.json）、报告（.docx/.pdf/.txt）")
    batch.add_argument("-o", "--output", required=True, help="汇总表 SUMMARY.xlsx")
    batch.add_argument("--jobs", type=int, default=None, help="并行进程数（默认：CPU 核数，最多 4）")
    batch.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="单个文件的时间上限（秒）")
    batch.add_argument("--json", action="store_true", help="每个文件一行 JSON（SPEC 7.4 或 check-report 的 JSON）输出到标准输出")
    _own_rule_set_option(batch)
    batch.set_defaults(run=cmd_batch)
    report = sub.add_parser("report", help="由工作簿或 JSON 数据生成自评报告草稿 / draft the 自评报告 (.docx)")
    report.add_argument("source", help="工作簿（.xlsx/.xlsm）或提交数据（.json）")
    report.add_argument("-o", "--output", required=True, help="报告 REPORT.docx")
    _own_rule_set_option(report)
    report.set_defaults(run=cmd_report)
    checking = sub.add_parser("check-report", help="检查自评报告中的数字是否相符 / check a report's arithmetic")
    checking.add_argument("report", help="自评报告（.txt、.docx 或 .pdf）")
    checking.add_argument("--workbook", help="同一部门的工作簿（或 JSON 数据），逐项比对")
    checking.add_argument("--rule-set", help="评分框架 id 或 .toml 文件（默认：由报告推断）")
    checking.add_argument("--json", action="store_true", help="输出 JSON")
    checking.add_argument("--extract", metavar="DATA.json", help="把报告中能读出的数据写成 SPEC 7.3 JSON")
    checking.set_defaults(run=cmd_check_report)
    demo = sub.add_parser("demo", help="样例：批量评分自带的样例工作簿 / the batch over the bundled samples")
    demo.add_argument("--out", default="out/demo", help="生成文件的目录（默认 out/demo）")
    demo.add_argument("--jobs", type=int, default=None)
    demo.set_defaults(run=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    problem = _use_own_rule_sets(args)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_UNUSABLE
    if getattr(args, "jobs", 0) is None:
        from .bureau.batch import default_jobs
        args.jobs = default_jobs()
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `perfscore … | head`: the reader left, nothing is wrong
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
