"""Rule sets (scoring frameworks) are data: one TOML file per framework under templates/.

A new framework is a new file; nothing here knows any framework by name.  Loading
checks the file thoroughly, so a mistake in a rule set is reported when it is loaded,
naming the file and the row, not when a department's score comes out wrong.
"""
from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .errors import CellError
from .methods import Tier, parse_tiers
from .rates import REVERSE_METHODS

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
COMMON_FILE = "_common.toml"

INPUT_KINDS = ("text", "year", "flag", "money", "signed_money", "count", "rate", "check", "choice")

# method → (required parameters, optional parameters)
METHOD_PARAMS = {
    "ratio": ({"rate"}, {"points", "cap", "zero_above", "empty_full"}),
    "tiers": ({"rate", "tiers"}, {"empty_full"}),
    "deduct": ({"count", "per_item"}, {"points"}),
    "excess": ({"rate", "limit", "per_point"}, {"points"}),
    "quarterly": ({"budget", "quarters"}, {"quarter_points", "average_points"}),
    "check": ({"items"}, set()),
    "choice": ({"input", "options"}, set()),
    "indicators": (set(), {"level1", "points"}),
}


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
class CheckItem:
    input: str
    max: float


@dataclass(frozen=True)
class Part:
    method: str
    points: float                       # the most this part can give
    params: Mapping[str, object]
    tiers: tuple[Tier, ...] = ()
    items: tuple[CheckItem, ...] = ()

    def get(self, name: str, default: object = None) -> object:
        return self.params.get(name, default)


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

    @property
    def indicator_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.indicator_part is not None)

    @property
    def total_weight(self) -> float:
        return sum(r.weight for r in self.rows)


def available() -> list[str]:
    """The ids of the rule sets that ship, in a stable order."""
    return sorted(p.stem for p in TEMPLATES_DIR.glob("*.toml") if not p.name.startswith("_"))


@functools.lru_cache(maxsize=32)
def load(name_or_path: str) -> RuleSet:
    """Load a shipped rule set by id (``dept-common``) or any rule-set file by path."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = TEMPLATES_DIR / f"{name_or_path}.toml"
        if not path.is_file():
            raise RuleSetError(f"未知的评分框架：{name_or_path}（可用：{'、'.join(available())}）")
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
    method = raw.get("method")
    if method not in METHOD_PARAMS:
        raise fail(f"评分项 {row_id} 的计分方法未知：{method}（可用：{', '.join(METHOD_PARAMS)}）")
    required, optional = METHOD_PARAMS[method]
    params = {k: v for k, v in raw.items() if k != "method"}
    missing = required - set(params)
    unknown = set(params) - required - optional
    if missing or unknown:
        raise fail(f"评分项 {row_id} 的 {method} 参数有误：缺少 {sorted(missing)}，多余 {sorted(unknown)}")

    def need_input(key: object, kinds: tuple[str, ...] | None = None) -> None:
        if key not in inputs or (kinds and inputs[key].kind not in kinds):
            raise fail(f"评分项 {row_id} 引用了未定义或类型不符的输入项：{key}")

    if "rate" in params and params["rate"] not in rates:
        need_input(params["rate"], ("rate",))
    tiers, items = (), ()
    if method == "tiers":
        try:
            tiers = parse_tiers(params["tiers"])
        except CellError as exc:
            raise fail(f"评分项 {row_id} 的分档规则有误：{exc.message}") from None
        points = max(float(t.points) for t in tiers)
    elif method == "check":
        items = tuple(CheckItem(i["input"], float(i["max"])) for i in params["items"])
        for item in items:
            need_input(item.input, ("check",))
        points = sum(i.max for i in items)
    elif method == "choice":
        need_input(params["input"], ("choice",))
        points = max(float(v) for v in params["options"].values())
    elif method == "quarterly":
        need_input(params["budget"], ("money",))
        if len(params["quarters"]) != 4:
            raise fail(f"评分项 {row_id} 的 quarters 应为四个季度")
        for key in params["quarters"]:
            need_input(key, ("money",))
        points = 4 * float(params.get("quarter_points", 1)) + float(params.get("average_points", 2))
    else:
        if n_parts > 1 and "points" not in params:
            raise fail(f"评分项 {row_id} 有多个部分，{method} 部分须写明 points")
        if method == "deduct":
            need_input(params["count"], ("count",))
        points = float(params.get("points", weight))
    return Part(method, points, MappingProxyType(params), tiers, items)
