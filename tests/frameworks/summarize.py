#!/usr/bin/env python3
"""Summary of the check lines of run.sh; known QuantCut discrepancies are reported, not failed.

usage: summarize.py CHECKS_TXT KNOWN_TXT
KNOWN_TXT: one "<check line pattern> | <what is wrong>" per line (# comments); the pattern is an fnmatch
pattern matched against the start of the check line. A FAIL that matches counts as known; a known
pattern that only matches passing checks now is an error (remove it).
"""
import fnmatch
import sys


def matches(line, pattern):
    return fnmatch.fnmatchcase(line, pattern + "*")


def load_known(path):
    known = []
    for line in open(path):
        line = line.strip()
        if line and not line.startswith("#"):
            prefix, _, why = line.partition(" | ")
            known.append((prefix.strip(), why.strip()))
    return known


def main():
    lines = [line.rstrip("\n") for line in open(sys.argv[1])]
    known = load_known(sys.argv[2])
    ok = [line for line in lines if line.endswith(": ok") or ": ok (" in line]
    failed = [line for line in lines if ": FAIL" in line]
    known_hits, real = {}, []
    for line in failed:
        hit = next((k for k in known if matches(line, k[0])), None)
        if hit:
            known_hits.setdefault(hit, []).append(line)
        else:
            real.append(line)
    stale = [k for k in known if k not in known_hits and any(matches(line, k[0]) for line in ok)]
    print("== summary")
    for (prefix, why), hits in known_hits.items():
        print(f"known discrepancy ({len(hits)} checks): {prefix}: {why}")
    for prefix, why in stale:
        print(f"known discrepancy no longer happens, remove it from known_discrepancies.txt: {prefix}")
    for line in real:
        print(f"failed: {line}")
    n_known = sum(len(h) for h in known_hits.values())
    print(f"known discrepancies: {n_known} checks")
    print(f"frameworks: {len(ok)} passed, {len(real)} failed")
    sys.exit(1 if real or stale or not ok else 0)


if __name__ == "__main__":
    main()
