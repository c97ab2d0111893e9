"""The registry: one declaration per Excel function, the same names in xlwings and headless."""
import io
import sys
import types
from unittest import mock

import pytest

import udfs
import udfs.xl
from engine.core.errors import CellError
from udfs import FUNCTIONS, REGISTRY

SPEC_4_9 = ["EXEC_RATE", "ADJUST_RATE", "CONTROL_RATE", "COMPLETION_RATE", "PERF_SCORE", "RATIO_SCORE",
            "TIER_SCORE", "DEDUCT_SCORE", "EXCESS_DEDUCT", "QUARTER_SCORE", "CHECK_SCORE", "PERF_ROUND",
            "PERF_TOTAL", "PERF_GRADE"]


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_catalogue_is_spec_4_9_plus_perf_sum():
    # PERF_SUM parses and adds amounts (在编 + 编外) so that no template formula does
    # Excel arithmetic on text such as "48人"
    assert [name for name in FUNCTIONS if name in SPEC_4_9] == SPEC_4_9
    assert set(FUNCTIONS) - set(SPEC_4_9) == {"PERF_SUM"}
    assert len({f.name for f in REGISTRY}) == len(REGISTRY)


@pytest.mark.parametrize("spec", REGISTRY, ids=lambda s: s.name)
def test_every_function_and_argument_has_chinese_help(spec):
    assert _has_chinese(spec.help) and spec.example.startswith(f"={spec.name}(") and spec.result
    for param in spec.params:
        assert _has_chinese(param.help) and _has_chinese(param.label), param.name


@pytest.mark.parametrize("spec", REGISTRY, ids=lambda s: s.name)
def test_every_face_computes_the_documented_example(spec):
    """The registry, the xlwings module and the formulas registration are three faces of one
    function: each computes the README's example and gets its documented result."""
    import formulas

    from udfs.formulas_functions import register
    register()
    expected = documented(spec)
    assert close(FUNCTIONS[spec.name](*_example_args(spec.example)), expected)
    assert close(getattr(udfs.xl, spec.name)(*_example_args(spec.example)), expected)
    headless = formulas.Parser().ast(spec.example)[1].compile()()
    assert close(headless.item() if hasattr(headless, "item") else headless, expected), headless


def documented(spec) -> object:
    shown = spec.result.split("（")[0]
    try:
        return float(shown), 0.5 * 10 ** -len(shown.partition(".")[2])
    except ValueError:
        return shown, None


def close(value, expected) -> bool:
    shown, tolerance = expected
    if tolerance is None:
        return value == shown
    return isinstance(value, (int, float)) and abs(value - shown) <= tolerance


def test_an_error_passes_through_every_face_with_its_code():
    import formulas

    from udfs.formulas_functions import register
    register()
    def headless(formula: str) -> str:
        result = formulas.Parser().ast(formula)[1].compile()()
        return str(result.ravel()[0] if hasattr(result, "ravel") else result)

    assert udfs.xl.EXEC_RATE(5, 0).startswith("#DIV/0!")
    assert udfs.xl.PERF_TOTAL(udfs.xl.EXEC_RATE(5, 0), 3).startswith("#N/A")
    assert headless("=EXEC_RATE(5, 0)") == "#DIV/0!"
    assert headless("=PERF_TOTAL(EXEC_RATE(5, 0), 3)") == "#N/A"


def test_xlwings_cells_show_the_message_not_a_traceback():
    assert udfs.xl.EXEC_RATE(None, 951.76) == "#N/A 缺少输入：执行数"
    assert udfs.xl.EXEC_RATE("919.76万元", "951.76") == pytest.approx(0.966378, abs=1e-6)
    # a downstream UDF sees the text of an upstream error and propagates it
    assert udfs.xl.PERF_TOTAL([["#N/A 缺少输入：执行数"], [5]]).startswith("#N/A")
    assert udfs.xl.RATIO_SCORE("#DIV/0!", 10).startswith("#DIV/0!")


