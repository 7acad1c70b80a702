"""The golden cases: which submission files each competition's fixtures hold, and why.

Cases are built from the synthetic generators, then edited as text, because most traps (NA strings,
``TRUE``, a BOM, a trailing comma) are about the bytes pandas sees, not about values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from mlebench_fast.synthetic import Generator, get_generator
from mlebench_fast.synthetic._csv import _column_as_text, to_csv_bytes
from mlebench_fast.synthetic.tgs_salt_identification_challenge import random_masks, rle_encode


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


def _spaceship(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    tf = text(noisy)
    t = "Transported"
    return {
        "transported_lowercase": render(tf.with_columns(pl.col(t).str.to_lowercase())),
        "transported_uppercase": render(tf.with_columns(pl.col(t).str.to_uppercase())),
        "transported_as_int": render(
            tf.with_columns(pl.col(t).replace({"True": "1", "False": "0"}))
        ),
        "transported_as_float": render(
            tf.with_columns(pl.col(t).replace({"True": "1.0", "False": "0.0"}))
        ),
        "transported_with_nan": set_cells(noisy, t, [0], [""]),
        "transported_yes_no": render(
            tf.with_columns(pl.col(t).replace({"True": "yes", "False": "no"}))
        ),
        "all_true": to_csv_bytes(noisy.with_columns(pl.lit(True).alias(t))),
        "passenger_id_underscore_digits_only": set_cells(noisy, "PassengerId", [0], ["0001_01"]),
    }


def _aerial(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    return {
        "constant_prediction": to_csv_bytes(noisy.with_columns(pl.lit(0.5).alias("has_cactus"))),
        "int_labels": to_csv_bytes(perfect.with_columns(pl.col("has_cactus").cast(pl.Int64))),
        "negative_probability": set_cells(noisy, "has_cactus", [0], ["-0.1"]),
        "ids_without_jpg": to_csv_bytes(
            noisy.with_columns(pl.col("id").str.replace(r"\.jpg$", ""))
        ),
        "inverted_prediction": to_csv_bytes(
            perfect.with_columns((1 - pl.col("has_cactus")).alias("has_cactus"))
        ),
        "tied_scores": to_csv_bytes(
            noisy.with_columns((pl.col("has_cactus") > 0.5).cast(pl.Float64) * 0.5 + 0.25)
        ),
    }


def _taxi(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    keys = noisy["key"].to_list()
    other = ctx.gen.answers(noisy.height, np.random.default_rng(7))["key"]
    dup = list(keys)
    dup[1] = dup[0]
    return {
        "keys_all_different": to_csv_bytes(noisy.with_columns(other.alias("key"))),
        "duplicated_keys": to_csv_bytes(noisy.with_columns(pl.Series("key", dup))),
        "negative_fare": set_cells(noisy, "fare_amount", [0], ["-5.0"]),
        "int_fares": to_csv_bytes(
            noisy.with_columns(pl.col("fare_amount").round(0).cast(pl.Int64))
        ),
        "constant_fare": to_csv_bytes(noisy.with_columns(pl.lit(11.35).alias("fare_amount"))),
        "key_truncated_suffix": to_csv_bytes(noisy.with_columns(pl.col("key").str.slice(0, 19))),
        "huge_fare": set_cells(noisy, "fare_amount", [0], ["1e308"]),
    }


def _dog(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    breeds = noisy.columns[1:]
    probs = noisy.drop("id").to_numpy()

    def with_probs(p: np.ndarray, columns: list[str] | None = None) -> bytes:
        return to_csv_bytes(
            pl.DataFrame({"id": noisy["id"]}).hstack(pl.DataFrame(p, schema=columns or breeds))
        )

    def bump(delta: float) -> bytes:
        p = probs.copy()
        p[0, p[0].argmax()] += delta
        return with_probs(p)

    neg = probs.copy()
    neg[0, :2] = [-0.01, neg[0, 1] + 0.01]
    big = probs.copy()
    big[0] = 0.0
    big[0, :2] = [1.5, -0.5]
    zero_col = probs.copy()
    zero_col[:, 0] = 0.0
    zero_col /= zero_col.sum(axis=1, keepdims=True)
    reordered = [*breeds[::-1]]
    perfect = ctx.sub("perfect")
    return {
        "sum_off_by_5e-6": bump(5e-6),
        "sum_off_by_2e-5": bump(2e-5),
        "sum_off_by_minus_9e-6": bump(-9e-6),
        "negative_probability": with_probs(neg),
        "probability_above_one": with_probs(big),
        "missing_breed_column": to_csv_bytes(noisy.drop(breeds[5])),
        "columns_reordered": to_csv_bytes(noisy.select("id", *reordered)),
        "id_last": to_csv_bytes(noisy.select(*breeds, "id")),
        "uniform": to_csv_bytes(ctx.gen.sample_submission(ctx.answers)),
        "perfect_int_onehot": to_csv_bytes(perfect.with_columns(pl.col(breeds).cast(pl.Int64))),
        "zero_probability_on_truth": with_probs(zero_col),
        "unnormalised_scores": with_probs(probs * 3.0),
    }


def _aptos(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    tf = text(noisy)
    return {
        "label_five": set_cells(noisy, "diagnosis", [0], ["5"]),
        "label_negative": set_cells(noisy, "diagnosis", [0], ["-1"]),
        "non_integer_float": set_cells(noisy, "diagnosis", [0], ["2.5"]),
        "string_labels": render(
            tf.with_columns(
                pl.col("diagnosis").replace(
                    {
                        "0": "No DR",
                        "1": "Mild",
                        "2": "Moderate",
                        "3": "Severe",
                        "4": "Proliferative DR",
                    }
                )
            )
        ),
        "constant_zero": to_csv_bytes(ctx.gen.sample_submission(ctx.answers)),
        "only_two_classes": to_csv_bytes(
            noisy.with_columns((pl.col("diagnosis") > 1).cast(pl.Int64) * 4)
        ),
        "bool_labels": render(
            tf.with_columns(
                pl.when(pl.col("diagnosis") == "0")
                .then(pl.lit("False"))
                .otherwise(pl.lit("True"))
                .alias("diagnosis")
            )
        ),
    }


def _whale(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    first = perfect["Id"].str.split(" ").list.first()
    return {
        "more_than_five_labels": to_csv_bytes(
            noisy.with_columns(
                (pl.lit("w_0000000 w_1111111 w_2222222 w_3333333 w_4444444 ") + pl.col("Id")).alias(
                    "Id"
                )
            )
        ),
        "truth_at_rank_six": to_csv_bytes(
            perfect.with_columns(
                (pl.lit("new_whale w_1111111 w_2222222 w_3333333 w_4444444 ") + first).alias("Id")
            )
        ),
        "repeated_labels": to_csv_bytes(
            perfect.with_columns((pl.lit("w_9999999 w_9999999 ") + first + " " + first).alias("Id"))
        ),
        "extra_spaces": to_csv_bytes(
            perfect.with_columns((pl.lit("w_9999999  ") + first).alias("Id"))
        ),
        "leading_space": to_csv_bytes(perfect.with_columns((pl.lit(" ") + first).alias("Id"))),
        "single_label_truth": to_csv_bytes(perfect.with_columns(first.alias("Id"))),
        "all_new_whale": to_csv_bytes(perfect.with_columns(pl.lit("new_whale").alias("Id"))),
        "comma_separated": to_csv_bytes(
            perfect.with_columns((first + "," + pl.lit("new_whale")).alias("Id"))
        ),
        "all_empty": set_cells(perfect, "Id", list(range(perfect.height)), [""] * perfect.height),
        "numeric_labels": render(
            text(perfect).with_columns(pl.Series("Id", [str(i) for i in range(perfect.height)]))
        ),
    }


def _tgs(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    # Row 0 of a tgs case is rewritten; pick a row whose truth is non-empty so the traps matter.
    row = int(np.flatnonzero(perfect["rle_mask"].is_not_null().to_numpy())[0])
    traps = {
        "rle_unsorted_pairs": "500 10 100 10",
        "rle_overlapping": "100 20 110 5",
        "rle_odd_token_count": "100 20 300",
        "rle_zero_start": "0 10",
        "rle_zero_length": "100 0",
        "rle_negative_length": "100 -5",
        "rle_float_tokens": "100.0 20",
        "rle_past_image_end": "10190 50",
        "rle_start_beyond_image": "20000 3",
        "rle_full_image": "1 10201",
        "rle_whitespace_only": "   ",
        "rle_hex_token": "0x10 5",
        "rle_adjacent_runs": "100 10 110 10",
        "rle_comma_separated": '"100,10"',
        "rle_one_pixel": "5000 1",
    }
    out = {name: set_cells(perfect, "rle_mask", [row], [v]) for name, v in traps.items()}
    out["all_empty_masks"] = to_csv_bytes(
        perfect.with_columns(pl.lit(None, dtype=pl.String).alias("rle_mask"))
    )
    out["all_full_masks"] = to_csv_bytes(perfect.with_columns(pl.lit("1 10201").alias("rle_mask")))
    out["numeric_ids_column_mismatch"] = set_cells(noisy, "rle_mask", [0], ["12"])
    masks = random_masks(perfect.height, np.random.default_rng(3), empty_rate=0.0)
    out["no_empty_predictions"] = to_csv_bytes(
        perfect.with_columns(pl.Series("rle_mask", rle_encode(masks), dtype=pl.String))
    )
    return out


def _bms(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    n = perfect.height
    return {
        "numeric_inchi_cell": set_cells(noisy, "InChI", [0], ["12345"]),
        "all_numeric_inchi": render(
            text(noisy).with_columns(pl.Series("InChI", [str(i) for i in range(n)]))
        ),
        "all_float_inchi": render(
            text(noisy).with_columns(pl.Series("InChI", [f"{i}.0" for i in range(n)]))
        ),
        "nan_inchi": set_cells(noisy, "InChI", [0, 1], ["", "NaN"]),
        "all_nan_inchi": set_cells(noisy, "InChI", list(range(n)), [""] * n),
        "inchi_with_comma_quoted": set_cells(
            noisy, "InChI", [0], ['"InChI=1S/C2H6O/c1-2-3/h3H,2H2,1H3"']
        ),
        "unicode_inchi": set_cells(noisy, "InChI", [0], ["InChI=1S/C₂H₆O"]),
        "sample_inchi": to_csv_bytes(ctx.gen.sample_submission(ctx.answers)),
        "long_inchi": set_cells(noisy, "InChI", [0], ["InChI=1S/" + "C" * 3000]),
    }


SPECS: dict[str, Spec] = {
    "spaceship-titanic": Spec(40, "Transported", "2", numeric_target=False, extra=_spaceship),
    "aerial-cactus-identification": Spec(40, "has_cactus", "1.5", extra=_aerial),
    "new-york-city-taxi-fare-prediction": Spec(40, "fare_amount", "-1e6", extra=_taxi),
    "dog-breed-identification": Spec(
        24, "affenpinscher", "1.5", digit_id="00123456789012345678901234567890", extra=_dog
    ),
    "aptos2019-blindness-detection": Spec(
        40, "diagnosis", "7", int_target=True, digit_id="000123456789", extra=_aptos
    ),
    "whale-categorization-playground": Spec(
        40, "Id", "w_zzzzzzz", numeric_target=False, extra=_whale
    ),
    "tgs-salt-identification-challenge": Spec(
        40, "rle_mask", "99999 5", numeric_target=False, digit_id="0012345678", extra=_tgs
    ),
    "bms-molecular-translation": Spec(
        40, "InChI", "", numeric_target=False, digit_id="001234567890", extra=_bms
    ),
}


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


def build_cases(cid: str, seed: int = 0) -> tuple[pl.DataFrame, dict[str, bytes]]:
    spec = SPECS[cid]
    rng = np.random.default_rng(seed)
    answers = build_answers(cid, spec, rng)
    ctx = Context(cid, get_generator(cid), spec, answers, rng)
    cases = generic_cases(ctx)
    if spec.extra is not None:
        for name, data in spec.extra(ctx).items():
            assert name not in cases, name
            cases[name] = data
    return answers, cases
