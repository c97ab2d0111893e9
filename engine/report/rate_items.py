"""A 评分表's row scoring a rate (`预算执行率 | 10 | 9.67`, `结转结余率 | 5 | 5`) that no statement was read as an
indicator of: the indicator of that rate — what it achieved the report's figure said right after that very name
("结转结余率3.16%", "预算执行率为95.95%"), its line the one rule naming it draws ("结转结余率不超过5%的得满分"),
its points and score the row's.  Said apart, so its score is checked as a warning only, where the line is met."""
from __future__ import annotations

import re

from ..core.parsing import text_key
from .facts import Facts, Indicator, StatedItem, named_already, same_name, shared_core
from .numbers import Number, compared_with, direction_before, sentence_bounds
from .rule_targets import opening_line, rule_lines

# what may stand before a rate's name and keep it that rate: a clause's opening, the year's words, the whole's
_OPENS = re.compile(r"(?:^|[,，;；。:：\n(（、]|\d{4}年度?|全年度?|年度|本年度?|部门|单位|整体|全[县市区省镇乡州旗]|\s)$")
_SAID_AS = re.compile(r"\s*(?:为|达到|达|是|[:：])?\s*$")


def rate_items(facts: Facts) -> None:
    known = [text_key(n) for i in facts.indicators for n in (i.name, i.scored_as) if n]
    lines = None
    rows = _rate_items(facts.items)
    headline = {id(n) for n in facts.keyed_rates().values()}
    for item in rows:
        name = text_key(item.name)
        if named_already(name, known):
            continue
        said = [n for n in facts.numbers if n.is_rate and any(_named(facts, n, called) for called in _called(item.name))]
        if not said:
            # (… or after its name's last words, said alone in their clause: "按时完成率93.8%" of the row
            # 维修养护项目按时完成率 — where those words name no other row, no rate of the department's own, and the
            # figure is not one of its headline rates)
            tails = [tail for tail in _tails(name) if not any(other is not item and text_key(other.name).endswith(tail)
                                                              for other in rows)]
            # (… the words before them in their clause the name's own: "农村供水工程水质达标率94.1%" of 农村供水水质达标率)
            said = [n for n in facts.numbers if n.is_rate and id(n) not in headline
                    and any(_named(facts, n, tail, name[:-len(tail)]) for tail in tails)]
        if not said or len({n.value for n in said}) > 1:
            continue        # (two figures of one name: which is the year's is not said)
        lines = rule_lines(facts.text) if lines is None else lines
        ind = Indicator(len(facts.indicators) + 1, item.name, said[0].start, actual=said[0], weight=item.weight,
                        self_score=item.score, end=said[0].end)
        ind.scored_apart, ind.item_too = "实际值取自正文，分值与得分取自评分表", True
        named = {(d, at) for rule_name, d, at in lines if same_name(name, text_key(rule_name), 0.7) or name == text_key(rule_name)}
        target = facts.rule_number_at(next(iter(named))[1]) if len(named) == 1 else None
        if target is not None and target.is_rate:
            ind.target, ind.direction, ind.rule_line = target, next(iter(named))[0], True
            ind.scored_apart = "目标取自评分规则，实际值取自正文，分值与得分取自评分表"
        facts.indicators.append(ind)
        known.append(name)


def rows_own_lines(facts: Facts) -> None:
    """An indicator read with what it achieved and no target, scored by a 评分表's row of its name whose 评分标准 opens
    with its line ("| 在职人员控制率 | 4 | ≤100%得4分，每超1个百分点扣0.5分 | 4 |"): that line its target (said apart,
    so checked as a warning only, where the line is met)."""
    rows = {}
    for item in facts.items:
        if item.rule:
            rows.setdefault(text_key(item.name), []).append(item)
    for ind in facts.indicators:
        own = rows.get(text_key(ind.scored_as or ind.name)) or rows.get(text_key(ind.name)) or []
        if ind.target is not None or ind.actual is None or ind.direction == "定性" or len(own) != 1:
            continue
        item = own[0]
        line = opening_line(facts, item.rule, item.name, facts.text.rfind(item.rule, 0, item.score.start))
        if line is None or line[0].is_rate != ind.actual.is_rate or line[0].unit != ind.actual.unit:
            continue
        ind.target, ind.direction, ind.rule_line = line[0], line[1], True
        ind.scored_apart = f"目标取自评分表该行评分标准{'，' + ind.scored_apart if ind.scored_apart else ''}"


