"""A report's total and grade: the figure named as the total (综合得分, 总分 …) before a bare
得分, never an item's score nor a rule's figure ("得分低于60分的"), and the grade word that
states the report's grade, not one of a rule ("…的，评价结果为差")."""
from __future__ import annotations

import re
from .numbers import sentence_bounds
from .vocabulary import grade_words, words

STRONG_TOTAL = words()["strong_total"]
_FIELD_TOTAL = re.compile(r"\s*(?:绩效)?自评(?:得分|总分|分数)\s*(?:[(（]\s*分\s*[)）])?\s*[:：]\s*$")   # ("自评总分（分）：98.39")
_FIELDS_APART = re.compile(r"\s{2,}|[|｜]")      # fields on one line: a run of spaces or a cell's bar between them
_ITEM_SCORE = words()["item_score"]
_TOTAL_LABEL = words()["total_label"]
_TOTAL_CONTEXT = words()["total_context"]
GRADE_WORDS = grade_words()
_GRADE = re.compile(f"(?:{words()['grade_label'].pattern})" + r"\s*(?:均为|为|是|:)?\s*(?:\|\s*)?[\"“”'‘’「」『』]?\s*"
                    "(" + "|".join(sorted(GRADE_WORDS, key=len, reverse=True)) + ")")
# … or the grade word before the word for a grade ("属于“优”等级", "达到优秀等次")
_GRADE_THEN_WORD = re.compile(r"(?:属于|达到|评为|评定为|确定为)\s*[\"“”'‘’]?\s*("
                              + "|".join(sorted(GRADE_WORDS, key=len, reverse=True)) + r")\s*[\"“”'‘’]?\s*(?:等级|等次|档次)")
_RULE_WORDS = words()["rule"]
_OTHER_EVALUATION = re.compile(r"部门评价|第三方|财政评价|财政重点评价|重点绩效评价|复核")
_FULL_MARK = re.compile(r"(?<!得)总分\s*(?:为|是)?\s*$|满分\s*(?:为|是)?\s*$")
_A_BOUND = re.compile(r"\s*分?\s*(?:[(（]含[)）])?\s*(?:及?以上|及?以下|[—\-~至]|为)")
_SELF = re.compile(r"本项目|本单位|本部门|本馆|本中心|我局|我单位|我部门|我校|我镇|我县|我区|我委|我中心|该项目")
_CLAUSE_END = re.compile(r"[，,；;。！!？?\n]")
# a total worked out in the sentence ("自评得分为：9.76+47.5+30+10=97.26分"): the parts, then the sum
_TERM_NAME = r"[\u4e00-\u9fff“”\"]{0,8}"     # ("投入18.6分+过程17.74分+…=95.64分": each part's name before it)
_PLUS_AFTER = re.compile(rf"\s*分?\s*[+＋]\s*{_TERM_NAME}\s*\d")
_SUM_BEFORE = re.compile(rf"(?:\d+(?:\.\d+)?\s*分?\s*[+＋]\s*{_TERM_NAME}\s*)+\d+(?:\.\d+)?\s*分?\s*[=＝]\s*$")


_IN_A_LIST = re.compile(r"\d\s*分\s*、\s*[^\d，,。；;、]{0,12}$")     # ("…产出得分18.90分、效果得分18.80分": a later part)
_LIST_SUM = re.compile(r"\s*(?:合计|共计|总计|合计得分|共得|总计得分)\s*(?:为|:|：)?\s*")


def _scores_listed(facts, start: int, n) -> list:
    """The scores a sentence lists from `start` before its 合计 `n` (two at least, every one in 分): none else."""
    before = [m for m in facts.figures() if start <= m.start < n.start]
    return before if len(before) >= 2 and all(m.unit == "分" for m in before) else []


def _listed_before(facts, listed: list):
    """The first of the parts' scores a sentence lists before its 合计 ("综合得分：资金执行率9.43分、产出指标
    47分…，合计96.22分"), each after a 、: the sum is named as that first one was."""
    joined = all(re.fullmatch(r"\s*分?\s*、\s*[^\d，,。；;、]{0,12}", facts.text[a.end:b.start])
                 for a, b in zip(listed, listed[1:]))
    return listed[0] if listed and joined else None


