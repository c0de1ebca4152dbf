#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine: the package with its test extras, and
# Debian's Chromium for the explorer's browser tests (Playwright drives it; it never downloads
# a browser of its own). The Oxigraph server comes from the `oxigraph` package in the extras;
# Virtuoso from Debian's `virtuoso-opensource` (the tests start their own server on loopback).
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet --disable-pip-version-check -e '.[test]'
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing: run 'sudo apt-get install chromium' (browser tests will be skipped)" >&2
  fi
fi
if ! command -v virtuoso-t >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null
  else
    echo "virtuoso-t is missing: run 'sudo apt-get install virtuoso-opensource' (Virtuoso tests will be skipped)" >&2
  fi
fi
