"""A row's own scoring bands, as a form states them in its 评分标准 cell ("≥95%得10分；90%（含）-95%
得8分；85%以下不得分", "≤5%得5分；5%-10%（含）得3分；10%以上不得分"), read into the core's tiers
(arithmetic.Tier), so that the row's score is recomputed by TIER_SCORE — the one definition —
not by a second scorer.  A band this reader cannot read in full gives nothing: precision first."""
from __future__ import annotations

import re

from ..core.arithmetic import Tier, tier_score
from ..core.errors import CellError

_NUMBER = r"(\d+(?:\.\d+)?)\s*%?"
_INCLUDED = r"\s*[(（]\s*含\s*[)）]"
_POINTS = r"\s*(?:的)?\s*(?:得\s*(\d+(?:\.\d+)?)\s*分|(不得分|得\s*0\s*分|得满分))\s*$"
_AT_LEAST = re.compile(rf"^(?:≥|>=|大于等于|不低于|达到)\s*{_NUMBER}(?:及?以上)?{_POINTS}|^{_NUMBER}(?:{_INCLUDED})?\s*(及?以上){_POINTS}")
_AT_MOST = re.compile(rf"^(?:≤|<=|小于等于|不高于|不超过)\s*{_NUMBER}(?:及?以下|以内)?{_POINTS}|^{_NUMBER}(?:{_INCLUDED})?\s*(及?以下|以内){_POINTS}")
_BELOW = re.compile(rf"^(?:<|低于|小于|不足)\s*{_NUMBER}{_POINTS}")      # ("低于80%不得分": the last band, the line left out)
_ABOVE = re.compile(rf"^(?:>|高于|大于|超过)\s*{_NUMBER}{_POINTS}")      # (">10%不得分": the last band of ≤ bands)
# "90%≤执行率<95%得8分": the measure between its two bounds
_BETWEEN = re.compile(rf"^{_NUMBER}\s*(?P<low_op>≤|<=|<)\s*(?:完成率|执行率|完成比例)\s*(?P<high_op><|≤|<=)\s*{_NUMBER}{_POINTS}")
_SUBJECT = re.compile(r"^(?:预算执行率|执行率|完成率|完成比例)\s*(?=≥|>=|≤|<=|大于等于|不低于|达到|不高于|不超过|<|低于|小于)"
                      r"|^[\u4e00-\u9fff“”\"]{1,10}率\s*(?=\d)")    # ("结转结余率5%（含）以内得4分": the rate's name first)
_EXCLUDED = r"\s*[(（]\s*不含\s*[)）]"       # ("2%（不含）至5%得2分": the lower bound left out, the upper one in)
_RANGE = re.compile(rf"^{_NUMBER}(?:(?P<low>{_INCLUDED})|{_EXCLUDED})?\s*[-—~至到]\s*{_NUMBER}(?P<high>{_INCLUDED})?{_POINTS}")


def stated_tiers(rule: str, full: float | None = None) -> tuple[Tier, ...] | None:
    """The tiers a rule's text states, top to bottom; None: not every band could be read (`full`: the row's points,
    what 得满分 gives — none known, a band of full marks is not read); bands split by commas where they cannot
    be read otherwise ("≤20%得3分,20%-30%得2分,30%以上得1分")."""
    return _tiers_of(rule, r"[;；。]", full) or _tiers_of(rule, r"[;；。,，]", full)


def _tiers_of(rule: str, ends: str, full: float | None) -> tuple[Tier, ...] | None:
    bands = [_SUBJECT.sub("", b.strip()) for b in re.split(ends, rule) if b.strip()]
    tiers: list[Tier] = []
    ascending: bool | None = None        # ≤ bands first (a reverse indicator) or ≥ bands first
    for band in bands:
        if "满分" in band and full is None:
            return None
        tier = _band(band, ascending, full)
        if tier is None:
            return None
        tiers.append(tier[0])
        ascending = tier[1] if ascending is None else ascending
    return tuple(tiers) if len(tiers) >= 2 else None


def _band(band: str, ascending: bool | None, full: float | None = None) -> tuple[Tier, bool | None] | None:
    if (m := _AT_LEAST.match(band)) is not None:
        groups = [g for g in m.groups() if g is not None]
        bound, points = float(groups[0]), _points(m, full)
        return Tier(">=", bound, points), False
    if (m := _AT_MOST.match(band)) is not None:
        groups = [g for g in m.groups() if g is not None]
        op = "<" if "以下" in band and "及以下" not in band and ascending is False else "<="
        return Tier(op, float(groups[0]), _points(m, full)), True
    if (m := _BELOW.match(band)) is not None and ascending is False:
        return Tier("<", float(m.group(1)), _points(m, full)), None
    if (m := _ABOVE.match(band)) is not None and ascending is True:
        return Tier(">", float(m.group(1)), _points(m, full)), None
    if (m := _BETWEEN.match(band)) is not None and ascending is not None:
        low, high = float(m.group(1)), float(m.group(4))
        if ascending:
            return Tier("<=" if "≤" in m.group("high_op") or "=" in m.group("high_op") else "<", high, _points(m, full)), None
        return Tier(">=" if "≤" in m.group("low_op") or "=" in m.group("low_op") else ">", low, _points(m, full)), None
    if (m := _RANGE.match(band)) is not None and ascending is not None:
        low, high = float(m.group(1)), float(m.group(3))
        if ascending:        # bands rise: each range by its upper bound, included unless the lower is
            return Tier("<" if m.group("low") and not m.group("high") else "<=", high, _points(m, full)), None
        return Tier(">" if m.group("high") and not m.group("low") else ">=", low, _points(m, full)), None
    return None


