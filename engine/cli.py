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
    from rich.markup import escape

    from workbook import SAMPLES_DIR

    from .display import show
    from .evaluation import evaluate
    console = _console()
    samples = sorted(SAMPLES_DIR.glob("*.json"))
    summary = []
    for path in samples:
        evaluation = evaluate(read_json(path), source=path.name)
        show(evaluation, console, _rate_labels(evaluation.rule_set))
        summary.append((path.name, evaluation))
    console.rule("汇总")
    for name, ev in summary:
        total = "—" if ev.total is None else f"{ev.total:.2f}"
        console.print(escape(f"{name}: {ev.dept_name}  总分 {total}  等级 {ev.grade or '—'}  "
                      f"错误 {len(ev.errors)}  提示 {len(ev.warnings)}"))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="perfscore", description="部门整体支出绩效自评评分 / performance self-evaluation scoring")
    sub = parser.add_subparsers(dest="command", required=True)
    score = sub.add_parser("score", help="按评分框架为一份 JSON 数据评分 / score a submission given as JSON")
    score.add_argument("data", help="提交数据（JSON，见 SPEC 7.3）")
    score.add_argument("--json", action="store_true", help="输出 JSON（SPEC 7.4）")
    score.set_defaults(run=cmd_score)
    demo = sub.add_parser("demo", help="为自带的样例数据评分 / score the bundled samples")
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
