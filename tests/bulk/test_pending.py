"""How the pool hands out tasks: each worker keeps to one group while it lasts."""

from __future__ import annotations

from mlebench_fast.bulk.pool import _Pending


class _FakeWorker:
    def __init__(self) -> None:
        self.group = None


def test_each_task_is_taken_once_in_order_within_its_group():
    groups = ["a", "b", "a", "c", "b", "a"]
    pending = _Pending(groups)
    worker = _FakeWorker()
    taken = []
    while pending:
        taken.append(pending.take(worker, [worker]))
    assert sorted(taken) == list(range(len(groups)))
    assert taken[:3] == [0, 2, 5]  # the largest group first, then kept to while it lasts


def test_two_workers_start_on_different_groups_and_keep_to_them():
    pending = _Pending(["a"] * 3 + ["b"] * 2)
    one, two = _FakeWorker(), _FakeWorker()
    pool = [one, two]
    assert pending.take(one, pool) == 0 and one.group == "a"
    assert pending.take(two, pool) == 3 and two.group == "b"
    assert pending.take(one, pool) == 1
    assert pending.take(two, pool) == 4
    # b is done: worker two joins a rather than idling
    assert pending.take(two, pool) == 2 and not pending
