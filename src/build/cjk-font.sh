#!/usr/bin/env bash
# Puts the CJK font that documents.Pdf embeds into the classes (ADR 0018): Noto Serif SC (SIL OFL 1.1),
# Regular and Bold, TrueType outlines, taken from the npm package named in pom.xml with the npm client as
# configured on the machine, checked against the pinned SHA-256, and kept in a cache so that later
# (offline) builds copy it from there.
#   cjk-font.sh <npm package> <version> <sha256 of the package tarball> <output directory>
set -euo pipefail
package=$1
version=$2
sha256=$3
out=$4
cache="${GONGKAI_FONT_CACHE:-$HOME/.cache/gongkai-ledger/fonts}/${package//[@\/]/_}-$version"
fonts=(NotoSerifSC-Regular.ttf NotoSerifSC-Bold.ttf)
sources=(400Regular/NotoSerifSC_400Regular.ttf 700Bold/NotoSerifSC_700Bold.ttf)

if [ ! -f "$cache/${fonts[1]}" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "cjk-font.sh: the CJK font for the PDFs is not in $cache and npm is not installed to fetch it" >&2
    echo "cjk-font.sh: install npm (Debian: apt-get install npm) or put the font there (docs/adr/0018)" >&2
    exit 1
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$package@$version" >/dev/null)
  tarball=$(ls "$work"/*.tgz)
  actual=$(sha256sum "$tarball" | cut -d' ' -f1)
  if [ "$actual" != "$sha256" ]; then
    echo "cjk-font.sh: $package@$version has SHA-256 $actual, expected $sha256" >&2
    exit 1
  fi
  tar -xzf "$tarball" -C "$work" "${sources[@]/#/package/}" package/LICENSE_FONT
  mkdir -p "$cache"
  for i in "${!fonts[@]}"; do
    cp "$work/package/${sources[$i]}" "$cache/${fonts[$i]}.part"
  done
  cp "$work/package/LICENSE_FONT" "$cache/OFL.txt"
  for f in "${fonts[@]}"; do mv "$cache/$f.part" "$cache/$f"; done
fi

mkdir -p "$out"
for f in "${fonts[@]}" OFL.txt; do
  if [ ! -f "$out/$f" ] || [ "$cache/$f" -nt "$out/$f" ]; then cp "$cache/$f" "$out/$f"; fi
done
