"""Levenshtein kernel against an obviously-correct O(nm) dynamic programme (and the
``Levenshtein`` package, the reference's own, when installed), on every input form.

The kernel has several paths -- ASCII bytes vs decoded code points, one 64-bit word vs blocks,
prefix/suffix stripping -- so inputs are chosen to cross each boundary: lengths around 64 and 128
code points, multi-byte UTF-8 (Cyrillic, Devanagari, Tamil, combining marks, emoji), strings that
share a multi-byte prefix whose last bytes differ, and empty strings.
"""

from __future__ import annotations

import contextlib
import random

import numpy as np
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.strings import levenshtein_distances

try:
    import Levenshtein
except ImportError:  # optional second oracle
    Levenshtein = None


def naive_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def check(a: list[str], b: list[str]) -> None:
    got = levenshtein_distances(a, b)
    assert got.dtype == np.int64
    assert got.shape == (len(a),)
    want = [naive_distance(x, y) for x, y in zip(a, b)]
    assert got.tolist() == want
    if Levenshtein is not None:
        assert got.tolist() == [Levenshtein.distance(x, y) for x, y in zip(a, b)]


SCRIPTS = {
    "ascii": "ACGTNO()-,/=0123456789",
    "latin1": "aeéèêëÿ",
    "cyrillic": "абвгдежзий",
    "devanagari": "कखगघङािीुू्",
    "tamil": "கஙசஞடணதநபமிீு்",
    "combining": "e\u0301\u0300\u0302a",
    "emoji": "😀😁🙂🚀👍🏽\u200d",
    "mixed": "aé中😀\u0301к",
}


def mutate(rng: random.Random, s: str, alphabet: str, edits: int) -> str:
    chars = list(s)
    for _ in range(edits):
        op = rng.random()
        if op < 0.33 and chars:
            chars.pop(rng.randrange(len(chars)))
        elif op < 0.66:
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(alphabet))
        elif chars:
            chars[rng.randrange(len(chars))] = rng.choice(alphabet)
    return "".join(chars)


@pytest.mark.parametrize("script", sorted(SCRIPTS))
@pytest.mark.parametrize("length", [0, 1, 2, 31, 63, 64, 65, 127, 128, 129, 200])
def test_lengths_across_word_boundaries(script: str, length: int) -> None:
    rng = random.Random(f"{script}-{length}")
    alphabet = SCRIPTS[script]
    a, b = [], []
    for edits in (0, 1, 3, 10, length):
        x = "".join(rng.choice(alphabet) for _ in range(length))
        a.append(x)
        b.append(mutate(rng, x, alphabet, edits))
    # Unrelated strings of other lengths: the pattern (shorter) side changes between pairs.
    for other in (0, 1, 64, 65, 150):
        a.append("".join(rng.choice(alphabet) for _ in range(length)))
        b.append("".join(rng.choice(alphabet) for _ in range(other)))
    check(a, b)
    check(b, a)


def test_adversarial_pairs() -> None:
    pairs = [
        ("", ""),
        ("", "abc"),
        ("abc", ""),
        ("é", "ê"),  # same UTF-8 lead byte, different code point
        ("aé", "aê"),
        ("😀", "😁"),  # 4-byte sequences sharing three bytes
        ("😀x", "😁x"),
        ("e\u0301", "é"),  # combining vs precomposed: different code points
        ("ab" * 40, "ba" * 40),
        ("a" * 64, "a" * 63),
        ("a" * 64, "b" * 64),
        ("a" * 65, "b" * 64),
        ("a" * 129, ""),
        ("x" * 300, "x" * 150 + "y" + "x" * 149),
        ("InChI=1S/C10H15NO2/c1-7", "InChI=1S/C10H15NO2/c1-8"),
        ("InChI=1S/H2O/h1H2", "InChI=1S/C34H53NO2/c7(5-61-7(3-13-14/h3-4H2,1-2H3"),
        ("\x00a\x00", "\x00b"),
        ("\U0010ffff", "\U0010fffe\U0010ffff"),
        ("аa", "aа"),  # Cyrillic a vs Latin a
        # one length, three bytes apart once stripped: 2 when one is the other shifted by one
        # (either way), else 3
        ("cab", "abd"),
        ("abd", "cab"),
        ("InChI=1S/cab/h1", "InChI=1S/abd/h1"),
        ("InChI=1S/C6H6/c1-2-4-6-5-3-1/h1-6H", "InChI=1S/C6H6/c12-4-6-5-3-1/h1-6H8"),
        ("abcd", "bcda"),
        ("aXbYcZd", "aYbZcXd"),
        ("aXbYcZd", "aYbYcXd"),
    ]
    check([p[0] for p in pairs], [p[1] for p in pairs])


