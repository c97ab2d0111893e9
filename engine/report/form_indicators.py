"""The rows of a 自评表's indicator block — and a 评分表 row whose 评分说明 states its target and what was achieved —
read into the form's indicators: each row's target, what was achieved, its direction, unit and completion."""
from __future__ import annotations

import re

from ..core.parsing import DIRECTIONS
from .dates import date_said
from .evidence import achieved_alone, figure_said_for, opening_match, sign_before, target_and_actual, target_explained
from .form_records import FormIndicator, Forms, one_figure
from .numbers import Number
from .placing import DIRECTION_CELL
from .vocabulary import key as _key, vocabulary, words

_DIRECTION_WORDS = sorted(DIRECTIONS, key=len, reverse=True)


_A_RULE = re.compile(r"扣\s*\d|满分|不得分|分档|计分|得分")   # the words state a rule too ("…，按比例计分")


def said_row(forms: Forms, name: str, said: str, figures: list[Number], weight: Number, score: Number,
              level1: str) -> None:
    """A 评分表 row whose 评分说明 states its target and what was achieved: an indicator too."""
    evidence = target_and_actual(said, figures) if name else None
    if evidence is not None:
        row = FormIndicator(name, weight.start, level1, _direction(evidence.target_text), evidence.target,
                            evidence.target_text, evidence.actual, evidence.actual_text, weight, score,
                            rule=said.strip() if _A_RULE.search(said) else "", completion=evidence.completion)
    elif name and not re.search(r"\d", name) and (achieved := achieved_alone(name, said, figures)) is not None:
        # (its 评分说明 states what it achieved alone, "93.55%": an indicator without a target — a sentence may give it;
        # a row whose name holds its target, "消防安全隐患整改率（100%）", is read with the sentences that say of it)
        row = FormIndicator(name, weight.start, level1, actual=achieved[0], actual_text=achieved[1], weight=weight, score=score)
    else:
        return
    row.form = len(forms.funds_tables)
    forms.indicators.append(row)


def _stated(by_column: dict[str, list[Number]], column: str, cell: str) -> Number | None:
    """The cell's one figure — or its first, the others in brackets after it ("96%（城镇95%/农村97%）")."""
    found = by_column.get(column) or []
    if len(found) > 1 and re.match(r"\s*[≥≤<>=]?\s*[\d.,]+\s*[^\d\s(（]{0,4}\s*[(（]", cell):
        return found[0]
    if len(found) > 1 and _WORKED.fullmatch(cell.strip()):
        return found[-1]        # "58/62=93.55%": the share worked out, its result
    return one_figure(by_column, column)


# "58/62=93.55%", or its figures with their units and names: "112.43万元÷118.60万元=94.80%"
_WORDS = r"(?:[^=＝。；;，,]|(?<=\d),(?=\d{3}))*"     # (a figure's thousands comma is no clause's end)
_WORKED = re.compile(rf"[\d.,()（）+\-×÷*/\s]+=\s*[\d.,]+\s*%?|{_WORDS}\d{_WORDS}[÷/]{_WORDS}\d{_WORDS}[=＝]\s*[\d.,]+\s*%")


def _completion_in(by_column: dict[str, list[Number]], cell: str, column: str = "actual") -> Number | None:
    """The completion said in brackets after what was achieved ("1265吨（完成率94.58%）"), its rate; or the
    偏差原因 cell's, said first ("完成率95.0%，14艘渔船船东…未申领")."""
    found = by_column.get(column) or []
    if column == "reason":
        said = re.match(r"\s*(?:完成率|完成比例)\s*(?:为)?\s*[\d.]+\s*%", cell)
        return found[0] if said and found and found[0].is_rate and found[0].value > 0 else None
    said = re.search(r"[(（]\s*(?:完成率|完成比例|完成)\s*(?:为)?\s*[\d.]+\s*%\s*[)）]", cell)
    return found[1] if said and len(found) == 2 and found[1].is_rate else None


