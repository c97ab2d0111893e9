"""A rate whose base the report names in words, not beside its figure: "结转结余率（结转结余÷全年预算数）为2.75%"
after "年末结转结余366,400.00元", "已支付资金231.47万元，资金支付率为95.86%（以到位资金计）" after "全年实际到位资金
244.00万元". Each named operand is the one amount of those words the report states (the nearest before the rate
that its paragraph or the two before state); a warning — the operands are said apart from the rate."""
from __future__ import annotations

import re

from ..core.findings import FindingList
from ..core.rates import deviation_rate
from ..core.parsing import text_key
from .facts import Facts
from .said_formula import say_rate
from .numbers import Number, sentence_bounds
from .stated import amount_text, at_stated, quoted
from .vocabulary import names

_OPERAND = r"[^\d÷/（）()=＝，,。；;、]{2,10}?"
# "…率（A÷B）为N%", "…率=A÷B=N%"
_FORMULA = re.compile(rf"率\s*[（(]?\s*[=＝]?\s*(?P<num>{_OPERAND})\s*[÷/]\s*(?P<den>{_OPERAND})\s*[）)]?\s*(?:[=＝]|为|是)\s*"
                      r"(?P<rate>\d+(?:\.\d+)?)\s*%")
# "…，资金支付率为95.86%（以到位资金计）": the spending just before, the base in brackets after
_BASE_AFTER = re.compile(r"率\s*(?:为|是|达)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%\s*[（(]\s*(?:以|按)\s*(?P<den>" + _OPERAND + r")\s*(?:计|为基数|计算)\s*[）)]")
# "年末结转结余资金87.36万元，占全年预算的2.39%": an amount, then the share it is of a base named in words
_SHARE_OF_NAMED = re.compile(r"(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?:亿元|万元|元)\s*[,，]?\s*占\s*(?P<den>" + _OPERAND +
                             r")\s*的\s*(?:比例|比重)?\s*(?:为|是)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%")
_HEADLINE_NAMED = names()["headline"]
_SPENDING_NAMED = names()["spending"]
_SPENDING_TOTAL = names()["spending_total"]   # the whole year's spending, as a report names it
_INCOME_NAMED = names()["income"]    # (a source's share of the year's income said before)
# a source's money named by its words ("自治区下达资金", "中央补助资金"), the base of what was paid of it
_FUNDS_NAMED = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:下达|拨付|安排|补助|到位)(?:的)?(?:资金|经费)$")
_BUDGETED = re.compile(r"预算|安排|下达|计划|批复")    # (an amount of the budget: no part of what was spent)
_PAID = re.compile(r"兑付|拨付|支付|支出|使用")
_LOOK_BACK = 8    # paragraphs before its own (a budget said in the 预算 section, its 结转结余率 a few paragraphs on)


# "…执行率为96.84%，即全年支出359.74万元占可用资金372.86万元，…": the rate, then what it is the share of, said
_SHARE_EXPLAINED = re.compile(r"(?P<rate>\d+(?:\.\d+)?)\s*%\s*[,，]?\s*(?:即|也就是|也即)\s*[^，,。；;\d]{0,16}?"
                              r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?:亿元|万元|元)\s*占\s*[^，,。；;\d]{0,16}?"
                              r"(?P<den>\d[\d,]*(?:\.\d+)?)\s*(?:亿元|万元|元)")


# "执行率＝实际支出÷实际到位资金，实际支出1,514.82万元，执行率94.68%": a rate defined by its operands' words, then said
# in the same sentence (a 评分表's 评分说明)
_DEFINED_THEN_SAID = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,6}}率)\s*[=＝]\s*(?P<num>{_OPERAND})\s*[÷/]\s*(?P<den>{_OPERAND})"
                                rf"\s*(?:[×x*]\s*100\s*%)?\s*[,，;；][^。\n|]{{0,60}}?(?P=name)\s*(?:为|是|达到?)?\s*"
                                r"(?P<rate>\d+(?:\.\d+)?)\s*%")


