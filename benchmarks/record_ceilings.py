"""Records the regression gates in ceilings.json from a benchmark run (results/latest.json).

A competition's ceiling is its measured time over the read floor, with headroom for a noisy
machine (x2, at least 2.0); existing ceilings are kept unless --update is given.

    .venv/bin/python benchmarks/record_ceilings.py [--update]
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

HERE = Path(__file__).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()
    path = HERE / "ceilings.json"
    ceilings = json.loads(path.read_text())
    latest = json.loads((HERE / "results" / "latest.json").read_text())
    competitions = ceilings.setdefault("competitions", {})
    for cid, result in sorted(latest.items()):
        if "/" in cid or (cid in competitions and not args.update):  # "read_csv/...": other gates
            continue
        competitions[cid] = max(2.0, math.ceil(result["ours_over_floor"] * 2 * 10) / 10)
    path.write_text(json.dumps(ceilings, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
