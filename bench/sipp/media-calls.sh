#!/usr/bin/env bash
# Issue 6: concurrent established calls through VMS with media relayed both ways, RTP loss counted per packet.
#   flock /work/quiet.lock bench/sipp/media-calls.sh [calls=500] [hold-seconds=30] [calls-per-second=50]
# bench/Vms.Calls.Benchmarks places the calls (UAC) into VMS for the demo number, whose demo tree forwards them to
# the outbound gateway — the same tool answering as the destination phones (UAS). Once all are established, every
# caller and every phone sends one 172-byte PCMA packet every 20 ms for the hold time; each end counts the packets
# that carry its own call's marker. VMS's RSS and CPU come from /proc.
source "$(dirname "$0")/issue6-env.sh"
CALLS=${1:-500}; HOLD=${2:-30}; CPS=${3:-50}
build_vms
dotnet build "$ROOT/bench/Vms.Calls.Benchmarks" -c Release -v q -nologo >/dev/null
load_line
start_vms $UAS_PORT
echo "VMS pid $VMS_PID"
# Warm-up (JIT, pools): 20 short calls, not counted.
dotnet "$ROOT/bench/Vms.Calls.Benchmarks/bin/Release/net10.0/Vms.Calls.Benchmarks.dll" media --vms 127.0.0.1:$VMS_SIP_PORT \
  --gateway-port $UAS_PORT --caller-port $UAC_PORT --number "$NUMBER" --calls 20 --cps 20 --hold 2 --rtp-base 20000 >/dev/null || true
sleep 2
status=0
dotnet "$ROOT/bench/Vms.Calls.Benchmarks/bin/Release/net10.0/Vms.Calls.Benchmarks.dll" media --vms 127.0.0.1:$VMS_SIP_PORT \
  --gateway-port $UAS_PORT --caller-port $UAC_PORT --number "$NUMBER" --calls "$CALLS" --cps "$CPS" --hold "$HOLD" --rtp-base 20000 --vms-pid "$VMS_PID" --metrics "http://127.0.0.1:$VMS_HTTP_PORT/metrics" || status=$?
load_line
curl -s "http://127.0.0.1:$VMS_HTTP_PORT/metrics" | grep -E '^vms_calls_(ended|refused)' | sed 's/customer="[^"]*",//' || true
exit $status
