"""What was read from a report and what was not (SPEC 8, check-report's `read` and `unread`).

A checker that says nothing about a report it could not read gives an all-clear on nothing:
the worst answer a finance bureau can get.  So every check-report says which of the figures
a 自评报告 states — the department, the year, the budget figures, the spending, each
indicator's target, actual, weight and score, the item scores, the total and the grade — it
found, and which it did not; and a report from which no budget, spending, indicator or total
was read is not checked at all (exit 2, 未能从报告中读出可复核的数字).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .facts import Facts
from .plain import kind_stated

NOTHING_READ = "未能从报告中读出可复核的数字"
# the headline figures every report states, in the order a reader finds them
HEADLINE = (("dept_name", "单位名称"), ("fiscal_year", "年度"), ("budget_initial", "年初预算数"),
            ("budget_adjust", "预算调整数"), ("budget_total", "全年预算数"), ("spend_total", "全年执行数"))
INDICATOR_FIELDS = (("target", "目标值"), ("actual", "实际完成值"), ("weight", "分值"), ("self_score", "得分"))


@dataclass
class Coverage:
    read: list[str] = field(default_factory=list)      # keys, as the JSON claims name them
    unread: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)   # key → what a reader calls it
    checkable: bool = False     # a budget, a spending, an indicator's figure or a total was read

    def unread_line(self) -> str:
        """"未能读出：指标2「…」的实际完成值、总分" (empty when everything was read)."""
        return "未能读出：" + "、".join(self.labels[k] for k in self.unread) if self.unread else ""

    def to_dict(self) -> dict:
        return {"read": self.read, "unread": self.unread}


def coverage(facts: Facts, item_count: int = 0) -> Coverage:
    """`item_count`: how many item scores the rule set the report follows has (0: unknown)."""
    found = Coverage()

    def note(key: str, label: str, present: bool) -> None:
        found.labels[key] = label
        (found.read if present else found.unread).append(key)

    amounts = facts.keyed_amounts()
    headline = {"dept_name": facts.dept_name is not None, "fiscal_year": facts.fiscal_year is not None,
                **{key: key in amounts for key, _ in HEADLINE[2:]}}
    for key, label in HEADLINE:
        note(key, label, headline[key])
    indicator_read = False
    for ind in facts.indicators:
        name = f"指标{ind.row}" + (f"「{ind.name}」" if ind.name else "")
        for key, label in INDICATOR_FIELDS:
            present = getattr(ind, key) is not None or (key == "target" and bool(ind.tier))
            indicator_read |= present
            note(f"indicators[{ind.row}].{key}", f"{name}的{label}", present)
    items = [i for i in facts.items if i.score is not None]
    note("self_scores.items", "各项得分", bool(items) and (not item_count or len(items) >= item_count))
    note("self_scores.total", "总分", facts.total is not None)
    note("self_grade", "等级", facts.grade is not None)
    budget_or_spending = any(headline[k] for k in ("budget_initial", "budget_adjust", "budget_total", "spend_total"))
    found.checkable = budget_or_spending or indicator_read or facts.total is not None or bool(facts.sums)
    return found


def report_kind(facts: Facts, rule_set_id: str | None) -> str:
    """部门整体 or 项目支出: the title or form says so; else the framework the figures follow
    (mof2020 is the project form's 预算执行率 10 + 产出 50 / 效益 30 / 满意度 10)."""
    return kind_stated(facts.text) or ("项目支出" if rule_set_id == "mof2020" else "部门整体")
