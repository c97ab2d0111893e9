"""The 其中 lists of a report ("全年支出1,000万元，其中：基本支出…，项目支出…"): which amount is the whole
and which are its parts — by the words of the list, the clause it stands in and what the parts add up to;
and a rate said right after such a list, the whole's."""
from __future__ import annotations

import re

from .facts import Facts, PartsList
from .numbers import Number, scope_named, sentence_bounds, stop_parts
from .plain import COUNT, count_of, opens_bracket
from .stated import parts_off

_CLAUSE_END = re.compile(r"[;；]")
_MADE_OF = r"由(?:以下|下列)?\s*(?:[两二三四五六七八九十]|\d{1,2})?\s*(?:项|部分|个方面|类|个|笔)?\s*(?:构成|组成)\s*[:：]"
# "项目支出2,146.38万元，分别为A…元、B…元、C…元": right after the whole, its parts each named (not "A、B分别为X、Y")
_RESPECTIVELY = r"(?:(?<=元)[,，]?|(?<=支出))\s*分别(?:为|是)\s*[:：]?(?=[^\d,，。;；]{2})"
# "本年支出1,198.35万元，包括基本支出…和项目支出…": a list as 其中's (not "主要包括…": some of them, said so)
_INCLUDING = r"(?<=元)[,，]\s*包括\s*[:：]?(?=[^\d,，。;；]{2})"
# "全年支出261.00万元，按经济分类：工资福利支出…，商品和服务支出…": a breakdown by one classification, all of it
_CLASSIFIED = r"(?<=元)[,，]\s*按(?:支出)?(?:经济分类|功能分类|支出性质|资金来源|经济科目)(?:分|看|划分)?\s*[:：]"
_SPENDING = re.compile(r"实际|使用|拨付|执行数|已完成|已支出|已支付")   # not 支出: 基本支出 and 项目支出 are parts of a budget
_WHOLE = re.compile(r"合计|总计|总额|小计")     # a part that is itself a whole ends the list
_SUMMING = re.compile(r"共|合计|总计|涉及|安排|分解|用于")
_SOME_OF = re.compile(r"\s*(?:万元|元)?\s*等")
_INCOME_AND_SPENDING = re.compile(r"收入?\s*[、,，和及与]?\s*支出?\s*(?:总计|合计|总额|均为|各)\s*$")   # 收、支总计


