"""Whose report it is and of which year: the department and the fiscal year, read from the title,
the lines under it, a form's fields, the signature and the page's 来源 — in that order of trust."""
from __future__ import annotations

import collections
import re

# the department as a form's field names it (部门名称, 部门（单位）名称, 实施单位, 评价单位（公章）…),
# its value after a colon, a table's cell mark or a run of spaces
_DEPT = re.compile(r"(?:(?:实施单位|项目单位)(?:/项目负责人)?|资金使用单位|预算部门单位|预算单位|评价单位|填报单位|单位(?=\s*\((?:公章|盖章)\))|(?:部门|单位)\s*(?:\((?:单位|部门)\))?\s*(?:名称|全称))"
                   r"\s*(?:\((?:公章|盖章)\))?\s*(?:[:：]|\s\|\s|\s+)\s*([^\s|:：/]{2,40}?)(?=\s|/|填报|日期|时间|主管部门|$)",
                   re.M)
_SUPERVISOR = re.compile(r"主管部门\s*(?:[:：]|\s\|\s|\s+)\s*([^\s|:：]{2,40}?)(?=\s|$)", re.M)   # a 部门整体 form's own
_ORGANISATION = r"(?:局|委员会|委|院|办公室|中心|站|所|馆|学校|小学|中学|幼儿园|政府|办事处|处|队|厅|社|部|镇|乡|街道|协会|联合会|工会|红十字会|党校|台)"
# (\s*+: a run of spaces taken whole — a line of a table set in spaces, tried every way of sharing its runs out among
# the optional words, took seconds)
_TITLE = re.compile(r"^\s*+(\S(?:(?!绩效).)*?)\s*+(?:部门|单位)?\s*+(?:\d{4}\s*+年度?)?\s*+(?:部门|单位)?\s*+(?:\(单位\))?\s*+(?:整体支出|项目支出)\s*+绩效\s*+"
                    r"(?:自评|评价)|^\s*+(\S(?:(?!绩效).)*?)\s*+(?:部门|单位)?\s*+\d{4}\s*+年度?\s*+(?:部门|单位)?\s*+绩效\s*+(?:自评|评价)|"
                    # an organisation's name before the year, the title naming a 绩效 report further on
                    r"^\s*+(\S{2,30}?" + _ORGANISATION + r")\s*+\d{4}\s*+年(?=.{0,40}绩效.{0,6}(?:自评|评价)|度?\s*+部门决算)|"
                    # the year first ("2023年度岷溪县林业局部门决算"), or the organisation and 关于 ("…林业局关于2023年度…
                    # 绩效自评情况的报告")
                    r"^\s*+\d{4}\s*+年度?\s*+([^\s\d]{2,30}?" + _ORGANISATION + r")\s*+(?:部门决算|部门整体|整体支出)|"
                    r"^\s*+(\S{2,30}?" + _ORGANISATION + r")\s*+关于\s*+\d{4}\s*+年度?(?=.{0,40}绩效.{0,6}(?:自评|评价))|"
                    # a placed organisation before a project's name ("滏阳县教育局学前教育幼儿资助资金绩效自评表")
                    r"^\s*+([^\s\d]{1,12}?(?:省|市|县|区|州|旗|盟)[^\s\d]{1,20}?(?:局|委员会|委|办公室|中心|政府|办事处|厅|联合会))"
                    r"(?=\S{2,40}?绩效\s*+(?:自评|评价))")
# a portal's header naming the department without its place ("索引号：… | 部门： | 农业农村局 |"): the place the
# title opens with comes before it ("洮渭县2023年度…" → 洮渭县农业农村局)
_PORTAL_DEPT = re.compile(r"(?:^|\|)\s*部门\s*[:：]\s*\|?\s*([^\s|:：]{2,30}?" + _ORGANISATION + r")\s*(?=\||$)", re.M)
_PLACE = re.compile(r"^\s*([^\s\d]{1,8}?(?:省|市|县|区|州|旗|盟))")
# a web page's header cell naming the document ("名称: | …局2023年度部门决算情况说明 |")
_NAMED_TITLE = re.compile(r"^\s*(?:名称|标题)\s*[:：]\s*\|?\s*")
# the page's source, the last resort ("来源：岷溪县林业局" — not 发布机构, often the finance bureau)
_SOURCE = re.compile(r"(?:信息来源|来源)\s*[:：]\s*\|?\s*(\S{2,30}?" + _ORGANISATION + r")(?=\s|\||$)", re.M)
# an organisation opening a paragraph with the year ("某管理处2023年度共有4个项目"), or on the line above a
# title that starts with the year; the last resort
_OPENING = re.compile(r"^\s*([^\s\d.、．。，,；;:：()（）]{3,30}?" + _ORGANISATION + r")\s*\d{4}\s*年度?(?!\d)", re.M)
# a byline under the title: a line of one or two organisations only ("修河县农业农村局  修河县财政局")
# (its own line, or run on after the title when the page's lines were joined)
_BYLINE = re.compile(r"^(?:.*?(?:报告|自评表|评价表))?\s*([^\s\d:：|()（）]{3,30}?" + _ORGANISATION + r")"
                     r"(?:\s+[^\s\d:：|]{3,30}?" + _ORGANISATION + r")?\s*(?:\(\d{4}\s*年\s*\d{1,2}\s*月\))?\s*$")
