"""Rule sets (scoring frameworks) are data: one TOML file per framework under templates/.

A new framework is a new file; nothing here knows any framework by name.  Loading
checks the file thoroughly, so a mistake in a rule set is reported when it is loaded,
naming the file and the row, not when a department's score comes out wrong.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import tomllib

from .arithmetic import Tier, parse_tiers
from .errors import CellError
from .methods import METHODS, WEIGHT, CheckItem, ParamSpec, Part
from .rates import REVERSE_METHODS

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
COMMON_FILE = "_common.toml"

INPUT_KINDS = ("text", "year", "flag", "money", "signed_money", "count", "rate", "check", "choice")

class RuleSetError(Exception):
    """A rule-set file that cannot be used, with the file and the place named."""


@dataclass(frozen=True)
class InputSpec:
    key: str
    label: str
    kind: str
    sheet: str
    sum_of: tuple[str, ...] = ()
    fallback: str | None = None
    default: object = None
    optional: bool = False


@dataclass(frozen=True)
class RateSpec:
    key: str
    label: str
    num: tuple[str, ...]
    den: tuple[str, ...]


@dataclass(frozen=True)
class Override:
    input: str
    score: float | None   # None: the row's full weight


@dataclass(frozen=True)
class Row:
    id: str
    level1: str
    level2: str
    level3: str
    weight: float
    standard: str
    parts: tuple[Part, ...]
    overrides: tuple[Override, ...] = ()

    @property
    def name(self) -> str:
        return self.level3

    @property
    def indicator_part(self) -> Part | None:
        return next((p for p in self.parts if p.method == "indicators"), None)


@dataclass(frozen=True)
class RuleSet:
    id: str
    title: str
    version: str
    reverse_method: str
    rows: tuple[Row, ...]
    inputs: Mapping[str, InputSpec]
    rates: Mapping[str, RateSpec]
    grade_bands: tuple[Tier, ...]
    path: str = field(default="", compare=False)

    def row(self, row_id: str) -> Row:
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(row_id)

    def rate_function(self, key: str) -> str:
        """The Excel function that computes a derived rate, by the kinds of its amounts: the
        workbook's rate cell calls it, and `Submission.rate` parses the amounts as it does."""
        rate = self.rates[key]
        kinds = {self.inputs[k].kind for k in rate.num + rate.den}
        if "signed_money" in kinds:
            return "ADJUST_RATE"
        return "EXEC_RATE" if kinds == {"money"} else "CONTROL_RATE"

    @property
    def indicator_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.indicator_part is not None)

    @property
    def total_weight(self) -> float:
        return sum(r.weight for r in self.rows)


# A finance bureau's own rule-set files (`--rule-set FILE.toml`): paths separated by os.pathsep.
# An environment variable, so that every process of a batch knows them however it was started.
OWN_RULE_SETS = "PERFSCORE_RULE_SETS"


def available() -> list[str]:
    """The ids of the rule sets that ship, in a stable order."""
    return sorted(p.stem for p in TEMPLATES_DIR.glob("*.toml") if not p.name.startswith("_"))


def use(path: str | Path) -> RuleSet:
    """Load a rule-set file and make its id known to every later `load` (this process and the
    ones it starts): a workbook built from it names it by id in its _meta."""
    rule_set = load(str(Path(path).resolve()))
    known = [p for p in os.environ.get(OWN_RULE_SETS, "").split(os.pathsep) if p]
    if rule_set.path not in known:
        os.environ[OWN_RULE_SETS] = os.pathsep.join(known + [rule_set.path])
    return rule_set


def _own(rule_set_id: str) -> Path | None:
    for path in os.environ.get(OWN_RULE_SETS, "").split(os.pathsep):
        if path and _read(Path(path)).get("id") == rule_set_id:
            return Path(path)
    return None


def load(rule_set: "str | RuleSet") -> RuleSet:
    """A rule set: the object itself, a shipped id (``dept-common``), the id of a file given to
    `use`, or any rule-set file by path."""
    if isinstance(rule_set, RuleSet):
        return rule_set
    return _load(rule_set, os.environ.get(OWN_RULE_SETS, ""))