def read_sums(facts: Facts) -> None:
    """The 其中 lists of the report: each whole and the parts said after it."""
    text = facts.text
    for match in re.finditer(r"其中(?:[:：\s]*其中)*|即\s*[:：]|" + _MADE_OF + "|" + _RESPECTIVELY + "|" + _INCLUDING + "|" + _CLASSIFIED, text):   # "其中：其中：" is
        # one list; "即：", "由以下四项构成：" and an amount's "，分别为…" name them all
        start, end = sentence_bounds(text, match.start())
        before = [n for n in facts.numbers if start <= n.start < match.start() and n.is_amount]
        before = [n for n in before if not stop_parts(n.label)]   # "同比增加44.20万元" is no whole
        from_previous = not before
        if from_previous:   # "…919.76万元。其中：上级…" — the whole is in the sentence before
            before_start = sentence_bounds(text, max(start - 1, 0))[0]
            previous = [n for n in facts.numbers if before_start <= n.start and n.end <= start and n.is_amount
                        and not stop_parts(n.label)]
            before = previous if previous and text[previous[-1].end:start].count("\n") == 0 else []
            clause = max([before_start] + [m.end() for m in _CLAUSE_END.finditer(text, before_start, start)])
            if len([n for n in before if n.start >= clause]) == 1:   # "…截至11月30日…；截至12月31日，累计
                before = [n for n in before if n.start >= clause]     # 拨付1,241.60万元…。其中：…": its last clause's
        parts = []
        spent_whole = bool(before) and (bool(_SPENDING.search(before[-1].label)) or before[-1].measure == "spend")
        opened = text[start:match.start()]
        if opens_bracket(opened):
            closing = re.search(r"[)）]", text[match.end():end])   # "…耗材156.30万元（其中…合同148.60万元），…":
            end = match.end() + closing.start() if closing else end   # a list in brackets ends with them
        following = text.find("其中", match.end(), end)    # "…；全年实际支出…，其中…": another whole and
        nested = None                                      # its list: this one ends at the ； before it
        if following >= 0:
            semicolons = [m.start() for m in re.finditer(r"[;；]", text[match.end():following])]
            end = match.end() + semicolons[-1] if semicolons else end
            if not semicolons and not opens_bracket(text[match.end():following]):     # "其中：人员经费…，其中工资福利…、对个人和家庭的补助…；公用经费…": a part's own
                closed = _CLAUSE_END.search(text, following, end)     # list, to its ；, is not this one's
                nested = (following, closed.start() if closed else end)
        if _inside_a_part(text, start, match.start()):
            closed = _CLAUSE_END.search(text, match.end(), end)   # (that part's list: to its ；, else not known)
            if closed is None:
                continue
            end = closed.start()
        for n in facts.numbers:
            if match.end() <= n.start < end and not (nested and nested[0] <= n.start < nested[1]):
                if stop_parts(n.label) or (not spent_whole and _SPENDING.search(n.label)) or _WHOLE.search(n.label):
                    break   # "其中省级补助…、县级配套…，实际拨付使用…": the sources end where spending starts
                if n.measure == "adjust" and before and before[-1].measure != "adjust" \
                        and re.search(r"[;；]", text[match.end():n.start]):
                    break   # "其中基本支出…、项目支出…；年中追加…，上年结转…": the budget's moves after the list
                between = text[match.end():n.start]
                if n.is_amount and not opens_bracket(between):
                    parts.append(n)   # (a part's own parts in brackets after it are not the whole's)
        parts = _subtotals_folded(facts, parts)
        if not before or len(parts) < 2 or _item_without_amount(facts, parts, end) \
                or _INCOME_AND_SPENDING.search(before[-1].label) or any(_SOME_OF.match(text, p.end) for p in parts) \
                or any(_EACH.search(p.label) or _AVERAGE.search(re.split(r"[,，;；、]", p.label)[-1]) for p in parts):
            continue   # (收、支总计…其中，年初结转…，本年收入…；本年支出…，年末结转…: two lists, one each side;
            # "…74.80万元等": some of the parts, said so — "…180.00万元等；上年结转318.62万元" too: the
            # list ended at its 等, what follows is no part of it; "A、B各20万元，8个站每站1万元": amounts each,
            # not parts)
        groups: dict[str | None, list[Number]] = {}
        for n in parts:      # (a source named by its budget — 一般公共预算财政拨款 — is no budget of its own)
            groups.setdefault(None if n.measure == "budget" and _A_SOURCE.search(n.label) else n.measure, []).append(n)
        if before[-1].measure == "spend" and set(groups) == {None, "spend"} and all(n.measure is None for n in groups[None]):
            groups = {before[-1].measure: parts}   # "支出566.34万元。其中：财政拨款支出409.18万元，…；上级补助资金
            # 支出151.36万元…": the whole's own measure named in one part, the others' unnamed — one list
        elif before[-1].measure == "total_budget" and set(groups) == {None, "total_budget"} \
                and abs(sum(facts.amount(n) for n in parts) - facts.amount(before[-1])) < 0.005:
            groups = {before[-1].measure: parts}   # ("全年预算306.00万元。其中下达各镇工程补助资金281.40万元，县级统筹
            # 经费24.60万元": the budget's parts, one named as 资金, coming to it to the cent — one list)
        if "分别" in match.group() and len(groups) > 1:
            continue   # ("追加412.30万元，分别为省级…120.00万元、县级防汛救灾追加207.30万元…": parts read as of other kinds)
        if _INCOME_WHOLE.search(before[-1].label):
            groups = {None: parts}   # "本年收入合计…，其中一般公共预算财政拨款收入…、其他收入…": sources of income, one list
            # (a 预算 in a source's name makes it no budget)
        for measure, group in groups.items():
            if measure is None and from_previous and len(before) > 1:
                continue   # "实际支出298.43万元，…结余14.17万元。其中：展会补贴…": which is the whole?
            wholes = [n for n in before if n.measure == measure] if measure else []
            whole = wholes[-1] if wholes else (before[-1] if measure is None and not _whole_before_a_semicolon(
                facts, parts, before[-1], match.end()) or len(groups) == 1 else None)
            nearer = [n for n in parts if n not in group and n.start < group[0].start
                      and abs(sum(facts.amount(p) for p in group) - facts.amount(n)) <= 0.005 * len(group) + 1e-9]
            if measure is None and nearer:   # "…执行172.38万元，…资金用于A128.60万元、B31.28万元、C12.50万元":
                whole = nearer[-1]          # the spending said in the list is their whole, not the list's
            if whole is not None and measure is not None and whole.measure == measure \
                    and re.search(r"[;；]", text[match.end():group[0].start]):
                continue   # "追加…48.00万元，其中…；追加…120.00万元，…；调减…35.60万元": the whole's siblings, not its parts
            if whole is not None and len(group) >= 2:
                group = _up_to_a_clause_that_adds_up(facts, group, whole) if whole.measure == "adjust" else group
                for n in group:
                    n.part = True
                facts.sums.append(PartsList(whole, group, every_part=not match.group().startswith(("其中", "包括"))))


