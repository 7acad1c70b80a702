"""Golden cases of chaii-hindi-and-tamil-question-answering: generic traps and text semantics."""

from __future__ import annotations

from _golden_cases import Context, Spec, set_cells
from golden_cases._word_jaccard import UNICODE_TEXTS, word_jaccard_cases


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = word_jaccard_cases(ctx, "PredictionString")
    perfect = ctx.sub("perfect")
    cases["unicode_perfect"] = set_cells(
        perfect, "PredictionString", list(range(len(UNICODE_TEXTS))), UNICODE_TEXTS
    )
    cases["both_empty_rows"] = set_cells(perfect, "PredictionString", [0, 1], ["", '" "'])
    return cases


SPEC = Spec(40, "PredictionString", "", numeric_target=False, extra=extra_cases)
