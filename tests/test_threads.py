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


@pytest.mark.parametrize("threads", [None, 1, 2, 3, 8])
@pytest.mark.parametrize(("count", "min_share"), [(0, 4), (3, 4), (8, 4), (9, 4), (100, 7), (100, 1)])
def test_equal_shares_cover_the_range_in_order(threads, count, min_share, monkeypatch):
    from mlebench_fast.threads import in_equal_shares

    monkeypatch.setenv(ENV, "2")
    shares = in_equal_shares(lambda start, stop: (start, stop), count, min_share, threads)
    assert shares[0][0] == 0 and shares[-1][1] == count
    assert all(a[1] == b[0] for a, b in zip(shares, shares[1:], strict=False))
    budget = 2 if threads is None else threads
    assert len(shares) == max(1, min(budget, count // min_share))
    sizes = [stop - start for start, stop in shares]
    assert max(sizes) - min(sizes) <= 1
