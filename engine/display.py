"""Rich tables of an Evaluation for the terminal."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .core.evaluation import Evaluation
from .core.findings import SCORE_TOLERANCE
from .report.dates import is_date


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2%}"


def _diff(claimed: float | None, computed: float | None) -> str:
    if claimed is None or computed is None:
        return ""
    delta = claimed - computed
    return "" if abs(delta) < SCORE_TOLERANCE else f"[red]{delta:+.2f}[/red]"


def show(evaluation: Evaluation, console: Console, rate_labels: dict[str, str] | None = None) -> None:
    title = f"{evaluation.dept_name or '（未填部门名称）'}  {evaluation.fiscal_year or ''}  [{evaluation.rule_set or '?'}]"
    if evaluation.source:
        title += f"  {evaluation.source}"
    title = escape(title)
    console.rule(title)
    if evaluation.items:
        items = Table(title="评分项", show_lines=False)
        for header, justify in (("评分项", "left"), ("分值", "right"), ("计算得分", "right"),
                                ("自评得分", "right"), ("差异", "right")):
            items.add_column(header, justify=justify)
        for item in evaluation.items:
            items.add_row(escape(item["name"]), _num(item["weight"]), _num(item["score"]),
                          _num(item["self_score"]), _diff(item["self_score"], item["score"]))
        items.add_row("[b]合计[/b]", "", f"[b]{_num(evaluation.total)}[/b]", _num(evaluation.self_total),
                      _diff(evaluation.self_total, evaluation.total))
        console.print(items)
    if evaluation.indicators:
        table = Table(title="绩效指标")
        for header in ("行", "指标", "完成率", "得分", "自评得分"):
            table.add_column(header, justify="left" if header == "指标" else "right")
        for ind in evaluation.indicators:
            table.add_row(str(ind["row"]), escape(ind["name"]), _pct(ind["completion"]), _num(ind["score"]),
                          _num(ind["self_score"]))
        console.print(table)
    if evaluation.rates:
        labels = rate_labels or {}
        console.print(escape("比率：" + "；".join(f"{labels.get(k, k)} {_pct(v)}" for k, v in evaluation.rates.items())))
    console.print(f"总分 [b]{_num(evaluation.total)}[/b]（自评 {_num(evaluation.self_total)}），"
                  f"等级 [b]{evaluation.grade or '—'}[/b]")
    show_findings(evaluation, console)


def show_findings(evaluation: Evaluation, console: Console) -> None:
    findings_table(evaluation.findings, console)


def _level(severity: str) -> str:
    return "[red]错误[/red]" if severity == "error" else "[yellow]提示[/yellow]"


def findings_table(findings, console: Console) -> None:
    if not findings:
        console.print("[green]未发现问题[/green]")
        return
    errors = sum(f.severity == "error" for f in findings)
    table = Table(title=f"问题清单（错误 {errors}，提示 {len(findings) - errors}）")
    for header in ("级别", "代码", "位置", "说明"):
        table.add_column(header, overflow="fold")
    for f in findings:
        table.add_row(_level(f.severity), f.code, escape(f.where), escape(f.message))
    console.print(table)


def show_report_check(result, console: Console) -> None:
    """check-report: what the report states, what it adds up to, what does not add up."""
    facts = result.facts
    console.rule(escape(f"{facts.dept_name or '（未识别部门名称）'}  {facts.fiscal_year or ''}  "
                        f"[{result.rule_set or '未识别评分框架'}]  {result.source}"))
    if facts.indicators:
        table = Table(title="报告中的绩效指标")
        for header in ("序号", "指标", "目标", "实际", "完成率", "权重", "自评得分"):
            table.add_column(header, justify="left" if header == "指标" else "right")
        for ind in facts.indicators:
            cells = [ind.target, ind.actual, ind.completion, ind.weight, ind.self_score]
            table.add_row(str(ind.row), escape(ind.name),
                          *("—" if n is None else escape(n.label) if is_date(n) else f"{n.value:g}{n.unit}" for n in cells))
        console.print(table)
    console.print(f"报告所写综合得分 [b]{_num(result.stated_total)}[/b]，按报告数字重新计算 "
                  f"[b]{_num(result.computed_total)}[/b]；等级 {facts.grade[0] if facts.grade else '—'}")
    if not result.checkable:   # never "未发现问题" on a report nothing was read from
        console.print("[b red]未能从报告中读出可复核的数字[/b red]：预算、支出、绩效指标、总分均未读出，"
                      "没有核对任何数字：这不是“核对无误”。")
        if result.findings:
            findings_table(result.findings, console)
        return
    if result.coverage.unread:
        console.print(escape(f"{result.kind}报告。{result.coverage.unread_line()}（这些数字未经核对）"))
    else:
        console.print(f"{result.kind}报告：各项数字均已读出。")
    findings_table(result.findings, console)


class BatchTables:
    """The batch's tables on the terminal: every file of a short batch, the first 50 that need
    a look of a long one (the summary workbook has every one); with their findings for demo."""
    SHOWN = 50

    def __init__(self, count: int, show_findings: bool):
        self.list_all, self.show_findings, self.listed = count <= self.SHOWN, show_findings, 0
        self.table = Table(title=f"汇总：{count} 个文件")
        for header in ("文件", "材料", "单位名称", "复核总分", "自评总分", "等级", "错误", "提示", "状态"):
            self.table.add_column(header, overflow="fold")
        self.findings = Table(title="问题清单")
        for header in ("文件", "级别", "代码", "位置", "说明"):
            self.findings.add_column(header, overflow="fold")

    def add(self, r, status: str) -> None:
        from .bureau.summary import PASSED, material_of
        ev = r.evaluation or {}
        if not (self.list_all or status != PASSED) or self.listed >= self.SHOWN:
            return
        self.listed += 1
        colour = "green" if status == PASSED else "red"
        shown = f"[{colour}]{status}[/{colour}]" + (f" {escape(r.reason)}" if r.reason else "")
        self.table.add_row(escape(Path(r.file).name), material_of(r), escape(str(ev.get("dept_name") or "")),
                           _num(ev.get("total")), _num(ev.get("self_total")), ev.get("grade") or "—", str(r.errors),
                           str(r.warnings), shown)
        if self.show_findings:
            for f in r.findings:
                self.findings.add_row(escape(Path(r.file).name), _level(f["severity"]), f["code"], escape(f["where"]),
                                      escape(f["message"]))

    def print(self, console: Console, need_a_look: int) -> None:
        if not self.list_all and need_a_look > self.SHOWN:
            self.table.caption = f"另有 {need_a_look - self.SHOWN} 个文件见汇总表 / more in the summary"
        console.print(self.table)
        if self.show_findings:
            console.print(self.findings)
