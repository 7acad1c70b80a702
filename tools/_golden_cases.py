"""The golden cases: which submission files each competition's fixtures hold, and why.

Cases are built from the synthetic generators, then edited as text, because most traps (NA strings,
``TRUE``, a BOM, a trailing comma) are about the bytes pandas sees, not about values.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from mlebench_fast.competitions.spec import grader_module_name
from mlebench_fast.registry import list_competition_ids
from mlebench_fast.synthetic import Generator, get_generator
from mlebench_fast.synthetic._csv import _column_as_text, to_csv_bytes


@dataclass
class Spec:
    """What a competition's traps need to know about its schema."""

    rows: int
    target: str  # the column edited by the generic cell traps
    out_of_range: str  # a value outside the target's valid range, as text
    int_target: bool = False
    numeric_target: bool = True
    digit_id: str | None = None  # a hex id made only of digits, put into the answers
    extra: Callable[[Context], dict[str, bytes]] | None = None


@dataclass
class Context:
    cid: str
    gen: Generator
    spec: Spec
    answers: pl.DataFrame
    rng: np.random.Generator
    cases: dict[str, bytes] = field(default_factory=dict)

    @property
    def id_col(self) -> str:
        return self.gen.id_column

    def sub(self, quality: str) -> pl.DataFrame:
        return compact(self.cid, self.gen.submission(self.answers, quality, self.rng))  # type: ignore[arg-type]


def compact(cid: str, sub: pl.DataFrame) -> pl.DataFrame:
    """Short decimals keep the fixtures small; dog-breed rows still sum to 1 within 1e-12."""
    if cid == "dog-breed-identification":
        probs = np.round(sub.drop("id").to_numpy(), 4)
        top = probs.argmax(axis=1)
        rows = np.arange(len(probs))
        probs[rows, top] = np.round(1.0 - (probs.sum(axis=1) - probs[rows, top]), 4)
        return pl.DataFrame({"id": sub["id"]}).hstack(pl.DataFrame(probs, schema=sub.columns[1:]))
    if cid in ("aerial-cactus-identification", "new-york-city-taxi-fare-prediction"):
        target = sub.columns[1]
        return sub.with_columns(pl.col(target).round(4))
    return sub


def text(df: pl.DataFrame) -> pl.DataFrame:
    """``df`` with every cell as the text pandas would write (so cells can be edited raw)."""
    return pl.DataFrame([_column_as_text(df.get_column(c)) for c in df.columns])


def render(tf: pl.DataFrame, *, header: bool = True) -> bytes:
    body = tf.write_csv(include_header=False, quote_style="never", null_value="")
    head = ",".join(tf.columns) + "\n" if header else ""
    return (head + body).encode()


def set_cells(df: pl.DataFrame, column: str, rows: list[int], values: list[str]) -> bytes:
    tf = text(df)
    col = tf[column].to_list()
    for r, v in zip(rows, values, strict=True):
        col[r] = v
    return render(tf.with_columns(pl.Series(column, col, dtype=pl.String)))


def lines(data: bytes) -> list[bytes]:
    return data.rstrip(b"\n").split(b"\n")


def join(rows: list[bytes], eol: bytes = b"\n") -> bytes:
    return eol.join(rows) + eol


