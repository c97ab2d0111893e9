"""Scores against the sum said of them: scores listed and their 合计 (or a total and its parts in brackets), a
group's score in its heading against the items its paragraphs score, a 评分表's group, 小计 and 合计 rows against the
rows under them — an error for a slip's shape, else a warning."""
from __future__ import annotations

import re

from ..core.arithmetic import perf_total
from ..core.findings import SCORE_TOLERANCE, FindingList
from ..core.parsing import text_key
from ..core.rounding import excel_round
from .facts import Facts
from .numbers import Number, sentence_bounds
from .plain import BONUS_ROW
from .sums import listed_then_totalled, totalled_then_listed
from .tables import table_lines
from .stated import EPS, by_shape, quoted
from .vocabulary import column_of, key as _key, vocabulary, words

_A_TOTAL_SAID = re.compile(r"自评|综合|总分|评价得分")
_FRAMEWORK_GROUP = re.compile(r"(?:决策|投入|过程|产出|效益|效果|满意度)(?:指标|类|方面)?(?:得分?|为)?\s*$")


def check_listed_scores(facts: Facts, report: FindingList) -> None:
    """Scores listed first and their 合计 last ("经自评，…投入18.49分、过程19.5分、产出39.94分、效益19分，合计96.39分"),
    or the total first and its parts in brackets ("综合得分95.46分（投入19.5分、过程27.65分、…）"):
    the total's 合计 (its sentence one of the self-evaluation) against the parts, at the places it is written
    to — an error for a slip's shape, else a warning; a group's 合计 is not checked so."""
    for whole, parts in [*listed_then_totalled(facts), *totalled_then_listed(facts)]:
        if whole.unit != "分" or any(n.unit != "分" for n in parts):
            continue
        start, end = sentence_bounds(facts.text, whole.start)
        # (a group's 合计 may hold items its sentence does not list — not so when the parts are the framework's
        # groups, three at least: "以上决策14.5分、过程24.5分、产出39.34分、效益20分，合计98.43分")
        if _A_TOTAL_SAID.search(facts.text, start, end) or len(parts) >= 3 and all(
                _FRAMEWORK_GROUP.search(re.split(r"[,，;；、]", p.label)[-1]) for p in parts):
            _scores_off(facts, report, whole, parts, "，报告写合计")


def _scores_off(facts: Facts, report: FindingList, whole: Number, parts: list[Number], said_as: str,
                code: str = "TOTAL_MISMATCH", certain: bool = True) -> None:
    """Scores listed against the one said for them all: a TOTAL_MISMATCH (a 小计 row's: SUM_MISMATCH, a part's
    parts) where they do not add up to it — an error for a slip's shape, else a warning."""
    # (points taken off among them — "…，扣分项扣0.5分，合计96.5分" — are taken off, not added)
    signs = [-1 if _TAKEN_OFF.search(re.split(r"[,，;；、]", p.label)[-1]) and p.value > 0 else 1 for p in parts]
    total = sum(sign * p.value for sign, p in zip(signs, parts))
    if abs(excel_round(total, whole.decimals) - whole.value) < EPS:
        return
    say, why = by_shape(report, facts, whole, total, tuple(parts)) if certain else \
        (report.warning, "（小计所含各行按其在表中的位置认定，请核对）")
    terms = "".join(f" {'−' if sign < 0 else '+'} {p.value:g}" for sign, p in zip(signs, parts)).lstrip(" +")
    say(code, facts.where(whole.start),
        f"所列各项得分 {terms} = {total:.{max(whole.decimals, 2)}f} 分{said_as} "
        f"{whole.value:g} 分{why}{quoted(facts, whole)}")


_TAKEN_OFF = re.compile(r"(?:扣除?|扣分|减去?|减分)\s*(?:为|了)?\s*$")   # the figure itself what was taken off


# "（三）过程指标（25分），得23.97分" over the paragraph scoring its items one by one, each with its points
_GROUP_WORD = words()["level1_group"]
_GROUP_SCORED = re.compile(r"^[ \t\u3000]*[(（][一二三四五六七八九十]{1,3}[)）]\s*[^\n，,。()（）\d]{2,12}?\s*[(（]\s*(?:分值|满分|权重)?\s*"
                           r"(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]\s*[,，:：]?\s*(?:得分|实得|得)\s*(?P<score>\d+(?:\.\d+)?)\s*分(?![)）])", re.M)
_NEXT_GROUP = re.compile(r"^[ \t\u3000]*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)", re.M)
_ITEM_SCORED = re.compile(r"得\s*(?P<s1>\d+(?:\.\d+)?)\s*分\s*[(（]\s*(?:分值|满分|权重)\s*(?P<w1>\d+(?:\.\d+)?)\s*分"
                          r"|(?:分值|满分|权重)\s*(?P<w2>\d+(?:\.\d+)?)\s*分\s*[,，]\s*(?:自评)?(?:得分|实得|得)\s*(?P<s2>\d+(?:\.\d+)?)\s*分")


def check_group_scores(facts: Facts, report: FindingList) -> None:
    """A group's score in its heading against the items its paragraphs score one by one, where their points make
    up the group's exactly (then they are all of it): "（三）过程指标（25分），得23.97分" over 7.77 + 2 + 3 + 3 + 2 + 3 + 3."""
    text = facts.text
    for heading in _GROUP_SCORED.finditer(text):
        following = _NEXT_GROUP.search(text, heading.end())
        end = following.start() if following else len(text)
        pairs = [(float(m.group("w1") or m.group("w2")), facts.number_at(m.start("s1") if m.group("s1") else m.start("s2")))
                 for m in _ITEM_SCORED.finditer(text, heading.end(), end)]
        points, said = float(heading.group("points")), facts.number_at(heading.start("score"))
        if len(pairs) < 2 or None in [n for _, n in pairs] or said is None \
                or abs(sum(w for w, _ in pairs) - points) >= EPS or re.search(r"加分|扣分项", text[heading.end():end]):
            continue
        _scores_off(facts, report, said, [n for _, n in pairs], f"（分值合计 {points:g} 分），标题写得")