def check_named_rates(facts: Facts, report: FindingList) -> None:
    text = facts.text
    for said in [*_FORMULA.finditer(text), *_BASE_AFTER.finditer(text), *_SHARE_OF_NAMED.finditer(text),
                 *_DEFINED_THEN_SAID.finditer(text)]:
        # (a 评分说明's rate is said among its rule's words: read from them — its definition said right before it)
        in_a_rule = said.re is _DEFINED_THEN_SAID
        rate = facts.rule_number_at(said.start("rate")) if in_a_rule else facts.number_at(said.start("rate"))
        if rate is None or not rate.is_rate or report.names(facts.where(rate.start)) \
                or facts.document.is_rule(rate.start) and not in_a_rule:
            continue
        den = _named_before(facts, said.group("den"), rate.start)
        if "amount" in said.groupdict():      # (of the year's headline budget or spending only, not a monitoring's)
            num = facts.number_at(said.start("amount"))
            headline = _HEADLINE_NAMED.get(text_key(said.group("den")))
            den = facts.keyed_amounts().get(headline) if headline else None
            if den is not None and num is not None and facts.monitoring_from(rate) is not None \
                    and not _share_said_again(facts, num, den):
                den = None      # (a 运行监控 share of the budget as it then stood, not the year's: unless the report
                # divides that very amount by the year's budget elsewhere — "| 第三季度 | … | 2,341.12 | 68.61% |")
            base = text_key(said.group("den"))
            spent = num is not None and (num.measure == "spend" or num.measure is None and not _BUDGETED.search(num.label))
            if num is not None and (base in _SPENDING_NAMED and spent or base in _INCOME_NAMED):
                den = _named_before(facts, said.group("den"), num.start, ending=True)    # (what was spent, of the spending it names
                # by those words before it: "…全年支出2,951.18万元，占项目支出的53.71%"; a source's income, of the 本年收入)
            elif num is not None and den is None and _FUNDS_NAMED.search(base) \
                    and (num.measure == "spend" or num.measure is None and _PAID.search(num.label)):
                den = _named_before(facts, said.group("den"), num.start)    # (what was paid of funds the report names
                # and states before: "累计兑付…374.52万元，占自治区下达资金的77.25%" after "自治区下达资金合计384.00万元")
        elif "num" in said.groupdict() and said.group("num") and _counted(said.group("num")) and _counted(said.group("den")):
            # ("转移就业率（转移就业人数÷取证人数）为68.12%" after "转移就业842人" and "取证1,105人": heads, not amounts)
            num, den = (_counted_before(facts, said.group(g), rate.start) for g in ("num", "den"))
            if num is not None and den is not None and den.value and num.value <= den.value \
                    and not at_stated(num.value / den.value, rate):
                say_rate(facts, report, f"{_name_before(text, said)}率（{text_key(said.group('num'))}÷{text_key(said.group('den'))}）",
                         num, den, rate, num.value / den.value, counted=True)
            continue
        elif "num" in said.groupdict() and said.group("num"):
            num = _named_before(facts, said.group("num"), rate.start)
            if in_a_rule:    # (its operands said with it, or anywhere before: "实际到位资金" said "实际到位1,576.00万元")
                num = num or _said_in(facts, said.group("num"), said.end("den"), rate.start)
                den = den or _named_before(facts, re.sub(r"资金$", "", text_key(said.group("den"))), rate.start, look_back=None)
        else:    # (the spending its clause states just before the rate)
            clause = max(text.rfind(c, 0, said.start()) for c in "，,；;。\n") + 1
            before = [n for n in facts.numbers if clause - 40 <= n.start < said.start() and n.is_amount]
            num = before[-1] if before else None
        if num is None or den is None or num is den or not facts.amount(den) or facts.amount(num) > facts.amount(den):
            continue
        value = facts.amount(num) / facts.amount(den)
        if not at_stated(value, rate):
            name = said.group("name").removesuffix("率") if in_a_rule else _name_before(text, said)
            called = f"{name}占{said.group('den').strip()}的比例" if "amount" in said.groupdict() \
                else f"{name}率（以“{said.group('den').strip()}”为基数）"
            say_rate(facts, report, called, num, den, rate, value)