def _rate_items(items: list[StatedItem]) -> list[StatedItem]:
    """The rows scoring a rate (its name ends in 率, or 度 — 免疫密度, 满意度 — not 年度), each name once (a 评分表 read twice gives its rows twice)."""
    out: dict[str, StatedItem] = {}
    for item in items:
        name = text_key(item.name)
        if item.weight is not None and len(name) >= 4 and re.search(r"(?:率|(?<!年)度)$", name) and name not in out:
            out[name] = item
    return list(out.values())


# the department's own rates (and the words that name any rate): no row's short name
_OWN_RATES = re.compile(r"(?:预算|资金|支出|项目)?(?:执行|调整|调剂|结转结余|结余|结转|控制|支付|到位|使用|完成|达标|合格)率")


def _tails(name: str) -> list[str]:
    """The last words of a rate's name that may name it in a sentence: four characters or more, shorter than the name,
    not a rate's words alone ("完成率", "预算执行率")."""
    return [name[k:] for k in range(1, len(name) - 3) if not _OWN_RATES.fullmatch(name[k:])]


def _called(name: str) -> list[str]:
    """The rate's name, and without the whole's word it opens with ("部门预算执行率" is said "预算执行率")."""
    bare = re.sub(r"^(?:部门|单位|整体|全年|年度)", "", name)
    return [name] + ([bare] if bare != name and len(text_key(bare)) >= 4 else [])


def _named(facts: Facts, n: Number, name: str, rest: str = "") -> bool:
    """The figure said right after the rate's name, no target, no line and no 运行监控's figure (`rest`: the words of the
    name before `name`, which the words before it in its clause may share)."""
    before = _SAID_AS.sub("", facts.text[max(0, n.start - len(name) - 12):n.start]).rstrip()
    if not text_key(before).endswith(text_key(name)):
        return False
    head = before[:len(before) - _raw_length(before, name)]
    return (bool(_OPENS.search(head)) or _of_its_rest(head, rest)) and not direction_before(n.label) and not compared_with(n.label) \
        and not facts._monitoring(n) and not _A_LINE_AFTER.match(facts.text, n.end) \
        and not _AIMED.search(facts.text[sentence_bounds(facts.text, n.start)[0]:n.start][:24])


# a line, not what was achieved: "受益群众满意度90%以上", or a figure of a sentence that opens as the goals' ("年度目标：…，
# 满意度90%")
_A_LINE_AFTER = re.compile(r"\s*(?:[(（]含[)）])?\s*及?(?:以上|以下|以内)")
_AIMED = re.compile(r"(?:目标|指标值|预期)[^，,；;。:：]{0,6}?[:：]")


def _of_its_rest(head: str, rest: str) -> bool:
    """The words before a rate's last words in their clause, two to ten characters, share two or more with the rest of
    its name ("农村供水工程" and 农村供水)."""
    words = re.split(r"[,，;；。:：\n(（、]", head)[-1].strip()
    return bool(rest) and 2 <= len(words) <= 10 and not re.search(r"\d", words) and shared_core(text_key(words), rest) >= 2


def _raw_length(text: str, name: str) -> int:
    """How many characters of the text's end spell the name (spaces within it counted)."""
    wanted, length = len(text_key(name)), 0
    while length < len(text) and len(text_key(text[len(text) - length - 1:])) <= wanted:
        length += 1
    return length
