#!/usr/bin/env bash
# Installs what the build and the tests need and is missing: Debian packages
# (with apt-get when root, otherwise it prints the exact command and stops),
# the en_US.UTF-8 locale that Fyne wants, and the Go modules.
set -euo pipefail

# Fyne/GLFW build headers, cgo for go-sqlite3, Xvfb and friends for the
# window smoke test and screenshots, poppler for reading exported PDFs back.
need=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
      libxinerama-dev libxi-dev libxxf86vm-dev xvfb xauth xdotool imagemagick
      poppler-utils locales)

missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "deps: missing Debian packages. Run:"
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

if ! locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
  if [ "$(id -u)" = 0 ]; then
    echo "deps: generating the en_US.UTF-8 locale"
    sed -i 's/^# *en_US.UTF-8 UTF-8/en_US.UTF-8 UTF-8/' /etc/locale.gen
    grep -q '^en_US.UTF-8 UTF-8' /etc/locale.gen || echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen
    locale-gen >/dev/null
  else
    echo "deps: the en_US.UTF-8 locale is missing. Run:"
    echo "  sudo sed -i 's/^# *en_US.UTF-8 UTF-8/en_US.UTF-8 UTF-8/' /etc/locale.gen && sudo locale-gen"
    exit 1
  fi
fi

if ! command -v go >/dev/null; then
  echo "deps: Go is not on PATH; install Go 1.26 or newer from your distribution or go.dev."
  exit 1
fi
go mod download
