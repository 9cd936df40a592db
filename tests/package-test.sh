#!/usr/bin/env bash
# Packaging test (Debian, as root): build the packages, check them with lintian and appstreamcli,
# install the .deb with apt, use the installed programs, remove it and check nothing is left.
set -euo pipefail
BUILD_DIR=${1:-build}
cd "$BUILD_DIR"
rm -f supportdesk_*.deb supportdesk-*.rpm supportdesk-*.tar.gz
cpack -G "DEB;RPM;TGZ" >/dev/null
deb=$(ls supportdesk_*_*.deb)
echo "package-test: built $deb $(ls supportdesk-*.rpm) $(ls supportdesk-*.tar.gz)"

lintian_out=$(lintian "$deb" 2>&1 | grep -v 'running with root privileges' || true)
if echo "$lintian_out" | grep -q '^E:'; then
    echo "$lintian_out"; echo "package-test: lintian reports errors"; exit 1
fi
appstreamcli validate --no-net ../resources/org.supportdesk.SupportDesk.metainfo.xml >/dev/null
desktop-file-validate ../resources/org.supportdesk.SupportDesk.desktop

# The tarball runs from wherever it is unpacked.
unpacked=$(mktemp -d)
tar -xzf supportdesk-*.tar.gz -C "$unpacked"
"$unpacked"/supportdesk-*/bin/supportctl --version | grep -q '^supportctl '
rm -rf "$unpacked"

if dpkg -s supportdesk >/dev/null 2>&1; then
    echo "package-test: supportdesk is already installed here; not touching it"; exit 1
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
files=$(dpkg -L supportdesk)
trap 'DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq supportdesk >/dev/null 2>&1 || true' EXIT

version=$(/usr/bin/supportctl --version)
echo "package-test: installed $version"
[ "$(/usr/bin/supportdesk --version | awk '{print $NF}')" = "${version##* }" ]
[ "$(/usr/bin/supportdesk-sandbox --version | awk '{print $NF}')" = "${version##* }" ]
man -w supportctl >/dev/null 2>&1 || [ -f /usr/share/man/man1/supportctl.1.gz ]

log=$(mktemp)
/usr/bin/supportdesk-sandbox --seed 5 --quiet >"$log" &
sandbox=$!
for _ in $(seq 50); do [ -s "$log" ] && break; sleep 0.1; done
url=$(head -n1 "$log")
/usr/bin/supportctl --server "$url" get ORD-100001 | grep -q 'Order:       ORD-100001'
kill "$sandbox"; wait "$sandbox" 2>/dev/null || true
rm -f "$log"
echo "package-test: installed supportctl talked to the installed sandbox"

home=$(mktemp -d)
status=0
HOME="$home" XDG_RUNTIME_DIR="$home" QT_QPA_PLATFORM=offscreen DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent \
    timeout 5 /usr/bin/supportdesk --demo >/dev/null 2>&1 || status=$?
rm -rf "$home"
if [ "$status" -ne 124 ]; then
    echo "package-test: the installed supportdesk --demo ended with status $status within 5 s"; exit 1
fi
echo "package-test: the installed supportdesk --demo ran for 5 s"

DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq supportdesk >/dev/null
trap - EXIT
left=0
while IFS= read -r f; do
    if [ -e "$f" ] && [ ! -d "$f" ]; then echo "package-test: left behind: $f"; left=1; fi
done <<<"$files"
for d in /usr/share/supportdesk /usr/share/doc/supportdesk; do
    [ -e "$d" ] && { echo "package-test: left behind: $d"; left=1; }
done
[ "$left" -eq 0 ]
echo "package-test: passed (built, linted, installed, used, removed without leftovers)"
