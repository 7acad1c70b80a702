from __future__ import annotations

import pytest

from mlebench_fast.bulk import grade_many
from mlebench_fast.grading import read_submission_jobs

from .conftest import strip

distributed = pytest.importorskip("distributed")


def test_dask_cluster_gives_the_local_report_both_ways(suite, tmp_path):
    jobs = read_submission_jobs(suite.submissions_jsonl)
    common = {"data_dir": suite.data_dir, "leaderboards": suite.leaderboards_dir}
    local = grade_many(jobs, workers=1, cache_dir=tmp_path / "local", **common)
    expected = [strip(r) for r in local.reports]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        for send in (False, True):  # the shared cache dir, then answers sent by the client
            result = grade_many(jobs, dask_client=client, dask_send_answers=send,
                                cache_dir=tmp_path / f"dask-{send}", **common)
            assert [strip(r) for r in result.reports] == expected
