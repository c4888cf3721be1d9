#!/usr/bin/env bash
# Runs one SharpFuzz harness under AFL++ for a fixed time, niced, and prints the figures AFL++ recorded.
#   fuzz/run-afl.sh media wav 240      # Vms.Media.Fuzz, target wav|sdp|rtp, seconds
#   fuzz/run-afl.sh sip - 600          # Vms.Sip.Fuzz (no target argument)
# Needs: apt-get install afl++; dotnet tool install --global SharpFuzz.CommandLine.
# Findings: /tmp/vms-fuzz/<harness>-<target>/findings/default/{crashes,hangs}.
set -euo pipefail
harness=${1:?media|sip}; target=${2:-wav}; seconds=${3:-600}
root=$(cd "$(dirname "$0")/.." && pwd)
testdata=$(cd "$root/../shared/testdata" && pwd)
work=/tmp/vms-fuzz/$harness-$target
export PATH="$PATH:$HOME/.dotnet/tools"
mkdir -p "$work/seeds"
case $harness in
  media)
    project=fuzz/Vms.Media.Fuzz; library=Vms.Media.dll; app=Vms.Media.Fuzz; args=("$target")
    case $target in
      wav) find "$testdata/wav" -name '*.wav' -size -16k -exec cp {} "$work/seeds/" \; ;;
      sdp) find "$testdata/sdp" -type f -size -8k ! -name '*.md' ! -name 'SHA256SUMS' ! -name '*.json' \
             -exec sh -c 'cp "$1" "$2/$(echo "$1" | md5sum | cut -c1-12)"' _ {} "$work/seeds" \; ;;
      rtp) python3 - "$testdata/rfc4733-dtmf/sipp-pcap" "$work/seeds" <<'PY'
import struct, sys, os, glob
# UDP payloads (RTP) of the SIPp pcaps, plus a few RTCP packets (SR, RR, BYE) built by hand.
for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.pcap')))[:4]:
    data = open(path, 'rb').read(); off = 24; n = 0
    while off + 16 <= len(data):
        incl = struct.unpack('<I', data[off+8:off+12])[0]; frame = data[off+16:off+16+incl]; off += 16 + incl
        ihl = (frame[14] & 15) * 4; udp = frame[14+ihl+8:]
        open(os.path.join(sys.argv[2], f'{os.path.basename(path)}-{n}'), 'wb').write(udp); n += 1
ssrc = 0x01020304
sr = struct.pack('>BBHIIIIII', 0x81, 200, 12, ssrc, 1, 2, 3, 4, 5) + struct.pack('>IIIIII', 7, 0x01000002, 9, 10, 11, 12)
open(os.path.join(sys.argv[2], 'rtcp-sr'), 'wb').write(sr)
open(os.path.join(sys.argv[2], 'rtcp-rr-bye'), 'wb').write(struct.pack('>BBHI', 0x80, 201, 1, ssrc) + struct.pack('>BBHI', 0x81, 203, 1, ssrc))
PY
      ;;
    esac ;;
  sip)
    project=fuzz/Vms.Sip.Fuzz; library=Vms.Sip.dll; app=Vms.Sip.Fuzz; args=()
    cp "$root"/fuzz/Vms.Sip.Fuzz/corpus/* "$work/seeds/" ;;
  *) echo "unknown harness $harness" >&2; exit 2 ;;
esac
nice -n 19 dotnet publish "$root/$project" -c Release -o "$work/bin" >/dev/null
sharpfuzz "$work/bin/$library"
rm -rf "$work/findings"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
timeout --signal=INT "$seconds" nice -n 19 afl-fuzz -i "$work/seeds" -o "$work/findings" -t 5000 -m none \
  -- "$work/bin/$app" "${args[@]}" > "$work/afl.log" 2>&1 || true
grep -E '^(start_time|last_update|run_time|execs_done|execs_per_sec|corpus_count|edges_found|saved_crashes|saved_hangs)' \
  "$work/findings/default/fuzzer_stats"
