"""The bulk-grading benchmark suite: 1,000 agent submissions over 25 competitions at real size.

The competitions span every metric family and cost the reference between 5 ms and 1.2 s per
submission; those costing it several seconds each (denoising, h-and-m, text normalisation, bms,
AI4Code, nfl) are left out so that the reference's own run of the same suite takes minutes, not
hours. Each competition gets 40 seeds of the demo's agent mix (noisy, perfect, random, malformed and
missing submissions), written once under ``benchmarks/.data/bulk`` in the reference's layout, so the
reference (``tools/time_reference_bulk.py``) and ``mlebench-fast grade`` read the very same files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from benchmarks.data import DATA_DIR
from mlebench_fast.synthetic.suite import SuiteLayout, build_suite

BULK_COMPETITIONS: tuple[str, ...] = (
    "aerial-cactus-identification",
    "champs-scalar-coupling",
    "freesound-audio-tagging-2019",
    "google-research-identify-contrails-reduce-global-warming",
    "histopathologic-cancer-detection",
    "hms-harmful-brain-activity-classification",
    "hotel-id-2021-fgvc8",
    "iwildcam-2020-fgvc7",
    "jigsaw-toxic-comment-classification-challenge",
    "kuzushiji-recognition",
    "lmsys-chatbot-arena",
    "ml2021spring-hw2",
    "movie-review-sentiment-analysis-kernels-only",
    "new-york-city-taxi-fare-prediction",
    "osic-pulmonary-fibrosis-progression",
    "ranzcr-clip-catheter-line-classification",
    "rsna-2022-cervical-spine-fracture-detection",
    "smartphone-decimeter-2022",
    "spaceship-titanic",
    "stanford-covid-vaccine",
    "tabular-playground-series-dec-2021",
    "tabular-playground-series-may-2022",
    "tgs-salt-identification-challenge",
    "the-icml-2013-whale-challenge-right-whale-redux",
    "ventilator-pressure-prediction",
)
SEEDS = 40
BULK_DIR = DATA_DIR / "bulk"
_DONE = BULK_DIR / "complete.json"


def bulk_suite() -> SuiteLayout:
    """The suite, built on first use (a few minutes); a half-built one is rebuilt."""
    plan = {"competitions": list(BULK_COMPETITIONS), "seeds": SEEDS}
    if _DONE.is_file() and json.loads(_DONE.read_text()) == plan:
        return SuiteLayout(
            root=BULK_DIR.resolve(),
            data_dir=BULK_DIR.resolve() / "data",
            leaderboards_dir=BULK_DIR.resolve() / "leaderboards",
            submissions_jsonl=BULK_DIR.resolve() / "submissions.jsonl",
            competition_ids=BULK_COMPETITIONS,
        )
    shutil.rmtree(BULK_DIR, ignore_errors=True)
    layout = build_suite(BULK_DIR, BULK_COMPETITIONS, seeds=SEEDS)
    _DONE.write_text(json.dumps(plan))
    return layout


def entry_key(submission_path: str | Path) -> str:
    """A job's name independent of where the suite lies: ``<competition-id>/seed<k>.csv``."""
    path = Path(submission_path)
    return f"{path.parent.name}/{path.name}"
