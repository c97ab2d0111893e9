"""A 定性 indicator's score against the share of its points the report's own rule gives its tier
("定性指标“好”“较好”“一般”分别按分值的100%、80%、60%计分"; "“好”计100%、“较好”计80%"): a statement
naming the tier chosen in quotes and its score with its points ("长效管护机制运行评为“较好”，得13.5分（分值
15分）") is scored points × share by the core's INDICATOR_SCORE — the one definition."""
from __future__ import annotations

import re

from ..core.arithmetic import indicator_score
from ..core.findings import SCORE_TOLERANCE, FindingList
from .facts import Facts
from .numbers import statement_start
from .stated import by_shape, quoted, said_of

_QUOTED = r"[“\"「]([^”\"」]{1,6})[”\"」]"
# “好”“较好”“一般”分别按分值的100%、80%、60%计分; “好”“较好”“一般”“差”四档，分别按该项分值的100%、80%、60%、0计分
_LISTED = re.compile(rf"(?P<words>(?:{_QUOTED}\s*[、，,和及]?\s*){{2,}})(?:的)?\s*(?:[二三四五六2-6]\s*(?:档|个档次|个等级|级)\s*[，,]?)?"
                     r"\s*(?:分别)?\s*(?:按|计|得|为)?\s*(?:该项|该指标|本项)?\s*(?:分值的|满分的)?\s*"
                     r"(?P<shares>\d+(?:\.\d+)?\s*%(?:\s*[、，,和及]\s*(?:\d+(?:\.\d+)?\s*%|0(?![\d.])))+)(?!\s*[-—~至到\d])")
# unquoted, after the words that say they are the 定性 indicators' tiers: "定性指标按达成、基本达成、部分达成、未达成分别计分值的
# 100%、80%、60%、0", "定性指标按健全、基本健全、不健全分别计分值的100%、80%、0"
_LISTED_BARE = re.compile(r"定性指标\s*(?:按|依据|根据)\s*(?P<words>[\u4e00-\u9fff]{1,6}(?:\s*、\s*[\u4e00-\u9fff]{1,6}){1,5})\s*"
                          r"(?:[二三四五六2-6]\s*(?:档|个档次|个等级|级)\s*[，,]?)?\s*分别\s*(?:按|计|得|为)?\s*(?:该项|该指标|本项)?\s*"
                          r"(?:分值的|满分的)?\s*(?P<shares>\d+(?:\.\d+)?\s*%(?:\s*[、，,和及]\s*(?:\d+(?:\.\d+)?\s*%|0(?![\d.])))+)(?!\s*[-—~至到\d])")
# “好”计100%、“较好”计80% / “好”得满分、“较好”得分值的80%
_PAIRED = re.compile(rf"{_QUOTED}\s*(?:的)?\s*(?:计|按|得|为)\s*(?:分值的|满分的)?\s*(?:(?P<share>\d+(?:\.\d+)?)\s*%(?!\s*[-—~至到\d])|(?P<full>满分))")
# the tier chosen, then its score: "评为“较好”，得13.5分"
_CHOSEN = re.compile(rf"(?:评为|评价为|评定为|认定为|结果为|为){_QUOTED}[^。；;“”]{{0,12}}?得\s*(?P<score>\d+(?:\.\d+)?)\s*分")
# the same unquoted, with the words of how far a goal was met ("定性指标全部达到的得满分，基本达到的得分值的80%，未达到的
#不得分"; "…，属基本达到，该指标分值6分，自评得6分")
_MET = r"(全部达到|完全达到|基本达到|部分达到|未达到|达到)(?:预期|目标)?"
_MET_SHARE = re.compile(rf"(?<![^\s，,；;：:、。指标])(?<!基本)(?<!部分)(?<!全部)(?<!完全){_MET}(?:的)?\s*(?:得|计|按)\s*"
                        r"(?:(?P<full>满分)|(?:分值|满分)的\s*(?P<share>\d+(?:\.\d+)?)\s*%)")
_CHOSEN_MET = re.compile(rf"(?:属于?|评为|评价为|评定为|认定为|结果为)\s*{_MET}[^。；;“”]{{0,16}}?得\s*(?P<score>\d+(?:\.\d+)?)\s*分")
_POINTS = re.compile(r"分值\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*分|[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")


def tier_shares(text: str) -> dict[str, float]:
    """The share of its points each tier word gets, as the report's rule states it (a word given two shares:
    none)."""
    said: dict[str, set[float]] = {}
    for listed in [*_LISTED.finditer(text), *_LISTED_BARE.finditer(text)]:
        words = re.findall(_QUOTED, listed.group("words")) if listed.re is _LISTED else \
            [w.strip() for w in listed.group("words").split("、")]
        shares = [float(s) for s in re.findall(r"(\d+(?:\.\d+)?)\s*%?", listed.group("shares"))]   # (the last "0": none)
        if len(words) == len(shares):
            for word, share in zip(words, shares):
                said.setdefault(word, set()).add(share / 100)
    for paired in [*_PAIRED.finditer(text), *_MET_SHARE.finditer(text)]:
        share = 1.0 if paired.group("full") else float(paired.group("share")) / 100
        said.setdefault(paired.group(1), set()).add(share)
    return {word: next(iter(shares)) for word, shares in said.items() if len(shares) == 1 and 0 < next(iter(shares)) <= 1}


def check_tier_scores(facts: Facts, report: FindingList) -> None:
    """Each tier chosen and scored in a statement with its points, and each form's row of a 定性 indicator
    whose 实际完成值 is a tier word (| 定性 | 好 | 较好 | 5 | 5 |), against the share its rule gives."""
    shares = tier_shares(facts.text)
    if len(shares) < 2:
        return
    for ind in facts.indicators:
        share = shares.get(ind.tier_achieved)
        if share is None or ind.weight is None or ind.self_score is None or said_of(facts, report, ind.self_score):
            continue
        expected = indicator_score(share, ind.weight.value)
        if ind.self_score.value <= ind.weight.value and abs(expected - ind.self_score.value) >= SCORE_TOLERANCE:
            say, why = by_shape(report, facts, ind.self_score, expected)
            say("SCORE_MISMATCH", facts.where(ind.self_score.start),
                f"定性指标「{ind.name}」实际完成“{ind.tier_achieved}”，按报告所写计分值的 {share:.0%}："
                f"{ind.weight.value:g} × {share:.0%} = {expected:.2f} 分，报告写 {ind.self_score.value:g} 分{why}"
                f"{quoted(facts, ind.self_score)}")
    for chosen in [*_CHOSEN.finditer(facts.text), *_CHOSEN_MET.finditer(facts.text)]:
        share, score = shares.get(chosen.group(1)), facts.number_at(chosen.start("score"))
        if share is None or score is None or said_of(facts, report, score):
            continue
        start = statement_start(facts.text, chosen.start())
        end = min((i for i in (facts.text.find(c, chosen.end()) for c in "。；;\n") if i >= 0), default=len(facts.text))
        points = {float(p.group(1) or p.group(2)) for p in _POINTS.finditer(facts.text, start, end)}
        if len(points) != 1:
            continue
        weight = points.pop()
        expected = indicator_score(share, weight)
        if score.value <= weight and abs(expected - score.value) >= SCORE_TOLERANCE:
            say, why = by_shape(report, facts, score, expected)
            say("SCORE_MISMATCH", facts.where(score.start),
                f"定性评价“{chosen.group(1)}”按报告所写计分值的 {share:.0%}：{weight:g} × {share:.0%} = {expected:.2f} 分，"
                f"报告写 {score.value:g} 分{why}{quoted(facts, score)}")
