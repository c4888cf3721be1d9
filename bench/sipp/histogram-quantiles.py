#!/usr/bin/env python3
"""p50/p90/p99 of a Prometheus histogram from two /metrics scrapes (after minus before), linear inside a bucket.
usage: histogram-quantiles.py before.txt after.txt [metric=vms_calls_setup_delay_seconds]"""
import re, sys

def buckets(path, name):
    out = {}
    pat = re.compile(r'^' + re.escape(name) + r'_bucket\{le="([^"]+)"\} (\S+)$')
    for line in open(path):
        m = pat.match(line.strip())
        if m:
            le = float('inf') if m.group(1) == '+Inf' else float(m.group(1))
            out[le] = out.get(le, 0) + float(m.group(2))
    return out

name = sys.argv[3] if len(sys.argv) > 3 else 'vms_calls_setup_delay_seconds'
before, after = buckets(sys.argv[1], name), buckets(sys.argv[2], name)
edges = sorted(after)
cum = [after[e] - before.get(e, 0) for e in edges]
total = cum[-1] if cum else 0
print(f"observations: {int(total)}")
for q in (0.5, 0.9, 0.99, 0.999):
    target = q * total
    lower, prev = 0.0, 0.0
    for e, c in zip(edges, cum):
        if c >= target and total > 0:
            value = e if e == float('inf') else lower + (e - lower) * ((target - prev) / (c - prev) if c > prev else 1)
            print(f"p{q*100:g}: {value*1000:.3f} ms (bucket {lower*1000:g}–{e*1000:g} ms)")
            break
        lower, prev = e, c
print("buckets (ms: count): " + ", ".join(f"{e*1000:g}: {int(c)}" for e, c in zip(edges, cum)))
