"""tensorflow2-question-answering: the test split of simplified Natural Questions as JSON lines
(``document_text``, ``long_answer_candidates``, ``question_text``, ``annotations`` [one],
``document_url``, ``example_id`` as a string of a signed 64-bit int).

About half the examples have a long answer (a candidate's token span), a third short answers
(one or a few spans inside it) and 1-2 % a YES/NO answer. The submission has two rows an example,
``<id>_short`` then ``<id>_long``, as prepare.py's gold submission, with ``start:end`` token
spans, ``YES`` / ``NO`` or an empty string.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality

_WORDS = np.array("the of and in to a is was for on as by with <P> </P> <Table> <Td> </Td>".split())


def _spans(answers: pl.DataFrame) -> tuple[pl.Series, pl.Series]:
    """The gold PredictionStrings of each example: (short, long)."""
    ann = pl.col("annotations").list.first()
    frame = answers.select(
        ann.struct.field("yes_no_answer").alias("yes_no"),
        ann.struct.field("long_answer").struct.field("start_token").alias("ls"),
        ann.struct.field("long_answer").struct.field("end_token").alias("le"),
        ann.struct.field("short_answers").list.first().struct.field("start_token").alias("ss"),
        ann.struct.field("short_answers").list.first().struct.field("end_token").alias("se"),
    )
    short = frame.select(
        pl.when(pl.col("yes_no") != "NONE").then(pl.col("yes_no"))
        .when(pl.col("ss").is_not_null())
        .then(pl.col("ss").cast(pl.String) + ":" + pl.col("se").cast(pl.String))
        .otherwise(pl.lit(""))
    ).to_series()
    long = frame.select(
        pl.when(pl.col("ls") != -1)
        .then(pl.col("ls").cast(pl.String) + ":" + pl.col("le").cast(pl.String))
        .otherwise(pl.lit(""))
    ).to_series()
    return short, long


class Tensorflow2QuestionAnswering(Generator):
    competition_id = "tensorflow2-question-answering"
    default_rows = 30_738
    id_column = "example_id"
    is_lower_better = False
    leaderboard_teams = 1233
    leaderboard_best = 0.71
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        ids = np.unique(rng.integers(-(2**63), 2**63 - 1, size=rows + 16, dtype=np.int64))
        ids = rng.permutation(ids)[:rows].astype(str)
        words = rng.integers(40, 120, rows)
        flat = _WORDS[rng.integers(0, len(_WORDS), int(words.sum()))]
        starts = np.zeros(rows + 1, dtype=np.int64)
        np.cumsum(words, out=starts[1:])
        text = pl.Series(flat).to_frame("w").with_columns(
            pl.Series(np.repeat(np.arange(rows), words)).alias("row")
        ).group_by("row", maintain_order=True).agg(pl.col("w").str.join(" "))["w"]
        # Candidates: consecutive spans of 8-15 tokens; the long answer is one of them.
        k = 4
        cand_start = np.sort(rng.integers(0, 30, (rows, k)), axis=1) + np.arange(k) * 10
        cand_end = cand_start + rng.integers(2, 9, (rows, k))
        has_long = rng.random(rows) < 0.5
        pick = rng.integers(0, k, rows)
        r = np.arange(rows)
        long_start = np.where(has_long, cand_start[r, pick], -1)
        long_end = np.where(has_long, cand_end[r, pick], -1)
        cand_index = np.where(has_long, pick, -1)
        yes_no = np.where(has_long & (rng.random(rows) < 0.03),
                          np.where(rng.random(rows) < 0.5, "YES", "NO"), "NONE")
        n_short = np.where(has_long & (yes_no == "NONE") & (rng.random(rows) < 0.7),
                           1 + (rng.random(rows) < 0.15), 0)
        short_rows = np.repeat(r, n_short)
        s0 = long_start[short_rows] + rng.integers(0, 2, short_rows.size)
        shorts = pl.DataFrame(
            {"row": short_rows, "start_token": s0, "end_token": s0 + rng.integers(1, 3, s0.size)}
        ).group_by("row", maintain_order=True).agg(
            pl.struct("start_token", "end_token").alias("short_answers")
        )
        shorts = pl.DataFrame({"row": r}).join(shorts, on="row", how="left")["short_answers"]
        shorts = shorts.fill_null(pl.lit([], dtype=shorts.dtype))
        annotation = pl.DataFrame(
            {
                "yes_no_answer": yes_no,
                "long_answer": pl.DataFrame(
                    {"start_token": long_start, "candidate_index": cand_index, "end_token": long_end}
                ).to_struct(),
                "short_answers": shorts,
                "annotation_id": rng.integers(0, 2**62, rows),
            }
        ).to_struct()
        candidates = pl.DataFrame(
            {
                "row": np.repeat(r, k),
                "start_token": cand_start.ravel(),
                "top_level": np.ones(rows * k, dtype=bool),
                "end_token": cand_end.ravel(),
            }
        ).group_by("row", maintain_order=True).agg(
            pl.struct("start_token", "top_level", "end_token").alias("c")
        )["c"]
        return pl.DataFrame(
            {
                "document_text": text,
                "long_answer_candidates": candidates,
                "question_text": pl.Series(["what is the answer to question " + i for i in ids]),
                "annotations": annotation.implode().explode().to_frame().select(
                    pl.concat_list(pl.all())
                ).to_series(),
                "document_url": pl.Series(["https://en.wikipedia.org//w/index.php?curid=" + i for i in ids]),
                "example_id": pl.Series(ids),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        sub = self._gold(answers)
        return sub.with_columns(pl.lit("").alias("PredictionString"))

    def _gold(self, answers: pl.DataFrame) -> pl.DataFrame:
        short, long = _spans(answers)
        ids = answers["example_id"]
        frame = pl.DataFrame({"s": ids + "_short", "l": ids + "_long", "ps": short, "pl": long})
        return frame.select(
            pl.concat_list("s", "l").alias("example_id"),
            pl.concat_list("ps", "pl").alias("PredictionString"),
        ).explode(["example_id", "PredictionString"])

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        gold = self._gold(answers)
        if quality == "perfect":
            return gold
        n = gold.height
        base = rng.integers(0, 200, n)
        span = pl.Series((base.astype(str).astype(object) + ":" + (base + rng.integers(1, 9, n)).astype(str)).astype(str))
        choice = rng.random(n)
        if quality == "random":
            pred = pl.select(pl.when(pl.Series(choice < 0.5)).then(span).otherwise(pl.lit(""))).to_series()
        else:
            keep = pl.Series(choice < 0.6)
            blank = pl.Series(choice > 0.85)
            pred = pl.select(
                pl.when(keep).then(gold["PredictionString"]).when(blank).then(pl.lit("")).otherwise(span)
            ).to_series()
        return gold.with_columns(pred.alias("PredictionString"))


GENERATOR = Tensorflow2QuestionAnswering()