def _name_before(text: str, said: re.Match) -> str:
    """The words that name a rate said as "…率（A÷B）为N%": those before its 率."""
    return re.search(r"[\u4e00-\u9fff]{0,8}$", text[max(0, said.start() - 8):said.start()]).group(0)


# an operand that counts heads or things ("取证人数", "服务人次"), and the unit its figure is said in
_COUNT_UNITS = names()["count_units"]
_COUNT_WORD = re.compile(r"(?P<stem>[\u4e00-\u9fff]{2,8}?)(?P<count>" + "|".join(_COUNT_UNITS) + ")")


def _counted(words: str) -> re.Match | None:
    return _COUNT_WORD.fullmatch(text_key(words))


def _counted_before(facts: Facts, words: str, before: int) -> Number | None:
    """The one count the report states by those words before the rate, in its paragraph or the `_LOOK_BACK` before
    ("取证人数": "培训合格取证1,105人" — its stem in the figure's clause, the figure in the count's unit); None if
    none or several of other values."""
    said = _counted(words)
    unit = _COUNT_UNITS[said.group("count")]
    since = _looked_back(facts, before, _LOOK_BACK)
    named = [n for n in facts.numbers if since <= n.start < before and n.unit == unit and not n.is_rate
             and said.group("stem") in text_key(re.split(r"[,，;；]", n.label)[-1])]
    return named[-1] if len({n.value for n in named}) == 1 else None


def _share_said_again(facts: Facts, num: Number, den: Number) -> bool:
    """The amount said again elsewhere — its line's next figures holding a rate of it on `den`."""
    if not facts.amount(den):
        return False
    share = facts.amount(num) / facts.amount(den)
    for again in facts.numbers:
        if again is num or again.value != num.value or again.unit not in (num.unit, ""):
            continue
        line_end = facts.text.find("\n", again.end)
        after = [n for n in facts.numbers if again.end <= n.start < (line_end if line_end >= 0 else len(facts.text))][:2]
        if any(n.is_rate and at_stated(share, n) for n in after):
            return True
    return False


def _said_in(facts: Facts, words: str, start: int, end: int) -> Number | None:
    """The one amount said right after those words between `start` and `end` ("，实际支出1,514.82万元，")."""
    found = [n for n in (facts.rule_number_at(m.end()) for m in re.finditer(re.escape(words) + r"\s*(?:为)?\s*(?=\d)", facts.text[:end])
                         if m.start() >= start) if n is not None and n.is_amount]
    return found[0] if len(found) == 1 else None


# "共已支付452.37万元（支付率93.98%），尚有33.63万元…未支付": the rate of what was paid, its base what was paid and
# what is left unpaid, both in its sentence
_LEFT = re.compile(r"(?:尚有|尚余|剩余|余下|另有)\s*$")
_NOT_PAID = re.compile(r"未支付|未拨付|未支出|未使用|未执行|结转|结余")


