"""A 决算's 收入支出决算总表, two lists side by side: each side's rows against its own 本年合计."""
from __future__ import annotations

from reading import checked

TABLE = ("某县交通运输局2023年度部门决算\n一、收入支出决算总表\n"
         "收入\t\t\t支出\n"
         "项目\t行次\t金额\t项目\t行次\t金额\n"
         "栏次\t\t1\t栏次\t\t2\n"
         "一、一般公共预算财政拨款收入\t1\t2,412.56\t一、一般公共服务支出\t32\t\n"
         "二、政府性基金预算财政拨款收入\t2\t500.00\t八、社会保障和就业支出\t39\t152.84\n"
         "三、上级补助收入\t3\t\t九、卫生健康支出\t40\t48.37\n"
         "四、其他收入\t4\t28.50\t十三、交通运输支出\t44\t{transport}\n"
         "\t5\t\t十九、住房保障支出\t50\t86.48\n"
         "本年收入合计\t20\t2,941.06\t本年支出合计\t57\t2,840.34\n"
         "年初结转和结余\t21\t186.10\t年末结转和结余\t58\t286.82\n"
         "总计\t25\t3,127.16\t总计\t62\t3,127.16\n")


def findings(tmp_path, transport: str) -> list:
    return checked(tmp_path, TABLE.format(transport=transport)).findings


def test_each_side_adds_up_to_its_own_total(tmp_path):
    # 2,412.56 + 500.00 + 28.50 = 2,941.06; 152.84 + 48.37 + 2,552.65 + 86.48 = 2,840.34
    assert findings(tmp_path, "2,552.65") == []


def test_a_side_whose_rows_do_not_make_its_total(tmp_path):
    found = findings(tmp_path, "2,525.65")      # (digits turned about: 27.00 short)
    assert [(f.code, f.severity) for f in found] == [("SUM_MISMATCH", "error")]
    assert "2,813.34" in found[0].message and "本年支出合计 2,840.34" in found[0].message


def test_a_side_with_rows_under_others_is_not_summed(tmp_path):
    nested = TABLE.replace("\t\t十九、住房保障支出\t50\t86.48", "\t\t其中：公路养护\t45\t1,200.00")
    assert [f.code for f in checked(tmp_path, nested.format(transport="2,552.65")).findings] == []
