"""facebook-recruiting-iii-keyword-extraction: the test split of the questions (``Id``, ``Title``,
``Body`` in HTML with newlines, quotes and commas, ``Tags``) in train_test_split's shuffled order.

Tags are 1-5 of a skewed pool of StackOverflow-like names (``c#``, ``c++``, ``.net``, ``null``);
a question tagged only ``null`` has an empty Tags cell, as pandas' NA parsing in prepare.py
leaves it.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._labels import distinct_ints
from mlebench_fast.synthetic._multilabel import draw_label_sets, predict_label_sets

COMMON = np.array(
    "c# java php javascript android jquery c++ python iphone asp.net mysql html .net ios "
    "objective-c sql css linux ruby-on-rails windows c sql-server ruby wpf xml ajax database "
    "regex windows-7 asp.net-mvc xcode django osx arrays vb.net eclipse json facebook "
    "ruby-on-rails-3 performance ubuntu string null multithreading winforms".split()
)
SAMPLE_TAGS = "javascript c# python php java"
_WORDS = np.array(
    "the a to is in I and of it this for that with how can my when on not but have using "
    "error function value code file from class object method return data list string array "
    "server page user, it's \"quoted\" 'single' x=1; (foo) [bar] {baz} 100% $var &amp; &lt;T&gt;"
    .split()
)
_FRAGMENTS = np.array(
    [
        "</p>\n\n<p>",
        "</p>\n\n<pre><code>int x = 0;\nString s = \"a, b\";\n</code></pre>\n\n<p>",
        "</p>\n\n<blockquote>\n  <p>Error: \"unexpected\", line 3</p>\n</blockquote>\n\n<p>",
        " <code>foo()</code> ",
        " <a href=\"http://example.com/a,b\" rel=\"nofollow\">link</a> ",
    ]
)


def _tag_pool(rng: np.random.Generator, size: int) -> np.ndarray:
    made = np.char.add("tag-", rng.permutation(size - len(COMMON)).astype(str))
    return np.concatenate([COMMON, made])


def _text(rows: int, low: int, high: int, words: np.ndarray, rng: np.random.Generator) -> pl.Series:
    counts = rng.integers(low, high, rows)
    offsets = np.zeros(rows + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    flat = pl.Series(words).gather(rng.integers(0, len(words), int(offsets[-1]))).to_arrow()
    lists = pa.LargeListArray.from_arrays(pa.array(offsets), flat)
    return pl.Series(pl.from_arrow(lists)).list.join(" ")


class FacebookRecruitingIiiKeywordExtraction(Generator):
    competition_id = "facebook-recruiting-iii-keyword-extraction"
    default_rows = 603_420
    id_column = "Id"
    is_lower_better = False
    leaderboard_teams = 367
    leaderboard_best = 0.81
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        ids = distinct_ints(rows, 1, 6_034_196, rng)
        title = _text(rows, 3, 12, _WORDS, rng)
        body = _text(rows, 10, 50, np.concatenate([_WORDS, _FRAGMENTS]), rng)
        body = "<p>" + body + "</p>\n"
        pool = _tag_pool(rng, max(60, min(30_000, rows // 10)))
        counts = np.minimum(1 + rng.poisson(1.9, rows), 5)
        tags = draw_label_sets(rows, pool, counts, rng)
        # A question tagged only `null` reads back as NaN and is written as an empty cell.
        tags = tags.set(pl.Series((tags == "null").to_numpy()) | pl.Series(np.arange(rows) == 2), None)
        return pl.DataFrame({"Id": ids, "Title": title, "Body": body, "Tags": tags})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.drop("Tags").with_columns(pl.lit(SAMPLE_TAGS).alias("Tags"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pool = np.concatenate([COMMON, np.array(["tag-0", "tag-1", "tag-2", "tag-x"])])
        labels = predict_label_sets(answers["Tags"], pool, quality, rng)
        return pl.DataFrame({"Id": answers["Id"], "Tags": labels})


GENERATOR = FacebookRecruitingIiiKeywordExtraction()
