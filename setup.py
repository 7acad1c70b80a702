"""Builds the native kernels in csrc/ into mlebench_fast._native.

One directive set for the whole build; MLEBENCH_FAST_DEBUG_BUILD=1 turns bounds and
wraparound checks back on. The hashes of the sources are recorded next to the built modules so
that a stale extension is detected at import time (see mlebench_fast._native).
"""

import hashlib
import json
import os
from pathlib import Path

from Cython.Build import cythonize
from setuptools import Extension, setup

ROOT = Path(__file__).parent
CSRC = ROOT / "csrc"
NATIVE_PKG = ROOT / "src" / "mlebench_fast" / "_native"

DEBUG = os.environ.get("MLEBENCH_FAST_DEBUG_BUILD") == "1"
DIRECTIVES = {
    "language_level": 3,
    "boundscheck": DEBUG,
    "wraparound": DEBUG,
    "initializedcheck": DEBUG,
    "cdivision": True,
    "embedsignature": True,
}

sources = sorted(CSRC.glob("*.pyx"))
extensions = [
    Extension(
        f"mlebench_fast._native.{src.stem}",
        [str(src.relative_to(ROOT))],
        include_dirs=[str(CSRC.relative_to(ROOT))],
        depends=[str(h.relative_to(ROOT)) for h in sorted(CSRC.glob("*.h"))],
        extra_compile_args=["-O3"] if not DEBUG else ["-O0", "-g"],
    )
    for src in sources
]

NATIVE_PKG.mkdir(parents=True, exist_ok=True)
(NATIVE_PKG / "_built_from.json").write_text(
    json.dumps(
        {
            src.name: hashlib.sha256(src.read_bytes()).hexdigest()
            for src in sorted([*sources, *CSRC.glob("*.h")])
        },
        indent=1,
        sort_keys=True,
    )
)

# Generated C goes to build/, one folder per mode, so switching MLEBENCH_FAST_DEBUG_BUILD rebuilds.
setup(
    ext_modules=cythonize(
        extensions,
        compiler_directives=DIRECTIVES,
        build_dir=f"build/cython-{'debug' if DEBUG else 'release'}",
        quiet=True,
    )
)
