"""The thread budget every threaded kernel reads."""

import pytest

from mlebench_fast.threads import ENV, available_cpus, kernel_threads


def test_every_cpu_by_default(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    assert kernel_threads() == available_cpus() >= 1


def test_environment_overrides(monkeypatch):
    monkeypatch.setenv(ENV, "3")
    assert kernel_threads() == 3
    monkeypatch.setenv(ENV, "0")
    assert kernel_threads() == 1


def test_a_bad_value_says_what_is_wrong(monkeypatch):
    monkeypatch.setenv(ENV, "many")
    with pytest.raises(ValueError, match="MLEBENCH_FAST_THREADS must be a whole number"):
        kernel_threads()
