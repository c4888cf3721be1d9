#!/usr/bin/env python3
"""Per-hop delays from SIPp message traces (-trace_msg, microsecond timestamps) of one caller and one destination.
usage: trace-delays.py <uac_messages.log> <uas_messages.log>
Messages are paired by the caller's From user, which setup-delay.sh makes unique per call (+32470<call number>) and
which VMS presents unchanged to the destination: INVITE caller→destination, 200 (to INVITE) destination→caller."""
import datetime, re, sys

def parse(path):
    msgs = []
    for block in open(path, errors='replace').read().split('----------------------------------------------- ')[1:]:
        stamp, rest = block.split('\n', 1)
        at = datetime.datetime.strptime(stamp.strip(), '%Y-%m-%d %H:%M:%S.%f').timestamp()
        lines = rest.split('\n')
        sent = 'sent' in lines[0]
        first = lines[2].strip() if len(lines) > 2 else ''
        cseq = next((l for l in lines if l.lower().startswith('cseq:')), '')
        sender = next((l for l in lines if l.startswith('From:')), '')
        m = re.search(r'sip:([^@;>]+)@', sender)
        msgs.append((at, sent, first, cseq, m.group(1) if m else None))
    return msgs

def first_by_caller(msgs, sent, prefix, method):
    out = {}
    for at, s, first, cseq, caller in msgs:
        if s == sent and first.startswith(prefix) and method in cseq and caller and caller not in out:
            out[caller] = at
    return out

def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float('nan')

uac, uas = parse(sys.argv[1]), parse(sys.argv[2])
for name, a, b in (
        ('INVITE caller→destination', first_by_caller(uac, True, 'INVITE', 'INVITE'), first_by_caller(uas, False, 'INVITE', 'INVITE')),
        ('200 destination→caller', first_by_caller(uas, True, 'SIP/2.0 200', 'INVITE'), first_by_caller(uac, False, 'SIP/2.0 200', 'INVITE'))):
    d = [(b[k] - a[k]) * 1000 for k in a if k in b]
    print(f"{name}: n={len(d)} p50={pct(d, .5):.3f} ms p90={pct(d, .9):.3f} ms p99={pct(d, .99):.3f} ms max={max(d) if d else float('nan'):.3f} ms")
