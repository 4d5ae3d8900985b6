#!/usr/bin/env bash
# Makes sure Debian's headless-capable Chromium and its WebDriver are installed for the browser tests
# (src/test/java/io/nbo/screens). Idempotent and quick when both are present. Installs with apt when one is missing
# (needs root, as ensure-postgres.sh). Set NBO_CHROMIUM_SKIP=1 to manage the browser yourself; the browser tests then
# look for /usr/bin/chromium and /usr/bin/chromedriver, or NBO_CHROMIUM / NBO_CHROMEDRIVER.
set -euo pipefail

[ "${NBO_CHROMIUM_SKIP:-0}" = "1" ] && { echo "ensure-chromium: skipped (NBO_CHROMIUM_SKIP=1)"; exit 0; }

BROWSER=${NBO_CHROMIUM:-/usr/bin/chromium}
DRIVER=${NBO_CHROMEDRIVER:-/usr/bin/chromedriver}

if [ -x "$BROWSER" ] && [ -x "$DRIVER" ]; then
  echo "ensure-chromium: $("$BROWSER" --version 2>/dev/null | head -n1), $("$DRIVER" --version 2>/dev/null | head -n1)"
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "ensure-chromium: $BROWSER or $DRIVER is missing; install the Debian packages chromium and chromium-driver" \
       "(apt-get install chromium chromium-driver) or run the build as root" >&2
  exit 1
fi

echo "ensure-chromium: installing chromium and chromium-driver with apt"
export DEBIAN_FRONTEND=noninteractive
# Other builds on the machine may hold the apt lock (ensure-postgres.sh, another worktree): wait for it.
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
"$BROWSER" --version
"$DRIVER" --version
