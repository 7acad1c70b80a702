"""The compiled kernels (built from ``csrc/`` by ``setup.py``).

A missing or stale build is never silent: importing a kernel from here raises
``NativeExtensionError`` with the command that fixes it.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from functools import cache
from pathlib import Path
from types import ModuleType

from mlebench_fast.exceptions import NativeExtensionError

_HERE = Path(__file__).parent
# In a source checkout csrc/ sits three levels up; in an installed wheel it does not exist.
_CSRC = _HERE.parents[2] / "csrc"
_REBUILD_HINT = "Rebuild it with `make build` (or `pip install -e .`) from the repository root."


@cache
def _check_fresh() -> None:
    if not _CSRC.is_dir():
        return
    record = _HERE / "_built_from.json"
    if not record.is_file():
        msg = f"mlebench-fast's native extension has not been built. {_REBUILD_HINT}"
        raise NativeExtensionError(msg)
    built = json.loads(record.read_text())
    for src in sorted([*_CSRC.glob("*.pyx"), *_CSRC.glob("*.h")]):
        digest = hashlib.sha256(src.read_bytes()).hexdigest()
        if built.get(src.name) != digest:
            msg = (
                f"mlebench-fast's native extension is stale: csrc/{src.name} changed after it was "
                f"built. {_REBUILD_HINT}"
            )
            raise NativeExtensionError(msg)


def load(name: str) -> ModuleType:
    """Import the compiled module ``mlebench_fast._native.<name>``, checking that it is current."""
    _check_fresh()
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ImportError as exc:
        msg = (
            f"mlebench-fast's native extension `{name}` has not been built correctly "
            f"({exc}). {_REBUILD_HINT}"
        )
        raise NativeExtensionError(msg) from exc
