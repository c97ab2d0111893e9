"""A report's claims as SPEC 7.3 data (`check-report --extract`), so `perfscore score` can
score a report that came without a workbook; the claims list of `--json`; and the rule set a
report follows when none is given."""
from __future__ import annotations

import re

from ..core import rulesets
from ..core.parsing import DIRECTION_SYMBOLS, text_key
from .dates import is_date
from .facts import Facts
from .numbers import Number


def infer_rule_set(facts: Facts) -> rulesets.RuleSet | None:
    """The framework whose rows the report's 自评表 names, else the one its structure shows."""
    named = {text_key(i.name) for i in facts.items}
    best, hits = None, 0
    for key in rulesets.available():
        rs = rulesets.load(key)
        found = sum(text_key(r.level3) in named or text_key(r.level2) in named for r in rs.rows)
        if found > hits and found >= min(3, len(rs.rows)):
            best, hits = key, found
    return rulesets.load(best or _by_structure(facts)) if best or _by_structure(facts) else None


def _by_structure(facts: Facts) -> str | None:
    text = facts.text
    if all(w in text for w in ("产出指标", "效益指标", "满意度指标")):
        return "mof2020"
    weights = [i.weight.value for i in facts.indicators if i.weight is not None and not i.item_too]
    if weights and abs(sum(weights) - 90) < 1e-6:
        return "dept-simple"
    if all(w in text for w in ("决策", "过程", "产出", "效益")) or "共性指标" in text:
        return "dept-common"
    return None


def _number(facts: Facts, n: Number) -> object:
    """The value as the data holds it: 万元 amounts, percentages as text ("96.64%"), counts."""
    if n.unit == "%":
        return f"{n.value:g}%"
    return facts.amount(n)


def assign_items(facts: Facts, rule_set: rulesets.RuleSet | str | None) -> None:
    """Each stated item score tied to its row of the rule set, by the row's name."""
    if not rule_set:
        return
    rule_rows = rulesets.load(rule_set).rows
    rows = {text_key(r.level3): r.id for r in rule_rows}
    rows.update({text_key(r.level2): r.id for r in rule_rows if text_key(r.level2) not in rows})
    for item in facts.items:
        item.row_id = item.row_id or rows.get(text_key(item.name))


def data_of(facts: Facts, rule_set: rulesets.RuleSet | str | None) -> dict:
    """The report's figures as SPEC 7.3 data for `rule_set` (an object, an id or a file)."""
    rule_set = rulesets.load(rule_set) if rule_set else None
    assign_items(facts, rule_set)
    data: dict = {"rule_set": rule_set.id if rule_set else ""}
    if facts.dept_name:
        data["dept_name"] = facts.dept_name
    if facts.fiscal_year:
        data["fiscal_year"] = facts.fiscal_year
    allowed = rule_set.inputs if rule_set else {}
    data["inputs"] = {k: facts.amount(n) for k, n in facts.keyed_amounts().items() if not allowed or k in allowed}
    data["indicators"] = []
    for ind in facts.indicators:
        if ind.item_too:
            continue        # (an item's row, scored as the item: not one of the framework's indicators)
        row: dict = {"name": ind.name or f"指标{ind.row}", "direction": DIRECTION_SYMBOLS.get(ind.direction or "", "＝")}
        if ind.level1:
            row["level1"] = ind.level1
        for key in ("target", "actual", "weight", "self_score"):
            n = getattr(ind, key)
            if n is not None and not is_date(n):      # (a date is said, not scored: left to the reader)
                row[key] = _number(facts, n) if n.unit == "%" else n.value
        if ind.direction == "定性":
            row["target"] = ind.tier
            if ind.coefficient is not None:
                row["coefficient"] = _number(facts, ind.coefficient)
        if ind.target is not None and ind.target.unit not in ("%", "分", "") and not is_date(ind.target):
            row["unit"] = ind.target.unit
        if ind.deviation_reason:
            row["deviation_reason"] = ind.deviation_reason
        data["indicators"].append(row)
    data["self_scores"] = {i.row_id: i.score.value for i in facts.items if i.row_id}
    if facts.total is not None:
        data["self_scores"]["total"] = facts.total.value
    if facts.grade:
        data["self_grade"] = facts.grade[0]
    rates = facts.keyed_rates()
    data["stated_rates"] = {k: _number(facts, n) for k, n in rates.items()}
    return data


def claims_of(facts: Facts) -> list[dict]:
    """Every figure the checks read, with its place and sentence (`--json`)."""
    out = []

    def claim(key: str, value: object, offset: int) -> None:
        out.append({"key": key, "value": value, "where": facts.where(offset), "text": facts.quote(offset)})

    for key, n in facts.keyed_amounts().items():
        claim(f"inputs.{key}", facts.amount(n), n.start)
    for key, n in facts.keyed_rates().items():
        claim(f"stated_rates.{key}", _number(facts, n), n.start)
    for s in facts.sums:
        claim("sum.whole", facts.amount(s.whole), s.whole.start)
        for p in s.parts:
            claim("sum.part", facts.amount(p), p.start)
    for ind in facts.indicators:
        for key in ("target", "actual", "completion", "deviation", "weight", "self_score", "coefficient"):
            n = getattr(ind, key)
            if n is not None:
                claim(f"indicators[{ind.row}].{key}", n.label if is_date(n) else _number(facts, n) if n.unit == "%" else n.value,
                      n.start)
        if ind.direction:
            claim(f"indicators[{ind.row}].direction", DIRECTION_SYMBOLS[ind.direction], ind.start)
        if ind.scored_as:
            claim(f"indicators[{ind.row}].scored_as", ind.scored_as, ind.start)
    for item in facts.items:
        name = item.row_id or re.sub(r"\s+", "", item.name)
        claim(f"self_scores.{name}", item.score.value, item.score.start)
    if facts.total is not None:
        claim("self_scores.total", facts.total.value, facts.total.start)
    if facts.grade:
        claim("self_grade", facts.grade[0], facts.grade[1])
    return out