def test_many_pairs_reuse_the_workspace() -> None:
    # The kernel reuses (and must leave clean) its match-vector and code-point tables across
    # rows: interleave scripts and lengths so a dirty table would show up in a later row.
    rng = random.Random(7)
    scripts = list(SCRIPTS.values())
    a, b = [], []
    for _ in range(400):
        alphabet = rng.choice(scripts)
        x = "".join(rng.choice(alphabet) for _ in range(rng.choice([3, 40, 64, 70, 130])))
        a.append(x)
        b.append(mutate(rng, x, rng.choice(scripts), rng.randint(0, 20)))
    check(a, b)


text = st.text(
    alphabet=st.sampled_from(list("abcé中😀\u0301кक்" + "ACGT")), max_size=150
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(text, text), max_size=8))
def test_hypothesis_against_naive(pairs: list[tuple[str, str]]) -> None:
    check([p[0] for p in pairs], [p[1] for p in pairs])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=90), st.text(max_size=90))
def test_hypothesis_any_unicode(a: str, b: str) -> None:
    check([a], [b])


@st.composite
def near_pairs(draw) -> tuple[str, str]:
    """A string and a copy with a few edits: substitutions only (one length, the counted-bytes
    shortcut), or any edits (the diagonal search, up to and past its edit limit); alphabets
    that mix ASCII with two-byte characters give equal byte lengths of unequal text."""
    alphabet = draw(st.sampled_from(["ACGT", "InChI=1S/C()-,0123456789H", "abéê", "ab\u00e9\u20ac😀"]))
    base = draw(st.text(alphabet=st.sampled_from(list(alphabet)), max_size=150))
    chars = list(base)
    substitutions_only = draw(st.booleans())
    for _ in range(draw(st.integers(0, 10))):
        op = draw(st.sampled_from(["sub"] if substitutions_only else ["sub", "ins", "del"]))
        letter = draw(st.sampled_from(list(alphabet + "xé")))
        if op == "ins":
            chars.insert(draw(st.integers(0, len(chars))), letter)
        elif chars:
            at = draw(st.integers(0, len(chars) - 1))
            if op == "sub":
                chars[at] = letter
            else:
                del chars[at]
    return base, "".join(chars)


@settings(max_examples=500, deadline=None)
@given(st.lists(near_pairs(), max_size=6))
def test_hypothesis_near_pairs(pairs: list[tuple[str, str]]) -> None:
    check([p[0] for p in pairs], [p[1] for p in pairs])
    check([p[1] for p in pairs], [p[0] for p in pairs])


def test_input_forms_agree() -> None:
    a = ["InChI=1S/C2H6O/c1-2-3/h3H,2H2,1H3", "", "кошка", "😀" * 70]
    b = ["InChI=1S/C2H6O/c1-2-3/h3H,2H2,1H4", "x", "кот", "😁" * 69]
    want = [naive_distance(x, y) for x, y in zip(a, b)]
    forms = [
        (a, b),
        (pl.Series(a), pl.Series(b)),
        (pa.array(a), pa.array(b)),  # 32-bit offsets
        (pa.array(a, pa.large_string()), pa.array(b, pa.large_string())),
        (pa.array(a, pa.string_view()), pa.array(b, pa.string_view())),
        (pa.chunked_array([a[:2], a[2:]]), pa.chunked_array([b[:1], b[1:]])),
        # A sliced array keeps its parent's buffers and starts at an offset.
        (pa.array(["zzz"] + a)[1:], pa.array(["q", "r"] + b)[2:]),
        (pl.Series(["zzz"] + a)[1:], pl.Series(b)),
    ]
    for x, y in forms:
        assert levenshtein_distances(x, y).tolist() == want


def test_empty_columns() -> None:
    assert levenshtein_distances([], []).tolist() == []
    empty = levenshtein_distances(pl.Series([], dtype=pl.String), pa.array([], pa.string()))
    assert empty.shape == (0,)
    assert levenshtein_distances(["", ""], ["", ""]).tolist() == [0, 0]


def test_length_mismatch_raises() -> None:
    with pytest.raises(ValueError, match="same length"):
        levenshtein_distances(["a", "b"], ["a"])