@functools.lru_cache(maxsize=32)
def _load(name_or_path: str, own: str) -> RuleSet:
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = TEMPLATES_DIR / f"{name_or_path}.toml"
        if not path.is_file():
            path = _own(name_or_path)
        if path is None:
            raise RuleSetError(f"未知的评分框架：{name_or_path}（可用：{'、'.join(available())}；"
                               f"自定义框架请用 --rule-set 文件.toml）")
    common = _read(TEMPLATES_DIR / COMMON_FILE)
    return _build(_read(path), common, str(path))


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise RuleSetError(f"找不到评分框架文件：{path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"评分框架文件格式错误：{path}：{exc}") from None


def _build(data: dict, common: dict, path: str) -> RuleSet:
    where = Path(path).name

    def fail(message: str) -> RuleSetError:
        return RuleSetError(f"{where}: {message}")

    for key in ("id", "title", "version", "rows"):
        if key not in data:
            raise fail(f"缺少 {key}")
    reverse_method = data.get("reverse_method", "ratio")
    if reverse_method not in REVERSE_METHODS:
        raise fail(f"reverse_method 应为 ratio 或 deviation：{reverse_method}")

    inputs = _inputs(common.get("inputs", {}), fail)
    own_inputs = _inputs(data.get("inputs", {}), fail)
    clash = set(inputs) & set(own_inputs)
    if clash:
        raise fail(f"不能重新定义共用输入项：{', '.join(sorted(clash))}")
    inputs.update(own_inputs)

    rates = _rates(common.get("rates", {}), fail)
    own_rates = _rates(data.get("rates", {}), fail)
    if set(rates) & set(own_rates):
        raise fail(f"不能重新定义共用比率：{', '.join(sorted(set(rates) & set(own_rates)))}")
    rates.update(own_rates)
    for rate in rates.values():
        for key in rate.num + rate.den:
            if key not in inputs:
                raise fail(f"比率 {rate.key} 引用了未定义的输入项 {key}")
    for spec in inputs.values():
        for key in spec.sum_of + ((spec.fallback,) if spec.fallback else ()):
            if key not in inputs:
                raise fail(f"输入项 {spec.key} 引用了未定义的输入项 {key}")

    bands = data.get("grade_bands", common.get("grade_bands"))
    if not bands:
        raise fail("缺少 grade_bands")
    grade_bands = tuple(Tier(">=", float(low), grade) for grade, low in list(bands.items())[:-1]) + (
        Tier("else", 0.0, list(bands)[-1]),)

    rows, seen = [], set()
    for n, raw in enumerate(data["rows"], 1):
        row = _row(raw, n, inputs, rates, fail)
        if row.id in seen:
            raise fail(f"评分项 id 重复：{row.id}")
        seen.add(row.id)
        rows.append(row)
    return RuleSet(
        id=str(data["id"]), title=str(data["title"]), version=str(data["version"]),
        reverse_method=reverse_method, rows=tuple(rows),
        inputs=MappingProxyType(inputs), rates=MappingProxyType(rates),
        grade_bands=grade_bands, path=path,
    )


def _inputs(raw: dict, fail) -> dict[str, InputSpec]:
    specs = {}
    for key, spec in raw.items():
        if not isinstance(spec, dict) or "label" not in spec or spec.get("kind") not in INPUT_KINDS:
            raise fail(f"输入项 {key} 需要 label 和 kind（{'/'.join(INPUT_KINDS)}）")
        specs[key] = InputSpec(
            key=key, label=spec["label"], kind=spec["kind"], sheet=spec.get("sheet", "预算数据"),
            sum_of=tuple(spec.get("sum_of", ())), fallback=spec.get("fallback"),
            default=spec.get("default"), optional=bool(spec.get("optional", False)),
        )
    return specs


def _rates(raw: dict, fail) -> dict[str, RateSpec]:
    rates = {}
    for key, spec in raw.items():
        if not spec.get("num") or not spec.get("den"):
            raise fail(f"比率 {key} 需要 num 和 den")
        rates[key] = RateSpec(key, spec.get("label", key), tuple(spec["num"]), tuple(spec["den"]))
    return rates


def _row(raw: dict, n: int, inputs: dict, rates: dict, fail) -> Row:
    for key in ("id", "level1", "level2", "level3", "weight", "standard", "parts"):
        if key not in raw:
            raise fail(f"第{n}个评分项缺少 {key}")
    row_id, weight = str(raw["id"]), float(raw["weight"])
    parts = [_part(p, row_id, weight, len(raw["parts"]), inputs, rates, fail) for p in raw["parts"]]
    most = sum(p.points for p in parts)
    if abs(most - weight) > 1e-9:
        raise fail(f"评分项 {row_id} 各部分满分合计 {most:g}，与分值 {weight:g} 不符")
    overrides = []
    for o in raw.get("overrides", ()):
        if inputs.get(o.get("input"), None) is None or inputs[o["input"]].kind != "flag":
            raise fail(f"评分项 {row_id} 的 overrides 须引用“是/否”输入项：{o.get('input')}")
        score = o.get("score")
        overrides.append(Override(o["input"], None if score == "full" else float(score)))
    return Row(row_id, str(raw["level1"]), str(raw["level2"]), str(raw["level3"]), weight,
               str(raw["standard"]).strip(), tuple(parts), tuple(overrides))


def _part(raw: dict, row_id: str, weight: float, n_parts: int, inputs: dict, rates: dict, fail) -> Part:
    """One part of a row, checked against its method's entry in the method table."""
    name = raw.get("method")
    if name not in METHODS:
        raise fail(f"评分项 {row_id} 的计分方法未知：{name}（可用：{', '.join(METHODS)}）")
    method = METHODS[name]
    given = {k: v for k, v in raw.items() if k != "method"}
    missing = sorted(k for k, spec in method.params.items() if spec.required and k not in given)
    unknown = sorted(set(given) - set(method.params))
    if missing or unknown:
        raise fail(f"评分项 {row_id} 的 {name} 参数有误：缺少 {missing}，多余 {unknown}")
    params = {}
    for key, spec in method.params.items():
        if key in given:
            params[key] = given[key]
        elif spec.default is WEIGHT:
            if n_parts > 1:
                raise fail(f"评分项 {row_id} 有多个部分，{name} 部分须写明 {key}")
            params[key] = weight
        else:
            params[key] = spec.default
    tiers, items = (), ()
    for key, spec in method.params.items():
        value = params[key]
        if value is None and not spec.required:
            continue
        where = f"评分项 {row_id} 的 {key}"
        if spec.kind == "tiers":
            try:
                tiers = parse_tiers(value)
            except CellError as exc:
                raise fail(f"评分项 {row_id} 的分档规则有误：{exc.message}") from None
        elif spec.kind == "items":
            try:
                items = tuple(CheckItem(i["input"], float(i["max"]), _input(i["input"], "check", inputs, where, fail))
                              for i in value)
            except (TypeError, KeyError, ValueError):
                raise fail(f"{where} 应为 {{ input = …, max = … }} 的列表") from None
        else:
            _check_param(spec, value, where, inputs, rates, fail)
    part = Part(name, 0.0, MappingProxyType(params), tiers, items)
    points = float(params["points"]) if method.points is None else float(method.points(part))
    return Part(name, points, part.params, tiers, items)


def _input(key: object, kind: str, inputs: dict, where: str, fail) -> str:
    """The label of input `key`, which must exist and be of `kind`."""
    if key not in inputs or inputs[key].kind != kind:
        raise fail(f"{where} 引用了未定义或类型不符的输入项：{key}（应为 {kind} 类输入项）")
    return inputs[key].label


def _check_param(spec: ParamSpec, value: object, where: str, inputs: dict, rates: dict, fail) -> None:
    kind, _, input_kind = spec.kind.partition(":")
    if kind == "rate":
        if value not in rates:
            _input(value, "rate", inputs, where, fail)
    elif kind == "input":
        _input(value, input_kind, inputs, where, fail)
    elif kind == "inputs":
        if not isinstance(value, list) or (spec.length and len(value) != spec.length):
            raise fail(f"{where} 应为 {spec.length} 个输入项的列表")
        for key in value:
            _input(key, input_kind, inputs, where, fail)
    elif kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise fail(f"{where} 应为数值：{value!r}")
    elif kind == "bool":
        if not isinstance(value, bool):
            raise fail(f"{where} 应为 true 或 false：{value!r}")
    elif kind == "options":
        if not isinstance(value, dict) or not value or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in value.values()):
            raise fail(f"{where} 应为“选项 = 分值”的表")
    elif kind == "names":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"{where} 应为文字列表")
