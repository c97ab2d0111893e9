"""The bundled sample submissions as workbooks: each JSON under workbook/samples/ is filled
into its template; `_edits` then types values over named cells, as a careless (or clever)
department might — the faults a reviewer meets.  Some departments send their 自评报告 too
(`build_reports`): named after the workbook, or only after the department, one with a figure
retyped so that it no longer agrees with its workbook."""
from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from ..book.fill import fill, save_atomic
from ..book.names import name_map
from ..book.template import build_template
from ..core import rulesets
from ..files.jsondata import read_json


def build_samples(samples_dir: Path, out_dir: Path, templates_dir: Path | None = None) -> list[Path]:
    templates_dir = templates_dir or out_dir.parent / "templates"
    out_dir.mkdir(parents=True, exist_ok=True)
    templates_dir.mkdir(parents=True, exist_ok=True)
    templates: dict[str, Path] = {}
    built = []
    for source in sorted(samples_dir.glob("*.json")):
        data = read_json(source)
        rule_set = data["rule_set"]
        if rule_set not in templates:
            templates[rule_set] = templates_dir / f"template-{rule_set}.xlsx"
            save_atomic(build_template(rulesets.load(rule_set)), templates[rule_set])
        target = out_dir / f"{source.stem}.xlsx"
        fill(templates[rule_set], data, target)
        if data.get("_edits"):
            wb = load_workbook(target)
            cells = name_map(wb)
            for name, value in data["_edits"].items():
                wb[cells[name].sheet][cells[name].ref].value = value
            save_atomic(wb, target)
        built.append(target)
    return built


# sample → (the report's file name, a retyped figure: (as the workbook has it, as the report says))
REPORTS = {
    "004_agriculture_bureau_2024": ("004_agriculture_bureau_2024-自评报告.docx", None),
    "005_education_bureau_2024": ("005_education_bureau_2024_报告.docx", ("全年实际支出 {}", "全年实际支出 {}")),
    "000_gaoxin_office_2024": ("高新区管委会办公室2024年度绩效自评报告.docx", None),
}


def build_reports(samples_dir: Path, out_dir: Path) -> list[Path]:
    """The drafts `perfscore report` writes for some samples, as their departments send them."""
    import docx

    from ..book.scoredata import evaluate
    from ..report.write import money, write_report
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for stem, (name, retyped) in REPORTS.items():
        data = read_json(samples_dir / f"{stem}.json")
        target = out_dir / name
        write_report(data, evaluate(data), target)
        if retyped:
            spent = float(data["inputs"]["spend_total"])
            was, now = retyped[0].format(money(spent)), retyped[1].format(money(spent - 36))
            document = docx.Document(str(target))
            for paragraph in document.paragraphs:
                if was in paragraph.text:
                    text = paragraph.text.replace(was, now)
                    for run in paragraph.runs[1:]:
                        run.text = ""
                    paragraph.runs[0].text = text
            document.save(str(target))
        built.append(target)
    return built
