"""perfscore command line.  Exit codes: 0 no error findings, 1 error findings,
2 the input could not be evaluated."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
MAX_JSON_BYTES = 20 * 1024 * 1024


class InputFileError(Exception):
    """A file we cannot read as a submission; the message says why, in Chinese and English."""


def read_json(path: str | Path) -> dict:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise InputFileError(f"找不到文件 / file not found: {path}") from None
    if size > MAX_JSON_BYTES:
        raise InputFileError(f"文件过大 / file too large: {path} ({size:,} bytes > {MAX_JSON_BYTES:,})")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"文件不是 UTF-8 文本 / not UTF-8 text: {path} (byte {exc.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(f"JSON 格式错误 / invalid JSON: {path} 第{exc.lineno}行第{exc.colno}列: {exc.msg}") from None
    if not isinstance(data, dict):
        raise InputFileError(f"JSON 顶层应为对象 / top level must be an object: {path}")
    return data


def exit_code(evaluation) -> int:
    if not evaluation.evaluated:
        return EXIT_UNUSABLE
    return EXIT_FINDINGS if evaluation.errors else EXIT_OK


def _console():
    import shutil

    from rich.console import Console
    # a pipe or CI log is not 80 columns wide: keep finding messages on one line
    width = None if sys.stdout.isatty() else max(shutil.get_terminal_size((140, 40)).columns, 140)
    return Console(width=width, soft_wrap=False)


def _rate_labels(rule_set_id: str | None) -> dict[str, str]:
    from . import rulesets
    try:
        return {k: r.label for k, r in rulesets.load(rule_set_id).rates.items()} if rule_set_id else {}
    except rulesets.RuleSetError:
        return {}


def cmd_score(args) -> int:
    from .display import show
    from .evaluation import evaluate
    try:
        data = read_json(args.data)
    except InputFileError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    evaluation = evaluate(data, source=str(args.data))
    if args.json:
        json.dump(evaluation.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        show(evaluation, _console(), _rate_labels(evaluation.rule_set))
    return exit_code(evaluation)


def cmd_demo(args) -> int:
    """The workbook flow on every bundled sample: template → fill → recalc → tables."""
    from rich.markup import escape

    from workbook import SAMPLES_DIR

    from .display import show
    from .headless import recalc
    from .workbook import fill
    console = _console()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    summary = []
    for path in sorted(SAMPLES_DIR.glob("*.json")):
        data = read_json(path)
        template = out / f"template-{data['rule_set']}.xlsx"
        if not template.exists():
            build_template_file(data["rule_set"], template)
        filled = out / f"{path.stem}.xlsx"
        fill(template, data, filled)
        evaluation = recalc(filled, out / f"{path.stem}-computed.xlsx")
        show(evaluation, console, _rate_labels(evaluation.rule_set))
        summary.append((filled.name, evaluation))
    console.rule("汇总")
    for name, ev in summary:
        total = "—" if ev.total is None else f"{ev.total:.2f}"
        console.print(escape(f"{name}: {ev.dept_name}  总分 {total}  等级 {ev.grade or '—'}  "
                             f"错误 {len(ev.errors)}  提示 {len(ev.warnings)}"))
    console.print(escape(f"模板、填好的工作簿和带计算值的副本在 {out}/"))
    return EXIT_OK


def cmd_template(args) -> int:
    from . import rulesets
    if args.list:
        for name in rulesets.available():
            rs = rulesets.load(name)
            print(f"{rs.id}\t{rs.version}\t{rs.title}")
        return EXIT_OK
    if not args.rule_set or not args.output:
        print("用法 / usage: perfscore template RULE_SET -o OUT.xlsx（或 --list）", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        build_template_file(args.rule_set, args.output)
    except rulesets.RuleSetError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"已生成模板 / template written: {args.output}")
    return EXIT_OK


def build_template_file(rule_set: str, output: str | Path) -> None:
    """A template .xlsx, or with an .xlsm name the xlwings workbook (VBA kept)."""
    from . import rulesets
    from .template import build_template
    from .workbook import save_atomic
    base = None
    if str(output).lower().endswith(".xlsm"):
        from workbook import xlwings_base
        base = xlwings_base()
    save_atomic(build_template(rulesets.load(rule_set), base), output)


def _same_file(a: str | Path, b: str | Path) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def cmd_fill(args) -> int:
    from .workbook import FillError, fill
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
    from .display import show
    from .headless import RecalcError, recalc
    if args.write_back and _same_file(args.file, args.write_back):
        print("--write-back 须写入新文件 / --write-back must name a new file", file=sys.stderr)
        return EXIT_UNUSABLE
    if not Path(args.file).is_file():
        print(f"找不到文件 / file not found: {args.file}", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        evaluation = recalc(args.file, args.write_back)
    except RecalcError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    if args.json:
        json.dump(evaluation.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        show(evaluation, _console(), _rate_labels(evaluation.rule_set))
        if args.write_back:
            print(f"已写回计算值 / values written back: {args.write_back}")
    return exit_code(evaluation)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="perfscore", description="部门整体支出绩效自评评分 / performance self-evaluation scoring")
    sub = parser.add_subparsers(dest="command", required=True)
    score = sub.add_parser("score", help="按评分框架为一份 JSON 数据评分 / score a submission given as JSON")
    score.add_argument("data", help="提交数据（JSON，见 SPEC 7.3）")
    score.add_argument("--json", action="store_true", help="输出 JSON（SPEC 7.4）")
    score.set_defaults(run=cmd_score)
    template = sub.add_parser("template", help="由评分框架生成模板 / build a template workbook")
    template.add_argument("rule_set", nargs="?", help="评分框架 id（见 --list）或 .toml 文件")
    template.add_argument("-o", "--output", help="输出文件 .xlsx（.xlsm：含 xlwings 的工作簿）")
    template.add_argument("--list", action="store_true", help="列出可用的评分框架")
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
    recalc.set_defaults(run=cmd_recalc)
    demo = sub.add_parser("demo", help="样例：生成模板、填写、重算 / the workbook flow on the bundled samples")
    demo.add_argument("--out", default="out/demo", help="生成文件的目录（默认 out/demo）")
    demo.set_defaults(run=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
