# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test clean workbooks soffice bench bench-reports bench-spaces

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	# an editable install is not byte-compiled, and where PYTHONDONTWRITEBYTECODE is set nothing
	# ever would be: every perfscore command would compile the engine first
	$(BIN)/python -m compileall -q engine udfs workbook
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/perfscore demo

# the interoperability tests need LibreOffice Calc and Writer and Chinese fonts; CI machines start without them
OFFICE_PACKAGES := libreoffice-calc-nogui libreoffice-writer-nogui fonts-noto-cjk
soffice:
	@dpkg -s $(OFFICE_PACKAGES) >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(OFFICE_PACKAGES) >/dev/null; }

# the layers of engine/ (pyproject: [tool.importlinter]) are checked before the tests
# one worker a core (CI's two cores halve the time); a file's tests stay on one worker, so a file's
# session-wide work (the cases' PDFs, made 100 to one LibreOffice run) is done once; the longest modules are named
# first, longest first, and kept in that order (--no-loadscope-reorder: xdist would otherwise order files by their
# number of tests, and the few long LibreOffice and formulas tests came last, a tail on one worker) — seconds of CPU
# measured with --durations=0 on 2026-12-07 (evening, after the formulas compile cache): 256, 250, 208, 205, 153, 134, 108,
# 101, 68, 66, 66
SLOW_FIRST = tests/book/test_resaved.py tests/report/test_cases.py tests/report/test_cases_documents.py \
	tests/report/test_cases_documents_2.py tests/book/test_native.py tests/book/test_spreadsheet_shows.py \
	tests/report/test_cases_spaces.py tests/book/test_workbook.py tests/book/test_legacy.py tests/book/test_typed_cells.py \
	tests/cli/test_cli.py
test: $(STAMP) soffice
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder $(SLOW_FIRST) tests

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis

# The workbooks under workbook/ are generated (xlwings .xlsm, native .xlsx); a test fails when they are stale.
workbooks: $(STAMP)
	for rs in dept-simple mof2020 dept-common; do \
	  $(BIN)/perfscore template $$rs -o workbook/perfscore-$$rs.xlsm && \
	  $(BIN)/perfscore template $$rs --formulas native -o workbook/perfscore-$$rs.xlsx; done

# Speed and memory against formulas, LibreOffice and a raw read (not part of make test).
bench: $(STAMP) soffice
	$(BIN)/python tests/benchmarks/bench.py

# check-report over the labelled report cases: dev, then held out (not part of make test)
bench-reports: $(STAMP)
	$(BIN)/python tests/benchmarks/bench_reports.py

# check-report on each case with tables, as | rows and set in spaces: the time ratios (a pattern that backtracks on spaces)
bench-spaces: $(STAMP)
	$(BIN)/python tests/benchmarks/bench_spaces.py
