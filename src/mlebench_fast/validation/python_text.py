"""Python's ``str.lower()`` and ``str.split()`` (no argument) over a string column, vectorised.

``str.split()`` splits on runs of ``str.isspace`` characters: Unicode White_Space plus the
information separators U+001C..U+001F (bidi class B/S), which the regex class ``\\s`` lacks; the
class below matches Python on every code point (tests/validation/test_python_text.py).

Polars' ``to_lowercase`` is Rust's ``str::to_lowercase`` (full case mapping, final sigma, the
two-code-point ``İ``), equal to Python's ``str.lower`` except where Rust's newer Unicode tables
know characters Python 3.11's (Unicode 14) do not. Rows holding such a character (a code point
whose lowercase differs, or one unassigned in Python's tables) are lowered by Python itself, per
row; there are none in real text.
"""

from __future__ import annotations

import sys
import unicodedata
import polars as pl

TOKEN = r"[^\s\x1c-\x1f]+"
UNSAFE = (
    r"[\x{378}-\x{379}\x{380}-\x{383}\x{38b}\x{38d}\x{3a2}\x{530}\x{557}-\x{558}"
    r"\x{58b}-\x{58c}\x{590}\x{5c8}-\x{5cf}\x{5eb}-\x{5ee}\x{5f5}-\x{5ff}\x{70e}"
    r"\x{74b}-\x{74c}\x{7b2}-\x{7bf}\x{7fb}-\x{7fc}\x{82e}-\x{82f}\x{83f}\x{85c}-\x{85d}"
    r"\x{85f}\x{86b}-\x{86f}\x{88f}\x{892}-\x{897}\x{984}\x{98d}-\x{98e}\x{991}-\x{992}\x{9a9}"
    r"\x{9b1}\x{9b3}-\x{9b5}\x{9ba}-\x{9bb}\x{9c5}-\x{9c6}\x{9c9}-\x{9ca}\x{9cf}-\x{9d6}"
    r"\x{9d8}-\x{9db}\x{9de}\x{9e4}-\x{9e5}\x{9ff}-\x{a00}\x{a04}\x{a0b}-\x{a0e}"
    r"\x{a11}-\x{a12}\x{a29}\x{a31}\x{a34}\x{a37}\x{a3a}-\x{a3b}\x{a3d}\x{a43}-\x{a46}"
    r"\x{a49}-\x{a4a}\x{a4e}-\x{a50}\x{a52}-\x{a58}\x{a5d}\x{a5f}-\x{a65}\x{a77}-\x{a80}"
    r"\x{a84}\x{a8e}\x{a92}\x{aa9}\x{ab1}\x{ab4}\x{aba}-\x{abb}\x{ac6}\x{aca}\x{ace}-\x{acf}"
    r"\x{ad1}-\x{adf}\x{ae4}-\x{ae5}\x{af2}-\x{af8}\x{b00}\x{b04}\x{b0d}-\x{b0e}"
    r"\x{b11}-\x{b12}\x{b29}\x{b31}\x{b34}\x{b3a}-\x{b3b}\x{b45}-\x{b46}\x{b49}-\x{b4a}"
    r"\x{b4e}-\x{b54}\x{b58}-\x{b5b}\x{b5e}\x{b64}-\x{b65}\x{b78}-\x{b81}\x{b84}"
    r"\x{b8b}-\x{b8d}\x{b91}\x{b96}-\x{b98}\x{b9b}\x{b9d}\x{ba0}-\x{ba2}\x{ba5}-\x{ba7}"
    r"\x{bab}-\x{bad}\x{bba}-\x{bbd}\x{bc3}-\x{bc5}\x{bc9}\x{bce}-\x{bcf}\x{bd1}-\x{bd6}"
    r"\x{bd8}-\x{be5}\x{bfb}-\x{bff}\x{c0d}\x{c11}\x{c29}\x{c3a}-\x{c3b}\x{c45}\x{c49}"
    r"\x{c4e}-\x{c54}\x{c57}\x{c5b}-\x{c5c}\x{c5e}-\x{c5f}\x{c64}-\x{c65}\x{c70}-\x{c76}"
    r"\x{c8d}\x{c91}\x{ca9}\x{cb4}\x{cba}-\x{cbb}\x{cc5}\x{cc9}\x{cce}-\x{cd4}\x{cd7}-\x{cdc}"
    r"\x{cdf}\x{ce4}-\x{ce5}\x{cf0}\x{cf3}-\x{cff}\x{d0d}\x{d11}\x{d45}\x{d49}\x{d50}-\x{d53}"
    r"\x{d64}-\x{d65}\x{d80}\x{d84}\x{d97}-\x{d99}\x{db2}\x{dbc}\x{dbe}-\x{dbf}\x{dc7}-\x{dc9}"
    r"\x{dcb}-\x{dce}\x{dd5}\x{dd7}\x{de0}-\x{de5}\x{df0}-\x{df1}\x{df5}-\x{e00}"
    r"\x{e3b}-\x{e3e}\x{e5c}-\x{e80}\x{e83}\x{e85}\x{e8b}\x{ea4}\x{ea6}\x{ebe}-\x{ebf}\x{ec5}"
    r"\x{ec7}\x{ece}-\x{ecf}\x{eda}-\x{edb}\x{ee0}-\x{eff}\x{f48}\x{f6d}-\x{f70}\x{f98}\x{fbd}"
    r"\x{fcd}\x{fdb}-\x{fff}\x{10c6}\x{10c8}-\x{10cc}\x{10ce}-\x{10cf}\x{1249}"
    r"\x{124e}-\x{124f}\x{1257}\x{1259}\x{125e}-\x{125f}\x{1289}\x{128e}-\x{128f}\x{12b1}"
    r"\x{12b6}-\x{12b7}\x{12bf}\x{12c1}\x{12c6}-\x{12c7}\x{12d7}\x{1311}\x{1316}-\x{1317}"
    r"\x{135b}-\x{135c}\x{137d}-\x{137f}\x{139a}-\x{139f}\x{13f6}-\x{13f7}\x{13fe}-\x{13ff}"
    r"\x{169d}-\x{169f}\x{16f9}-\x{16ff}\x{1716}-\x{171e}\x{1737}-\x{173f}\x{1754}-\x{175f}"
    r"\x{176d}\x{1771}\x{1774}-\x{177f}\x{17de}-\x{17df}\x{17ea}-\x{17ef}\x{17fa}-\x{17ff}"
    r"\x{181a}-\x{181f}\x{1879}-\x{187f}\x{18ab}-\x{18af}\x{18f6}-\x{18ff}\x{191f}"
    r"\x{192c}-\x{192f}\x{193c}-\x{193f}\x{1941}-\x{1943}\x{196e}-\x{196f}\x{1975}-\x{197f}"
    r"\x{19ac}-\x{19af}\x{19ca}-\x{19cf}\x{19db}-\x{19dd}\x{1a1c}-\x{1a1d}\x{1a5f}"
    r"\x{1a7d}-\x{1a7e}\x{1a8a}-\x{1a8f}\x{1a9a}-\x{1a9f}\x{1aae}-\x{1aaf}\x{1acf}-\x{1aff}"
    r"\x{1b4d}-\x{1b4f}\x{1b7f}\x{1bf4}-\x{1bfb}\x{1c38}-\x{1c3a}\x{1c4a}-\x{1c4c}"
    r"\x{1c89}-\x{1c8f}\x{1cbb}-\x{1cbc}\x{1cc8}-\x{1ccf}\x{1cfb}-\x{1cff}\x{1f16}-\x{1f17}"
    r"\x{1f1e}-\x{1f1f}\x{1f46}-\x{1f47}\x{1f4e}-\x{1f4f}\x{1f58}\x{1f5a}\x{1f5c}\x{1f5e}"
    r"\x{1f7e}-\x{1f7f}\x{1fb5}\x{1fc5}\x{1fd4}-\x{1fd5}\x{1fdc}\x{1ff0}-\x{1ff1}\x{1ff5}"
    r"\x{1fff}\x{2065}\x{2072}-\x{2073}\x{208f}\x{209d}-\x{209f}\x{20c1}-\x{20cf}"
    r"\x{20f1}-\x{20ff}\x{218c}-\x{218f}\x{2427}-\x{243f}\x{244b}-\x{245f}\x{2b74}-\x{2b75}"
    r"\x{2b96}\x{2cf4}-\x{2cf8}\x{2d26}\x{2d28}-\x{2d2c}\x{2d2e}-\x{2d2f}\x{2d68}-\x{2d6e}"
    r"\x{2d71}-\x{2d7e}\x{2d97}-\x{2d9f}\x{2da7}\x{2daf}\x{2db7}\x{2dbf}\x{2dc7}\x{2dcf}"
    r"\x{2dd7}\x{2ddf}\x{2e5e}-\x{2e7f}\x{2e9a}\x{2ef4}-\x{2eff}\x{2fd6}-\x{2fef}"
    r"\x{2ffc}-\x{2fff}\x{3040}\x{3097}-\x{3098}\x{3100}-\x{3104}\x{3130}\x{318f}"
    r"\x{31e4}-\x{31ef}\x{321f}\x{a48d}-\x{a48f}\x{a4c7}-\x{a4cf}\x{a62c}-\x{a63f}"
    r"\x{a6f8}-\x{a6ff}\x{a7cb}-\x{a7cf}\x{a7d2}\x{a7d4}\x{a7da}-\x{a7f1}\x{a82d}-\x{a82f}"
    r"\x{a83a}-\x{a83f}\x{a878}-\x{a87f}\x{a8c6}-\x{a8cd}\x{a8da}-\x{a8df}\x{a954}-\x{a95e}"
    r"\x{a97d}-\x{a97f}\x{a9ce}\x{a9da}-\x{a9dd}\x{a9ff}\x{aa37}-\x{aa3f}\x{aa4e}-\x{aa4f}"
    r"\x{aa5a}-\x{aa5b}\x{aac3}-\x{aada}\x{aaf7}-\x{ab00}\x{ab07}-\x{ab08}\x{ab0f}-\x{ab10}"
    r"\x{ab17}-\x{ab1f}\x{ab27}\x{ab2f}\x{ab6c}-\x{ab6f}\x{abee}-\x{abef}\x{abfa}-\x{abff}"
    r"\x{d7a4}-\x{d7af}\x{d7c7}-\x{d7ca}\x{d7fc}-\x{d7ff}\x{fa6e}-\x{fa6f}\x{fada}-\x{faff}"
    r"\x{fb07}-\x{fb12}\x{fb18}-\x{fb1c}\x{fb37}\x{fb3d}\x{fb3f}\x{fb42}\x{fb45}"
    r"\x{fbc3}-\x{fbd2}\x{fd90}-\x{fd91}\x{fdc8}-\x{fdce}\x{fdd0}-\x{fdef}\x{fe1a}-\x{fe1f}"
    r"\x{fe53}\x{fe67}\x{fe6c}-\x{fe6f}\x{fe75}\x{fefd}-\x{fefe}\x{ff00}\x{ffbf}-\x{ffc1}"
    r"\x{ffc8}-\x{ffc9}\x{ffd0}-\x{ffd1}\x{ffd8}-\x{ffd9}\x{ffdd}-\x{ffdf}\x{ffe7}"
    r"\x{ffef}-\x{fff8}\x{fffe}-\x{ffff}\x{1000c}\x{10027}\x{1003b}\x{1003e}"
    r"\x{1004e}-\x{1004f}\x{1005e}-\x{1007f}\x{100fb}-\x{100ff}\x{10103}-\x{10106}"
    r"\x{10134}-\x{10136}\x{1018f}\x{1019d}-\x{1019f}\x{101a1}-\x{101cf}\x{101fe}-\x{1027f}"
    r"\x{1029d}-\x{1029f}\x{102d1}-\x{102df}\x{102fc}-\x{102ff}\x{10324}-\x{1032c}"
    r"\x{1034b}-\x{1034f}\x{1037b}-\x{1037f}\x{1039e}\x{103c4}-\x{103c7}\x{103d6}-\x{103ff}"
    r"\x{1049e}-\x{1049f}\x{104aa}-\x{104af}\x{104d4}-\x{104d7}\x{104fc}-\x{104ff}"
    r"\x{10528}-\x{1052f}\x{10564}-\x{1056e}\x{1057b}\x{1058b}\x{10593}\x{10596}\x{105a2}"
    r"\x{105b2}\x{105ba}\x{105bd}-\x{105ff}\x{10737}-\x{1073f}\x{10756}-\x{1075f}"
    r"\x{10768}-\x{1077f}\x{10786}\x{107b1}\x{107bb}-\x{107ff}\x{10806}-\x{10807}\x{10809}"
    r"\x{10836}\x{10839}-\x{1083b}\x{1083d}-\x{1083e}\x{10856}\x{1089f}-\x{108a6}"
    r"\x{108b0}-\x{108df}\x{108f3}\x{108f6}-\x{108fa}\x{1091c}-\x{1091e}\x{1093a}-\x{1093e}"
    r"\x{10940}-\x{1097f}\x{109b8}-\x{109bb}\x{109d0}-\x{109d1}\x{10a04}\x{10a07}-\x{10a0b}"
    r"\x{10a14}\x{10a18}\x{10a36}-\x{10a37}\x{10a3b}-\x{10a3e}\x{10a49}-\x{10a4f}"
    r"\x{10a59}-\x{10a5f}\x{10aa0}-\x{10abf}\x{10ae7}-\x{10aea}\x{10af7}-\x{10aff}"
    r"\x{10b36}-\x{10b38}\x{10b56}-\x{10b57}\x{10b73}-\x{10b77}\x{10b92}-\x{10b98}"
    r"\x{10b9d}-\x{10ba8}\x{10bb0}-\x{10bff}\x{10c49}-\x{10c7f}\x{10cb3}-\x{10cbf}"
    r"\x{10cf3}-\x{10cf9}\x{10d28}-\x{10d2f}\x{10d3a}-\x{10e5f}\x{10e7f}\x{10eaa}"
    r"\x{10eae}-\x{10eaf}\x{10eb2}-\x{10eff}\x{10f28}-\x{10f2f}\x{10f5a}-\x{10f6f}"
    r"\x{10f8a}-\x{10faf}\x{10fcc}-\x{10fdf}\x{10ff7}-\x{10fff}\x{1104e}-\x{11051}"
    r"\x{11076}-\x{1107e}\x{110c3}-\x{110cc}\x{110ce}-\x{110cf}\x{110e9}-\x{110ef}"
    r"\x{110fa}-\x{110ff}\x{11135}\x{11148}-\x{1114f}\x{11177}-\x{1117f}\x{111e0}"
    r"\x{111f5}-\x{111ff}\x{11212}\x{1123f}-\x{1127f}\x{11287}\x{11289}\x{1128e}\x{1129e}"
    r"\x{112aa}-\x{112af}\x{112eb}-\x{112ef}\x{112fa}-\x{112ff}\x{11304}\x{1130d}-\x{1130e}"
    r"\x{11311}-\x{11312}\x{11329}\x{11331}\x{11334}\x{1133a}\x{11345}-\x{11346}"
    r"\x{11349}-\x{1134a}\x{1134e}-\x{1134f}\x{11351}-\x{11356}\x{11358}-\x{1135c}"
    r"\x{11364}-\x{11365}\x{1136d}-\x{1136f}\x{11375}-\x{113ff}\x{1145c}\x{11462}-\x{1147f}"
    r"\x{114c8}-\x{114cf}\x{114da}-\x{1157f}\x{115b6}-\x{115b7}\x{115de}-\x{115ff}"
    r"\x{11645}-\x{1164f}\x{1165a}-\x{1165f}\x{1166d}-\x{1167f}\x{116ba}-\x{116bf}"
    r"\x{116ca}-\x{116ff}\x{1171b}-\x{1171c}\x{1172c}-\x{1172f}\x{11747}-\x{117ff}"
    r"\x{1183c}-\x{1189f}\x{118f3}-\x{118fe}\x{11907}-\x{11908}\x{1190a}-\x{1190b}\x{11914}"
    r"\x{11917}\x{11936}\x{11939}-\x{1193a}\x{11947}-\x{1194f}\x{1195a}-\x{1199f}"
    r"\x{119a8}-\x{119a9}\x{119d8}-\x{119d9}\x{119e5}-\x{119ff}\x{11a48}-\x{11a4f}"
    r"\x{11aa3}-\x{11aaf}\x{11af9}-\x{11bff}\x{11c09}\x{11c37}\x{11c46}-\x{11c4f}"
    r"\x{11c6d}-\x{11c6f}\x{11c90}-\x{11c91}\x{11ca8}\x{11cb7}-\x{11cff}\x{11d07}\x{11d0a}"
    r"\x{11d37}-\x{11d39}\x{11d3b}\x{11d3e}\x{11d48}-\x{11d4f}\x{11d5a}-\x{11d5f}\x{11d66}"
    r"\x{11d69}\x{11d8f}\x{11d92}\x{11d99}-\x{11d9f}\x{11daa}-\x{11edf}\x{11ef9}-\x{11faf}"
    r"\x{11fb1}-\x{11fbf}\x{11ff2}-\x{11ffe}\x{1239a}-\x{123ff}\x{1246f}\x{12475}-\x{1247f}"
    r"\x{12544}-\x{12f8f}\x{12ff3}-\x{12fff}\x{1342f}\x{13439}-\x{143ff}\x{14647}-\x{167ff}"
    r"\x{16a39}-\x{16a3f}\x{16a5f}\x{16a6a}-\x{16a6d}\x{16abf}\x{16aca}-\x{16acf}"
    r"\x{16aee}-\x{16aef}\x{16af6}-\x{16aff}\x{16b46}-\x{16b4f}\x{16b5a}\x{16b62}"
    r"\x{16b78}-\x{16b7c}\x{16b90}-\x{16e3f}\x{16e9b}-\x{16eff}\x{16f4b}-\x{16f4e}"
    r"\x{16f88}-\x{16f8e}\x{16fa0}-\x{16fdf}\x{16fe5}-\x{16fef}\x{16ff2}-\x{16fff}"
    r"\x{187f8}-\x{187ff}\x{18cd6}-\x{18cff}\x{18d09}-\x{1afef}\x{1aff4}\x{1affc}\x{1afff}"
    r"\x{1b123}-\x{1b14f}\x{1b153}-\x{1b163}\x{1b168}-\x{1b16f}\x{1b2fc}-\x{1bbff}"
    r"\x{1bc6b}-\x{1bc6f}\x{1bc7d}-\x{1bc7f}\x{1bc89}-\x{1bc8f}\x{1bc9a}-\x{1bc9b}"
    r"\x{1bca4}-\x{1ceff}\x{1cf2e}-\x{1cf2f}\x{1cf47}-\x{1cf4f}\x{1cfc4}-\x{1cfff}"
    r"\x{1d0f6}-\x{1d0ff}\x{1d127}-\x{1d128}\x{1d1eb}-\x{1d1ff}\x{1d246}-\x{1d2df}"
    r"\x{1d2f4}-\x{1d2ff}\x{1d357}-\x{1d35f}\x{1d379}-\x{1d3ff}\x{1d455}\x{1d49d}"
    r"\x{1d4a0}-\x{1d4a1}\x{1d4a3}-\x{1d4a4}\x{1d4a7}-\x{1d4a8}\x{1d4ad}\x{1d4ba}\x{1d4bc}"
    r"\x{1d4c4}\x{1d506}\x{1d50b}-\x{1d50c}\x{1d515}\x{1d51d}\x{1d53a}\x{1d53f}\x{1d545}"
    r"\x{1d547}-\x{1d549}\x{1d551}\x{1d6a6}-\x{1d6a7}\x{1d7cc}-\x{1d7cd}\x{1da8c}-\x{1da9a}"
    r"\x{1daa0}\x{1dab0}-\x{1deff}\x{1df1f}-\x{1dfff}\x{1e007}\x{1e019}-\x{1e01a}\x{1e022}"
    r"\x{1e025}\x{1e02b}-\x{1e0ff}\x{1e12d}-\x{1e12f}\x{1e13e}-\x{1e13f}\x{1e14a}-\x{1e14d}"
    r"\x{1e150}-\x{1e28f}\x{1e2af}-\x{1e2bf}\x{1e2fa}-\x{1e2fe}\x{1e300}-\x{1e7df}\x{1e7e7}"
    r"\x{1e7ec}\x{1e7ef}\x{1e7ff}\x{1e8c5}-\x{1e8c6}\x{1e8d7}-\x{1e8ff}\x{1e94c}-\x{1e94f}"
    r"\x{1e95a}-\x{1e95d}\x{1e960}-\x{1ec70}\x{1ecb5}-\x{1ed00}\x{1ed3e}-\x{1edff}\x{1ee04}"
    r"\x{1ee20}\x{1ee23}\x{1ee25}-\x{1ee26}\x{1ee28}\x{1ee33}\x{1ee38}\x{1ee3a}"
    r"\x{1ee3c}-\x{1ee41}\x{1ee43}-\x{1ee46}\x{1ee48}\x{1ee4a}\x{1ee4c}\x{1ee50}\x{1ee53}"
    r"\x{1ee55}-\x{1ee56}\x{1ee58}\x{1ee5a}\x{1ee5c}\x{1ee5e}\x{1ee60}\x{1ee63}"
    r"\x{1ee65}-\x{1ee66}\x{1ee6b}\x{1ee73}\x{1ee78}\x{1ee7d}\x{1ee7f}\x{1ee8a}"
    r"\x{1ee9c}-\x{1eea0}\x{1eea4}\x{1eeaa}\x{1eebc}-\x{1eeef}\x{1eef2}-\x{1efff}"
    r"\x{1f02c}-\x{1f02f}\x{1f094}-\x{1f09f}\x{1f0af}-\x{1f0b0}\x{1f0c0}\x{1f0d0}"
    r"\x{1f0f6}-\x{1f0ff}\x{1f1ae}-\x{1f1e5}\x{1f203}-\x{1f20f}\x{1f23c}-\x{1f23f}"
    r"\x{1f249}-\x{1f24f}\x{1f252}-\x{1f25f}\x{1f266}-\x{1f2ff}\x{1f6d8}-\x{1f6dc}"
    r"\x{1f6ed}-\x{1f6ef}\x{1f6fd}-\x{1f6ff}\x{1f774}-\x{1f77f}\x{1f7d9}-\x{1f7df}"
    r"\x{1f7ec}-\x{1f7ef}\x{1f7f1}-\x{1f7ff}\x{1f80c}-\x{1f80f}\x{1f848}-\x{1f84f}"
    r"\x{1f85a}-\x{1f85f}\x{1f888}-\x{1f88f}\x{1f8ae}-\x{1f8af}\x{1f8b2}-\x{1f8ff}"
    r"\x{1fa54}-\x{1fa5f}\x{1fa6e}-\x{1fa6f}\x{1fa75}-\x{1fa77}\x{1fa7d}-\x{1fa7f}"
    r"\x{1fa87}-\x{1fa8f}\x{1faad}-\x{1faaf}\x{1fabb}-\x{1fabf}\x{1fac6}-\x{1facf}"
    r"\x{1fada}-\x{1fadf}\x{1fae8}-\x{1faef}\x{1faf7}-\x{1faff}\x{1fb93}\x{1fbcb}-\x{1fbef}"
    r"\x{1fbfa}-\x{1ffff}\x{2a6e0}-\x{2a6ff}\x{2b739}-\x{2b73f}\x{2b81e}-\x{2b81f}"
    r"\x{2cea2}-\x{2ceaf}\x{2ebe1}-\x{2f7ff}\x{2fa1e}-\x{2ffff}\x{3134b}-\x{e0000}"
    r"\x{e0002}-\x{e001f}\x{e0080}-\x{e00ff}\x{e01f0}-\x{effff}\x{ffffe}-\x{fffff}"
    r"\x{10fffe}-\x{10ffff}]"
)


