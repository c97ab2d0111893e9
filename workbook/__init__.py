"""The workbook users open and the bundled sample submissions."""
from pathlib import Path

WORKBOOK_DIR = Path(__file__).resolve().parent
SAMPLES_DIR = WORKBOOK_DIR / "samples"
