"""A project's 执行率 said in the prose by its name ("农村人居环境整治项目执行率93.4%") against the one row of that name in
the report's table of projects: its spending over its budget (development's 1288: the rate of the project before it
copied)."""
from __future__ import annotations

from reading import checked, said


_PROJECTS = ("烽台县农业农村局2024年度部门整体支出绩效自评报告\n"
             "（三）重点项目执行情况。其中：动物疫病防控项目执行率93.4%、农村人居环境整治项目执行率{rate}。\n"
             "| 项目名称 | 全年预算数 | 实际支出 | 执行率 |\n"
             "| 动物疫病防控 | 214.50 | 200.35 | 93.4% |\n"
             "| 农村人居环境整治 | 386.00 | 346.24 | 89.7% |\n")


def test_a_projects_rate_said_by_its_name_against_its_row(tmp_path):
    assert said(checked(tmp_path, _PROJECTS.format(rate="89.7%"))) == []          # 346.24 ÷ 386.00
    slip = checked(tmp_path, _PROJECTS.format(rate="93.4%"))
    assert said(slip) == [("STATED_RATE_MISMATCH", "warning")] and "89.70%" in slip.findings[0].message


def test_a_name_not_one_rows_is_left_alone(tmp_path):
    other = _PROJECTS.replace("、农村人居环境整治项目执行率", "、人居环境项目执行率")       # (no row of that very name)
    assert said(checked(tmp_path, other.format(rate="93.4%"))) == []
