"""The points a 评分表's 加分项 row adds against the cap the report's own rules set on them ("6.加分项合计不超过2分"):
more than the cap is a score the rules do not allow."""
from __future__ import annotations

import re

from ..core.findings import SCORE_TOLERANCE, FindingList
from .facts import Facts
from .stated import quoted

# "加分项合计不超过2分", "加分最高不超过3分", "加分上限为2分"
_CAP = re.compile(r"加分(?:项|部分)?(?P<whole>合计|累计|总计|总分|总和)?\s*(?:最高|最多)?\s*(?:不超过|不得超过|不高于|上限为?|为)?\s*"
                  r"(?P<cap>\d+(?:\.\d+)?)\s*分(?:为限|封顶)?")


def check_bonus_cap(facts: Facts, report: FindingList) -> None:
    """The 加分项 rows' points above the one cap the report states: an error where the cap is said of their sum and one
    row adds them, else a warning (which row the cap is of is not said)."""
    if facts.forms is None or not facts.forms.added:
        return
    caps = [m for m in _CAP.finditer(facts.text) if re.search(r"不超过|不得超过|不高于|上限|最高|最多|为限|封顶", m.group())]
    if len({float(m.group("cap")) for m in caps}) != 1:
        return      # (no cap said, or several: which holds is not known)
    cap = float(caps[0].group("cap"))
    added = facts.forms.added
    points = sum(n.value for n in added)
    where = facts.where(added[-1].start)
    if points > cap + SCORE_TOLERANCE and not report.names(where):
        certain = all(m.group("whole") for m in caps) and len(added) == 1
        say = report.error if certain else report.warning
        say("SCORE_MISMATCH", where,
            f"加分项计 {points:g} 分，报告评分说明规定加分项合计不超过 {cap:g} 分，应计 {cap:g} 分{quoted(facts, added[-1])}")