def _points(match: re.Match, full: float | None = None) -> float:
    earned = re.search(r"得\s*(\d+(?:\.\d+)?)\s*分", match.group(0))
    if "满分" in match.group(0) and full is not None:
        return full
    return float(earned.group(1)) if earned else 0.0      # 不得分


def band_score(rule: str, value: float, full: float | None = None) -> float | None:
    """The points the stated bands give `value` (a percentage as written), or None (`full`: the row's points)."""
    return _tiers_give(stated_tiers(rule, full), value)


def _tiers_give(tiers: tuple[Tier, ...] | None, value: float) -> float | None:
    """What TIER_SCORE gives `value` under `tiers` (None: no tiers, or none that holds)."""
    if tiers is None:
        return None
    try:
        points = tier_score(value, tiers)
    except CellError:
        return None
    return float(points) if isinstance(points, (int, float)) else None


# A report's rule for every indicator's completion, by bands of its points ("完成率达到100%的得满分，完成率在90%
# （含）—100%之间的得该项分值的80%，80%（含）—90%之间的得60%，80%以下不得分"): each band the share of the points
_SHARE = r"(?:的)?\s*(?:得\s*(?:该项|该指标|此项)?\s*(?:分值的)?\s*(?P<share>\d+(?:\.\d+)?)\s*%(?:的?分值)?|(?P<full>得满分)|(?P<none>不得分|得\s*0\s*分))"
_SHARE_AT_LEAST = re.compile(rf"(?:完成率|完成比例|执行率|满意度(?:指标)?)?\s*(?:达到|在|为)?\s*(?:≥|>=)?\s*(?P<low>\d+(?:\.\d+)?)\s*%\s*(?:{_INCLUDED})?\s*(?:及?以上)?{_SHARE}\s*$")
_SHARE_RANGE = re.compile(rf"(?:完成率|完成比例|执行率|满意度(?:指标)?)?\s*(?:达到|在|为)?\s*(?P<low>\d+(?:\.\d+)?)\s*%?\s*(?P<low_in>{_INCLUDED})?\s*[-—~至到]\s*"
                          rf"(?P<high>\d+(?:\.\d+)?)\s*%\s*(?:{_INCLUDED})?\s*(?:之间)?{_SHARE}\s*$")
_SHARE_BELOW = re.compile(rf"(?:完成率|完成比例|执行率|满意度(?:指标)?)?\s*(?:低于|不足|小于|<)?\s*\d+(?:\.\d+)?\s*%\s*(?:以下)?{_SHARE}\s*$")


# "定量指标达到指标值的得满分", "完成年度目标值的得满分": the top band, said by the target before the bands under it
_FULL_AT_TARGET = re.compile(r"^(?:定量指标|各项指标)?\s*(?:达到|完成|实现)(?:或(?:超过|优于))?(?:年度)?(?:指标|目标|计划)值?(?:的|时)?\s*(?:得|计)(?:满分|全部分值)$")


def completion_shares(rule: str) -> tuple[Tier, ...] | None:
    """The bands of completion (a percentage) a sentence of rules states from its first 完成率 (or a 满意度 rule's
    满意度) on, each its share
    of the points (0.8 for "得该项分值的80%"), top to bottom, up to the first clause that is no band; None unless
    two bands at least were read, one of them full marks."""
    first = re.search(r"完成率|完成比例|执行率", rule) or re.search(r"满意度", rule)   # (a 满意度 rule: its own rate's bands)
    tiers: list[Tier] = []
    # (a note in brackets at a clause's end is no band's: "完成率≥100%得满分（完成率超过100%的不加分）")
    for clause in (re.sub(r"[(（][^()（）]*[)）]$", "", c.strip()) for c in re.split(r"[,，;；。:：]", rule[first.start():] if first else "")
                   if c.strip()):
        if (m := _SHARE_RANGE.match(clause)) is not None:
            tiers.append(Tier(">=", float(m.group("low")), _share(m)))     # (its lower bound 含)
        elif (m := _SHARE_AT_LEAST.match(clause)) is not None:
            tiers.append(Tier(">=", float(m.group("low")), _share(m)))
        elif (m := _SHARE_BELOW.match(clause)) is not None:
            tiers.append(Tier("else", 0.0, _share(m)))
            break
        elif not tiers and _FULL_AT_TARGET.match(clause):
            tiers.append(Tier(">=", 100.0, 1.0))     # (the target met, the top band: "定量指标达到指标值的得满分；完成率在90%…")
        elif tiers:
            break
        # (a clause before the first band names the rule: "按完成率分档计分，完成率100%及以上得满分，…")
    bounds = [t.bound for t in tiers if t.op != "else"]
    if len(tiers) < 2 or not any(t.points == 1.0 for t in tiers) or bounds != sorted(bounds, reverse=True):
        return None
    return tuple(tiers)


def _share(match: re.Match) -> float:
    return 1.0 if match.group("full") else 0.0 if match.group("none") else float(match.group("share")) / 100


def share_score(rule: str, completion: float, weight: float) -> float | None:
    """The points the report's completion bands give (`completion` a percentage), or None."""
    share = _tiers_give(completion_shares(rule), completion)
    return None if share is None else round(weight * share, 2)