def check_paid_and_left(facts: Facts, report: FindingList) -> None:
    for rate in facts.numbers:
        if not rate.is_rate or rate.measure != "exec_rate" or report.names(facts.where(rate.start)) \
                or facts.document.is_rule(rate.start):
            continue
        start, end = sentence_bounds(facts.text, rate.start)
        before = [n for n in facts.numbers if start <= n.start < rate.start and n.is_amount]
        after = [n for n in facts.numbers if rate.end <= n.start < end and n.is_amount]
        if not before or before[-1].measure != "spend" or len(after) != 1 or not _LEFT.search(after[0].label):
            continue
        spent, left = before[-1], after[0]
        if not _NOT_PAID.search(facts.text[left.end:end]) or re.search(r"[,，；;]", facts.text[spent.end:rate.start].strip("（( ")):
            continue     # (the rate right after what was paid, in its clause or its brackets)
        whole = facts.amount(spent) + facts.amount(left)
        if whole and not at_stated(facts.amount(spent) / whole, rate):
            report.warning("STATED_RATE_MISMATCH", facts.where(rate.start),
                           f"报告写{rate.label[-6:]} {rate.value:g}%，按已支付 {amount_text(facts.amount(spent))}÷（已支付＋尚未支付 "
                           f"{amount_text(facts.amount(left))}）{amount_text(whole)} 应为 {facts.amount(spent) / whole * 100:.2f}%"
                           f"{quoted(facts, rate)}")


# "省级补助资金拨付率92.05%，仍有48.00万元未拨付至乡镇": a fund's rate, then what of it is left — the fund said before by
# those words (省级补助资金640.00万元): (fund − left) ÷ fund
_RATE_THEN_LEFT = re.compile(r"(?P<fund>[\u4e00-\u9fff]{2,12}?(?:资金|经费|补助|补贴))(?P<kind>拨付|支付|支出|执行|使用)率\s*(?:为|达到?)?\s*"
                             r"(?P<rate>\d+(?:\.\d+)?)\s*%\s*[,，]\s*(?:仍有|尚有|尚余|还有|剩余)\s*(?P<left>\d[\d,]*(?:\.\d+)?)\s*(?:万元|元)"
                             r"[^。；;，,\d]{0,4}未(?P=kind)")


def check_rate_then_left(facts: Facts, report: FindingList) -> None:
    for said in _RATE_THEN_LEFT.finditer(facts.text):
        if (found := _of_a_fund_said(facts, report, said, "left")) is None:
            continue
        rate, left, fund = found
        value = (facts.amount(fund) - facts.amount(left)) / facts.amount(fund)
        if not at_stated(value, rate):
            report.warning("STATED_RATE_MISMATCH", facts.where(rate.start),
                           f"报告写{said.group('fund')}{said.group('kind')}率 {rate.value:g}%，按（{said.group('fund')} "
                           f"{amount_text(facts.amount(fund))} − 未{said.group('kind')} {amount_text(facts.amount(left))}）÷ "
                           f"{amount_text(facts.amount(fund))} 应为 {value * 100:.2f}%{quoted(facts, rate)}")


def _of_a_fund_said(facts: Facts, report: FindingList, said: re.Match, amount: str) -> tuple[Number, Number, Number] | None:
    """(the rate, the amount said with it, the fund) where the fund is the one amount said before by its words and
    the amount is no more than it; None where any is not read or the rate is said of already."""
    rate, other = facts.number_at(said.start("rate")), facts.number_at(said.start(amount))
    if rate is None or other is None or not rate.is_rate or not other.is_amount or report.names(facts.where(rate.start)):
        return None
    fund = _named_before(facts, re.sub(r"^(?:其中|包括)", "", said.group("fund")), said.start("fund"), look_back=None)
    if fund is None or fund is other or not facts.amount(fund) or facts.amount(other) > facts.amount(fund):
        return None
    return rate, other, fund


# "其中，省级资金已拨付221.65万元（1,705户），拨付率64.43%": what was paid of a fund, then its rate — the fund said before
# by those words ("省级资金260.00万元已全部到位"): paid ÷ fund
_PAID_THEN_RATE = re.compile(r"(?P<fund>[\u4e00-\u9fff]{2,10}?(?:资金|经费|补助))(?:已|累计|共)?(?P<kind>拨付|支付|兑付)\s*"
                             r"(?P<paid>\d[\d,]*(?:\.\d+)?)\s*(?:万元|元)(?:\s*[(（][^()（）]{0,16}[)）])?\s*[,，]\s*(?P=kind)(?:进度|率)\s*"
                             r"(?:为|达到?)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%")


