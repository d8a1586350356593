#!/usr/bin/env bash
# Qt's system libraries (and CJK fonts, a Secret Service for keyring tests) on Debian/Ubuntu.
# Installs only what is missing; needs root or sudo. Elsewhere it does nothing.
set -euo pipefail
command -v apt-get >/dev/null 2>&1 || exit 0
# The libxcb-* / libxkbcommon-x11-0 set is what Qt's xcb platform plugin loads on a real X display: without
# any one of them the window aborts with "no Qt platform plugin could be initialized" (offscreen still works).
# xvfb + xauth: a real X server for the test that starts the demo window (tests/test_startup.py).
# postgresql: initdb/pg_ctl for the throw-away server the team-store tests start (tests/pg_helpers.py);
# the Debian package's own cluster is not used (the tests skip without it).
pkgs=(libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libxcb-cursor0
      libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
      libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth
      fonts-wqy-microhei dbus gnome-keyring postgresql)
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
