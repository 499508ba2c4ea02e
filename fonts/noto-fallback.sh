#!/usr/bin/env bash
# Remakes fonts/NotoSerif-*-Fallback.ttf, the fallback face of each Libertinus Serif face: the
# characters of the Latin, Greek, Cyrillic and Hebrew blocks and of the Currency Symbols block
# that the Libertinus face lacks, taken from Noto Serif (Latin, Greek, Cyrillic, currency) and
# Noto Serif Hebrew (Hebrew accents and presentation forms; its Regular serves the upright and
# italic faces, its Bold the bold ones: Hebrew has no italic), both SIL OFL 1.1 (see
# OFL-NotoSerif.txt), merged into one file per face.
# Needs Debian's apt-get and dpkg; uses fontTools from Debian's python3-fonttools package
# without installing either package. Run from the repository root.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download fonts-noto-core python3-fonttools >/dev/null)
dpkg -x "$work"/fonts-noto-core_*.deb "$work/noto"
dpkg -x "$work"/python3-fonttools_*.deb "$work/fonttools"
PYTHONPATH="$work/fonttools/usr/lib/python3/dist-packages" NOTO="$work/noto/usr/share/fonts/truetype/noto" \
    WORK="$work" python3 - <<'PY'
import os
from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

noto, work = os.environ["NOTO"], os.environ["WORK"]
# The blocks covered: Latin (Latin-1 Supplement to Spacing Modifiers, Phonetic Extensions,
# Latin Extended Additional, Extended-C, -D, -E), Greek (and Greek Extended), Cyrillic (and its
# Supplement and Extended-A, -B, -C), Hebrew (and its presentation forms), the Latin
# ligatures (ﬁ ﬂ ...), combining marks, currency signs.
blocks = [(0x00A0, 0x036F), (0x1D00, 0x1DBF), (0x1E00, 0x1FFF), (0x2C60, 0x2C7F),
          (0xA720, 0xA7FF), (0xAB30, 0xAB6F), (0x0370, 0x03FF), (0x0400, 0x052F),
          (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F), (0x0590, 0x05FF),
          (0xFB00, 0xFB06), (0xFB1D, 0xFB4F), (0x20A0, 0x20CF)]
wanted = {c for first, last in blocks for c in range(first, last + 1)}

def reduced(path, unicodes, out):
    font = TTFont(path)
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.save(out)
    return out

for face in ["Regular", "Bold", "Italic", "BoldItalic"]:
    lacking = wanted - set(TTFont(f"fonts/LibertinusSerif-{face}.otf").getBestCmap())
    serif = f"{noto}/NotoSerif-{face}.ttf"
    hebrew = f"{noto}/NotoSerifHebrew-{'Bold' if 'Bold' in face else 'Regular'}.ttf"
    in_serif = lacking & set(TTFont(serif).getBestCmap())
    in_hebrew = (lacking - in_serif) & set(TTFont(hebrew).getBestCmap())
    parts = [reduced(serif, sorted(in_serif), f"{work}/{face}-serif.ttf"),
             reduced(hebrew, sorted(in_hebrew), f"{work}/{face}-hebrew.ttf")]
    Merger().merge(parts).save(f"fonts/NotoSerif-{face}-Fallback.ttf")
PY