@pytest.fixture
def real_xlwings_udfs(monkeypatch):
    """xlwings' own Windows decorators, importable here once the COM modules are stubbed."""
    for name in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
        monkeypatch.setitem(sys.modules, name, mock.MagicMock())
    monkeypatch.delitem(sys.modules, "xlwings.udfs", raising=False)
    import xlwings.udfs as real
    return real


def test_real_xlwings_metadata_and_vba_wrappers(real_xlwings_udfs):
    module = types.ModuleType("udfs.xl")
    for spec in REGISTRY:
        udf = udfs.xl.build_udf(spec, func=real_xlwings_udfs.xlfunc, arg=real_xlwings_udfs.xlarg)
        setattr(module, spec.name, udf)
        meta = udf.__xlfunc__
        assert meta["name"] == spec.name and meta["ret"]["doc"] == spec.help
        assert [a["doc"] for a in meta["args"]] == [p.help for p in spec.params]
        assert all(a["options"].get("err_to_str") for a in meta["args"])
    out = io.StringIO()
    real_xlwings_udfs.generate_vba_wrapper("udfs.xl", module, out, types.SimpleNamespace(Name="perfscore.xlsm"))
    vba = out.getvalue()
    for spec in REGISTRY:
        assert f"Function {spec.name}(" in vba
    assert "Function QUARTER_SCORE(budget, q1, q2, q3, q4, Optional quarter_points, Optional average_points)" in vba
    assert "ParamArray scores" in vba


@pytest.mark.parametrize("name, args, code, field", [
    ("EXEC_RATE", (None, 100), "#N/A", "执行数"),
    ("EXEC_RATE", ("abc", 100), "#VALUE!", "执行数"),
    ("EXEC_RATE", ("100元", 100), "#VALUE!", "执行数"),
    ("EXEC_RATE", (5, 0), "#DIV/0!", "预算执行率"),
    ("EXEC_RATE", (-5, 100), "#NUM!", "执行数"),
    ("CONTROL_RATE", (3, "0人"), "#DIV/0!", "控制率"),
    ("QUARTER_SCORE", (None, 1, 2, 3, 4), "#N/A", "全年预算数"),
    ("QUARTER_SCORE", ("1000元", 1, 2, 3, 4), "#VALUE!", "全年预算数"),
    ("PERF_SCORE", ("≥", "95%", None, 25), "#N/A", "实际完成值"),
    ("PERF_SCORE", ("约等于", 95, 100, 25), "#VALUE!", "指标性质"),
    ("PERF_SCORE", ("≥", 95, 100, None), "#N/A", "权重"),
    ("CHECK_SCORE", ("可能", 1), "#VALUE!", "检查项"),
    ("DEDUCT_SCORE", (5, "-1", 1), "#NUM!", "扣分次数"),
])
def test_errors_through_functions_name_the_field(name, args, code, field):
    with pytest.raises(CellError) as err:
        FUNCTIONS[name](*args)
    assert err.value.code == code
    assert field in err.value.message
    assert str(err.value).startswith(code)


def test_omitted_and_blank_optionals_take_defaults():
    assert FUNCTIONS["RATIO_SCORE"](1.5, 10) == FUNCTIONS["RATIO_SCORE"](1.5, 10, None) == 10
    assert FUNCTIONS["QUARTER_SCORE"](100, 25, 50, 75, 100, None, "") == 6


def test_too_many_arguments_is_value_error():
    with pytest.raises(CellError) as err:
        FUNCTIONS["EXEC_RATE"](1, 2, 3)
    assert err.value.code == "#VALUE!"


def _example_args(example: str) -> list:
    inner = example[example.index("(") + 1:-1]
    args, current, quoted = [], "", False
    for ch in inner + ",":
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            token = current.strip()
            args.append(token[1:-1] if token.startswith('"') else token if token.endswith("%") else float(token))
            current = ""
            continue
        current += ch
    return args


@pytest.mark.parametrize("spec", REGISTRY, ids=lambda s: s.name)
def test_readme_function_reference_is_current(spec):
    from helpers import ROOT
    from udfs.docs import markdown
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown() in readme, "README's function reference is stale: python -m udfs.docs"
