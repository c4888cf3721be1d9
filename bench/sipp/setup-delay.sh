#!/usr/bin/env bash
# Issue 6: the setup delay VMS adds (caller's INVITE in → first INVITE out to the destination) at RATE calls/s.
#   flock /work/quiet.lock bench/sipp/setup-delay.sh [rate=100] [seconds=30]
# 1. VMS's own histogram (vms_calls_setup_delay_seconds, stamped at its SIP transport), from /metrics scraped
#    before and after the run.
# 2. Cross-checks from outside, same rate, same minutes, through VMS and straight to the SIPp UAS:
#    - SIPp's response time (INVITE sent → 200 received, -trace_rtt; SIPp counts in whole milliseconds of its
#      own loop clock, so it is coarse);
#    - per-hop delays from SIPp's message traces (-trace_msg, µs timestamps) of the caller and the destination:
#      INVITE caller→destination and 200 destination→caller, paired call by call by the caller number (made unique
#      per call); VMS's share = through VMS − direct.
source "$(dirname "$0")/issue6-env.sh"
RATE=${1:-100}; SECONDS_RUN=${2:-30}; CALLS=$((RATE * SECONDS_RUN))
OUT="$BENCH_DIR/setup-delay"; rm -rf "$OUT"; mkdir -p "$OUT"
build_vms
load_line

uas() { # dir: (re)start SIPp's built-in UAS with message traces in $OUT/dir
  [ -n "${UAS_PID:-}" ] && { kill "$UAS_PID" 2>/dev/null; wait "$UAS_PID" 2>/dev/null || true; sleep 0.5; }
  mkdir -p "$OUT/$1"
  (cd "$OUT/$1" && exec sipp -sn uas -i 127.0.0.1 -p $UAS_PORT -nostdin -trace_msg >/dev/null 2>&1) &
  UAS_PID=$!; PIDS+=("$UAS_PID"); sleep 1
}
uac() { # target-port calls dir [trace]
  mkdir -p "$OUT/$3"
  local trace=(-sn uac); [ "${4:-}" = trace ] && trace=(-sf "$OUT/uac-numbered.xml" -trace_msg -trace_rtt -rtt_freq 1)
  (cd "$OUT/$3" && sipp -s "$NUMBER" -i 127.0.0.1 -p $UAC_PORT -r "$RATE" -m "$2" -d 0 -l 5000 -nostdin -timeout 120 \
     "${trace[@]}" 127.0.0.1:"$1" 2>&1 | grep -E "Successful call|Failed call" | awk -F'|' '{gsub(/ /,"",$1); gsub(/ /,"",$3); printf "%s=%s ", $1, $3}'; echo)
}
rtt() { # dir -> p50/p99 in ms of SIPp's response-time column
  python3 - "$OUT/$1" <<'PY'
import sys, glob
vals = []
for line in open(glob.glob(sys.argv[1] + '/*_rtt.csv')[0]):
    parts = line.strip().split(';')
    if len(parts) >= 2:
        try: vals.append(float(parts[1]))
        except ValueError: pass
vals.sort()
if vals:
    q = lambda p: vals[min(len(vals) - 1, int(p * len(vals)))]
    print(f"n={len(vals)} p50={q(0.5):.0f} ms p90={q(0.9):.0f} ms p99={q(0.99):.0f} ms max={vals[-1]:.0f} ms mean={sum(vals)/len(vals):.2f} ms")
PY
}

# SIPp's built-in caller with a caller number unique per call (+32470<call number>), which VMS presents to the
# destination unchanged: the traces of both ends can then be paired call by call.
{ sipp -sd uac || true; } | sed 's#sip:sipp@\[local_ip\]:\[local_port\]>;tag=#sip:+32470[call_number]@[local_ip]:[local_port]>;tag=#' > "$OUT/uac-numbered.xml"
uas warm-uas
start_vms $UAS_PORT
echo "warm-up through VMS: $(uac $VMS_SIP_PORT $((RATE * 3)) warm)"
uas uas-vms
curl -s "http://127.0.0.1:$VMS_HTTP_PORT/metrics" > "$OUT/before.txt"
echo "$(date -u +%H:%M:%S) through VMS, $CALLS calls at $RATE/s: $(uac $VMS_SIP_PORT $CALLS uac-vms trace)"
curl -s "http://127.0.0.1:$VMS_HTTP_PORT/metrics" > "$OUT/after.txt"
uas uas-direct
echo "$(date -u +%H:%M:%S) straight to the SIPp UAS, $CALLS calls at $RATE/s: $(uac $UAS_PORT $CALLS uac-direct trace)"
echo "== 1. VMS's histogram: INVITE in → first INVITE out, inside VMS"
python3 "$ROOT/bench/sipp/histogram-quantiles.py" "$OUT/before.txt" "$OUT/after.txt"
echo "== 2a. SIPp response time (INVITE sent → 200 received), whole ms"
echo "through VMS:  $(rtt uac-vms)"
echo "direct:       $(rtt uac-direct)"
echo "== 2b. per hop, from SIPp's message traces"
echo "-- through VMS"; python3 "$ROOT/bench/sipp/trace-delays.py" "$OUT"/uac-vms/*_messages.log "$OUT"/uas-vms/uas_*_messages.log
echo "-- direct";      python3 "$ROOT/bench/sipp/trace-delays.py" "$OUT"/uac-direct/*_messages.log "$OUT"/uas-direct/uas_*_messages.log
load_line