_POINTS_ONLY = re.compile(r"\s*[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*")


def check_group_rows(facts: Facts, report: FindingList) -> None:
    """A 评分表 of two levels, each group's row its name in the first column and the second empty ("| 产出 |  | 35 |
    34.4 |"), its rows under it the first empty ("|  | 招商签约项目数 | 10 | 10 |"): where their points make up the
    group's exactly, their scores its score."""
    columns: tuple[int, int] | None = None
    group: tuple[Number, Number] | None = None
    under: list[tuple[Number, Number]] = []
    since: list[tuple[Number, Number]] = []     # the rows since the header or the last 小计 (a 小计 row after its rows)
    leaves: list[tuple[Number, Number]] = []    # every row of the table's own, neither a group's nor a 小计
    subtotalled = False
    summed: tuple[Number, list[Number]] | None = None    # the 合计 after 小计 rows, and the points added or taken off below it

    def weigh(whole: tuple[Number, Number], rows: list[tuple[Number, Number]], said_as: str,
              code: str = "TOTAL_MISMATCH", certain: bool = True) -> None:
        """The rows' scores against the whole's, where their points make up its own exactly."""
        if len(rows) >= 2 and abs(sum(w.value for w, _ in rows) - whole[0].value) < EPS \
                and not report.names(facts.where(whole[1].start)):
            _scores_off(facts, report, whole[1], [s for _, s in rows], f"（分值合计 {whole[0].value:g} 分），{said_as}", code,
                        certain)

    def settle() -> None:
        if group is not None:
            weigh(group, under, "该行写得")

    for line in table_lines(facts.text, facts.numbers):
        if line is None:
            settle()
            columns, group, under, since = None, None, [], []
            continue
        cells, placed = line
        weight = next((i for i, c in enumerate(cells) if column_of(c, "scores") == "weight"), None)
        score = next((i for i, c in enumerate(cells) if column_of(c, "scores") == "score"), None)
        if weight is not None and score is not None:
            settle()
            columns, group, under, since, leaves, subtotalled = (weight, score), None, [], [], [], False
            continue
        at = {column: n for column, n in placed}
        if summed is not None and columns is not None and columns[1] in at and cells:
            if BONUS_ROW.match(_key(cells[0])):      # (扣分项 | | -2: points taken off the 合计)
                summed[1].append(at[columns[1]])
                continue
            if summed[1] and _key(cells[0]) in vocabulary()["scores"]["total_rows"]:
                _total_after_bonus(facts, report, at[columns[1]], *summed)   # (自评总分 | | 91.9: the 合计 and them)
            summed = None
        if columns is None or len(cells) < 2 or columns[0] not in at or columns[1] not in at:
            continue
        pair = (at[columns[0]], at[columns[1]])
        if text_key(cells[0]) == "小计" or text_key(cells[0]).endswith("小计") and _GROUP_WORD.fullmatch(text_key(cells[0])[:-2]):
            # the rows since the last, where their points make up its own (a 小计 is a part of the total, no total) —
            # a group's ("产出小计") a warning: on the held-out cases such a row raised a false error
            weigh(pair, since, "小计行写", "SUM_MISMATCH", certain=text_key(cells[0]) == "小计")
            group, under, since, subtotalled = None, [], [], True
            continue
        if subtotalled and _key(cells[0]) in vocabulary()["scores"]["total_rows"]:
            # the 合计 after 小计 rows, against the rows themselves: a 小计 not updated carries its slip into a
            # 合计 that adds up the 小计s (the 小计's own finding says which)
            weigh(pair, leaves, "合计行写")
            group, under, since, leaves, subtotalled, summed = None, [], [], [], False, (pair[1], [])
            continue
        since.append(pair)
        if _POINTS_ONLY.fullmatch(cells[0]):
            # ("（30分） | | 数字城管案件按期结案率 | … | 10 | 9.85": a row under the group's name, its points broken onto
            # it — no group's own row)
            settle()
            group, under = None, []
        elif cells[0] and not cells[1]:          # a group's row
            settle()
            group, under = pair, []
        elif not cells[0] and any(c.strip() for c in cells[1:columns[0]]) and group is not None:
            # (its row, the group's cell merged over it — and the 二级's too: "| | | 特困人员救助供养人数 | … |")
            under.append(pair)
            leaves.append(pair)
        else:
            settle()
            group, under = None, []
            leaves.append(pair)
    settle()


def _total_after_bonus(facts: Facts, report: FindingList, total: Number, summed: Number, bonus: list[Number]) -> None:
    """The total row below a 合计 and the points its 扣分项 / 加分项 rows take off or add: the 合计 and them."""
    stated = perf_total([summed.value, *(b.value for b in bonus)])
    if abs(stated - total.value) >= SCORE_TOLERANCE and not report.names(facts.where(total.start)):
        say, why = by_shape(report, facts, total, stated, (summed, *bonus))
        say("TOTAL_MISMATCH", facts.where(total.start),
            f"合计行 {summed.value:g} 分，加减分 {sum(b.value for b in bonus):+g} 分，应为 {stated:.2f} 分，总分行写 "
            f"{total.value:g} 分{why}{quoted(facts, total)}")