_LEVEL1_GROUP = words()["level1_group"]


def _groups_summed(facts, start: int, listed: list) -> bool:
    """The 一级 groups' scores listed, each after a comma, before the 合计 ("逐项打分：决策指标14.50分，过程指标19.02分，
    …，合计95.62分"): their sum is the total, whatever the words before the first."""
    if len(listed) < 3:
        return False
    groups = [re.split(r"[,，:：]", facts.text[start:m.start])[-1].strip() for m in listed]
    return all(re.fullmatch(r"\s*分?\s*[，,]\s*[^\d，,。；;、]{0,12}", facts.text[a.end:b.start]) for a, b in zip(listed, listed[1:])) \
        and all(_LEVEL1_GROUP.fullmatch(g) for g in groups)


# a 定性 indicator's tier ("可持续影响指标自评为“良好”"): no grade of the report's
_OF_AN_INDICATOR = re.compile(r"^(?!.*(?:总|综合|整体)).*指标$")


def _stated_grade(text: str, start: int, is_rule=lambda offset: False) -> re.Match | None:
    """The first grade word from `start` that states the report's grade — not one of a rule
    ("…低于60分的，评价结果为差", "结果为差的，得0分", "90分以上为优", a 评分标准 paragraph)."""
    for match in sorted([*_GRADE.finditer(text, start), *_GRADE_THEN_WORD.finditer(text, start)], key=lambda m: m.start(1)):
        clause_of = max((m.end() for m in _CLAUSE_END.finditer(text, max(match.start() - 60, 0), match.start())), default=0)
        if is_rule(match.start()) and not _SELF.search(text, clause_of, match.start()):
            continue      # (a 评分说明's "…，本项目自评等级为优" is the report's own, not a rule's)
        after = text[match.end(1):match.end(1) + 1]
        window = max(match.start() - 200, 0)
        clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, window, match.start())), default=window)
        earlier_clause = text[window:clause_start].rstrip("，,；; ")
        # ("自评中发现的问题", "评价中": a word run on into the next one — no grade said of it)
        run_on = match.re is _GRADE and len(match.group(1)) == 1 and re.match(r"[\u4e00-\u9fff]", after) is not None \
            and re.fullmatch(words()["grade_label"], text[match.start():match.start(1)]) is not None
        if match.re is _GRADE and after in ("的", "档", "等", "或", "、") or run_on or _RULE_WORDS.search(text[clause_start:match.start()]) \
                or earlier_clause.endswith("的") or _OF_AN_INDICATOR.search(text[clause_start:match.start()]):
            continue
        return match
    return None


def _own_grade(facts, start: int, is_rule, totals: list) -> tuple[re.Match, bool] | None:
    """The first grade word from `start` that is the report's: not one whose sentence gives it to
    another total than the report's ("部门评价得分88.5分，评价等级为“良”": another evaluation's)."""
    text = facts.text
    graded = {grade for n, grade, _ in facts.graded if n in facts.totals_said}
    while (said := _stated_grade(text, start, is_rule)) is not None:
        begin, end = sentence_bounds(text, said.start())
        said_of = [n for n in facts.numbers if begin <= n.start < said.start()
                   and (n in totals or n.unit == "分" and n.measure == "score") and not _A_BOUND.match(text, n.end)
                   and text[n.start - 1:n.start] not in ("—", "-", "~", "至")]   # (a scale's bounds: 90分以上为优)
        scores = [n.value for n in facts.numbers if begin <= n.start < said.start() and n.unit in ("分", "")]
        if facts.total is None or not said_of or facts.total.value in scores:
            return said, False
        if any(n in facts.totals_said for n in said_of) and len(graded) == 1:
            return said, True   # (… or the report's total said again, wrong or not, and no other grade given to a
            # total: the report's grade, said with another figure — not weighed against the total read)
        start = end
    return None


