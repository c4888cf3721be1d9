#!/usr/bin/env bash
# Builds VMS in Release (warnings are errors), starts the real peers the tests need, runs every test project
# and prints, as its last line: N passed, N failed, N skipped.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '[test.sh] %s\n' "$*" >&2; }

# 1. What the tests need, installed with apt-get when missing.
need=()
command -v sipp >/dev/null || need+=(sip-tester)
command -v kamailio >/dev/null || need+=(kamailio)
command -v baresip >/dev/null || need+=(baresip)
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)   # the Voice Continuity PDF letter
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 || log "apt-get install failed for ${need[*]}"
fi

# 2. Build once, in Release, warnings as errors (Directory.Build.props).
log "building"
if ! dotnet build Vms.slnx -c Release -nologo -v quiet -clp:ErrorsOnly; then
  log "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# 3. A throwaway PostgreSQL cluster of our own (never the system one), stopped on exit.
pg=$(scripts/test-postgres.sh start) || { log "could not start PostgreSQL"; pg=""; }
if [ -n "$pg" ]; then
  export VMS_TEST_POSTGRES="${pg%%|*}"
  pgdir="${pg##*|}"
  trap 'scripts/test-postgres.sh stop "$pgdir"' EXIT
  log "PostgreSQL test cluster on ${VMS_TEST_POSTGRES}"
fi
export VMS_TEST_CHROMIUM=/usr/bin/chromium
# The shared test vectors (../shared/testdata beside the clone); tests read VMS_TESTDATA first.
for c in "$root/../shared/testdata" /work/shared/testdata; do
  if [ -d "$c" ]; then export VMS_TESTDATA; VMS_TESTDATA=$(cd "$c" && pwd); break; fi
done

# 4. Every test project, one after the other (two cores: the real-time tests need quiet), each with its summary.
results=$(mktemp -d)
passed=0; failed=0; skipped=0
for proj in $(grep -o 'Path="tests/[^"]*\.csproj"' Vms.slnx | sed 's/Path="\(.*\)"/\1/' | sort); do
  name=$(basename "$proj" .csproj)
  log "testing $name"
  out="$results/$name.log"
  dotnet test "$proj" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" --blame-hang-timeout 10m >"$out" 2>&1
  rc=$?
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); p=${p:-0}
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=${f:-0}
    e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); e=${e:-0}
    t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); t=${t:-0}
    ex=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters"); ex=${ex:-0}
    s=$(( t - ex )); [ $s -lt 0 ] && s=0
    f=$(( f + e ))
    if [ $rc -ne 0 ] && [ $f -eq 0 ]; then f=1; fi
  else
    p=0; f=1; s=0
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  log "$name: $p passed, $f failed, $s skipped"
  if [ $f -ne 0 ]; then grep -E '^\s+(Failed|Error Message|\s+at )' "$out" | head -n 60 >&2 || tail -n 40 "$out" >&2; fi
done
rm -rf "$results"

echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
