"""check-report says what it read and what it did not, which kind of report it read, and never
gives an all-clear on a document nothing checkable was read from (SPEC 8)."""
from __future__ import annotations

import json

from engine.report.claims import read_facts
from engine.report.coverage import NOTHING_READ, coverage, report_kind
from engine.report.text import ReportText
from helpers import ROOT
from test_report_cli import SEEDS, perfscore

CASES = ROOT / "tests" / "report" / "cases" / "dev"

NOTICE = ("关于做好2024年度部门整体支出绩效自评工作的通知\n各预算单位：请于5月31日前报送自评报告。"
          "预算执行率未达到90%的，需说明原因；自评得分低于60分的，评价结果为差。\n")


def facts_of(text: str):
    report = ReportText("case.txt")
    for line in text.splitlines():
        report.add(line, "第1行")
    return read_facts(report)


def test_a_document_with_nothing_checkable_is_exit_2_never_an_all_clear(tmp_path):
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    shown = perfscore("check-report", tmp_path / "notice.txt")
    assert shown.returncode == 2
    assert NOTHING_READ in shown.stdout and "未发现问题" not in shown.stdout
    as_json = perfscore("check-report", tmp_path / "notice.txt", "--json")
    assert as_json.returncode == 2 and NOTHING_READ in as_json.stderr
    out = json.loads(as_json.stdout)
    assert {"budget_total", "spend_total", "self_scores.total"} <= set(out["unread"])
    assert out["findings"] == []        # the 90% and 60 of the instructions are not claims


def test_a_batch_reports_such_a_document_as_unscorable(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notice.txt").write_text(NOTICE, encoding="utf-8")
    run = perfscore("batch", folder, "-o", tmp_path / "summary.xlsx", "--json")
    line = json.loads(run.stdout.splitlines()[0])
    assert line["status"] != "evaluated" and NOTHING_READ in line["reason"]


def test_read_and_unread_name_each_figure():
    facts = facts_of("某县农业农村局2023年度部门整体支出绩效自评报告\n"
                     "全年预算数1,200.00万元，全年执行数1,150.00万元，预算执行率95.83%。\n"
                     "自评得分为92.50分，评价等级为优。")
    found = coverage(facts)
    assert {"budget_total", "spend_total", "self_scores.total", "self_grade"} <= set(found.read)
    assert "budget_initial" in found.unread and "spend_total" not in found.unread
    assert found.checkable
    assert found.unread_line().startswith("未能读出：") and "年初预算数" in found.unread_line()
    assert report_kind(facts, None) == "部门整体"


def test_json_of_a_seed_says_what_was_read_and_its_kind():
    run = perfscore("check-report", next(SEEDS.glob("000_*")), "--json")
    out = json.loads(run.stdout)
    assert out["report_kind"] == "部门整体"
    assert "self_scores.total" in out["read"] and "budget_total" in out["read"]
    indicators = [k for k in out["read"] if k.startswith("indicators[")]
    assert len(indicators) >= 12        # target, actual, weight and score of the seed's indicators
    assert not set(out["read"]) & set(out["unread"])


def test_a_project_report_is_read_as_one():
    text = (CASES / "006-yunnan-xiangmu-prose-conclusion-first.txt").read_text(encoding="utf-8")
    assert report_kind(facts_of(text), None) == "项目支出"