def test_polars_views_across_chunks_and_buffers() -> None:
    # Long columns spread their string views over several data buffers, and a Series built by
    # concatenation has several chunks: every layout must read the same strings.
    rng = random.Random(11)
    words = ["InChI=1S/C", "H", "N2O", "/c1-2-3", "(4)", "/h1H3", "кот", "😀"]
    a = ["".join(rng.choice(words) for _ in range(rng.randint(0, 12))) for _ in range(30_000)]
    b = [mutate(rng, s, "CHNO123()-", rng.randint(0, 3)) for s in a]
    chunked = pl.concat([pl.Series(a[:10_000]), pl.Series(a[10_000:])], rechunk=False)
    got = levenshtein_distances(chunked, pl.Series(b))
    assert got.tolist() == levenshtein_distances(pa.array(a, pa.large_string()), b).tolist()
    sample = range(0, 30_000, 97)
    assert [got[i] for i in sample] == [naive_distance(a[i], b[i]) for i in sample]


def test_paired_rows_equal_gathering_first():
    rng = np.random.default_rng(7)
    a = pl.Series(["abc", "कखग", "", "xyz" * 30, "same"])
    b = pl.Series(["same", "abd", "कग", "", "xyzz" * 30])
    rows = rng.permutation(len(b)).astype(np.int64)
    expected = levenshtein_distances(a, b[rows])
    assert levenshtein_distances(a, b, b_rows=rows).tolist() == expected.tolist()
    with pytest.raises(IndexError, match="b_rows"):
        levenshtein_distances(a, b, b_rows=np.array([0, 1, 2, 3, 9]))


