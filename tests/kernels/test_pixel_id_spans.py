"""PixelIdSpans / place_span_values (ids as byte spans) against plain Python: the table built in
passes equals PixelIdTable.build of the sorted strings, and values land at their id's position
in the sorted strings; anything unusual is refused."""

from __future__ import annotations

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.pixel_ids import PixelIdSpans, PixelIdTable, place_span_values, span_triples


def _spans(ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The ids as one buffer of lines "id,\\n", with each id's [start, end)."""
    data, spans, pos = bytearray(), [], 0
    for ident in ids:
        raw = ident.encode()
        spans.append((pos, pos + len(raw)))
        data += raw + b",\n"
        pos = len(data)
    return np.frombuffer(bytes(data), dtype=np.uint8), np.array(spans, dtype=np.int64).reshape(-1, 2)


def _built(ids: list[str], parts: int) -> PixelIdTable | None:
    chunks = np.array_split(np.arange(len(ids)), parts)
    windows = [_spans([ids[k] for k in chunk.tolist()]) for chunk in chunks]
    builder = PixelIdSpans()
    if not all(builder.measure(d, s) for d, s in windows) or not builder.start_marking():
        return None
    if not all(builder.mark(d, s) for d, s in windows):
        return None
    return builder.table()


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 80), st.integers(0, 2**32 - 1), st.integers(1, 4),
       st.sampled_from(["same", "dup", "other", "noncanon", "nan"]))
def test_spans_match_strings(n: int, seed: int, parts: int, mode: str) -> None:
    rng = np.random.default_rng(seed)
    images = np.array([1, 2, 10, 11, 101, 9])
    cells = rng.choice(6 * 12 * 11, size=n, replace=False)
    truth = [f"{images[c // 132]}_{c % 132 // 11 + 1}_{c % 11 + 1}" for c in cells.tolist()]
    answers = sorted(truth)
    built = _built(truth, parts)  # file order: shuffled
    expected = PixelIdTable.build(pl.Series(answers))
    assert (built is None) == (expected is None)
    if built is None:
        return
    for name in ("image_rank", "rows", "cols", "table", "size"):
        assert np.array_equal(getattr(built, name), getattr(expected, name)), name
    sub = list(rng.permutation(truth))
    values = rng.random(n)
    if mode == "dup" and n > 1:
        sub[0] = sub[1]
    elif mode == "other":
        sub[0] = str(rng.choice(["1_13_1", "3_1_1", "1_1_12", "101_12_11", "999999999_1_1"]))
    elif mode == "noncanon":
        sub[0] = str(rng.choice(["01_1_1", "1_1_1 ", "1__1", "1_1", "1_1_1_1", "1_0_1", "+1_1_1"]))
    elif mode == "nan":
        values[0] = rng.choice([np.nan, np.inf, -np.inf])
    out = np.full(n, np.nan)
    data, spans = _spans(sub)
    ok = place_span_values(built, data, spans, values, out)
    plain_ok = sorted(sub) == answers and bool(np.isfinite(values).all())
    if mode == "dup" and n > 1 or mode in ("other", "noncanon"):
        plain_ok = False
    assert ok == plain_ok
    if ok:
        by_id = dict(zip(sub, values.tolist()))
        assert out.tolist() == [by_id[a] for a in answers]


def test_repeated_sparse_and_noncanonical_ids_are_refused() -> None:
    assert _built(["1_1_1", "1_1_2", "1_1_1"], 2) is None
    assert _built(["1_1_1", "1_900_900"], 1) is None  # too sparse for a dense table
    assert _built(["1_1_1", "1_01_1"], 1) is None
    data, spans = _spans(["7_10_2", "216_420_540"])
    assert span_triples(data, spans).tolist() == [[7, 10, 2], [216, 420, 540]]
    data, spans = _spans(["7_10_2", "7_10"])
    assert span_triples(data, spans) is None


def test_passes_that_see_different_ids_give_no_table() -> None:
    # The answers file rewritten between the passes: fewer ids marked than measured.
    measured = _spans(["1_1_1", "1_1_2", "1_2_1", "1_2_2"])
    marked = _spans(["1_1_1", "1_2_2"])
    builder = PixelIdSpans()
    assert builder.measure(*measured) and builder.start_marking()
    assert builder.mark(*marked)
    assert builder.table() is None
