"""Every batch test runs as on Windows: fork and forkserver refused (tests/nofork.py)."""
import pytest

from nofork import refuse_fork


@pytest.fixture(autouse=True)
def no_fork(monkeypatch):
    refuse_fork(monkeypatch.setattr)
