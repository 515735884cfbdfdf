#!/usr/bin/env python3
"""Exports every profile to every framework format with quantcut-cli (each export is verified by QuantCut).

usage: export_all.py QUANTCUT_CLI PROFILES_YAML OUT_DIR
Writes OUT_DIR/<profile>.<format>.json|yaml and OUT_DIR/ops.tsv (the inventory, "name<TAB>op_type", the
OPS_FILE of tests/scripts/framework_rules.py).
"""
import pathlib
import sys

import yaml

from common import Checks, quantcut

FORMATS = {"inc2": "json", "inc3": "json", "modelopt": "json", "modelopt-legacy": "json", "llmcompressor": "yaml",
           "llmcompressor-nosq": "yaml", "inc3-nosq": "json"}  # --no-smoothquant: no SmoothQuantModifier / static_quant


def main():
    cli, profiles, out = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    doc = yaml.safe_load(open(profiles))
    (out / "ops.tsv").write_text("".join(f"{op[0]}\t{op[1]}\n" for op in doc["inventory"]["ops"]))
    checks = Checks("quantcut")
    for fmt, ext in FORMATS.items():
        for p in doc["profiles"]:
            target = out / f"{p['name']}.{fmt}.{ext}"
            try:
                extra = ["--no-smoothquant"] if fmt.endswith("-nosq") else []
                quantcut(cli, "export", profiles, "--to", fmt.removesuffix("-nosq"), "--profile", p["name"], *extra,
                         "-o", target)
                checks.record(f"export {fmt} profile={p['name']} inventory={pathlib.Path(profiles).parent.name}", [],
                              f"{len(p['quantize'])} ops INT8")
            except RuntimeError as e:
                checks.error(f"export {fmt} profile={p['name']}", e)
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