def _whole_before_a_semicolon(facts: Facts, parts: list[Number], whole: Number, start: int) -> bool:
    """The list's parts of every kind said before its first ；come to its whole ("…1,000.00万元，其中年初提前下达800.00万元、
    6月下达200.00万元；县级安排…12.00万元"): the list ends there, what follows is another clause's."""
    semicolon = re.search(r"[;；]", facts.text[start:parts[-1].start]) if parts else None
    if semicolon is None:
        return False
    listed = [p for p in parts if p.start < start + semicolon.start()]
    return len(listed) >= 2 and abs(sum(facts.amount(p) for p in listed) - facts.amount(whole)) <= \
        sum(facts.half_cent(p) for p in listed) + 1e-9


def _inside_a_part(text: str, start: int, at: int) -> bool:
    """The 其中 at `at` lists a part's own parts: another 其中 opened its sentence's list before it, with no ；
    between ("其中：人员经费…，其中…")."""
    earlier = text.rfind("其中", start, at)
    return earlier >= 0 and not re.search(r"[;；)）]", text[earlier:at]) and not opens_bracket(text[earlier:at])


_SUBTOTAL_SAID = re.compile(r"(?:以上|上述|前述)\s*(?:[两二三四五六七八九十]|\d{1,2})?\s*(?:项|笔|部分)?(?:资金)?\s*(?:共计?|合计|小计|总计)\s*(?:为)?\s*$")


_CARRIED = re.compile(r"(?:上年|年初|以前年度)结转|结余")


def _up_to_a_clause_that_adds_up(facts: Facts, group: list[Number], whole: Number) -> list[Number]:
    """The parts said before a ； that come to the whole, a carry-over after it: the list ends there ("年中追加1,362.37万元，其中…386.00万元、…
    620.00万元、…356.37万元；上年结转110.00万元" — the carry-over is the budget's, no part of the 追加)."""
    for k in range(2, len(group)):
        if _CLAUSE_END.search(facts.text, group[k - 1].end, group[k].start) and _CARRIED.search(group[k].label) \
                and not parts_off(facts, group[:k], whole):
            return group[:k]
    return group


def _subtotals_folded(facts: Facts, parts: list[Number]) -> list[Number]:
    """A part that adds up the parts before it ("禁牧补助289.50万元…，草畜平衡奖励131.00万元…，以上两项共420.50万元…；
    绩效评价奖励资金60.00万元"): one part in their stead, where they do add up to it; else no list (empty)."""
    for k, part in enumerate(parts):
        if k >= 2 and _SUBTOTAL_SAID.search(facts.text[parts[k - 1].end:part.start]):
            if parts_off(facts, parts[:k], part):
                return []
            return [part] + _subtotals_folded(facts, parts[k + 1:])
    return parts


_A_SOURCE = re.compile(r"(?:一般公共预算|政府性基金预算|国有资本经营预算)(?:财政拨款|拨款|资金|收入)?\s*$")   # a source's name
# (… or what is carried over: "年末结转结余79.89万元，其中一般公共预算70.17万元、上年结转资金6.22万元…", by source)
_INCOME_WHOLE = re.compile(r"(?:收入(?:合计|总计|总额)|(?:年末|年底)?结转(?:和|及)?结余(?:资金)?)\s*(?:为|是|共|共计|合计)?\s*$")
_EACH = re.compile(r"(?:各|每[^\d，,；;。、]{0,4})\s*$")
_AVERAGE = re.compile(r"[户人亩次件辆台]均|平均|均价")   # "户均1,210.39元，其中“气代煤”户均…": averages make up no whole


def _item_without_amount(facts: Facts, parts: list[Number], end: int) -> bool:
    """"其中房屋及构筑物2,106.42万元、通用设备381.27万元、车辆2辆": an item of the list said by its
    count, not its amount — the amounts listed are not all the whole's parts (the item: the words
    since the figure before it)."""
    stop = _CLAUSE_END.search(facts.text, parts[-1].end, end)
    limit = stop.start() if stop else end
    return any(parts[0].start < n.start < limit and not n.is_amount and not n.is_rate and n.unit != "分"
               and re.fullmatch(r"\s*[、，,]\s*[^\d、，,;；。]{1,12}", facts.text[previous.end:n.start])
               and not _SUMMING.search(facts.text[previous.end:n.start])     # (…，资金共安排9个项目: no item)
               for previous, n in zip(facts.numbers, facts.numbers[1:]))


