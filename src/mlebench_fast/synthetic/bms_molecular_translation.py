"""bms-molecular-translation: mean Levenshtein distance between InChI strings (lower is better)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

SAMPLE_INCHI = "InChI=1S/H2O/h1H2"
_HETERO = np.array(
    ["", "N", "O", "N2", "O2", "NO", "N2O", "NO2", "S", "ClN", "BrO", "FN2O", "N3O2", "ClNOS"]
)
# Connection-layer fragments; real /c layers are chains such as 1-9(2)8-15-13-6-5-10(3)7-12(13)11(4)14.
_FRAGMENTS = np.array(
    [
        "1-",
        "2-",
        "3-",
        "4",
        "5-6",
        "7(",
        "8)",
        "9-10",
        "11(12)",
        "13-14",
        "15-",
        "(16)",
        "17-18",
        "19",
    ]
)
_HLAYERS = np.array(
    ["/h1H3", "/h2-4H,1H3", "/h5-7,9,11,14H,8H2,1-4H3", "/h3-4H2,1-2H3", "/h6H,1-5H2"]
)


def _column(values: np.ndarray) -> pl.Series:
    return pl.Series(values.astype(str))


class BmsMolecularTranslation(Generator):
    competition_id = "bms-molecular-translation"
    default_rows = 484_838
    id_column = "image_id"
    is_lower_better = True
    leaderboard_teams = 870
    leaderboard_best = 0.6
    leaderboard_worst = 100.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        carbons = rng.integers(4, 40, size=rows)
        hydrogens = carbons + rng.integers(-4, 20, size=rows)
        parts = [
            pl.lit("InChI=1S/C"),
            pl.lit(_column(carbons)),
            pl.lit("H"),
            pl.lit(_column(hydrogens)),
            pl.lit(_column(rng.choice(_HETERO, size=rows))),
            pl.lit("/c"),
        ]
        parts += [pl.lit(_column(rng.choice(_FRAGMENTS, size=rows))) for _ in range(6)]
        parts.append(pl.lit(_column(rng.choice(_HLAYERS, size=rows))))
        inchi = pl.select(pl.concat_str(parts).alias("InChI")).to_series()
        return pl.DataFrame({"image_id": random_hex(rows, 12, rng), "InChI": inchi})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(SAMPLE_INCHI).alias("InChI"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["InChI"]
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            # One to three characters substituted somewhere past the fixed "InChI=1S/" prefix.
            pred = truth
            for _ in range(3):
                lengths = pred.str.len_chars().to_numpy()
                pos = 9 + (rng.random(n) * (lengths - 9)).astype(np.int64)
                letter = _column(rng.choice(np.array(list("CHNO0123456789()-,")), size=n))
                keep = pl.Series(rng.random(n) < 0.6)
                edited = pl.select(
                    pl.concat_str(
                        pl.lit(pred).str.slice(0, pl.lit(pl.Series(pos))),
                        pl.lit(letter),
                        pl.lit(pred).str.slice(pl.lit(pl.Series(pos + 1))),
                    )
                ).to_series()
                pred = pl.select(
                    pl.when(pl.lit(keep)).then(pl.lit(edited)).otherwise(pl.lit(pred))
                ).to_series()
        else:
            pred = truth.sample(fraction=1.0, shuffle=True, seed=int(rng.integers(2**31)))
        return pl.DataFrame({"image_id": answers["image_id"], "InChI": pred.alias("InChI")})


GENERATOR = BmsMolecularTranslation()
