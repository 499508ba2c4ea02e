#!/usr/bin/env bash
# Remakes fonts/NotoSerif-*-Currency.ttf: Noto Serif (SIL OFL 1.1) reduced to the Currency
# Symbols block, the fallback face for the signs Libertinus Serif lacks (see OFL-NotoSerif.txt).
# Needs Debian's apt-get and dpkg; uses fontTools from Debian's python3-fonttools package
# without installing either package. Run from the repository root.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download fonts-noto-core python3-fonttools >/dev/null)
dpkg -x "$work"/fonts-noto-core_*.deb "$work/noto"
dpkg -x "$work"/python3-fonttools_*.deb "$work/fonttools"
for face in Regular Bold Italic BoldItalic; do
    PYTHONPATH="$work/fonttools/usr/lib/python3/dist-packages" python3 -m fontTools.subset \
        "$work/noto/usr/share/fonts/truetype/noto/NotoSerif-$face.ttf" \
        --unicodes=U+20A0-20C0 --no-hinting --layout-features='' \
        --name-IDs='*' --name-languages='*' --notdef-outline \
        --output-file="fonts/NotoSerif-$face-Currency.ttf"
done
