#!/usr/bin/env python3
"""Exports every profile to every framework format with quantcut-cli (each export is verified by QuantCut).

usage: export_all.py QUANTCUT_CLI PROFILES_YAML OUT_DIR NAMING
NAMING (new|legacy) is quantcut-cli's --naming: the transformers runtime the exports name modules for (the
runtime the apply scripts then use). Writes OUT_DIR/<profile>.<format>.json|yaml.
"""
import pathlib
import sys

import yaml

from common import Checks, quantcut

FORMATS = {"inc2": "json", "inc3": "json", "modelopt": "json", "modelopt-legacy": "json", "llmcompressor": "yaml",
           "llmcompressor-nosq": "yaml", "inc3-nosq": "json"}  # --no-smoothquant: no SmoothQuantModifier / static_quant


def main():
    cli, profiles, out, naming = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]), sys.argv[4]
    out.mkdir(parents=True, exist_ok=True)
    doc = yaml.safe_load(open(profiles))
    checks = Checks("quantcut")
    where = f"inventory={pathlib.Path(profiles).parent.name} naming={naming}"
    for fmt, ext in FORMATS.items():
        for p in doc["profiles"]:
            target = out / f"{p['name']}.{fmt}.{ext}"
            try:
                extra = ["--no-smoothquant"] if fmt.endswith("-nosq") else []
                quantcut(cli, "export", profiles, "--to", fmt.removesuffix("-nosq"), "--profile", p["name"], *extra,
                         "--naming", naming, "-o", target)
                checks.record(f"export {fmt} profile={p['name']} {where}", [], f"{len(p['quantize'])} ops INT8")
            except RuntimeError as e:
                checks.error(f"export {fmt} profile={p['name']} {where}", e)
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
