#!/bin/sh
# The commands the Dockerfile runs, one stage each, so a test can run exactly them outside Docker
# (test/scripts/docker-build.test.ts replays the Dockerfile's COPY/RUN steps in temp directories).
#   build    install every dependency from the lock and compile src/ to dist/
#   runtime  install the production dependencies only, from the same lock, without lifecycle scripts
set -eu
case "${1:-}" in
  build)
    npm ci --no-audit --no-fund
    npm run build
    ;;
  runtime)
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund
    ;;
  *)
    echo "usage: scripts/docker-build.sh build|runtime" >&2
    exit 64
    ;;
esac
