#!/usr/bin/env bash
# Shared by the issue-6 benchmark scripts (setup-delay.sh, media-calls.sh, load-interleaved.sh): builds VMS in
# Release once, starts/stops a VMS node (embedded SQLite default with demo data and demo trees, NetSim off,
# rate limits off, ladder off) and the peers on fixed loopback ports. Source it; never run it alone.
# Run every benchmark under the machine's quiet lock:  flock /work/quiet.lock bench/sipp/<script>.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${VMS_BENCH_DIR:-/tmp/vms6bench}"
VMS_SIP_PORT=26060; VMS_HTTP_PORT=28686; UAS_PORT=26070; KAM_PORT=26090; UAC_PORT=26081
NUMBER="+3222001001"
PIDS=()

cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  PIDS=()
}
trap cleanup EXIT

build_vms() {
  if [ "${VMS_BENCH_NOBUILD:-0}" != 1 ]; then
    dotnet build "$ROOT/src/Vms.Server" -c Release -o "$BENCH_DIR/bin" -v q -nologo >/dev/null
  fi
}

# start_vms <gateway-port>: fresh data folder, waits until /healthz answers; sets VMS_PID.
# VMS_BENCH_ENV="NAME=value ..." adds environment variables to VMS (e.g. DOTNET_GCDynamicAdaptationMode=1 to
# compare with the collector's default adaptation).
start_vms() {
  local gateway=$1
  rm -rf "$BENCH_DIR/data"; mkdir -p "$BENCH_DIR/data"
  (cd "$BENCH_DIR/bin" && exec env ASPNETCORE_ENVIRONMENT=Benchmark \
    Urls="http://127.0.0.1:$VMS_HTTP_PORT" Vms__DataDirectory="$BENCH_DIR/data" Vms__DemoMode=true \
    ConnectionStrings__Vms="Data Source=$BENCH_DIR/data/vms.db" VMS_ADMIN_PASSWORD=bench-admin-password-1 \
    Calls__SipPort=$VMS_SIP_PORT Calls__SipTcp=false Calls__NetSim=false Calls__Trunks__Gateway="sip:127.0.0.1:$gateway" \
    Calls__RateLimits__Enabled=false Calls__Ladder=false Calls__RtpMinPort=30000 Calls__RtpMaxPort=59999 \
    Logging__LogLevel__Default=Warning ${VMS_BENCH_ENV:-} dotnet "$BENCH_DIR/bin/vms.dll" >"$BENCH_DIR/vms.log" 2>&1) &
  VMS_PID=$!; PIDS+=("$VMS_PID")
  for _ in $(seq 1 120); do
    # then one snapshot refresh (5 s) so that the demo trees published at start-up are routable
    curl -sf "http://127.0.0.1:$VMS_HTTP_PORT/healthz" >/dev/null 2>&1 && { sleep 7; return 0; }
    sleep 0.5
  done
  echo "VMS did not start:"; tail -20 "$BENCH_DIR/vms.log"; return 1
}

stop_vms() {
  [ -n "${VMS_PID:-}" ] && kill "$VMS_PID" 2>/dev/null && wait "$VMS_PID" 2>/dev/null || true
  VMS_PID=""
}

# start_sipp_uas [scenario.xml]: SIPp's built-in UAS (180 then 200 at once), or the given scenario, on UAS_PORT; sets UAS_PID.
start_sipp_uas() {
  mkdir -p "$BENCH_DIR/uas"
  local scenario=(-sn uas); [ -n "${1:-}" ] && scenario=(-sf "$1")
  (cd "$BENCH_DIR/uas" && exec sipp "${scenario[@]}" -i 127.0.0.1 -p $UAS_PORT -nostdin >/dev/null 2>&1) &
  UAS_PID=$!; PIDS+=("$UAS_PID"); sleep 1
}

# start_kamailio: stateful proxy (deploy/kamailio/proxy.cfg.template) in front of the SIPp UAS; sets KAM_PID.
start_kamailio() {
  mkdir -p "$BENCH_DIR/kam"
  sed -e "s#@PORT@#$KAM_PORT#g" -e "s#@TARGET@#127.0.0.1:$UAS_PORT#g" -e "s#@MODULES@#/usr/lib/x86_64-linux-gnu/kamailio/modules#g" \
      -e "s#@CHILDREN@#${KAM_CHILDREN:-4}#g" "$ROOT/deploy/kamailio/proxy.cfg.template" > "$BENCH_DIR/kam/kam.cfg"
  kamailio -f "$BENCH_DIR/kam/kam.cfg" -DD -E -m 256 -M 32 -Y "$BENCH_DIR/kam" -P "$BENCH_DIR/kam/k.pid" >"$BENCH_DIR/kam/kam.log" 2>&1 &
  KAM_PID=$!; PIDS+=("$KAM_PID"); sleep 3
}

load_line() { echo "$(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"; }