def indicator_row(forms: Forms, name: str, text_of: dict[str, str], by_column: dict[str, list[Number]],
                   level1: str, placed: list, group: str, text: str) -> None:
    if _key(name) in vocabulary()["indicators"]["total_rows"]:
        score = one_figure(by_column, "score") or (placed[-1][1] if placed else None)
        weight = one_figure(by_column, "weight")
        if weight is None and len(placed) == 2 and score is placed[0][1] and placed[0][1].value >= placed[1][1].value:
            (_, weight), (_, score) = placed    # "总分 |||||| 100 | 99.00": its figures a cell right of their columns
        if weight is None and score is not None and one_figure(by_column, "score") is None and len(placed) == 2 \
                and placed[0][1].value >= score.value:
            weight = placed[0][1]     # "总分 | 100 | 98.22", its cells run together from the left: 分值, 得分
        if score is not None:
            forms.total, forms.total_weight = score, weight
            forms.form_totals.append((len(forms.funds_tables), score, weight))
        return
    target_text, actual_text = text_of.get("target", "").strip(), text_of.get("actual", "").strip()
    if not name or not (target_text or actual_text):
        return
    target, actual = _stated(by_column, "target", target_text), _stated(by_column, "actual", actual_text)
    # "≧ | 95 | % | 93.6%": a bare target in the unit its 度量单位 cell names
    target_unit = _unit(target_text) or text_of.get("unit", "").strip()
    if target is not None and not target.unit and target_unit == "%":
        target.unit = "%"
    actual_unit = _unit(actual_text)
    if actual is not None and actual.unit and actual.unit in actual_unit and actual.unit == target_unit:
        actual_unit = actual.unit     # (a 完成情况 cell of words, "保障率100%。", "全年0人。": its figure's own unit)
    if target is not None and actual is not None and actual_unit and target_unit != actual_unit \
            and not (target.value == 0 and not target_unit):     # ≤0 against -8.2%: nought in any unit
        target = actual = None      # 3.5万人 against 36200人: not compared (precision first); a bare
        # figure under 实际完成值 is in the target's unit (≥6公里 | 6.4)
    completion_said = None
    if target is None and actual is None and not target_text and (said := target_and_actual(actual_text, by_column.get("actual") or [])):
        # a 完成情况 cell that says both, no 指标值 column ("目标92%，完成93.6%，完成率101.74%"): its sign, where the
        # cell gives none, the one the row's 指标解释 or 评分标准 sets before that figure ("…，目标≥92%")
        target, target_text, actual, actual_text, completion_said = \
            said.target, said.target_text, said.actual, said.actual_text, said.completion
        if not re.match(r"[≥≤<>=＝不]", target_text):
            target_text = sign_before(target_text, text_of.get("explanation", "") + text_of.get("rule", "")) + target_text
    if target is None and actual_text and not target_text and placed \
            and (said := target_explained(text, text_of.get("explanation", ""), placed[0][1].start)):
        target, target_text = said      # (no 指标值 column: the target its 指标解释 states, "…，目标值≥420台次。")
        if actual is not None and (actual.unit or "") != (target.unit or ""):
            target, target_text = None, ""      # (≥95% against "412家": not the same measure — not compared)
    if actual is None and len(by_column.get("actual") or []) >= 2:    # a 完成情况 cell of words and figures
        opening = opening_match(text_of.get("rule", ""))
        unit = _unit(target_text) if target_text else (opening.group("unit") or "") if opening else ""
        actual = figure_said_for(name, actual_text, by_column["actual"], unit, text)
    near = placed[0][1] if placed else None         # (a 时效 row's dates: "2023年12月底前 | 2023年11月", dates.py)
    target, actual = target or date_said(text, target_text, near), actual or date_said(text, actual_text, near)
    adjusted = text_of.get("adjusted_target", "").strip()
    if adjusted:                    # 调整指标值: the target the year ended with (a date too: "2024年4月30日前")
        target_text, target = adjusted, one_figure(by_column, "adjusted_target") or date_said(text, adjusted, near)
    direction = _direction(DIRECTION_CELL.get(_key(text_of.get("direction", "")), text_of.get("direction", "")) + target_text)
    if direction == "=" and words()["cost"].search(f"{group} {name}"):
        direction = "<="       # a 成本指标's amount without a sign is a ceiling: spending less is no shortfall
    weight = one_figure(by_column, "weight")
    points = _POINTS_IN_NAME.search(name)
    if weight is None and points and len(by_column.get("name") or []) == 1 and "weight" not in text_of:
        # (a form with no 分值 column, each row's points in its name: "良种供种数量（10分） | ≥630万公斤 | … | 9.31")
        weight, name = by_column["name"][0], name[:points.start()].strip()
    row = FormIndicator(name, (placed[0][1].start if placed else 0), level1, direction,
                        target, target_text, actual, actual_text,
                        weight, one_figure(by_column, "score"), text_of.get("reason", "").strip(),
                        text_of.get("rule", "").strip(), one_figure(by_column, "completion") or completion_said
                        or _completion_in(by_column, actual_text)
                        or _completion_in(by_column, text_of.get("reason", ""), "reason"))
    row.form = len(forms.funds_tables)
    row.previous = one_figure(by_column, "previous")
    forms.indicators.append(row)


_POINTS_IN_NAME = re.compile(r"[(（]\s*(?:分值|权重)?\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")


def _unit(cell: str) -> str:
    """What a figure's cell says besides its number and direction: its unit ("公里", "%", "万人")."""
    rest = re.sub(r"-?\d+(?:,\d{3})*(?:\.\d+)?", "", re.sub(r"[(（][^)）]*[)）]", "", cell))   # (城镇95%/农村97%): said aside
    for word in _DIRECTION_WORDS:
        rest = rest.replace(word, "")
    return re.sub(r"\s|以上|以下|以内|及", "", rest)


def _direction(target: str) -> str | None:
    """≥ 95% → >=; a target without a figure ("持续提升", "达成年度指标") is 定性; else =."""
    target = target.strip()
    for word in _DIRECTION_WORDS:
        if target.startswith(word):
            return DIRECTIONS[word]
    if not re.search(r"\d", target):
        return "定性" if target else None
    if re.search(r"(?:以上|及以上)\s*$", target):
        return ">="
    if re.search(r"(?:以下|以内|及以下)\s*$", target):
        return "<="
    return "="