def generic_cases(ctx: Context) -> dict[str, bytes]:
    spec, idc, rng = ctx.spec, ctx.id_col, ctx.rng
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    n = noisy.height
    new_ids = ctx.gen.answers(3, np.random.default_rng(999))[idc]
    c: dict[str, bytes] = {}
    c["perfect"] = to_csv_bytes(perfect)
    c["noisy"] = to_csv_bytes(noisy)
    c["random"] = to_csv_bytes(ctx.sub("random"))
    c["shuffled"] = to_csv_bytes(perfect[rng.permutation(perfect.height)])
    c["sample_submission"] = to_csv_bytes(ctx.gen.sample_submission(ctx.answers))
    c["fewer_rows"] = to_csv_bytes(noisy.head(n - 3))
    extra_rows = noisy.head(3).with_columns(new_ids.alias(idc))
    c["more_rows"] = to_csv_bytes(pl.concat([noisy, extra_rows]))
    c["missing_id"] = to_csv_bytes(noisy.head(n - 1))
    c["unknown_id"] = to_csv_bytes(
        noisy.with_columns(
            pl.when(pl.int_range(pl.len()) == 0)
            .then(pl.lit(new_ids[0]))
            .otherwise(pl.col(idc))
            .alias(idc)
        )
    )
    ids = noisy[idc].to_list()
    ids[1] = ids[0]
    c["duplicated_id"] = to_csv_bytes(noisy.with_columns(pl.Series(idc, ids)))
    c["duplicated_row_appended"] = to_csv_bytes(pl.concat([noisy, noisy.head(1)]))
    c["missing_target"] = to_csv_bytes(noisy.drop(spec.target))
    c["missing_id_column"] = to_csv_bytes(noisy.drop(idc))
    c["extra_column"] = to_csv_bytes(noisy.with_columns(pl.lit(1).alias("extra")))
    c["nan_prediction"] = set_cells(noisy, spec.target, [2], [""])
    c["text_in_target"] = set_cells(noisy, spec.target, [2], ["abc"])
    c["out_of_range"] = set_cells(noisy, spec.target, [2], [spec.out_of_range])
    c["inf_prediction"] = set_cells(noisy, spec.target, [2], ["inf"])
    c["empty"] = b""
    c["header_only"] = lines(c["noisy"])[0] + b"\n"
    c["single_row"] = to_csv_bytes(noisy.head(1))
    c["na_strings"] = set_cells(noisy, spec.target, [1, 3, 5], ["NA", "null", '"N/A"'])
    c["na_string_id"] = set_cells(noisy, idc, [1], ["NA"])
    c["bool_variants"] = set_cells(noisy, spec.target, [1, 2, 3], ["True", "true", "TRUE"])
    tf = text(noisy)
    if spec.int_target:
        c["float_strings"] = render(tf.with_columns(pl.col(spec.target) + ".0"))
    elif spec.numeric_target:
        c["float_strings"] = set_cells(
            noisy.with_columns(pl.col(spec.target).round(0)), spec.target, [], []
        )
    # Cells the writer already quoted (an InChI with commas) stay as they are.
    plain = ~pl.col(spec.target).str.starts_with('"')
    quoted = pl.when(plain).then('"' + pl.col(spec.target) + '"').otherwise(pl.col(spec.target))
    c["quoted_numbers"] = render(tf.with_columns(quoted.alias(spec.target)))
    spaced = pl.when(plain).then(" " + pl.col(spec.target) + " ").otherwise(pl.col(spec.target))
    c["spaces_around_values"] = render(tf.with_columns(spaced.alias(spec.target)))
    c["bom"] = b"\xef\xbb\xbf" + c["noisy"]
    c["crlf"] = join(lines(c["noisy"]), b"\r\n")
    c["trailing_comma_rows"] = join(
        [lines(c["noisy"])[0]] + [r + b"," for r in lines(c["noisy"])[1:]]
    )
    c["trailing_comma_all"] = join([r + b"," for r in lines(c["noisy"])])
    dup = render(tf.with_columns(pl.col(idc).alias(f"{idc}__dup")))
    c["duplicated_column_name"] = dup.replace(f"{idc}__dup".encode(), idc.encode(), 1)
    c["header_repeated"] = join([lines(c["noisy"])[0], *lines(c["noisy"])])
    c["blank_lines"] = join([x for r in lines(c["noisy"]) for x in (r, b"")])
    c["index_written"] = render(pl.DataFrame({"": [str(i) for i in range(n)]}).hstack(tf))
    c["no_header"] = render(tf, header=False)
    rows = lines(c["noisy"])
    c["ragged_row"] = join([rows[0], rows[1], rows[2] + b",1,2", *rows[3:]])
    c["unterminated_quote"] = join([rows[0], rows[1], b'"' + rows[2], *rows[3:]])
    if spec.digit_id is not None:
        digit_row = perfect.filter(pl.col(idc) == spec.digit_id)
        c["digit_id_single_row"] = to_csv_bytes(digit_row)
        row = perfect[idc].to_list().index(spec.digit_id)
        c["digit_id_quoted"] = set_cells(perfect, idc, [row], [f'"{spec.digit_id}"'])
    return c


# ---------------------------------------------------------------- competition-specific traps


def build_answers(cid: str, spec: Spec, rng: np.random.Generator) -> pl.DataFrame:
    gen = get_generator(cid)
    answers = gen.answers(spec.rows, rng)
    if spec.digit_id is not None:
        # Real hex ids are sometimes all digits; pandas then reads them as numbers when no other
        # id in the column has a letter.
        idc = gen.id_column
        ids = answers[idc].to_list()
        ids[3] = spec.digit_id
        answers = answers.with_columns(pl.Series(idc, ids))
        if cid == "tgs-salt-identification-challenge":
            answers = answers.sort(idc)
    return answers


def spec_for(cid: str) -> Spec:
    """The competition's golden spec, from ``tools/golden_cases/<module>.py``."""
    module = importlib.import_module(f"golden_cases.{grader_module_name(cid)}")
    return module.SPEC


def golden_competition_ids() -> list[str]:
    """Every competition that has a golden spec module."""
    folder = Path(__file__).parent / "golden_cases"
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    return sorted(c for c in list_competition_ids() if grader_module_name(c) in modules)


def build_cases(cid: str, seed: int = 0) -> tuple[pl.DataFrame, dict[str, bytes]]:
    spec = spec_for(cid)
    rng = np.random.default_rng(seed)
    answers = build_answers(cid, spec, rng)
    ctx = Context(cid, get_generator(cid), spec, answers, rng)
    cases = generic_cases(ctx)
    if spec.extra is not None:
        for name, data in spec.extra(ctx).items():
            assert name not in cases, name
            cases[name] = data
    return answers, cases
