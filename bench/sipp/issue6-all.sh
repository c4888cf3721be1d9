#!/usr/bin/env bash
# All issue-6 figures in one go, each benchmark under the machine's quiet lock (the build runs before, unlocked):
#   bench/sipp/issue6-all.sh [log-folder=/tmp/vms6bench/final]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
LOGS="${1:-/tmp/vms6bench/final}"; mkdir -p "$LOGS"
BENCH_DIR="${VMS_BENCH_DIR:-/tmp/vms6bench}"
if [ "${VMS_BENCH_NOBUILD:-0}" != 1 ]; then
  dotnet build "$ROOT/src/Vms.Server" -c Release -o "$BENCH_DIR/bin" -v q -nologo >/dev/null
  dotnet build "$ROOT/bench/Vms.Calls.Benchmarks" -c Release -v q -nologo >/dev/null
fi
export VMS_BENCH_NOBUILD=1
uptime | tee "$LOGS/uptime-start.txt"
flock /work/quiet.lock "$ROOT/bench/sipp/setup-delay.sh" 100 30 2>&1 | tee "$LOGS/setup-delay.txt" || true
flock /work/quiet.lock "$ROOT/bench/sipp/media-calls.sh" 500 30 50 2>&1 | tee "$LOGS/media-calls.txt" || true
flock /work/quiet.lock "$ROOT/bench/sipp/media-calls.sh" 1000 30 100 2>&1 | tee "$LOGS/media-calls-1000.txt" || true
flock /work/quiet.lock "$ROOT/bench/sipp/load-interleaved.sh" 10 800 1000 1100 1200 1300 1400 1500 1600 1800 2000 2>&1 | tee "$LOGS/load.txt" || true
uptime | tee "$LOGS/uptime-end.txt"