# the next part's score after a comma ("资金得分9.62分，产出指标49.35分，…，总分97.49分"): a list of the parts' scores
_NEXT_PART = re.compile(r"\s*分?\s*[,，]\s*(?!其中|含|扣|加|减)(?![^\d，,。；;、]*(?:等级|等次|评价|评定|综合|总分|合计))"
                        r"[^\d，,。；;、“”\"（）()]{1,12}?(?:得分|指标)\s*(?:为)?\s*\d+(?:\.\d+)?\s*分")
_LAST_YEAR = re.compile(r"上一?年度?|去年|前一年")
_CAP = re.compile(r"(?:不超过|不高于|不得超过|最高为?|上限为?)\s*$")


def total_and_grade(facts) -> list:
    """Sets facts.total and each total's own grade (facts.graded); the totals named as such."""
    text = facts.text
    inside = {id(n) for i in facts.indicators for n in (i.self_score, i.weight) if n}
    items = {id(i.score) for i in facts.items}
    candidates = []
    for n in facts.figures():
        if id(n) in inside or id(n) in items or n.unit not in ("分", "") or facts.earlier_year(n):
            continue     # (…2022年度…自评得分为94.85分: last year's total, not this one's)
        start, end = sentence_bounds(text, n.start)
        label = n.label
        if "|" in n.label:     # a figure in a table's row: the total only in the cell right beside
            cells = n.label.split("|")     # one naming it ("自评总分（分） | 96.05"); the form readers take
            naming = cells[-2] if len(cells) >= 2 and not cells[-1].strip() else cells[-1]   # a 总分 row's
            line_end = text.find("\n", n.end)
            later = text[n.end:line_end if line_end >= 0 else len(text)]
            if not naming.strip() or not STRONG_TOTAL.search(naming) or re.search(r"\d", later):
                continue     # (总分 | 100 | 97.51: the row's last figure is its score, the first its 分值)
            clause = naming
        else:
            clause = re.split(r"[,，;；(（]", n.label)[-1]
            if _LAST_YEAR.search(clause):
                continue   # "上年度本项目自评得分97.80分": last year's total, its year said in words
            if _PLUS_AFTER.match(text, n.end):
                continue   # "自评得分为：9.76+47.5+30+10=97.26分": the first of the parts, not the total …
            written_out = _SUM_BEFORE.search(text, start, n.start)
            first = facts.number_at(written_out.start()) if written_out else None
            if first is None and _LIST_SUM.fullmatch(clause):
                listed = _scores_listed(facts, start, n)
                first = _listed_before(facts, listed)
                clause = "总分" if first is None and _groups_summed(facts, start, listed) else clause
            if first is not None:
                label = first.label                                 # … the sum is, named as the first part was
                clause = re.split(r"[,，;；(（]", label)[-1]
                if re.search(r"满分|分值|权重", clause):
                    continue     # ("四类一级指标满分分别为20分、…，合计100分": the full marks' sum, no total)
        project_scored = re.fullmatch(r"\s*项目(?:自评)?得分\s*(?:为|:|：)?\s*", clause) \
            and re.search(r"(?:经|通过)(?:综合)?(?:自评|评价|评定)\s*[,，]\s*$", text[start:n.start - len(clause)])   # ("经自评，项目得分92.86分")
        if _ITEM_SCORE.search(clause) and not STRONG_TOTAL.search(clause) and not project_scored \
                and not re.search(r"(?:项目自评|[该本]项目)得分?\s*(?:为|:)?\s*$", clause):   # ("经自评，该项目得分99.65分")
            continue   # "预算执行率得分9.75分": an item's score, not the total
        if "分别" in clause or "其中" in clause or _IN_A_LIST.search(text, start, n.start) or re.match(r"\s*分?\s*、\s*(?:\d|[^\d，,。；;、]{1,12}(?:得分|\d+(?:\.\d+)?\s*分))", text[n.end:n.end + 24]) \
                or _NEXT_PART.match(text, n.end):
            continue   # "各项目自评得分分别为100分、96分", "自评得分情况为：其中：项目立项6分", "…得分9.70分、产出
            # 指标得分54.45分", "综合得分：资金执行率9.43分、产出指标47分…合计96.22分": the scores of several
            # or a part's, not the total
        if _OTHER_EVALUATION.search(text[start:n.start]):
            continue   # "委托第三方机构开展部门评价，评价得分88.5分": another evaluation's score, not the self-evaluation's
        if re.search(r"[×*]\s*$", text[max(n.start - 3, 0):n.start]):
            continue   # "预算执行率得分=执行率×10分": a formula's multiplier, no score
        if re.search(r"(?:扣|扣除|减|减去)\s*$", clause):
            continue   # "每个问题在总分中扣0.5分": what is taken off a total, not one
        if _RULE_WORDS.search(clause + text[n.end:n.end + 4]) or _CAP.search(clause):
            continue   # "得分低于60分的": a rule, not a score (nor "加减分后总分不超过100分": a cap)
        line_start = text.rfind("\n", 0, n.start) + 1
        field_start = max([line_start, *(m.end() for m in _FIELDS_APART.finditer(text, line_start, n.start))])
        if _FIELD_TOTAL.match(text, field_start, n.start):
            clause = "自评总分"    # ("自评得分：93.85分" a line of a cover's fields, "自评等级：优" under it: the total — a field
            # of its own after others on the line too: "主管部门：…局        自评总分（分）：98.39")
        if STRONG_TOTAL.search(clause) or _TOTAL_LABEL.search(label) and (
                _TOTAL_CONTEXT.search(text[start:end]) or "综合" in label):
            # (a total said of the whole — 单位整体支出绩效自评得分 — before the projects' ones said earlier)
            # (… and "经自评，项目得分…" after any other: the words of a summary, said again where it is worked out)
            candidates.append(((not STRONG_TOTAL.search(clause), "整体" not in clause, bool(project_scored)), n))
    if len(candidates) > 1:   # "评价总分100分，分四个等级": the full mark, not a total
        full = [c for c in candidates if c[1].value == 100 and _FULL_MARK.search(re.split(r"[,，;；(（]", c[1].label)[-1])]
        candidates = [c for c in candidates if c not in full] or candidates
    if candidates:   # a total named as one (综合得分, 总分 …) before a bare 得分
        facts.total = min(candidates, key=lambda c: (*c[0], c[1].start))[1]
    facts.totals_said = [n for (weak, *_), n in candidates if not weak]
    is_rule = facts.document.is_rule if facts.document else (lambda offset: False)
    for _, n in candidates:    # each total with the grade its own sentence gives it (a project's too)
        end = sentence_bounds(text, n.start)[1]
        said = _stated_grade(text, n.end, is_rule)
        if said and said.start() < end:
            facts.graded.append((n, GRADE_WORDS[said.group(1)], said.start(1)))
            if n not in facts.totals_said and "分别" not in text[sentence_bounds(text, n.start)[0]:end]:
                facts.totals_said.append(n)   # ("…，项目自评得分97.38分，评价等级为“优”": a score given its grade)
    return [n for _, n in candidates]


def report_grade(facts, totals: list) -> None:
    """Sets facts.grade: the first grade word from the total's sentence on that is the report's
    (once the total is known — a form's 总分 row may be it, not a sentence's)."""
    text = facts.text
    is_rule = facts.document.is_rule if facts.document else (lambda offset: False)
    near = _own_grade(facts, sentence_bounds(text, facts.total.start)[0], is_rule, totals) if facts.total else None
    found = near or _own_grade(facts, 0, is_rule, totals)
    if found:
        grade, facts.grade_apart = found
        facts.grade = (GRADE_WORDS[grade.group(1)], grade.start(1))
    # the form's total row with its own grade beside it ("最终得分 | 89.38 | 等级：优"): that total's grade too
    form_total = facts.forms.total if facts.forms is not None else None
    if form_total is not None and not any(n is form_total for n, _, _ in facts.graded):
        line_end = text.find("\n", form_total.end)
        beside = _GRADE.search(text, form_total.end, len(text) if line_end < 0 else line_end)
        if beside is not None and (facts.grade is None or beside.start(1) != facts.grade[1]):
            facts.graded.append((form_total, GRADE_WORDS[beside.group(1)], beside.start(1)))
