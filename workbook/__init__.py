"""The workbook users open and the bundled sample submissions."""
from pathlib import Path

WORKBOOK_DIR = Path(__file__).resolve().parent
SAMPLES_DIR = WORKBOOK_DIR / "samples"


def xlwings_base() -> Path:
    """The workbook `xlwings quickstart --standalone` creates: xlwings' VBA module inside."""
    import xlwings
    return Path(xlwings.__file__).resolve().parent / "quickstart_standalone.xlsm"
