import pytest
from hypothesis import given, strategies as st

from engine.core import parsing
from engine.core.errors import CellError


@pytest.mark.parametrize("text, expected", [
    ("2,935.01", 2935.01), ("2，935.01", 2935.01), (" 2 935.01 ", 2935.01), ("２９３５．０１", 2935.01),
    ("564.36万元", 564.36), ("564.36 万元", 564.36), ("１，２３４．５万元", 1234.5), (12, 12.0), (0.5, 0.5),
    ("+3", 3.0), (".5", 0.5),
])
def test_money_strings(text, expected):
    assert parsing.parse_money(text, "全年预算数") == expected


@pytest.mark.parametrize("text, expected", [
    ("99.46%", 0.9946), ("９９．４６％", 0.9946), ("100 %", 1.0), ("0%", 0.0), ("-2.5%", -0.025), (0.9316, 0.9316),
])
def test_rates(text, expected):
    assert parsing.parse_rate(text, "比率") == expected


@pytest.mark.parametrize("text", ["5人", "5 个", "5件", "5次", "5篇", "5场", "5份", "5项", "５人"])
def test_count_units(text):
    assert parsing.parse_count(text, "人数") == 5


def test_yuan_is_refused_for_money_never_divided():
    with pytest.raises(CellError) as err:
        parsing.parse_money("5,643,600元", "全年预算数", "inputs.budget_total")
    assert err.value.code == "#VALUE!"
    assert "全年预算数" in err.value.message and "万元" in err.value.message and "5,643,600元" in err.value.message
    assert err.value.field == "inputs.budget_total"


@pytest.mark.parametrize("value, code", [
    (None, "#N/A"), ("", "#N/A"), ("   ", "#N/A"), ("abc", "#VALUE!"), ("12,34.5", "#VALUE!"),
    ("1.2.3", "#VALUE!"), (True, "#VALUE!"), (float("nan"), "#VALUE!"), ("5人", "#VALUE!"), ("%", "#VALUE!"),
    ("-5", "#NUM!"), (-0.01, "#NUM!"),
])
def test_bad_money_names_field_and_text(value, code):
    with pytest.raises(CellError) as err:
        parsing.parse_money(value, "全年执行数")
    assert err.value.code == code
    assert "全年执行数" in err.value.message
    assert str(err.value).startswith(code)
    if code == "#VALUE!" and isinstance(value, str):
        assert value.strip() in err.value.message


def test_signed_money_allows_negative_adjustment():
    assert parsing.parse_money("-176.31万元", "预算调整数", signed=True) == -176.31
    assert parsing.parse_money("－176.31", "预算调整数", signed=True) == -176.31


@pytest.mark.parametrize("text, expected", [
    ("是", True), ("否", False), ("√", True), ("×", False), ("Y", True), ("n", False), ("TRUE", True),
    ("false", False), (1, True), (0, False), ("1", True), ("0", False), (True, True),
])
def test_flags(text, expected):
    assert parsing.parse_flag(text, "是否涉密") is expected


def test_bad_flag():
    with pytest.raises(CellError) as err:
        parsing.parse_flag("也许", "是否涉密")
    assert err.value.code == "#VALUE!" and "是否涉密" in err.value.message and "也许" in err.value.message


def test_check_answers_are_flags_or_points():
    assert parsing.parse_check("是", "x") is True
    assert parsing.parse_check("×", "x") is False
    assert parsing.parse_check("1.5", "x") == 1.5
    assert parsing.parse_check("0.5分", "x") == 0.5


@pytest.mark.parametrize("text, expected", [
    ("≥", ">="), (">=", ">="), ("＞", ">"), ("=", "="), ("＝", "="), ("≤", "<="), ("<=", "<="),
    ("<", "<"), ("定性", "定性"), ("不高于", "<="), (" ≥ ", ">="),
])
def test_directions(text, expected):
    assert parsing.parse_direction(text) == expected


def test_indicator_values_take_their_units():
    assert parsing.parse_indicator_value("284件", "实际完成值") == 284
    assert parsing.parse_indicator_value("30人次", "实际完成值") == 30
    assert parsing.parse_indicator_value("500元", "实际完成值") == 500  # an indicator in 元 is legitimate
    with pytest.raises(CellError):
        parsing.parse_indicator_value("很多", "实际完成值")


def test_year():
    assert parsing.parse_year("2024年度") == 2024
    assert parsing.parse_year(2024.0) == 2024
    with pytest.raises(CellError):
        parsing.parse_year("24")


def test_scores_range_names_first_failing_item():
    assert parsing.parse_scores([[1], [None], ["2.5"]]) == [1.0, 2.5]
    with pytest.raises(CellError) as err:
        parsing.parse_scores([[1], ["#N/A 缺少输入：全年预算数"], ["x"]])
    assert err.value.code == "#N/A" and "第2个" in err.value.message


def _format_money(amount_cents: int, style: int) -> str:
    whole, cents = divmod(amount_cents, 100)
    grouped = f"{whole:,}.{cents:02d}"
    if style == 1:
        grouped = grouped.replace(",", "，")
    if style == 2:  # full width digits, separators and point
        grouped = grouped.translate(str.maketrans("0123456789,.", "０１２３４５６７８９，．"))
    return grouped + ("万元" if style != 0 else "") + (" " if style == 1 else "")


@given(st.integers(min_value=0, max_value=10**13), st.integers(min_value=0, max_value=2))
def test_formatted_money_parses_back(amount_cents, style):
    text = _format_money(amount_cents, style)
    assert parsing.parse_money(text, "金额") == amount_cents / 100
