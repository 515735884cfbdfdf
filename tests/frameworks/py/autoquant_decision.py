#!/usr/bin/env python3
"""QuantCut's `reference --scheme autoquant:MANIFEST` against the decision ModelOpt's AutoQuantize really made.

QuantCut reconstructs the decision from the manifest (minimum summed score within the budget) and must either
give exactly ModelOpt's decision, or refuse because its reconstruction does not reproduce the recorded score
and effective bits; a report (candidates, not decisions) must be refused.

usage: autoquant_decision.py QUANTCUT_CLI PRODUCED_DIR CHECKPOINT OUT_DIR
ModelOpt's decision is search_state["best"]["recipe"] (autoquant.search.json, written by
produce_modelopt.py): a format per recipe group; a group named by q_proj covers q/k/v_proj, by gate_proj
gate/up_proj (ModelOpt's quant_grouping_rules). The reference scheme must quantize exactly those modules.
"""
import json
import pathlib
import subprocess
import sys

import yaml

from common import Checks, set_diff

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


def reference(cli, scheme, ckpt, out):
    r = subprocess.run([cli, "reference", "--scheme", scheme, "--inventory", ckpt, "-o", out],
                       capture_output=True, text=True)
    return r.returncode, r.stderr.strip()


def main():
    cli, produced, ckpt, out = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3], pathlib.Path(sys.argv[4])
    out.mkdir(parents=True, exist_ok=True)
    search = json.loads((produced / "autoquant.search.json").read_text())
    bits = search["best"]["constraints"]["effective_bits"]
    checks = Checks("modelopt")
    code, err = reference(cli, f"autoquant:{produced / 'autoquant.json'}", ckpt, out / "report_reference.yaml")
    checks.record("autoquant report is not taken for a decision",
                  [] if code == 2 and "candidates, not decisions" in err else [f"  exit {code}: {err}"])
    ref = out / "autoquant_reference.yaml"
    code, err = reference(cli, f"autoquant:{produced / 'autoquant.manifest.json'}", ckpt, ref)
    if code == 2 and "does not reproduce the recorded one" in err:
        # An honest refusal: ModelOpt's solver chose otherwise than the exact optimum of the manifest's scores.
        checks.record(f"autoquant decision vs quantcut reference (effective bits {bits:.3f})", [],
                      "refused: " + err.split(": the reconstructed decision ", 1)[-1][:160])
        sys.exit(checks.finish())
    if code != 0:
        checks.record(f"autoquant decision vs quantcut reference (effective bits {bits:.3f})", [f"  exit {code}: {err}"])
        sys.exit(checks.finish())
    doc = yaml.safe_load(open(ref))
    inventory = {op[0] for op in doc["inventory"]["ops"]}
    got = set(doc["profiles"][0]["quantize"])
    want = modelopt_decision(search, inventory)
    checks.record(f"autoquant decision vs quantcut reference (effective bits {bits:.3f})",
                  set_diff(want, got, "ModelOpt's decision", "QuantCut's reference"),
                  f"{len(want)} modules INT8")
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
