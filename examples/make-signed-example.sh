#!/usr/bin/env bash
# Regenerates the signed example from examples/schedule.yaml with the EXAMPLE-ONLY keys in examples/keys/.
# These keys are public on purpose, for the docs and tests: never use them for a real fleet.
# Run from the repository root after `npm run build`:  bash examples/make-signed-example.sh [--new-keys]
set -euo pipefail
cd "$(dirname "$0")"
forewarn() { node ../bin/forewarn.js "$@"; }
if [ "${1:-}" = "--new-keys" ] || [ ! -f keys/EXAMPLE-ONLY-root-a.key ]; then
  for k in root-a root-b schedule-1; do forewarn keygen --out "keys/EXAMPLE-ONLY-$k" --force; done
  forewarn root init --fleet acme-laptops \
    --root-key keys/EXAMPLE-ONLY-root-a.pub --root-key keys/EXAMPLE-ONLY-root-b.pub --root-threshold 2 \
    --schedule-key keys/EXAMPLE-ONLY-schedule-1.pub --schedule-threshold 1 \
    --expires 2031-01-01T00:00:00Z --sign keys/EXAMPLE-ONLY-root-a.key --sign keys/EXAMPLE-ONLY-root-b.key \
    --out root.json --force
fi
forewarn sign schedule.yaml --key keys/EXAMPLE-ONLY-schedule-1.key --root root.json --now 2026-11-20T09:00:00Z \
  --out schedule.signed.json