# the department signing at the end: its name on a line, the date on the next
_SIGNED = re.compile(r"^\s*(\S{3,30}?" + _ORGANISATION + r")\s*\n\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*$", re.M)
# the year the title names before its 自评 ("…局2023年…项目绩效自评总结报告") — not a year's 预算 whose
# evaluation a page publishes ("泖溪镇2025年预算绩效评价结果公开")
_TITLE_YEAR = re.compile(r"(\d{4})\s*年(?!度?预算)(?=[^\n\d]{0,40}(?:自评|绩效评价))")
# else the year a form or a heading states ("（2023年度）", "评价年度：2023")
_STATED_YEAR = re.compile(r"[(（]\s*(\d{4})\s*年度?\s*[)）]|(?:评价|自评|预算|考核|项目)年度\s*[:：]\s*(\d{4})")
# else the year said most (a date — 2024年3月 — and a next year's 预算 are none)
_A_TITLE = re.compile(r"报告|自评表|评价表|决算|结果公开|情况说明|(?:自评|评价)(?:结果|情况)$")
_A_YEAR = re.compile(r"(\d{4})\s*年(?!\s*\d{1,2}\s*月)(?!度?预算)")
# a page's breadcrumb (首页 > 政务公开 > …), a table of contents (第一部分…), a clause ("…委托第三方机构对我局")
_NOT_A_NAME = re.compile(r"[>|＞:：]|第[一二三四五六七八九十\d]+部分|委托|对我|根据|关于|^\d|^(?:按照|依据|为了|为)")


def fiscal_year(text: str) -> int | None:
    """The year evaluated."""
    # the title's year first ("…局2023年…项目绩效自评总结报告"): a short line near the top naming a report
    head = "\n".join(line for line in text.split("\n")[:6] if len(line) <= 80 and _A_TITLE.search(line))
    # else "（2023年度）", else the year the report says most (an earlier year's — "2022年度该项目自评得分
    # 为…" — may come first; a date, 2024年3月, and a next year's 预算 are no year evaluated)
    year = _TITLE_YEAR.search(head) or _STATED_YEAR.search(text[:3000])
    said = collections.Counter(int(m.group(1)) for m in _A_YEAR.finditer(text) if 2000 < int(m.group(1)) < 2100)
    if year:
        return int(next(g for g in year.groups() if g))
    return said.most_common(1)[0][0] if said else None


def department(text: str) -> str | None:
    """The department whose report it is."""
    dept = _DEPT.search(text)
    lines = text.split("\n", 6)[:6]
    heads = [_NAMED_TITLE.sub("", line) for line in lines[:5]]
    title = next((_TITLE.match(line) for line in heads if _TITLE.match(line)), None)
    if title is None:     # under a portal's header of ten lines or so (索引号, 发布机构 …): a short line ending as titles end
        title = next((m for line in text.split("\n", 16)[5:16] if len(line.strip()) <= 60
                      and re.search(r"(?:报告|自评表|评价表)\s*$", line) and (m := _TITLE.match(line))), None)
    titled = next(g for g in title.groups() if g).strip() if title else None
    # "部门整体支出…", "部门预算项目支出…", "2023年度项目支出…" name no department
    titled = titled if titled and len(titled) >= 3 and not re.search(r"^\d|(?:预算|部门|单位|年度)$", titled) else None
    signed = [m.group(1) for m in _SIGNED.finditer(text[-300:])]
    # the line under the title (or run on after it): not a portal's name above it
    byline = next((m.group(1) for i, line in enumerate(lines) if (m := _BYLINE.match(line))
                   and (re.match(r".*?(?:报告|自评表|评价表)", line) or i and _A_TITLE.search(lines[i - 1]))), None)
    supervisor, opening = _SUPERVISOR.search(text), _OPENING.search(text[:1500])
    source = _SOURCE.search(text[:800])
    field = re.sub(r"\((?:公章|盖章)\)$", "", dept.group(1).strip()) if dept else None
    portal = _PORTAL_DEPT.search(text[:800])
    if field is None and portal is not None:
        place = next((m.group(1) for line in lines[:3] if (m := _PLACE.match(line)) and _A_TITLE.search(line)), "")
        field = portal.group(1) if _PLACE.match(portal.group(1)) else place + portal.group(1)
    # a title naming an organisation ("…农业农村局2023年度…项目绩效自评") is the department reporting, before
    # a form's 实施单位 (one of its units); a title naming a project only comes after the form's field
    organisation = titled and re.search(_ORGANISATION + r"$", titled)
    named = [titled if organisation else None, byline if not organisation else None, field, titled,
             signed[-1] if signed else None, supervisor.group(1) if supervisor else None,
             opening.group(1) if opening else None, source.group(1) if source else None]
    if opening and source and "\n" in opening.group(0):
        named[-2], named[-1] = named[-1], named[-2]  # a portal's name above the title ("某县人民政府"): the 来源 first
    named = [re.sub(r"^\d+\s*[-－—]\s*", "", name) if name else None for name in named]   # "231001-泾川县…": its code
    return next((name for name in named if name and not _NOT_A_NAME.search(name)), None)