def rates_after_parts(facts: Facts) -> None:
    """"支出3,058.62万元，其中基本支出…，项目支出1,100.21万元，预算执行率94.86%": a rate right after
    a 其中 list that names no scope of its own is the whole's, not its last part's."""
    for listed in facts.sums:
        if not listed.one_statement:
            continue
        last = listed.parts[-1]
        after = next((n for n in facts.numbers if n.start > last.end), None)
        # (each part with its own rate — "基本支出…，执行率99.28%；项目支出…，执行率95.30%" — keeps the last one's)
        rated_parts = any(n.is_rate for n in facts.numbers if listed.parts[0].end <= n.start < last.start)
        if after is not None and after.is_rate and after.sentence == last.sentence and scope_named(after.label) is None \
                and not _own_pair(facts, after) and not rated_parts:
            after.scope = listed.whole.scope


def _own_pair(facts: Facts, rate: Number) -> bool:
    """Its clause states a budget and a spending of its own scope ("…；项目支出预算386.30万元，支出361.91万元，
    执行率93.69%"): the rate is theirs."""
    start = max(facts.text.rfind(c, 0, rate.start) for c in ";；") + 1
    measures = {n.measure for n in facts.numbers if start <= n.start < rate.start and n.is_amount and n.scope == rate.scope}
    return bool(measures & {"budget", "total_budget", "initial"}) and "spend" in measures


# "…，合计171.03万元", "…，以上4项共计…", "…，两项合计…": the whole said after its parts
_TOTALLED = re.compile(r"[,，]\s*(?:(?:以上|上述|各项指标|各项|各类指标)?\s*(?:[两二三四五六七八九十]|\d{1,2})?\s*(?:项|类)?"
                       # (… or a count and what they are: "，三处修缮工程合计支出332.87万元")
                       r"|(?:以上|上述)?\s*(?:[两二三四五六七八九十]|\d{1,2})\s*(?:处|个|笔|部分)[\u4e00-\u9fff]{0,8}?)\s*"
                       r"(?:合计|共计|总计|共|综合(?:评价)?得分|总得分)\s*"
                       r"(?:为|是|达|支出|安排)?\s*(?=\d)")
# between two parts: a 、 or a comma, then the next part's name (no figure, no bracket)
_NEXT_PART = re.compile(r"\s*[、，,]\s*[^\d，,。；;：:、()（）]{1,24}\s*")
_NEXT_FIGURE = re.compile(r"\s*(?:[、，,]|和|及)\s*")      # … or none, the names said before them all
_RESPECTIVE = re.compile(r"分别(?:为|是|支出|安排|下达|拨付|发放|使用|完成)?\s*[:：]?\s*$")


def listed_then_totalled(facts: Facts):
    """Each "…，合计N" whose statement (since its start or its colon) lists figures before it, each after its
    name, no 其中 among them: (the 合计's figure, the figures listed) — the caller says which units count."""
    text = facts.text
    for said in _TOTALLED.finditer(text):
        whole = facts.number_at(said.end())
        if whole is None:
            continue
        start = sentence_bounds(text, said.start())[0]
        start = max([start] + [text.rfind(c, start, said.start()) + 1 for c in ":：;；"])
        parts = [n for n in facts.numbers if start <= n.start < said.start()]
        # (… or named before them all, "A、B、C三个片区分别支出120.50万元、86.30万元、64.20万元，合计…")
        between = _NEXT_FIGURE if parts and _RESPECTIVE.search(text, start, parts[0].start) else _NEXT_PART
        if len(parts) >= 2 and "其中" not in text[start:said.start()] \
                and all(between.fullmatch(text, a.end, b.start) for a, b in zip(parts, parts[1:])) \
                and not all(_ADDED_POINTS.search(p.label) for p in parts):
            yield whole, parts
        # (… not points added or taken off alone, "…加1.5分，…加1分，综合得分99.62分": added to a sum said before)


_ADDED_POINTS = re.compile(r"(?:加|扣|减)\s*$")
_BRACKETED_PARTS = re.compile(r"分\s*[(（]\s*(?:其中)?\s*[:：]?\s*(?P<list>[^()（）]{4,120}?)\s*[)）]")


