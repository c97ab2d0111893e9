"""check-report on the three real reports (tests/data/seeds, copies of the shared seeds):
003's wrong 项目资金执行率 and 偏差率 are found, 000 and 002 have no error; their figures are
read to the cent."""
from __future__ import annotations

import pytest

from engine import evaluate
from engine.report.check import check
from engine.report.claims import read_facts
from engine.report.extract import data_of
from engine.report.text import read_report
from helpers import ROOT

SEEDS = ROOT / "tests" / "data" / "seeds"


def seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return check(read_facts(read_report(path)))


@pytest.fixture(scope="module")
def seeds():
    return {k: seed(k) for k in ("000", "002", "003")}


def amounts(result) -> dict[str, float]:
    return {k: result.facts.amount(n) for k, n in result.facts.keyed_amounts().items()}


def rates(result) -> dict[str, float]:
    return {k: n.value for k, n in result.facts.keyed_rates().items()}


def test_003_project_rate_and_deviation_are_found(seeds):
    findings = seeds["003"].findings
    rate = [f for f in findings if f.code == "STATED_RATE_MISMATCH"]
    assert len(rate) == 1 and "84.99%" in rate[0].message and "181.18÷213.18" in rate[0].message
    assert rate[0].severity == "warning"                      # as SPEC 8 has it
    assert "资金执行率 100%" in rate[0].message              # the sentence is quoted
    deviation = [f for f in findings if f.code == "DEVIATION_MISMATCH"]
    assert len(deviation) == 1 and "70.00%" in deviation[0].message and "召开区委常委会会议" in deviation[0].message
    assert deviation[0].severity == "warning"
    assert {f.code for f in findings} == {"STATED_RATE_MISMATCH", "DEVIATION_MISMATCH"}
    assert all(f.where.startswith("第") and f.where.endswith("行") for f in findings)


def test_003_figures(seeds):
    r = seeds["003"]
    got = amounts(r)
    assert (got["budget_initial"], got["budget_adjust"], got["budget_total"], got["spend_total"]) == \
        (775.45, 176.31, 951.76, 919.76)
    assert (got["project_budget"], got["project_spend"]) == (213.18, 181.18)
    assert (got["sangong_budget"], got["sangong_spend"]) == (0, 0)
    assert rates(r)["adjust_rate"] == 22.74 and rates(r)["exec_rate"] == 96.64
    assert rates(r)["sangong_control_rate"] == 0
    assert [(i.direction, i.target.value, i.actual.value) for i in r.facts.indicators][-1] == (">=", 20, 34)
    assert len(r.facts.indicators) == 6
    assert r.stated_total == 100 and r.facts.grade[0] == "优"
    # every 其中 list of 003 adds up, "其中：其中：" included; the “三公” list after its sentence of
    # 预算 and 实际支出 is two sums, each against its own whole
    assert len(r.facts.sums) == 7
    assert [(s.whole.measure, len(s.parts)) for s in r.facts.sums if s.whole.value == 0] == [("budget", 4), ("spend", 4)]


def test_000_no_error_and_figures_to_the_cent(seeds):
    r = seeds["000"]
    assert r.findings == []
    got = amounts(r)
    assert (got["budget_total"], got["spend_total"]) == (564.36, 564.31)
    assert rates(r)["exec_rate"] == 99.99
    assert [(i.direction, i.target.value, i.actual.value, i.weight.value, i.self_score.value)
            for i in r.facts.indicators] == [("=", 100, 100, 15, 15), (">=", 95, 100, 25, 25), ("=", 100, 100, 20, 20),
                                             (">=", 150, 284, 10, 10), (">=", 70, 81, 20, 20)]
    assert [i.completion.value for i in r.facts.indicators] == [100, 105.26, 100, 189.33, 115.71]
    assert r.rule_set == "dept-simple"
    assert r.stated_total == 100 and r.computed_total == 100


def test_002_no_error(seeds):
    r = seeds["002"]
    assert [f for f in r.findings if f.severity == "error"] == []
    assert r.rule_set == "mof2020" and r.stated_total == 100 and r.facts.grade[0] == "优"
    assert (r.facts.dept_name, r.facts.fiscal_year) == ("高新区考核办", 2023)      # from the title


def test_000_extracted_data_scores_as_the_report_says(seeds):
    data = data_of(seeds["000"].facts, "dept-simple")
    ev = evaluate(data)
    assert ev.total == 100 and ev.grade == "优"
    assert ev.rates["exec_rate"] == 0.9999
    assert [i["score"] for i in ev.indicators] == [15, 25, 20, 10, 20]
    assert data["dept_name"].startswith("高新区") and data["fiscal_year"] == 2024


@pytest.fixture(scope="module")
def seed_documents(tmp_path_factory):
    """The seeds as a department sends them: typed into Word, and that printed to PDF by LibreOffice."""
    import docx

    from office import writer_pdf
    folder = tmp_path_factory.mktemp("seed-documents")
    documents = []
    for path in sorted(SEEDS.glob("*.txt")):
        document = docx.Document()
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                document.add_paragraph(line.replace("**", ""))
        document.save(str(folder / f"{path.stem}.docx"))
        documents.append(folder / f"{path.stem}.docx")
    return documents + writer_pdf(documents, folder / "pdf")


def test_the_seeds_as_word_and_pdf_give_the_same_findings(seeds, seed_documents):
    for path in seed_documents:
        result = check(read_facts(read_report(path)))
        expected = seeds[path.name[:3]]
        assert [f.code for f in result.findings] == [f.code for f in expected.findings], path.name
        assert result.stated_total == expected.stated_total and result.computed_total == expected.computed_total
        unit = "页" if path.suffix == ".pdf" else "段"
        assert all(f.where.endswith(unit) for f in result.findings)
