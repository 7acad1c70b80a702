import dataclasses

import pytest

from mlebench_fast import (
    GraderNotImplementedError,
    UnknownCompetitionError,
    get_competition,
    list_competition_ids,
    split_competition_ids,
)
from mlebench_fast.competitions.spec import grader_module_name
from mlebench_fast.metrics import METRICS, Metric, get_metric


def test_the_reference_registry_has_82_competitions():
    ids = list_competition_ids()
    assert len(ids) == 82
    assert ids == sorted(ids)
    assert {"spaceship-titanic", "3d-object-detection-for-autonomous-vehicles", "AI4Code"} <= set(ids)


def test_splits_partition_the_registry():
    sizes = {s: len(split_competition_ids(s)) for s in ("low", "medium", "high", "dev")}
    assert sum(sizes.values()) == 82
    assert sizes["dev"] == 7
    assert len(split_competition_ids("all")) == 75


def test_unknown_split_names_the_valid_ones():
    with pytest.raises(ValueError, match="low, medium, high, dev, all"):
        split_competition_ids("tiny")


def test_unknown_id_lists_close_matches():
    with pytest.raises(UnknownCompetitionError, match="Did you mean: spaceship-titanic"):
        get_competition("spaceship-titanik")


def test_entries_carry_reference_paths_and_declared_direction():
    comp = get_competition("dog-breed-identification")
    assert str(comp.answers) == "dog-breed-identification/prepared/private/test.csv"
    assert comp.is_lower_better and comp.metric.name == "log_loss"
    assert not get_competition("spaceship-titanic").is_lower_better
    assert get_competition("osic-pulmonary-fibrosis-progression").metric.higher_is_better


def test_module_names_are_python_identifiers():
    for cid in list_competition_ids():
        assert grader_module_name(cid).isidentifier()
    assert grader_module_name("3d-object-detection-for-autonomous-vehicles").startswith("c_3d")


def unbuilt_competition():
    """A competition without a grader module: a real one if any is left, else a renamed copy."""
    unbuilt = [c for c in list_competition_ids() if not get_competition(c).is_implemented]
    if unbuilt:
        return get_competition(unbuilt[0])
    return dataclasses.replace(
        get_competition("spaceship-titanic"), id="spaceship-titanic-unbuilt", _grader=[]
    )


def test_an_unbuilt_grader_says_so_and_never_scores():
    competition = unbuilt_competition()
    assert not competition.is_implemented
    with pytest.raises(GraderNotImplementedError, match=competition.id):
        competition.grader


def test_every_implemented_grader_follows_the_protocol():
    from mlebench_fast.competitions.spec import Grader

    for cid in list_competition_ids():
        comp = get_competition(cid)
        if comp.is_implemented:
            assert isinstance(comp.grader, Grader)


def test_metric_names_carry_their_direction():
    for metric in METRICS.values():
        assert metric.name.endswith("_score") == metric.higher_is_better
    with pytest.raises(ValueError, match="disagree"):
        Metric(name="accuracy_score", higher_is_better=False, description="")
    with pytest.raises(ValueError, match="valid metrics"):
        get_metric("accuracy")
