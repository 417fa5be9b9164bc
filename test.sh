#!/usr/bin/env bash
# The one test command. It installs what the tests need when this machine lacks it (PostgreSQL's
# server binaries, redis-server, Chromium, the DejaVu fonts PDFs are set in), then runs every test
# in the solution. Tests start
# their own throwaway PostgreSQL and Redis servers on free loopback ports and stop them after.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Quote and invoice PDFs are set in DejaVu Sans.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# The Stripe connector tests run a local Stripe-compatible server (tools/stripe-mock) on Node.
{ command -v node && command -v npm; } >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: these packages are missing: ${missing[*]}" >&2
    echo "Install them first:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# Playwright drives the machine's Chromium; it never downloads a browser of its own.
export MARKETPLACE_CHROMIUM="${MARKETPLACE_CHROMIUM:-/usr/bin/chromium}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The Stripe stand-in's packages, exactly as locked (the npm registry is needed once).
if [ ! -d tools/stripe-mock/node_modules ]; then
  npm ci --prefix tools/stripe-mock --no-audit --no-fund
fi

exec dotnet test Marketplace.sln "$@"