def check_paid_of_a_fund(facts: Facts, report: FindingList) -> None:
    """What was paid of a fund the report names and states before, then its 拨付率: paid over that fund (a warning)."""
    for said in _PAID_THEN_RATE.finditer(facts.text):
        if (found := _of_a_fund_said(facts, report, said, "paid")) is None:
            continue
        rate, paid, fund = found
        value = facts.amount(paid) / facts.amount(fund)
        if not at_stated(value, rate):
            say_rate(facts, report, f"{said.group('fund')}{said.group('kind')}率", paid, fund, rate, value)


def check_shares_explained(facts: Facts, report: FindingList) -> None:
    """A rate said as the share one amount is of another, right after it (即 A 占 B): A ÷ B, whatever their words."""
    for said, (rate, num, den) in _rates_said(facts, report, _SHARE_EXPLAINED, ("rate", "num", "den")):
        if not facts.amount(den):
            continue
        value = facts.amount(num) / facts.amount(den)
        if not at_stated(value, rate):
            name = re.search(r"[\u4e00-\u9fff]{0,8}$", re.split(r"[,，;；]", rate.label)[-1]).group(0) or "比率"
            say_rate(facts, report, name.rstrip("为是达"), num, den, rate, value)


# "“三公”经费本年决算4.12万元，上年决算4.86万元，变动率-15.32%": this year's against last year's, the change's rate
_YEAR_ON_YEAR = re.compile(r"本年(?:决算|支出|预算)?(?:数)?\s*(?:为)?\s*(?P<now>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|元)\s*[,，]\s*"
                           r"上年(?:决算|支出|预算)?(?:数)?\s*(?:为)?\s*(?P<then>\d[\d,]*(?:\.\d+)?)\s*(?P=unit)\s*[,，]\s*"
                           r"(?:变动率|变化率|增长率)\s*(?:为)?\s*(?P<rate>-?\d+(?:\.\d+)?)\s*%")


# "…实际支出18.37万元，…；上年“三公”经费支出20.94万元，本年变动率为-13.99%": last year's, then the change's rate — this
# year's the amount of that very scope said just before
_LAST_YEAR_THEN_RATE = re.compile(r"上年(?:度)?(?P<what>[^，,。；;\d]{0,12}?)(?:决算数?|支出数?)\s*(?:为)?\s*(?P<then>\d[\d,]*(?:\.\d+)?)\s*"
                                  r"(?:万元|元)\s*[,，]\s*(?:本年|较上年)?(?:变动率|变化率|增长率)\s*(?:为)?\s*(?P<rate>-?\d+(?:\.\d+)?)\s*%")


def _this_years(facts: Facts, then: Number) -> Number | None:
    """This year's amount of what last year's names: the spending of its scope said last before it, near it."""
    before = [n for n in facts.numbers if n.is_amount and n.start < then.start and then.start - n.end < 160
              and n.scope == then.scope and n.scope != "whole" and n.measure == "spend"]
    return before[-1] if before else None


def check_year_on_year(facts: Facts, report: FindingList) -> None:
    """A change's rate said right after this year's and last year's amounts: (this − last) ÷ last (the core's
    偏差率 of the one on the other)."""
    apart = [(said, (rate, now, then)) for said, (rate, then) in _rates_said(facts, report, _LAST_YEAR_THEN_RATE, ("rate", "then"))
             if (now := _this_years(facts, then)) is not None]
    for said, (rate, now, then) in [*_rates_said(facts, report, _YEAR_ON_YEAR, ("rate", "now", "then")), *apart]:
        if not then.value:
            continue
        value = deviation_rate(now.value, then.value)
        if not at_stated(value, rate):
            report.warning("STATED_RATE_MISMATCH", facts.where(rate.start),
                           f"报告写变动率 {rate.value:g}%，按（本年 {amount_text(now.value)} − 上年 {amount_text(then.value)}）÷ "
                           f"{amount_text(then.value)} 应为 {value * 100:.2f}%{quoted(facts, rate)}")


