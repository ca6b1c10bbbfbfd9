#!/usr/bin/env bash
# Fetches the fonts the PDF briefing embeds besides the Go fonts into
# assets/fonts/ from npm registry packages (needs npm and the network; an
# ordinary build does not): Noto Sans for Latin, Greek and Cyrillic letters
# the Go fonts lack, Noto Naskh Arabic and Noto Sans Hebrew for right-to-left
# text. The static TTF files of @expo-google-fonts are Google Fonts' own
# builds; the versions are pinned so that a rerun reproduces the committed
# files. All three families are under the SIL Open Font License 1.1, copied
# beside them as OFL-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
out=assets/fonts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
fetch() {
  local spec=$1 name=${1%@*}
  name=${name##*/}
  mkdir -p "$tmp/$name"
  (cd "$tmp/$name" && npm pack --silent "$spec" >/dev/null && tar xzf ./*.tgz)
}
fetch @expo-google-fonts/noto-sans@0.4.2
fetch @expo-google-fonts/noto-naskh-arabic@0.4.5
fetch @expo-google-fonts/noto-sans-hebrew@0.4.1
p=$tmp/noto-sans/package
cp "$p/400Regular/NotoSans_400Regular.ttf" "$out/NotoSans-Regular.ttf"
cp "$p/700Bold/NotoSans_700Bold.ttf" "$out/NotoSans-Bold.ttf"
cp "$p/400Regular_Italic/NotoSans_400Regular_Italic.ttf" "$out/NotoSans-Italic.ttf"
cp "$p/700Bold_Italic/NotoSans_700Bold_Italic.ttf" "$out/NotoSans-BoldItalic.ttf"
cp "$p/LICENSE_FONT" "$out/OFL-NotoSans.txt"
p=$tmp/noto-naskh-arabic/package
cp "$p/400Regular/NotoNaskhArabic_400Regular.ttf" "$out/NotoNaskhArabic-Regular.ttf"
cp "$p/700Bold/NotoNaskhArabic_700Bold.ttf" "$out/NotoNaskhArabic-Bold.ttf"
cp "$p/LICENSE_FONT" "$out/OFL-NotoNaskhArabic.txt"
p=$tmp/noto-sans-hebrew/package
cp "$p/400Regular/NotoSansHebrew_400Regular.ttf" "$out/NotoSansHebrew-Regular.ttf"
cp "$p/700Bold/NotoSansHebrew_700Bold.ttf" "$out/NotoSansHebrew-Bold.ttf"
cp "$p/LICENSE_FONT" "$out/OFL-NotoSansHebrew.txt"
ls -l "$out"
