"""Is a submitted workbook still our template?  Compare it with a fresh build of the
template it claims to be (_meta): formulas overwritten by typed values, formulas edited,
scoring parameters changed."""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core import rulesets
from ..files.atomic import atomic_output
from .layout import META, RULES_HEADER_ROW, RULES_PARAM_COLUMNS, RULES_SHEET, TEMPLATE_VERSION

_XLUDF = re.compile(r"_xludf\.", re.I)
_HERE = Path(__file__).resolve().parent
# the code that shapes a template: a change in any of them makes a new reference
TEMPLATE_SOURCES = tuple(_HERE / f for f in ("template.py", "sheetwriter.py", "sheets_inputs.py",
                                             "sheets_scoring.py", "formulagen.py", "layout.py")) + tuple(
    _HERE.parent / "core" / f for f in ("methods.py", "indicators.py", "rulesets.py"))


@dataclass
class Integrity:
    findings: list[tuple[str, str, str, str]] = field(default_factory=list)  # severity, code, where, message
    restore: dict[tuple[str, str], str] = field(default_factory=dict)       # cell → template formula
    unknown: str | None = None        # why the file is not (or no longer) one of our templates


@dataclass(frozen=True)
class Reference:
    formulas: dict[tuple[str, str], str]
    params: dict[tuple[str, str], object]
    fingerprint: str


def _cache_file(rule_set_path: str) -> Path:
    """Keyed by everything that shapes a template: the rule set, the shared inputs, the code."""
    digest = hashlib.sha256(TEMPLATE_VERSION.encode())
    for source in (Path(rule_set_path), rulesets.TEMPLATES_DIR / rulesets.COMMON_FILE, *TEMPLATE_SOURCES):
        digest.update(source.read_bytes())
    base = os.environ.get("PERFSCORE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "perfscore")
    return Path(base) / f"reference-{digest.hexdigest()[:32]}.json"


@functools.lru_cache(maxsize=16)
def reference(rule_set_key: str) -> Reference:
    """The formulas and rule parameters of a freshly built template: built once per rule set
    and kept on disk, so that checking a submission needs neither openpyxl nor a build."""
    cache = _cache_file(rulesets.load(rule_set_key).path)
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        return Reference({tuple(k.split("!", 1)): v for k, v in data["formulas"].items()},
                         {tuple(k.split("!", 1)): v for k, v in data["params"].items()}, data["fingerprint"])
    except (OSError, ValueError, KeyError):
        pass
    ref = _build_reference(rule_set_key)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(cache) as tmp:
            tmp.write_text(json.dumps({"formulas": {"!".join(k): v for k, v in ref.formulas.items()},
                                       "params": {"!".join(k): v for k, v in ref.params.items()},
                                       "fingerprint": ref.fingerprint}, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass   # a read-only home: rebuild next time
    return ref


def _build_reference(rule_set_key: str) -> Reference:
    from .template import build_template, fingerprint
    wb = build_template(rulesets.load(rule_set_key))
    formulas, params = {}, {}
    for ws in wb.worksheets:
        if ws.title == META:
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas[(ws.title, cell.coordinate)] = cell.value
                elif ws.title == RULES_SHEET and cell.column in RULES_PARAM_COLUMNS and \
                        cell.row > RULES_HEADER_ROW and cell.value is not None:
                    params[(ws.title, cell.coordinate)] = cell.value
    return Reference(formulas, params, fingerprint(wb)[0])


def formula_key(formula: str) -> str:
    """Formula text as Excel may re-save it: case, spaces and the _xludf. prefix don't matter."""
    return re.sub(r"\s+", "", _XLUDF.sub("", str(formula))).upper()


def inspect(wb, meta: dict, rule_set) -> Integrity:
    result = Integrity()
    if str(meta.get("template_version")) != TEMPLATE_VERSION or str(meta.get("rule_set_version")) != rule_set.version:
        result.unknown = (f"模板版本未知：{meta.get('rule_set')} {meta.get('rule_set_version')} / 模板 "
                          f"{meta.get('template_version')}（当前 {rule_set.id} {rule_set.version} / {TEMPLATE_VERSION}）")
        return result
    ref = reference(rule_set.path)
    missing = {sheet for sheet, _ in ref.formulas} - set(wb.sheetnames)
    if missing:
        result.unknown = f"工作簿缺少模板工作表：{'、'.join(sorted(missing))}"
        return result
    from .template import fingerprint
    if fingerprint(wb)[0] != ref.fingerprint or meta.get("formula_fingerprint") != ref.fingerprint:
        _compare_formulas(wb, ref, result)
    _compare_params(wb, ref, result)
    return result


def _compare_formulas(wb, ref: Reference, result: Integrity) -> None:
    for (sheet, coordinate), formula in ref.formulas.items():
        cell = wb[sheet][coordinate]
        where = f"{sheet}!{coordinate}"
        if cell.data_type != "f":
            typed = "空白" if cell.value is None else repr(cell.value)
            result.findings.append(("error", "FORMULA_OVERWRITTEN", where,
                                    f"公式单元格被改为填写值 {typed}（原公式 {formula[:60]}）；已按模板公式重新计算"))
            result.restore[(sheet, coordinate)] = formula
        elif formula_key(cell.value) != formula_key(formula):
            result.findings.append(("error", "FORMULA_TAMPERED", where,
                                    f"公式被修改：现为 {str(cell.value)[:60]}，模板为 {formula[:60]}；已按模板公式重新计算"))
            result.restore[(sheet, coordinate)] = formula


def _compare_params(wb, ref: Reference, result: Integrity) -> None:
    ws = wb[RULES_SHEET]
    for (sheet, coordinate), expected in ref.params.items():
        value = ws[coordinate].value
        if value != expected and not (isinstance(value, (int, float)) and isinstance(expected, (int, float))
                                      and abs(value - expected) < 1e-12):
            result.findings.append(("error", "FORMULA_TAMPERED", f"{sheet}!{coordinate}",
                                    f"评分规则参数被修改：现为 {value!r}，评分框架规定为 {expected!r}"))
