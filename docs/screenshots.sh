#!/usr/bin/env bash
# Takes the screenshots in docs/ from a build: `supportdesk --demo` on a virtual X server
# (xvfb-run), each with a fresh HOME (no settings, no saved window geometry), captured with
# ImageMagick's `import -window root`.
#   docs/screenshots.sh [BUILD_DIR]        (default: build)
# Needs xvfb, xauth, imagemagick and x11-utils (xwininfo); xdotool for the Team view's shot.
#   screenshot-light.png     1280x800 screen, the default palette
#   screenshot-dark.png      1280x800 screen, dark palette (SUPPORTDESK_PALETTE=dark, as README says)
#   screenshot-de.png        1280x800 screen, German (LANGUAGE=de LANG=de_DE.UTF-8)
#   screenshot-800x600.png   800x600 screen
#   screenshot-team.png      1280x800 screen, the Team view shown (Ctrl+T sent with xdotool)
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build}
app="$build/app/supportdesk"
[ -x "$app" ] || { echo "screenshots.sh: $app not found: build first (./x build)" >&2; exit 1; }
app=$(cd "$(dirname "$app")" && pwd)/$(basename "$app")
for tool in xvfb-run import xwininfo; do
    command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing" >&2; exit 1; }
done

# shot OUTPUT WIDTHxHEIGHT [VAR=VALUE...]: runs on its own X server and HOME.
shot() {
    local out=$1 size=$2
    shift 2
    local home
    home=$(mktemp -d)
    # Inside xvfb-run: start the app, wait for its window (xwininfo lists it by title), give it a
    # moment to load the demo sessions and paint, capture, stop it.
    env -i PATH="$PATH" HOME="$home" XDG_RUNTIME_DIR="$home" LANG=C.UTF-8 "$@" \
        xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
            app=$1 out=$2
            "$app" --demo >"$HOME/app.log" 2>&1 &
            pid=$!
            for _ in $(seq 100); do
                xwininfo -root -tree 2>/dev/null | grep -q "SupportDesk" && break
                kill -0 "$pid" 2>/dev/null || { cat "$HOME/app.log" >&2; exit 1; }
                sleep 0.1
            done
            sleep 2
            # SHOT_KEYS: keys typed into the window first (xdotool), e.g. ctrl+t for the Team view.
            if [ -n "${SHOT_KEYS:-}" ]; then
                xdotool search --onlyvisible --name SupportDesk windowfocus --sync key $SHOT_KEYS
                sleep 1
            fi
            import -window root "$out"
            kill "$pid"
            wait "$pid" 2>/dev/null || true
        ' shot "$app" "$PWD/docs/$out"
    rm -rf "$home"
    echo "screenshots.sh: docs/$out ($size)"
}

shot screenshot-light.png 1280x800
shot screenshot-dark.png 1280x800 SUPPORTDESK_PALETTE=dark
shot screenshot-de.png 1280x800 LANGUAGE=de LANG=de_DE.UTF-8
shot screenshot-800x600.png 800x600
command -v xdotool >/dev/null && shot screenshot-team.png 1280x800 SHOT_KEYS=ctrl+t \
    || echo "screenshots.sh: xdotool is missing: no docs/screenshot-team.png" >&2
