"""The 自评报告 layer: reading a report (.txt/.docx/.pdf), finding what it states, checking its
arithmetic and its agreement with a workbook (check-report), and writing the draft (report)."""
