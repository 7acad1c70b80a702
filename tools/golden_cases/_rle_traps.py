"""RLE strings that probe the reference's ``rle_decode``, for an image of ``n`` pixels."""

from __future__ import annotations


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def rle_traps(n: int) -> dict[str, str]:
    """Trap name -> RLE cell text (CSV-ready) for one row of an ``n``-pixel image."""
    q = max(n // 4, 3)
    return {
        "rle_unsorted_pairs": f"{2 * q} 2 {q} 2",
        "rle_overlapping": f"{q} 5 {q + 3} 2",
        "rle_lone_token": f"{q}",
        "rle_broadcast_length": f"{q} 2 {2 * q}",
        "rle_broadcast_length_past_end": f"{q} 3 {n - 1}",
        "rle_odd_token_count_mismatch": f"1 2 {q} 2 {2 * q}",
        "rle_zero_start": "0 3",
        "rle_zero_length": f"{q} 0",
        "rle_negative_length": f"{q} -5",
        "rle_float_tokens": f"{q}.0 2",
        "rle_plus_sign_and_underscore": f"+{q} 1_0",
        "rle_unicode_digits": f'"{str(q).translate(ARABIC_INDIC)} 2"',
        "rle_past_image_end": f"{n - 2} 50",
        "rle_start_beyond_image": f"{n + 5} 3",
        "rle_start_at_last_pixel": f"{n} 1",
        "rle_full_image": f"1 {n}",
        "rle_whitespace_only": "   ",
        "rle_tab_separated": f'"{q}\t2"',
        "rle_hex_token": "0x10 2",
        "rle_adjacent_runs": f"{q} 3 {q + 3} 3",
        "rle_comma_separated": f'"{q},3"',
        "rle_huge_length": f"{q} 99999999999999999999",
        "rle_huge_start": "99999999999999999999 2",
        "rle_int64_wrap": f"{q} 9223372036854775806",
    }
