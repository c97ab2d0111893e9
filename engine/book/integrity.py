"""Is a submitted workbook still our template?  Compare it with a fresh build of the
template it claims to be (_meta): formulas overwritten by typed values, formulas edited,
defined names pointed elsewhere, scoring parameters changed.

Formulas and names are compared by meaning (canonical.canonical), so a file saved again
by Excel, WPS or LibreOffice without an edit is untouched."""
from __future__ import annotations

import functools
import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Mapping

from ..core import rulesets
from ..files.atomic import atomic_output
from .canonical import canonical, is_constant
from .layout import META, RULES_HEADER_ROW, RULES_PARAM_COLUMNS, RULES_SHEET, TEMPLATE_VERSION
from .xlsxparts import Formula, read_formulas, workbook_parts

_ENGINE = Path(__file__).resolve().parents[1]


@functools.lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """Every source file a template or its fingerprint could depend on — the whole engine and
    the Excel face — by name and content: no list to keep up to date, so a changed constant
    anywhere (a tolerance in core.findings) can never leave a stale reference behind."""
    digest = hashlib.sha256()
    for root in (_ENGINE, _ENGINE.parent / "udfs"):
        for source in sorted(root.rglob("*.py")):
            digest.update(source.relative_to(root.parent).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.digest()


@dataclass
class Integrity:
    findings: list[tuple[str, str, str, str]] = field(default_factory=list)  # severity, code, where, message
    restore: dict[tuple[str, str], object] = field(default_factory=dict)    # cell → template formula or parameter
    restore_names: dict[str, str] = field(default_factory=dict)             # name → template target
    unknown: str | None = None        # why the file is not (or no longer) one of our templates


@dataclass(frozen=True)
class Reference:
    formulas: dict[tuple[str, str], str]        # (sheet, cell) → formula as the template writes it
    params: dict[tuple[str, str], object]       # 评分规则 cells → their values
    names: dict[str, str]                       # defined name → target as the template writes it
    fingerprint: str

    @functools.cached_property
    def canonical_formulas(self) -> dict[tuple[str, str], str]:
        return {key: canonical(text) for key, text in self.formulas.items()}

    @functools.cached_property
    def canonical_names(self) -> dict[str, str]:
        return {name: canonical(target) for name, target in self.names.items()}


def flavour_of(meta: dict) -> str:
    """The formula flavour _meta records ("udf" for a template that predates the native one)."""
    return str(meta.get("formula_flavour") or "udf")


def version_of(meta: dict) -> str:
    return str(meta.get("template_version"))


LEGACY_DIR = Path(__file__).resolve().parent / "legacy"


def _legacy_file(rule_set, flavour: str, template_version: str) -> Path:
    """The reference of an earlier template version, frozen when that version was current (its
    formulas are no longer built by today's code, but its submissions still arrive)."""
    return LEGACY_DIR / f"{rule_set.id}-{rule_set.version}-{flavour}-{template_version}.json.gz"


def _from_json(data: dict) -> Reference:
    return Reference({tuple(k.split("!", 1)): v for k, v in data["formulas"].items()},
                     {tuple(k.split("!", 1)): v for k, v in data["params"].items()},
                     data["names"], data["fingerprint"])


def _cache_file(rule_set_path: str, flavour: str) -> Path:
    """Keyed by everything that shapes a template: the rule set, the shared inputs, the code."""
    digest = hashlib.sha256(f"{TEMPLATE_VERSION} {flavour}".encode() + _code_digest())
    for source in (Path(rule_set_path), rulesets.TEMPLATES_DIR / rulesets.COMMON_FILE):
        digest.update(source.read_bytes())
    base = os.environ.get("PERFSCORE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "perfscore")
    return Path(base) / f"reference-{digest.hexdigest()[:32]}.json"


@functools.lru_cache(maxsize=16)
def reference(rule_set_key: str, flavour: str = "udf", template_version: str = TEMPLATE_VERSION) -> Reference:
    """The formulas, names and rule parameters of a freshly built template: built once per
    rule set and flavour and kept on disk, so that checking a submission needs no build.  An
    earlier template version's is read from its frozen file."""
    if template_version != TEMPLATE_VERSION:
        import gzip
        legacy = _legacy_file(rulesets.load(rule_set_key), flavour, template_version)
        return _from_json(json.loads(gzip.decompress(legacy.read_bytes()).decode("utf-8")))
    cache = _cache_file(rulesets.load(rule_set_key).path, flavour)
    try:
        return _from_json(json.loads(cache.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError):
        pass
    ref = _build_reference(rule_set_key, flavour)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(cache) as tmp:
            tmp.write_text(json.dumps({"formulas": {"!".join(k): v for k, v in ref.formulas.items()},
                                       "params": {"!".join(k): v for k, v in ref.params.items()},
                                       "names": ref.names, "fingerprint": ref.fingerprint},
                                      ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass   # a read-only home: rebuild next time
    return ref


def _build_reference(rule_set_key: str, flavour: str) -> Reference:
    from .template import build_template, fingerprint, formula_cells, name_targets
    wb = build_template(rulesets.load(rule_set_key), flavour=flavour)
    params = {}
    for cell in (c for row in wb[RULES_SHEET].iter_rows(min_row=RULES_HEADER_ROW + 1) for c in row):
        if cell.column in RULES_PARAM_COLUMNS and cell.data_type != "f" and cell.value is not None:
            params[(RULES_SHEET, cell.coordinate)] = cell.value
    return Reference(formula_cells(wb), params, name_targets(wb), fingerprint(wb)[0])


def version_problem(meta: dict, rule_set) -> str | None:
    """Why a file's _meta does not name the current template of its rule set, or None."""
    from .native import FLAVOURS
    if flavour_of(meta) not in FLAVOURS:
        return f"未知的公式类型：{meta.get('formula_flavour')}（可用：{'、'.join(FLAVOURS)}）"
    version = version_of(meta)
    if str(meta.get("rule_set_version")) != rule_set.version or (
            version != TEMPLATE_VERSION and not _legacy_file(rule_set, flavour_of(meta), version).is_file()):
        return (f"模板版本未知：{meta.get('rule_set')} {meta.get('rule_set_version')} / 模板 "
                f"{meta.get('template_version')}（当前 {rule_set.id} {rule_set.version} / {TEMPLATE_VERSION}；"
                f"请用 perfscore template 重新生成模板）")
    return None


def inspect(path: Path, wb, meta: dict, rule_set) -> Integrity:
    """`wb` is the openpyxl workbook of `path` (for the values typed over formulas)."""
    result = Integrity()
    result.unknown = version_problem(meta, rule_set)
    if result.unknown:
        return result
    with zipfile.ZipFile(path) as archive:
        parts = workbook_parts(archive)
        formulas = read_formulas(archive, parts)
    return check_parts(reference(rule_set.path, flavour_of(meta), version_of(meta)), formulas, parts.names, set(wb.sheetnames),
                       lambda sheet, coordinate: wb[sheet][coordinate].value)


def check_parts(ref: Reference, formulas: dict[tuple[str, str], Formula], names: Mapping[str, str],
                sheets: set[str], shown: Callable[[str, str], object]) -> Integrity:
    """The findings of a workbook's formulas, names and rule parameters against its template's;
    `shown(sheet, cell)` is what the cell holds (for a formula, its value as last computed)."""
    result = Integrity()
    missing = {sheet for sheet, _ in ref.formulas} - sheets
    if missing:
        result.unknown = f"工作簿缺少模板工作表：{'、'.join(sorted(missing))}"
        return result
    for change in changes(ref, formulas, names):
        _report(shown, ref, change, result)
    _compare_params(shown, ref, result)
    return result


@dataclass(frozen=True)
class Change:
    kind: str             # "overwritten", "edited", "added" (a formula), "name"
    key: object           # (sheet, cell) or the defined name
    found: object = None  # the file's Formula, or its name target; None when it has none


def changes(ref: Reference, formulas: dict[tuple[str, str], Formula], names: dict[str, str]) -> Iterator[Change]:
    """How a workbook's formulas and names differ in meaning from its template's, one by one —
    the one comparison of the fast path (any change: the full path) and of the findings.
    A constant formula outside the template's (LibreOffice's =TRUE()) is a typed value."""
    for key, written in ref.formulas.items():
        found = formulas.get(key)
        if found is None:
            yield Change("overwritten", key)
        elif found.array or (written[1:] != found.text and canonical(found.text) != ref.canonical_formulas[key]):
            yield Change("edited", key, found)
    for key, found in formulas.items():
        if key not in ref.formulas and key[0] != META and (found.array or not is_constant(found.text)):
            yield Change("added", key, found)
    for name, target in ref.names.items():
        found = names.get(name)
        if found is None or (found != target and canonical(found) != ref.canonical_names[name]):
            yield Change("name", name, found)


def _shown(value: object) -> str:
    if value is None or value == "":
        return "空白"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return repr(value) if isinstance(value, str) else str(value)


def _report(shown: Callable[[str, str], object], ref: Reference, change: Change, result: Integrity) -> None:
    if change.kind == "name":
        name, target = change.key, ref.names[change.key]
        now = "已删除" if change.found is None else f"现指向 {change.found[:60]}"
        result.findings.append(("error", "FORMULA_TAMPERED", f"名称 {name}",
                                f"名称“{name}”被修改：{now}，模板为 {target}；已按模板名称重新计算"))
        result.restore_names[name] = target
        return
    sheet, coordinate = change.key
    where = f"{sheet}!{coordinate}"
    if change.kind == "added":
        result.findings.append(("error", "FORMULA_TAMPERED", where, f"模板中此单元格不是公式，现为 ={change.found.text[:60]}"))
        return
    formula = ref.formulas[change.key]
    if change.kind == "overwritten":
        result.findings.append(("error", "FORMULA_OVERWRITTEN", where,
                                f"公式单元格被改为填写值 {_shown(shown(sheet, coordinate))}（原公式 {formula[:60]}）；"
                                f"已按模板公式重新计算"))
    else:
        result.findings.append(("error", "FORMULA_TAMPERED", where,
                                f"公式被修改：现为 ={change.found.text[:60]}（单元格显示 {_shown(shown(sheet, coordinate))}），"
                                f"模板为 {formula[:60]}；已按模板公式重新计算"))
    result.restore[change.key] = formula


def _compare_params(shown: Callable[[str, str], object], ref: Reference, result: Integrity) -> None:
    for (sheet, coordinate), expected in ref.params.items():
        value = shown(sheet, coordinate)
        if value != expected and not (isinstance(value, (int, float)) and isinstance(expected, (int, float))
                                      and abs(value - expected) < 1e-12):
            result.findings.append(("error", "FORMULA_TAMPERED", f"{sheet}!{coordinate}",
                                    f"评分规则参数被修改：现为 {_shown(value)}，评分框架规定为 {_shown(expected)}；"
                                    f"已按评分框架计分"))
            result.restore[(sheet, coordinate)] = expected
