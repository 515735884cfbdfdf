#!/usr/bin/env python3
"""QuantCut's `reference --scheme autoquant:REPORT` against the decision ModelOpt's AutoQuantize really made.

usage: autoquant_decision.py QUANTCUT_CLI PRODUCED_DIR CHECKPOINT OUT_DIR
ModelOpt's decision is search_state["best"]["recipe"] (autoquant.search.json, written by
produce_modelopt.py): a format per recipe group; a group named by q_proj covers q/k/v_proj, by gate_proj
gate/up_proj (ModelOpt's quant_grouping_rules). The reference scheme must quantize exactly those modules.
"""
import json
import pathlib
import sys

import yaml

from common import Checks, quantcut, set_diff

GROUPS = {"q_proj": ("q_proj", "k_proj", "v_proj"), "gate_proj": ("gate_proj", "up_proj")}


def modelopt_decision(search, inventory):
    chosen = set()
    for key, fmt in search["best"]["recipe"].items():
        if fmt.startswith("NONE"):
            continue
        name = key.removesuffix(".quant_recipe")
        prefix, _, leaf = name.rpartition(".")
        for member in GROUPS.get(leaf, (leaf,)):
            candidate = f"{prefix}.{member}" if prefix else member
            if candidate in inventory:
                chosen.add(candidate)
    return chosen


def main():
    cli, produced, ckpt, out = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3], pathlib.Path(sys.argv[4])
    out.mkdir(parents=True, exist_ok=True)
    ref = out / "autoquant_reference.yaml"
    quantcut(cli, "reference", "--scheme", f"autoquant:{produced / 'autoquant.json'}", "--inventory", ckpt, "-o", ref)
    doc = yaml.safe_load(open(ref))
    inventory = {op[0] for op in doc["inventory"]["ops"]}
    got = set(doc["profiles"][0]["quantize"])
    search = json.loads((produced / "autoquant.search.json").read_text())
    want = modelopt_decision(search, inventory)
    bits = search["best"]["constraints"]["effective_bits"]
    checks = Checks("modelopt")
    checks.record(f"autoquant decision vs quantcut reference (effective bits {bits:.3f})",
                  set_diff(want, got, "ModelOpt's decision", "QuantCut's reference"),
                  f"{len(want)} modules INT8")
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
