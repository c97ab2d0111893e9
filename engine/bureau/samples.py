"""The bundled sample submissions as workbooks: each JSON under workbook/samples/ is filled
into its template; `_edits` then types values over named cells, as a careless (or clever)
department might — the faults a reviewer meets."""
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