def test_paired_rows_over_many_rows_equal_gathering_first():
    # Long enough that the kernel fetches rows ahead of the pair it is comparing.
    rng = np.random.default_rng(11)
    words = ["InChI=1S/C" + "".join(rng.choice(list("CHNO()123-/,"), size=int(n)))
             for n in rng.integers(0, 90, size=1000)]
    a = pl.Series(words)
    b = pl.Series([w[: len(w) // 2] + "x" + w[len(w) // 2 + 1 :] for w in words[::-1]])
    rows = rng.permutation(len(b)).astype(np.int64)
    expected = levenshtein_distances(a, b[rows])
    assert levenshtein_distances(a, b, b_rows=rows).tolist() == expected.tolist()


def test_contiguous_strings_keeps_the_values_in_row_order():
    from mlebench_fast.kernels.strings import contiguous_strings, string_buffers

    column = pl.Series(["delta", None, "alpha" * 9, "", "गणेश", "charlie" * 3]).sort()
    compact = contiguous_strings(column)
    assert compact.type == pa.large_string()
    assert compact.to_pylist() == column.to_list()
    offsets, data = string_buffers(compact)
    assert offsets[0] == 0 and np.all(np.diff(offsets) >= 0)
    assert bytes(data[: offsets[-1]]) == "".join(v or "" for v in column.to_list()).encode()
    already = pa.array(["b", "a"], type=pa.large_string()).take(pa.array([1, 0]))
    assert contiguous_strings(already).to_pylist() == ["a", "b"]


# Characters whose UTF-8 encodings share their last byte (0xA9) but not their lead bytes, and
# ones that share lead bytes: the byte-level prefix/suffix stripping must stop on a code point
# boundary on both sides.
BOUNDARY = "é©ĩऩ😩ê😀😁ab"
boundary_text = st.text(alphabet=st.sampled_from(list(BOUNDARY)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(boundary_text, boundary_text, boundary_text, boundary_text)
def test_stripping_stops_on_code_point_boundaries(prefix, a, b, suffix) -> None:
    check([prefix + a + suffix], [prefix + b + suffix])


@contextlib.contextmanager
def sharing_rows(threads: int = 3):
    """Rows shared among ``threads`` threads in tasks of a few rows, however small the input."""
    from mlebench_fast.kernels import strings

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLEBENCH_FAST_THREADS", str(threads))
        patch.setattr(strings, "_TASK_ROWS", 2)
        yield strings


@pytest.fixture
def threaded():
    with sharing_rows() as strings:
        yield strings


def one_thread(a, b, b_rows=None) -> list[int]:
    from mlebench_fast._native import load
    from mlebench_fast.kernels.strings import _utf8_column

    rows = None if b_rows is None else np.asarray(b_rows, dtype=np.int64)
    return load("levenshtein").distances(_utf8_column(a), _utf8_column(b), rows).tolist()


@settings(max_examples=100, deadline=None)
@given(pairs=st.lists(st.tuples(text, text), max_size=40), seed=st.integers(0, 2**32 - 1))
def test_threaded_rows_equal_one_thread(pairs, seed) -> None:
    a = [p[0] for p in pairs]
    b = [p[1] for p in pairs]
    with sharing_rows() as threaded:
        got = threaded.levenshtein_distances(a, b)
        rows = np.random.default_rng(seed).permutation(len(b)).astype(np.int64)
        paired = threaded.levenshtein_distances(a, b, b_rows=rows)
    assert got.tolist() == one_thread(a, b) == [naive_distance(x, y) for x, y in zip(a, b)]
    assert paired.tolist() == one_thread(a, b, rows)
    assert paired.tolist() == [naive_distance(a[i], b[r]) for i, r in enumerate(rows)]


def test_threaded_bad_row_raises(threaded) -> None:
    a = ["x"] * 10
    with pytest.raises(IndexError, match="b_rows"):
        threaded.levenshtein_distances(a, a, b_rows=np.array([0] * 9 + [10]))


keys = st.text(alphabet=st.sampled_from(list("0123456789abcdef_é中😀")), max_size=20)


@settings(max_examples=150, deadline=None)
@given(
    entries=st.dictionaries(keys, text, max_size=40),
    submitted=st.lists(text, min_size=40, max_size=40),
    seed=st.integers(0, 2**32 - 1),
    threads=st.sampled_from([1, 3]),
)
def test_keyed_distances_equal_sorting_then_pairing(entries, submitted, seed, threads):
    with sharing_rows(threads) as strings:
        check_keyed(strings, entries, submitted, seed)


def check_keyed(strings, entries, submitted, seed) -> None:
    ids, truths = list(entries), list(entries.values())
    keyed = strings.keyed_texts(pl.Series(ids, dtype=pl.String), truths)
    assert keyed.unique and keyed.rows == len(ids)
    order = np.random.default_rng(seed).permutation(len(ids))
    sub_ids = [ids[i] for i in order]
    sub_texts = submitted[: len(ids)]
    got = strings.keyed_levenshtein_distances(keyed, pl.Series(sub_ids, dtype=pl.String), sub_texts)
    assert got is not None and got.dtype == np.int64
    assert got.tolist() == [naive_distance(truths[i], t) for i, t in zip(order, sub_texts)]
    if ids:
        # Not a permutation of the keys: a key repeated, missing or unknown.
        repeated = [sub_ids[0]] + sub_ids[1:-1] + [sub_ids[0]] if len(ids) > 1 else None
        unknown = sub_ids[:-1] + [sub_ids[-1] + "\x00"]
        for bad in (repeated, unknown, sub_ids[:-1]):
            if bad is not None:
                texts = sub_texts[: len(bad)]
                assert strings.keyed_levenshtein_distances(keyed, bad, texts) is None


def test_keyed_texts_with_a_repeated_key_are_not_unique():
    from mlebench_fast.kernels.strings import keyed_levenshtein_distances, keyed_texts

    keyed = keyed_texts(["a", "b", "a"], ["x", "y", "z"])
    assert not keyed.unique
    assert keyed_levenshtein_distances(keyed, ["a", "b", "c"], ["x", "y", "z"]) is None


def test_keyed_distances_over_many_rows(threaded):
    # Long enough that keys are hashed, slots read and entries fetched ahead of the row.
    rng = np.random.default_rng(5)
    n = 5000
    ids = [f"{i:012x}" for i in rng.choice(2**40, size=n, replace=False)]
    truths = ["InChI=1S/" + "".join(rng.choice(list("CHNO()123-/,"), size=int(k)))
              for k in rng.integers(0, 120, size=n)]
    keyed = threaded.keyed_texts(pl.Series(ids), pl.Series(truths))
    order = rng.permutation(n)
    sub = pl.Series([truths[i][::-1] for i in order])
    got = threaded.keyed_levenshtein_distances(keyed, pl.Series([ids[i] for i in order]), sub)
    want = threaded.levenshtein_distances(pl.Series(truths), sub, b_rows=np.argsort(order))
    assert got.tolist() == want[order].tolist() == one_thread(
        [truths[i] for i in order], sub.to_list()
    )