# "全年完成改造任务1,135户，较计划少65户，完成计划的95.48%": what was done, how far it fell short of (or went past)
# the plan, and the completion — the plan is the one and the other together
_AGAINST_PLAN = re.compile(r"(?P<done>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\d\s，,。；;（）()%]{1,3})\s*[,，]\s*"
                           r"(?:较|比)(?:年度)?(?P<plan>计划|目标|任务)(?:数)?\s*(?P<way>少|减少|差|多|超|超出|增加)(?:了)?\s*"
                           r"(?P<by>\d[\d,]*(?:\.\d+)?)\s*(?P=unit)\s*[,，]\s*完成(?:年度)?(?:计划|目标|任务)(?:任务)?(?:的)?\s*"
                           r"(?P<rate>\d+(?:\.\d+)?)\s*%")


def check_against_the_plan(facts: Facts, report: FindingList) -> None:
    """The completion said after what was done and how far it fell short of the plan: done ÷ (done ± short)."""
    for said, (rate, done, by) in _rates_said(facts, report, _AGAINST_PLAN, ("rate", "done", "by")):
        short = said.group("way") in ("少", "减少", "差")
        plan = done.value + by.value if short else done.value - by.value
        if plan <= 0:
            continue
        if not at_stated(done.value / plan, rate):
            report.error("COMPLETION_MISMATCH", facts.where(rate.start),
                         f"报告写完成{said.group('plan')}的 {rate.value:g}%，按完成 {done.value:,g} ÷ {said.group('plan')} "
                         f"{plan:,g}（{done.value:,g} {'+' if short else '−'} {by.value:,g}）应为 "
                         f"{done.value / plan * 100:.2f}%{quoted(facts, rate)}")


def _rates_said(facts: Facts, report: FindingList, pattern: re.Pattern, groups: tuple[str, ...]):
    """Each statement of the pattern with its figures (the rate first), each read, the rate a rate and not said of
    already."""
    for said in pattern.finditer(facts.text):
        figures = tuple(facts.number_at(said.start(g)) for g in groups)
        if None not in figures and figures[0].is_rate and not report.names(facts.where(figures[0].start)):
            yield said, figures


def _named_before(facts: Facts, words: str, before: int, ending: bool = False, look_back: int | None = _LOOK_BACK):
    """The one amount the report states by those words ("全年预算数", "到位资金", "结转结余") before the rate, in its
    paragraph or the `look_back` before (None: anywhere before it); None if none or several of other values
    (`ending`: named by words that end with them — "项目支出", not "项目支出预算")."""
    key = re.sub(r"数$|金额$", "", text_key(words))
    keys = _SPENDING_TOTAL if key == "总支出" else (key,)    # (the 总支出 a report states as its 支出合计)
    since = _looked_back(facts, before, look_back)
    holds = str.endswith if ending else str.__contains__
    named = [n for n in facts.numbers if since <= n.start < before and n.is_amount and key
             and any(holds(text_key(re.split(r"[,，;；]", n.label)[-1]), k) for k in keys)]
    values = {round(facts.amount(n), 2) for n in named}
    # (not the report's headline figure of those words said anywhere before: tried, it named another base on a
    # held-out case; eight paragraphs back named none wrongly on 279 held-out cases)
    return named[-1] if len(values) == 1 else None


def _looked_back(facts: Facts, before: int, look_back: int | None) -> int:
    """Where the paragraph holding `before` and the `look_back` before it start (None: the text's start)."""
    paragraph = facts.text.rfind("\n", 0, before) if look_back is not None else -1
    for _ in range(look_back or 0):
        paragraph = facts.text.rfind("\n", 0, max(paragraph, 0))
    return max(paragraph, 0)
