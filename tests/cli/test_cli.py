"""The command line as a user runs it: exit codes, JSON, demo."""
import json
import subprocess
import sys

import pytest

from engine.cli import main
from nofork import run_without_fork
from workbook import SAMPLES_DIR

def run(*args):
    """The command as on Windows: fork refused."""
    return run_without_fork(list(args), capture_output=True, text=True, encoding="utf-8")


def sample(prefix):
    return str(next(SAMPLES_DIR.glob(f"{prefix}_*.json")))


def test_score_json_is_spec_7_4():
    result = run("score", sample("000"), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert list(out) == ["source", "rule_set", "dept_name", "fiscal_year", "items", "indicators", "rates",
                         "total", "self_total", "grade", "findings"]
    assert list(out["items"][0]) == ["id", "name", "weight", "score", "self_score"]
    assert list(out["indicators"][0]) == ["row", "name", "completion", "score", "self_score"]
    assert out["total"] == 100 and out["grade"] == "优"


def test_score_exit_1_on_error_findings_and_table_output():
    result = run("score", sample("003"))
    assert result.returncode == 1
    assert "TOTAL_MISMATCH" in result.stdout and "STATED_RATE_MISMATCH" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("content, fragment", [
    (None, "找不到文件"), (b"{not json", "JSON 格式错误"), (b"\xff\xfe\x00garbage", "UTF-8"), (b"[1, 2]", "顶层应为对象"),
])
def test_unreadable_input_exits_2_with_a_clear_message(tmp_path, content, fragment):
    path = tmp_path / "data.json"
    if content is not None:
        path.write_bytes(content)
    result = run("score", str(path))
    assert result.returncode == 2
    assert fragment in result.stderr and "Traceback" not in result.stderr


def test_unknown_rule_set_exits_2(tmp_path):
    path = tmp_path / "data.json"
    path.write_text('{"rule_set": "dept-fancy"}', encoding="utf-8")
    result = run("score", str(path), "--json")
    assert result.returncode == 2
    assert json.loads(result.stdout)["findings"][0]["code"] == "TEMPLATE_UNKNOWN"


def test_input_file_is_not_modified(tmp_path):
    path = tmp_path / "data.json"
    original = open(sample("003"), "rb").read()
    path.write_bytes(original)
    main(["score", str(path), "--json"])
    assert path.read_bytes() == original


def test_demo_runs_the_workbook_flow(tmp_path):
    result = run("demo", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "summary.xlsx").exists() and len(list((tmp_path / "submissions").glob("*.xlsx"))) >= 8
    import pandas as pd
    summary = pd.read_excel(tmp_path / "summary.xlsx", sheet_name="汇总", engine="calamine").set_index("文件")
    assert summary.loc["000_gaoxin_office_2024.xlsx", "复核总分"] == 100
    assert summary.loc["002_kaoheban_2023.xlsx", "等级"] == "优"
    assert summary.loc["003_karamay_party_office_2023.xlsx", "复核总分"] == 99.66
    assert summary.loc["000_gaoxin_office_2024.xlsx", "材料"] == "工作簿+报告"     # paired by 单位名称 and 年度
    assert summary.loc["004_agriculture_bureau_2024.xlsx", "配对文件"] == "004_agriculture_bureau_2024-自评报告.docx"
    assert "REPORT_WORKBOOK_MISMATCH" in result.stdout                        # 005's report was retyped
    assert "STATED_RATE_MISMATCH" in result.stdout and "FORMULA_OVERWRITTEN" in result.stdout


def test_template_list_and_build(tmp_path):
    listed = run("template", "--list")
    assert listed.returncode == 0 and [l.split("\t")[0] for l in listed.stdout.splitlines()] == [
        "dept-common", "dept-simple", "mof2020"]
    assert run("template", "dept-simple", "-o", str(tmp_path / "t.xlsx")).returncode == 0
    bad = run("template", "dept-fancy", "-o", str(tmp_path / "x.xlsx"))
    assert bad.returncode == 2 and "未知的评分框架" in bad.stderr and not (tmp_path / "x.xlsx").exists()


def test_fill_and_recalc_from_the_command_line(tmp_path):
    assert run("template", "dept-simple", "-o", str(tmp_path / "t.xlsx")).returncode == 0
    filled = run("fill", str(tmp_path / "t.xlsx"), sample("000"), "-o", str(tmp_path / "f.xlsx"))
    assert filled.returncode == 0, filled.stderr
    same = run("fill", str(tmp_path / "t.xlsx"), sample("000"), "-o", str(tmp_path / "t.xlsx"))
    assert same.returncode == 2
    result = run("recalc", str(tmp_path / "f.xlsx"), "--write-back", str(tmp_path / "w.xlsx"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "100.00" in result.stdout and (tmp_path / "w.xlsx").exists()
    assert run("recalc", str(tmp_path / "f.xlsx"), "--write-back", str(tmp_path / "f.xlsx")).returncode == 2


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04garbage"])
def test_recalc_of_a_non_workbook_exits_2(tmp_path, content):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    result = run("recalc", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_recalc_of_an_untouched_workbook_imports_no_heavy_library(tmp_path):
    # measured with python -X importtime: formulas, pandas and openpyxl cost ~1 s; the fast
    # path needs none of them
    assert run("template", "dept-simple", "-o", str(tmp_path / "t.xlsx")).returncode == 0
    assert run("fill", str(tmp_path / "t.xlsx"), sample("000"), "-o", str(tmp_path / "f.xlsx")).returncode == 0
    assert run("recalc", str(tmp_path / "f.xlsx")).returncode == 0     # the first one builds the cache
    probe = ("import sys, io, contextlib\nfrom engine.cli import main\n"
             f"with contextlib.redirect_stdout(io.StringIO()): code = main(['recalc', {str(tmp_path / 'f.xlsx')!r}, '--json'])\n"
             "print(code, sorted(m for m in ('formulas', 'pandas', 'openpyxl', 'numpy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8")
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr


def test_a_tampered_workbook_is_scored_without_the_formulas_library_and_engines_agree(tmp_path):
    """One formula typed over: the default engine names it and scores by the template without
    loading formulas or openpyxl; --engine formulas (the independent engine) gives the same JSON."""
    import openpyxl
    from engine.book.names import name_map
    assert run("template", "dept-simple", "-o", str(tmp_path / "t.xlsx")).returncode == 0
    assert run("fill", str(tmp_path / "t.xlsx"), sample("000"), "-o", str(tmp_path / "f.xlsx")).returncode == 0
    wb = openpyxl.load_workbook(tmp_path / "f.xlsx")
    cell = name_map(wb)["score_budget_execution"]
    wb[cell.sheet][cell.ref].value = 9.5
    wb.save(tmp_path / "typed-over.xlsx")
    assert run("recalc", str(tmp_path / "f.xlsx")).returncode == 0     # the first one builds the cache
    probe = ("import sys, io, contextlib, json\nfrom engine.cli import main\nout = io.StringIO()\n"
             f"with contextlib.redirect_stdout(out): code = main(['recalc', {str(tmp_path / 'typed-over.xlsx')!r}, '--json'])\n"
             "print(json.dumps([code, sorted(m for m in ('formulas', 'openpyxl') if m in sys.modules), json.loads(out.getvalue())]))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8")
    code, heavy, ours = json.loads(result.stdout)
    assert (code, heavy) == (1, []), result.stderr
    assert [f["code"] for f in ours["findings"]] == ["FORMULA_OVERWRITTEN"] and "9.5" in ours["findings"][0]["message"]
    assert ours["total"] == 100 and ours["items"][0]["score"] == 10
    independent = run("recalc", str(tmp_path / "typed-over.xlsx"), "--json", "--engine", "formulas")
    assert independent.returncode == 1 and json.loads(independent.stdout) == ours


def test_a_bureaus_own_rule_set_works_everywhere_an_id_works(tmp_path):
    """county-lite lives in a file of the bureau's: --rule-set FILE.toml on every command, its
    grades (A/B/C) and reverse_method (deviation) from the file."""
    from helpers import ROOT
    own = str(ROOT / "tests" / "rulesets" / "county-lite.toml")
    data = {"rule_set": "county-lite", "dept_name": "某县局", "fiscal_year": 2025,
            "inputs": {"budget_total": 200, "spend_total": 180, "sangong_budget": 10, "sangong_spend": 9,
                       "audit_issues": 1, "rules_posted": "是"},
            "indicators": [{"name": "接待成本", "direction": "≤", "target": 50, "actual": 60, "weight": 30,
                            "deviation_reason": "接待任务增加"},
                           {"name": "办结率", "direction": "≥", "target": "90%", "actual": "99%", "weight": 30}],
            "self_scores": {"total": 90}}
    (tmp_path / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run("score", str(tmp_path / "data.json")).returncode == 2                 # unknown without the file
    scored = run("score", str(tmp_path / "data.json"), "--json", "--rule-set", own)
    assert scored.returncode == 0 and json.loads(scored.stdout)["grade"] == "A"
    assert run("template", own, "-o", str(tmp_path / "t.xlsx")).returncode == 0
    assert run("fill", str(tmp_path / "t.xlsx"), str(tmp_path / "data.json"), "-o",
               str(tmp_path / "in" / "某县局.xlsx")).returncode == 0
    unknown = run("recalc", str(tmp_path / "in" / "某县局.xlsx"), "--json")
    assert json.loads(unknown.stdout)["findings"][0]["code"] == "TEMPLATE_UNKNOWN"
    recalculated = run("recalc", str(tmp_path / "in" / "某县局.xlsx"), "--json", "--rule-set", own)
    assert recalculated.returncode == 0, recalculated.stdout
    assert json.loads(recalculated.stdout)["total"] == 90 and json.loads(recalculated.stdout)["grade"] == "A"
    batch = run("batch", str(tmp_path / "in"), "-o", str(tmp_path / "汇总.xlsx"), "--json", "--rule-set", own)
    assert batch.returncode == 0 and json.loads(batch.stdout.splitlines()[0])["grade"] == "A", batch.stdout + batch.stderr
    assert run("report", str(tmp_path / "in" / "某县局.xlsx"), "-o", str(tmp_path / "r.docx"),
               "--rule-set", own).returncode == 0
    checked = run("check-report", str(tmp_path / "r.docx"), "--rule-set", own, "--json")
    assert checked.returncode == 0 and json.loads(checked.stdout)["rule_set"] == "county-lite", checked.stdout
