#!/usr/bin/env bash
# make package: a Linux tarball of the desktop app, laid out like the fyne
# tool's (usr/local/bin, share/applications, share/pixmaps) with a .desktop
# file and a Makefile that installs it: dist/briefing-atlas-VERSION-linux-ARCH.tar.xz
# Name, ID, version and icon come from FyneApp.toml. Built by hand rather than
# with `fyne package` so that it works offline.
set -euo pipefail
cd "$(dirname "$0")/.."

toml_get() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" FyneApp.toml | head -1; }
name="$(toml_get Name)"
id="$(toml_get ID)"
version="$(toml_get Version)"
icon="$(toml_get Icon)"
comment="$(toml_get Comment)"
generic="$(toml_get GenericName)"
[ -n "$name" ] && [ -n "$id" ] && [ -n "$version" ] && [ -f "$icon" ] || {
  echo "package: FyneApp.toml must give Name, ID, Version and an existing Icon." >&2; exit 1; }

exe=briefing-atlas
arch="$(go env GOARCH)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/$exe"
mkdir -p "$root/usr/local/bin" "$root/usr/local/share/applications" "$root/usr/local/share/pixmaps"

echo "package: building $name $version for linux/$arch"
CGO_ENABLED=1 go build -tags sqlite_fts5 -ldflags "-s -w -X main.version=$version" \
  -o "$root/usr/local/bin/$exe" ./cmd/desktop
install -m 0644 "$icon" "$root/usr/local/share/pixmaps/$exe.png"
cat >"$root/usr/local/share/applications/$exe.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=$name
GenericName=$generic
Comment=$comment
Exec=$exe %F
Icon=$exe
Terminal=false
Categories=Office;Education;
Keywords=news;timeline;map;briefing;events;
StartupWMClass=$exe
X-Fyne-ID=$id
DESKTOP
cat >"$root/Makefile" <<'MAKE'
# Installs Briefing Atlas for all users: sudo make install (PREFIX=/usr/local).
PREFIX ?= /usr/local
install:
	install -Dm755 usr/local/bin/briefing-atlas $(DESTDIR)$(PREFIX)/bin/briefing-atlas
	install -Dm644 usr/local/share/applications/briefing-atlas.desktop $(DESTDIR)$(PREFIX)/share/applications/briefing-atlas.desktop
	install -Dm644 usr/local/share/pixmaps/briefing-atlas.png $(DESTDIR)$(PREFIX)/share/pixmaps/briefing-atlas.png
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/briefing-atlas $(DESTDIR)$(PREFIX)/share/applications/briefing-atlas.desktop $(DESTDIR)$(PREFIX)/share/pixmaps/briefing-atlas.png
MAKE
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/local/share/applications/$exe.desktop"
fi
mkdir -p dist
out="dist/$exe-$version-linux-$arch.tar.xz"
tar -C "$stage" -cJf "$out" "$exe"
echo "package: wrote $out ($(du -h "$out" | cut -f1))"
tar -tJf "$out"
