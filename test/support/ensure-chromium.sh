#!/bin/sh
# Run before `npm test`: the console's browser tests drive Debian's chromium. On a fresh machine it
# is installed here (root and apt needed, as on CI); otherwise this says how, and those tests fail
# naming the missing browser. CHROMIUM_PATH points the tests at another chromium.
[ -n "$CHROMIUM_PATH" ] && exit 0
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "npm test: installing Debian's chromium for the console's browser tests" >&2
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium
else
  echo "npm test: the console's browser tests need chromium: apt-get install chromium, or set CHROMIUM_PATH" >&2
fi
exit 0
