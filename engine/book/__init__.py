"""Everything that reads or writes a workbook: the template (layout, formula generation
from the method table, the sheets), fill, read-back, integrity against a fresh template,
the fast path, the headless recalculation with `formulas`, and write-back of computed
values.  May import files, core and udfs; never the bureau or the terminal edge."""