def _ranges(code_points: list[int]) -> str:
    parts, start = [], None
    for i, cp in enumerate(code_points):
        if start is None:
            start = cp
        if i + 1 == len(code_points) or code_points[i + 1] != cp + 1:
            parts.append(f"\\x{{{start:x}}}" + (f"-\\x{{{cp:x}}}" if cp != start else ""))
            start = None
    return "[" + "".join(parts) + "]"


def unsafe_pattern() -> str:
    """A regex class of the code points where Polars' lowercasing may differ from Python's,
    computed from the running Python and Polars (slow: ~1 s). :data:`UNSAFE` holds its value
    for the pinned versions; a test checks that they agree."""
    points = [c for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    series = pl.Series([chr(c) for c in points])
    lowered = series.str.to_lowercase().to_list()
    unsafe = [
        c
        for c, low in zip(points, lowered, strict=True)
        if chr(c).lower() != low or unicodedata.category(chr(c)) == "Cn"
    ]
    return _ranges(unsafe)


def python_lower(strings: pl.Series) -> pl.Series:
    """``[s.lower() for s in strings]`` (nulls stay null)."""
    lowered = strings.str.to_lowercase()
    if strings.str.contains(r"[^\x00-\x7f]").any():
        unsafe = strings.str.contains(UNSAFE).fill_null(False)
        if unsafe.any():
            rows = unsafe.arg_true()
            fixed = pl.Series([s.lower() for s in strings.gather(rows).to_list()], dtype=pl.String)
            lowered = lowered.scatter(rows, fixed)
    return lowered


def python_split(strings: pl.Series) -> pl.Series:
    """``[s.split() for s in strings]`` as a list column (nulls stay null)."""
    return strings.str.extract_all(TOKEN)
