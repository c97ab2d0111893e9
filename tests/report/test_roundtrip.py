"""`perfscore report` then `check-report`: the draft of every bundled sample — as Word wrote
it and as LibreOffice Writer renders it to PDF — has no error, and gives back every item
score, the total and the grade."""
from __future__ import annotations

import json

import pytest

from engine import evaluate
from engine.report.check import check
from engine.report.claims import read_facts
from engine.report.text import read_report
from engine.report.write import write_report
from office import writer_pdf
from workbook import SAMPLES_DIR

SAMPLES = sorted(SAMPLES_DIR.glob("*.json"))


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafts")
    out = {}
    for path in SAMPLES:
        data = json.loads(path.read_text(encoding="utf-8"))
        evaluation = evaluate(data)
        write_report(data, evaluation, folder / f"{path.stem}.docx")
        out[path.stem] = (evaluation, folder / f"{path.stem}.docx")
    pdfs = writer_pdf([docx for _, docx in out.values()], folder / "pdf")
    return {stem: (ev, docx, pdf) for (stem, (ev, docx)), pdf in zip(out.items(), pdfs)}


def recovered(result) -> dict[str, float]:
    return {c["key"].removeprefix("self_scores."): c["value"] for c in result.to_dict()["claims"]
            if c["key"].startswith("self_scores.")}


@pytest.mark.parametrize("kind", ["docx", "pdf"])
@pytest.mark.parametrize("stem", [p.stem for p in SAMPLES])
def test_a_draft_checks_clean_and_gives_back_its_scores(drafts, stem, kind):
    evaluation, docx, pdf = drafts[stem]
    result = check(read_facts(read_report(docx if kind == "docx" else pdf)))
    assert [f for f in result.findings if f.severity == "error"] == [], result.findings
    assert result.rule_set == evaluation.rule_set
    scores = recovered(result)
    assert scores["total"] == evaluation.total
    for item in evaluation.items:
        assert scores[item["id"]] == item["score"], item["id"]
    assert result.facts.grade[0] == evaluation.grade
    # (an item's row scoring a rate — 预算执行率 — is read as that rate's indicator too, and kept an item)
    assert len([i for i in result.facts.indicators if not i.item_too]) == len(evaluation.indicators)
    assert {i.name for i in result.facts.indicators if i.item_too} <= {item["name"] for item in evaluation.items}
    if result.computed_total is not None:       # every figure the framework needs is in the report
        assert result.computed_total == evaluation.total


def test_the_draft_is_a4_with_chinese_fonts_and_page_numbers(drafts):
    import docx
    from docx.oxml.ns import qn
    _, path, _ = drafts[SAMPLES[0].stem]
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋"
    heading = document.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:eastAsia")) == "黑体"
    assert "PAGE" in section.footer.paragraphs[0]._p.xml
    text = "\n".join(p.text for p in document.paragraphs)
    for heading_text in ("一、基本情况", "三、部门单位整体支出绩效分析", "四、评价结论", "五、存在的主要问题", "六、改进措施"):
        assert heading_text in text
    assert text.count("【请填写】") >= 3


def test_draft_sentences_use_the_report_conventions(drafts):
    import docx
    evaluation, path, _ = drafts["004_agriculture_bureau_2024"]
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "3,335.80 万元" in text                    # thousands separators, 2 decimals
    assert f"预算执行率为 {evaluation.rates['exec_rate'] * 100:.2f}%" in text
    assert f"综合得分 {evaluation.total:.2f} 分" in text


def test_a_report_is_compared_with_the_data_the_workbook_was_scored_on(samples, tmp_path):
    """A defined name pointed at another cell: the workbook is scored from the template's
    cell (FORMULA_TAMPERED), and the report is compared with that same cell, not the new one."""
    import openpyxl

    from engine.book.names import name_map
    from engine.report.source import workbook_data
    wb = openpyxl.load_workbook(samples["004"])
    spend = name_map(wb)["spend_total"]
    held = wb[spend.sheet][spend.ref].value
    wb["评分规则"]["G1"] = 1.0                              # a decoy where the name now points
    wb.defined_names["spend_total"].attr_text = "'评分规则'!$G$1"
    wb.save(tmp_path / "repointed.xlsx")
    data, evaluation = workbook_data(tmp_path / "repointed.xlsx")
    assert "名称 spend_total" in [f.where for f in evaluation.findings if f.code == "FORMULA_TAMPERED"]
    assert data["inputs"]["spend_total"] == held != 1.0


def test_a_draft_from_a_workbook_states_what_the_draft_from_its_data_states(tmp_path, common_submission):
    """Each flavour: the same sentences as the data's own draft, a percentage indicator among them
    (a native cell holds a number: 95% must not come back as 0.95%)."""
    from engine.book.fill import fill
    from engine.report.source import workbook_data
    from engine.report.write import indicator_paragraphs, sentences
    from helpers import build_templates
    data = json.loads(json.dumps(common_submission))
    data["indicators"][0].update(target="95%", actual="97.5%", unit="%")
    expected = (sentences(data, evaluate(data)), indicator_paragraphs(data, evaluate(data)))
    assert any("95%" in text and "97.5%" in text for _, text in expected[1])
    for flavour in ("udf", "native"):
        (tmp_path / flavour).mkdir()
        template = build_templates(tmp_path / flavour, flavour)["dept-common"]
        fill(template, data, tmp_path / f"{flavour}.xlsx")
        read, evaluation = workbook_data(tmp_path / f"{flavour}.xlsx")
        assert (sentences(read, evaluation), indicator_paragraphs(read, evaluation)) == expected, flavour
