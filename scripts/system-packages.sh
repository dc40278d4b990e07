#!/bin/sh
# Debian packages the tests need: chromium for the browser tests, util-linux's unshare, strace
# and iproute2's ip (to bring up loopback) for the no-network tests. Installed only when
# missing; needs root (as in CI).
set -e
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v strace >/dev/null 2>&1 || need="$need strace"
command -v unshare >/dev/null 2>&1 || need="$need util-linux"
command -v ip >/dev/null 2>&1 || need="$need iproute2"
[ -z "$need" ] && exit 0
if [ "$(id -u)" != "0" ]; then
    echo "Missing system packages:$need. Install them with: sudo apt-get install$need" >&2
    exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
