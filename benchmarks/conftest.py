import json
from pathlib import Path

import pytest

RESULTS = Path(__file__).parent / "results" / "latest.json"


@pytest.fixture(scope="session")
def competition_results():
    """Timings of the whole-competition benchmarks, written to results/latest.json at the end."""
    results: dict[str, dict] = {}
    yield results
    if results:
        RESULTS.parent.mkdir(exist_ok=True)
        merged = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
        merged.update(results)
        RESULTS.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n")
