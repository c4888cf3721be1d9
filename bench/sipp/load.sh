#!/usr/bin/env bash
# SIPp load comparison on loopback, all three targets in the same run:
#   sipp-uas : SIPp UAC -> SIPp UAS directly (the ceiling of the tool itself)
#   vms      : SIPp UAC -> minimal VMS UAS (bench/Vms.Sip.Benchmarks "uas" mode)
#   kamailio : SIPp UAC -> Kamailio stateful record-routing proxy -> SIPp UAS
# For each target the rate is raised step by step; a step passes when < 0.1 % of the calls fail.
# Full call: INVITE -> 100 -> 180? -> 200 -> ACK -> BYE -> 200 (SIPp built-in "uac" scenario, UDP, -d 0).
# Usage: bench/sipp/load.sh [seconds-per-step] [rates...]     e.g. bench/sipp/load.sh 5 1000 2000 4000 6000 8000
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
STEP_SECONDS="${1:-5}"; shift || true
RATES=("$@"); [ ${#RATES[@]} -gt 0 ] || RATES=(1000 2000 3000 4000 5000 6000 7000 8000 10000 12000)
WORK="$(mktemp -d /tmp/vms-sip-load.XXXXXX)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

dotnet build -c Release "$ROOT/bench/Vms.Sip.Benchmarks" -v q -nologo >/dev/null
VMS_PORT=$(free_port); SIPP_UAS_PORT=$(free_port); KAM_PORT=$(free_port)

exec 3< <(sleep infinity)
dotnet "$ROOT/bench/Vms.Sip.Benchmarks/bin/Release/net10.0/Vms.Sip.Benchmarks.dll" uas "$VMS_PORT" <&3 >"$WORK/vms.log" 2>&1 & PIDS+=($!)
(cd "$WORK" && sipp -sn uas -i 127.0.0.1 -p "$SIPP_UAS_PORT" -nostdin -bg >/dev/null 2>&1) || true
sleep 1; SIPP_UAS_PID=$(pgrep -f "sipp -sn uas -i 127.0.0.1 -p $SIPP_UAS_PORT" | head -1 || true); [ -n "$SIPP_UAS_PID" ] && PIDS+=("$SIPP_UAS_PID")
sed -e "s#@PORT@#$KAM_PORT#g" -e "s#@TARGET@#127.0.0.1:$SIPP_UAS_PORT#g" -e "s#@MODULES@#/usr/lib/x86_64-linux-gnu/kamailio/modules#g" -e "s#@CHILDREN@#2#g" \
  "$ROOT/deploy/kamailio/proxy.cfg.template" > "$WORK/kamailio.cfg"
kamailio -f "$WORK/kamailio.cfg" -DD -E -m 256 -M 32 -Y "$WORK" -P "$WORK/k.pid" >"$WORK/kamailio.log" 2>&1 & PIDS+=($!)
sleep 5

run_step() { # target-port rate -> prints "ok|fail successful failed seconds"
  local port=$1 rate=$2 calls=$(( $2 * STEP_SECONDS )) out start end
  start=$(date +%s.%N)
  out=$(cd "$WORK" && timeout $(( STEP_SECONDS * 4 + 30 )) sipp -sn uac -i 127.0.0.1 -p "$(free_port)" -t u1 -d 0 -r "$rate" -rate_max "$rate" -l 100000 \
        -m "$calls" -nostdin -timeout $(( STEP_SECONDS * 4 + 20 )) -s vms "127.0.0.1:$port" 2>&1 || true)
  end=$(date +%s.%N)
  local ok failed
  ok=$(echo "$out" | awk -F'|' '/Successful call/ {gsub(/ /,"",$3); v=$3} END {print v+0}')
  failed=$(echo "$out" | awk -F'|' '/Failed call/ {gsub(/ /,"",$3); v=$3} END {print v+0}')
  local secs; secs=$(echo "$end - $start" | bc)
  if [ "$ok" -gt 0 ] && [ $(( failed * 1000 )) -lt $(( ok + failed )) ] && [ $(( ok + failed )) -ge "$calls" ]; then echo "ok $ok $failed $secs"; else echo "fail $ok $failed $secs"; fi
}

port_of() { case $1 in sipp-uas) echo "$SIPP_UAS_PORT";; vms) echo "$VMS_PORT";; kamailio) echo "$KAM_PORT";; esac; }
# Warm-up (JIT, caches), not counted.
for target in sipp-uas vms kamailio; do run_step "$(port_of $target)" 200 >/dev/null; done

printf "%-10s %8s %10s %8s %8s %10s\n" target rate success failed seconds calls/s
for target in sipp-uas vms kamailio; do
  port=$(port_of $target)
  best=0; bestrate=0
  for rate in "${RATES[@]}"; do
    read -r verdict ok failed secs < <(run_step "$port" "$rate")
    cps=$(echo "scale=0; $ok / $secs" | bc)
    printf "%-10s %8s %10s %8s %8.1f %10s %s\n" "$target" "$rate" "$ok" "$failed" "$secs" "$cps" "$verdict"
    [ "$verdict" = ok ] || break
    [ "$cps" -gt "$best" ] && { best=$cps; bestrate=$rate; }
    # Saturated: the achieved rate is well below the requested one, going higher only measures SIPp.
    [ $(( cps * 10 )) -ge $(( rate * 7 )) ] || break
  done
  echo "RESULT $target sustained=$best calls/s (requested rate $bestrate, < 0.1 % failed)"
done
