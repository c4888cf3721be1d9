#!/usr/bin/env bash
# What ended calls keep alive in VMS while their SIP transactions linger (64·T1 = 32 s, RFC 3261 §17).
#   flock /work/quiet.lock bench/sipp/retention.sh [rate=100] [seconds=40]
# SIPp's built-in UAC calls the demo number at RATE calls/s with immediate BYE, through VMS to SIPp's UAS; a heap
# dump (dotnet-gcdump, which collects first) is taken at rest and again after SECONDS of load, while the load still
# runs; the difference ÷ the calls of the last 32 s is the memory one ended call holds. Top types are printed.
source "$(dirname "$0")/issue6-env.sh"
RATE=${1:-100}; SECONDS_RUN=${2:-40}
OUT="$BENCH_DIR/retention"; rm -rf "$OUT"; mkdir -p "$OUT"
GCDUMP="${GCDUMP:-$HOME/.dotnet/tools/dotnet-gcdump}"
build_vms
load_line
start_sipp_uas
start_vms $UAS_PORT
"$GCDUMP" collect -p "$VMS_PID" -o "$OUT/rest.gcdump" >/dev/null
(cd "$OUT" && exec sipp -sn uac -s "$NUMBER" -i 127.0.0.1 -p $UAC_PORT -r "$RATE" -m $((RATE * (SECONDS_RUN + 10))) -d 0 -l 5000 \
   -nostdin -timeout 120 127.0.0.1:$VMS_SIP_PORT >/dev/null 2>&1) &
UAC_PID=$!; PIDS+=("$UAC_PID")
sleep "$SECONDS_RUN"
"$GCDUMP" collect -p "$VMS_PID" -o "$OUT/load.gcdump" >/dev/null
"$GCDUMP" report "$OUT/rest.gcdump" > "$OUT/rest.txt"
"$GCDUMP" report "$OUT/load.gcdump" > "$OUT/load.txt"
wait "$UAC_PID" || true
python3 - "$OUT/rest.txt" "$OUT/load.txt" "$RATE" <<'PY'
import sys, re
def read(path):
    types, total = {}, 0
    for line in open(path):
        m = re.match(r'\s*([\d,]+)\s+([\d,]+)\s+(.*\S)\s*$', line)
        if m:
            # the report's first column is the bytes of one object (the average for arrays and strings)
            count, name = int(m[2].replace(',', '')), re.sub(r'\s+\(Bytes > [^)]*\)', '', m[3])
            size = int(m[1].replace(',', '')) * count
            types[name] = (types.get(name, (0, 0))[0] + size, types.get(name, (0, 0))[1] + count)
            total += size
    return types, total
rest, rest_total = read(sys.argv[1]); load, load_total = read(sys.argv[2]); rate = int(sys.argv[3])
calls = rate * 32
print(f"heap at rest {rest_total/1e6:.1f} MB, under load {load_total/1e6:.1f} MB: {(load_total-rest_total)/calls:.0f} B per call of the last 32 s ({calls} calls)")
diff = sorted(((load.get(k, (0, 0))[0] - rest.get(k, (0, 0))[0], load.get(k, (0, 0))[1] - rest.get(k, (0, 0))[1], k) for k in set(load) | set(rest)), reverse=True)
for size, count, name in diff[:25]:
    print(f"{size/calls:8.0f} B/call {count/calls:6.2f} objects/call  {name}")
PY
