#!/usr/bin/env bash
# Qt's system libraries (and CJK fonts, a Secret Service for keyring tests) on Debian/Ubuntu.
# Installs only what is missing; needs root or sudo. Elsewhere it does nothing.
set -euo pipefail
command -v apt-get >/dev/null 2>&1 || exit 0
pkgs=(libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libxcb-cursor0
      fonts-wqy-microhei dbus gnome-keyring)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing: ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
