"""Golden cases of 3d-object-detection-for-autonomous-vehicles: token counts, Python float(),
Box3D's rejections, NaN-score sorts, rotated/nested/touching/stacked boxes, unknown classes."""

from __future__ import annotations

import math

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    cells = perfect["PredictionString"].to_list()
    row = max(range(len(cells)), key=lambda i: len(cells[i].split(" ")))
    toks = cells[row].split(" ")
    _, cx, cy, cz, w, l, h, yaw, name = toks[:9]
    rest = " ".join(toks[9:])
    fx, fy, fz, fw, fl, fh, fyaw = map(float, (cx, cy, cz, w, l, h, yaw))
    # The ground-truth box moved along its length by exactly its length: the boxes touch.
    tx = fx + fl * math.cos(fyaw)
    ty = fy + fl * math.sin(fyaw)

    def obj(conf="0.9", x=cx, y=cy, z=cz, ww=w, ll=l, hh=h, yy=yaw, nn=name) -> str:
        return f"{conf} {x} {y} {z} {ww} {ll} {hh} {yy} {nn}"

    def one(value: str, at: int = row, base: pl.DataFrame = perfect) -> bytes:
        return set_cells(base, "PredictionString", [at], [value.strip()])

    return {
        "nan_score_known_class": one(f"{obj('nan')} {obj('0.5', x=str(fx + 0.3))} {rest}"),
        "nan_score_unknown_class": one(f"{obj('nan', nn='zebra')} {rest} {obj('0.95', x=str(fx + 0.4))}"),
        "token_count_8": one(" ".join(toks[:8])),
        "token_count_10": one(f"{obj()} extra"),
        "double_space": one(f"0.9  {cx} {cy} {cz} {w} {l} {h} {yaw} {name}"),
        "trailing_space": set_cells(perfect, "PredictionString", [row], [f"{cells[row]} "]),
        "whitespace_only_cell": one('" "'),
        "bad_float": one(obj(x="abc")),
        "underscore_float": one(f"{obj(conf='1_0')} {rest}"),
        "nan_centre_known_class": one(f"{obj(x='nan')} {rest}"),
        "nan_centre_unknown_class": one(f"{obj(x='nan', nn='zebra')} {rest}"),
        "inf_centre": one(f"{obj(x='inf')} {rest}"),
        "zero_size": one(f"{obj(ww='0')} {rest}"),
        "negative_size": one(f"{obj(hh='-1')} {rest}"),
        "nan_yaw": one(f"{obj(yy='nan')} {rest}"),
        "inf_yaw": one(f"{obj(yy='inf')} {rest}"),
        "yaw_plus_pi": one(f"{obj(yy=repr(fyaw + math.pi))} {rest}"),
        "yaw_plus_2pi": one(f"{obj(yy=repr(fyaw + 2 * math.pi))} {rest}"),
        "huge_yaw": one(f"{obj(yy='1e10')} {rest}"),
        "touching_box": one(f"{obj(x=repr(tx), y=repr(ty))} {rest}"),
        "nested_half_box": one(f"{obj(ww=repr(fw / 2))} {rest}"),
        "nested_larger_box": one(f"{obj(ww=repr(fw * 1.3), ll=repr(fl * 1.2))} {rest}"),
        "stacked_half_height": one(f"{obj(z=repr(fz + fh / 2))} {rest}"),
        "duplicate_prediction": one(f"{obj()} {obj()} {rest}"),
        "tied_scores": one(f"{obj('0.5')} {obj('0.5', x=repr(fx + 0.2))} {rest}"),
        "unknown_class_only": one(obj(nn="zebra")),
        "case_mismatch_class": one(f"{obj(nn=name.upper())} {rest}"),
        "tab_in_tokens": one('"' + obj(conf="0.9\t") + f' {rest}"'),
        "all_empty": render(text(perfect).with_columns(pl.lit("").alias("PredictionString"))),
        "numeric_prediction_column": render(
            text(perfect).with_columns(pl.lit("1").alias("PredictionString"))
        ),
        "noisy_one_empty": set_cells(noisy, "PredictionString", [0], [""]),
    }


SPEC = Spec(20, "PredictionString", "1.0 1 2 3", numeric_target=False, extra=extra_cases)
