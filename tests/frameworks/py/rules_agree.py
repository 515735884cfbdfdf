#!/usr/bin/env python3
"""One truth: tests/scripts/framework_rules.py's evaluation against what the real frameworks did.

usage: rules_agree.py FRAMEWORK_RULES_PY WORK_DIR
For every WORK_DIR/exports/<naming>/<profile>.<format>.<ext>.applied.<framework>.json written by an apply
script, runs framework_rules.py FORMAT EXPORT ops.tsv and compares its set with the framework's
(restricted to the ops the framework considered, where it saw only part of the model). A difference is a
bug in framework_rules.py (or in the framework-facing assumption it encodes).
"""
import json
import pathlib
import subprocess
import sys

from common import Checks, set_diff


def rules_set(rules, fmt, export, ops):
    r = subprocess.run([sys.executable, rules, fmt, export, ops], capture_output=True, text=True, check=True)
    return {line for line in r.stdout.splitlines() if line}


def main():
    rules, work = sys.argv[1], pathlib.Path(sys.argv[2])
    checks = Checks("rules")
    applied = sorted(work.glob("exports/*/*.applied.*.json"))
    for path in applied:
        doc = json.loads(path.read_text())
        export = pathlib.Path(doc["export"])
        naming, profile = export.parent.name, export.name.split(".")[0]
        ops = path.with_suffix(".ops.tsv")  # the inventory under the names the framework saw
        ops.write_text("".join(f"{name}\t{op_type}\n" for name, op_type in doc["ops"]))
        predicted = rules_set(rules, doc["format"], export, ops)
        if doc["considered"] is not None:
            predicted &= set(doc["considered"])
        checks.record(f"{doc['format']} profile={profile} naming={naming} vs {doc['framework']}",
                      set_diff(predicted, set(doc["quantized"]), "framework_rules.py", "real framework"),
                      f"{len(predicted)} ops agree")
    if not applied:
        checks.record("applied results", ["  no apply results found under " + str(work / "exports")])
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
