#!/usr/bin/env bash
# Issue 6: signalling-only load, VMS (B2BUA: tree, records, counters) vs Kamailio (stateful proxy), interleaved
# step by step in the same minutes: at each rate, VMS run 1, Kamailio run 1, VMS run 2, … (3 runs each), SIPp's
# built-in uac (INVITE → 200 → ACK → BYE at once, -d 0) against each, the same SIPp UAS behind both
# (bench/sipp/uas-200.xml: 200 at once without 180 — with SIPp's built-in UAS, Kamailio's 4 UDP workers sometimes
# deliver the 200 before the 180 and SIPp's caller counts the call as failed: 1–2 per 1,000 at any rate).
# A step passes for a target when the median of its 3 runs has < 0.1 % failed calls AND the median achieved rate
# (successful calls / wall time of the SIPp run) is ≥ 90 % of the requested rate — calls that only complete after
# SIP retransmissions stretch the run and show up there. A target stops at its first failing step.
# Prints one line per run and a median line per step and target.
#   flock /work/quiet.lock bench/sipp/load-interleaved.sh [seconds-per-run=10] [rates...]
source "$(dirname "$0")/issue6-env.sh"
STEP_SECONDS=${1:-10}; shift || true
RATES=("$@"); [ ${#RATES[@]} -gt 0 ] || RATES=(200 400 600 800 1000 1200 1400 1600 1800 2000)
OUT="$BENCH_DIR/load"; rm -rf "$OUT"; mkdir -p "$OUT"
build_vms
load_line
start_sipp_uas "$ROOT/bench/sipp/uas-200.xml"
start_kamailio
start_vms $UAS_PORT

ensure_vms() {
  if ! kill -0 "$VMS_PID" 2>/dev/null || ! curl -sf "http://127.0.0.1:$VMS_HTTP_PORT/healthz" >/dev/null 2>&1; then
    echo "  (VMS was down: restarted; last log lines: $(tail -3 "$BENCH_DIR/vms.log" | tr '\n' ' '))"
    stop_vms; start_vms $UAS_PORT
  fi
}

run() { # port rate -> "ok failed seconds"
  local calls=$(( $2 * STEP_SECONDS )) out start end
  start=$(date +%s.%N)
  out=$(cd "$OUT" && timeout $(( STEP_SECONDS * 2 + 40 )) sipp -sn uac -s "$NUMBER" -i 127.0.0.1 -p $UAC_PORT -r "$2" -rate_max "$2" \
        -m "$calls" -d 0 -l 5000 -nostdin -timeout $(( STEP_SECONDS + 20 )) -timeout_error -max_retrans 5 127.0.0.1:"$1" 2>&1 || true)
  end=$(date +%s.%N)
  local ok failed
  ok=$(echo "$out" | awk -F'|' '/Successful call/ {gsub(/ /,"",$3); v=$3} END {print v+0}')
  failed=$(echo "$out" | awk -F'|' '/Failed call/ {gsub(/ /,"",$3); v=$3} END {print v+0}')
  # calls never completed (SIPp killed by the timeout) count as failed
  [ $(( ok + failed )) -lt "$calls" ] && failed=$(( calls - ok ))
  echo "$ok $failed $(echo "$end - $start" | bc)"
}

# Warm-up (JIT, caches), not counted.
ensure_vms; run $VMS_SIP_PORT 200 >/dev/null; run $KAM_PORT 200 >/dev/null

declare -A alive=([vms]=1 [kamailio]=1) best=([vms]=0 [kamailio]=0)
printf "%-9s %6s %4s %9s %7s %8s %9s\n" target rate run success failed seconds calls/s
for rate in "${RATES[@]}"; do
  [ "${alive[vms]}" = 1 ] || [ "${alive[kamailio]}" = 1 ] || break
  declare -A fails=([vms]="" [kamailio]="") rates=([vms]="" [kamailio]="")
  for i in 1 2 3; do
    for target in vms kamailio; do
      [ "${alive[$target]}" = 1 ] || continue
      if [ $target = vms ]; then ensure_vms; port=$VMS_SIP_PORT; else port=$KAM_PORT; fi
      read -r ok failed secs < <(run "$port" "$rate")
      achieved=$(echo "scale=0; $ok / $secs" | bc)
      printf "%-9s %6s %4s %9s %7s %8.1f %9s\n" "$target" "$rate" "$i" "$ok" "$failed" "$secs" "$achieved"
      rates[$target]+="$achieved "
      # failure ratio in parts per 100,000 for an integer median
      fails[$target]+="$(( failed * 100000 / (ok + failed > 0 ? ok + failed : 1) )) "
    done
  done
  for target in vms kamailio; do
    [ "${alive[$target]}" = 1 ] || continue
    median=$(echo ${fails[$target]} | tr ' ' '\n' | sort -n | sed -n 2p)
    achieved=$(echo ${rates[$target]} | tr ' ' '\n' | sort -n | sed -n 2p)
    verdict=pass
    [ "$median" -lt 100 ] || verdict="FAIL(failed calls)"
    [ $(( achieved * 10 )) -ge $(( rate * 9 )) ] || verdict="${verdict/pass/}FAIL(achieved rate)"
    if [ "$verdict" = pass ]; then best[$target]=$rate; else alive[$target]=0; fi
    echo "MEDIAN $target rate=$rate failed=$(echo "scale=3; $median / 1000" | bc) % achieved=$achieved calls/s $verdict  $(load_line)"
  done
done
echo "RESULT vms=${best[vms]} calls/s kamailio=${best[kamailio]} calls/s (highest step with median < 0.1 % failed and ≥ 90 % of the rate achieved, ${STEP_SECONDS} s per run)"
load_line