def totalled_then_listed(facts: Facts):
    """Each score followed by its parts in brackets, each after its name ("综合得分95.46分（投入19.5分、过程27.65分、
    产出28.84分、效果19.65分）"): (the score, the parts) — none a bonus or a deduction (加分, 扣分: not added)."""
    text = facts.text
    for said in _BRACKETED_PARTS.finditer(text):
        whole = next((n for n in facts.numbers if n.end == said.start() + 1 and n.unit == "分"), None)
        parts = [n for n in facts.numbers if said.start("list") <= n.start < said.end("list")]
        if whole is None or len(parts) < 2 or re.search(r"加|扣|减|[×*÷/=＝%]", said.group("list")) \
                or not all(_NEXT_PART.fullmatch(text, a.end, b.start) for a, b in zip(parts, parts[1:])) \
                or not re.fullmatch(r"[^\d]{1,12}", text[said.start("list"):parts[0].start]):
            continue
        yield whole, parts


# "以上三项扶助金合计879.37万元": a sentence opening with the count of the figures the sentence before listed
_THOSE_TOTALLED = re.compile(rf"(?:以上|上述)\s*(?P<count>{COUNT})\s*(?:项|笔|类)[^，,。；;\d]{{0,12}}?"
                            r"(?:合计|共计|总计)\s*(?:为|是|支出|发放|安排)?\s*(?=\d)")


def listed_then_those_totalled(facts: Facts):
    """Each sentence "以上三项…合计N" whose sentence before lists just that many figures (after its colon, if it
    has one), each after its name: (N's figure, the figures listed)."""
    text = facts.text
    for said in _THOSE_TOTALLED.finditer(text):
        whole = facts.number_at(said.end())
        start = sentence_bounds(text, said.start())[0]
        if whole is None or text[start:said.start()].strip():
            continue        # (at its sentence's opening only)
        last = len(text[:start].rstrip()) - 1          # (the sentence before: its closing 。 and the line's end passed)
        begin = sentence_bounds(text, max(last - 1, 0))[0]
        begin = max([begin] + [text.rfind(c, begin, start) + 1 for c in ":："])
        parts = [n for n in facts.numbers if begin <= n.start < start]
        count = count_of(said.group("count"))
        if len(parts) == count >= 2 and "其中" not in text[begin:start] \
                and all(_NEXT_PART.fullmatch(text, a.end, b.start) for a, b in zip(parts, parts[1:])):
            yield whole, parts


# "…全年支出11,067.64万元，分季度看，第一至第四季度分别支出1,386.52万元、…和4,096.85万元": each quarter's own, the four of
# them the year — not 截至…累计 (cumulative figures are no parts)
_QUARTERS = re.compile(r"(?:第)?[一1]\s*(?:至|到|[-—~～])\s*(?:第)?[四4]\s*季度\s*(?:分别|依次)\s*"
                       r"(?:为|是|支出|执行|完成支出|拨付|支付|使用)?\s*[:：]?\s*(?=\d)")


def quarters_respectively(facts: Facts):
    """(the amount said before, the four quarters' amounts) of each "第一至第四季度分别…A、B、C和D" in its sentence."""
    text = facts.text
    for said in _QUARTERS.finditer(text):
        start, end = sentence_bounds(text, said.start())
        clause_end = min([m.start() for m in re.finditer(r"[;；。]", text[said.end():end])] + [end - said.end()]) + said.end()
        parts = [n for n in facts.numbers if said.end() <= n.start < clause_end]
        before = [n for n in facts.numbers if start <= n.start < said.start() and n.is_amount and not stop_parts(n.label)]
        if len(parts) != 4 or not before or "累计" in text[before[-1].start:clause_end] \
                or not all(re.fullmatch(r"\s*(?:万元|元)?\s*[、,，和及与]\s*", text[a.end:b.start]) for a, b in zip(parts, parts[1:])):
            continue
        yield before[-1], parts


def sums_said_after(facts: Facts) -> None:
    """"巡查管护劳务86.40万元、白蚁防治32.75万元、…，合计171.03万元": the parts listed first, their whole last —
    every figure of the statement one of the list. The 合计 says they are all its parts. So does "以上三项…合计"
    opening the next sentence."""
    for whole, parts in [*listed_then_totalled(facts), *listed_then_those_totalled(facts), *quarters_respectively(facts)]:
        if not whole.is_amount or whole.part or not all(n.is_amount and not n.part for n in parts) \
                or any(_EACH.search(n.label) for n in parts):
            continue
        for n in parts:
            n.part = True
        facts.sums.append(PartsList(whole, parts, every_part=True))
