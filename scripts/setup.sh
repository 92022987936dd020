#!/usr/bin/env bash
# Installs the system libraries reval builds against, when they are missing:
# libzstd-dev (zstd streams), zlib1g-dev (gzip streams), libxml2-dev (XML topics).
set -euo pipefail
missing=()
for package in libzstd-dev zlib1g-dev libxml2-dev; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
