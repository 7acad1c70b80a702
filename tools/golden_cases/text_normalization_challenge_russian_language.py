"""Golden cases of text-normalization (accuracy of astype(str) after): generic traps + its own."""

from __future__ import annotations

from golden_cases._text_normalization import text_normalization_cases
from _golden_cases import Spec

SPEC = Spec(40, "after", "zzz", numeric_target=False, extra=text_normalization_cases)
