#!/usr/bin/env python3
"""QuantCut's checkpoint inventory against the model's own named_modules().

usage: check_inventory.py MODEL_DIR QUANTCUT_CLI WORK_DIR
MODEL_DIR is what build_models.py wrote (modules.json, single/, sharded/). For each way of naming the
checkpoint (directory, model.safetensors, sharded directory, model.safetensors.index.json) QuantCut's
inventory must list exactly the modules that have parameters, under the names their tensors were saved
with, with the right type and parameter count. Prints one line per check; exit 1 on any difference.
"""
import json
import pathlib
import re
import sys

import yaml

from build_models import op_type
from common import Checks, quantcut


def expected_ops(doc):
    ops = {}
    for m in doc["modules"]:
        assert len(m["saved_as"]) == 1, m
        ops[m["saved_as"][0]] = (op_type(m["type"]), m["params"])
    return ops


def quantcut_ops(cli, target, work, doc):
    metric = work / "params_metric.csv"
    metric.write_text("name,size_score\n" + "".join(f"{m['name']},{m['params']}\n" for m in doc["modules"]))
    out = work / "inventory_profiles.yaml"
    quantcut(cli, "profiles", "--inventory", target, "--metric", f"size={metric}", "-o", out)
    inv = yaml.safe_load(out.read_text())["inventory"]
    return {op[0]: (op[1], op[4]) for op in inv["ops"]}, inv


def info_summary(cli, target):
    text = quantcut(cli, "info", target)
    ops, params = map(int, re.search(r"ops: (\d+), parameters: (\d+)", text).groups())
    types = {t: int(n) for t, n in re.findall(r"type (\S+): (\d+)", text)}
    return ops, params, types


def diff(expected, got):
    lines = []
    for name in sorted(set(expected) | set(got)):
        e, g = expected.get(name), got.get(name)
        if e != g:
            lines.append(f"  {name}: model {e or 'absent'}, quantcut {g or 'absent'}")
    return lines


def main():
    model_dir, cli, work = pathlib.Path(sys.argv[1]), sys.argv[2], pathlib.Path(sys.argv[3])
    work.mkdir(parents=True, exist_ok=True)
    doc = json.loads((model_dir / "modules.json").read_text())
    expected = expected_ops(doc)
    label = f"model={doc['kind']} naming={doc['naming']}"
    checks = Checks("inventory")
    for target in (model_dir / "single", model_dir / "single" / "model.safetensors",
                   model_dir / "sharded", model_dir / "sharded" / "model.safetensors.index.json"):
        what = f"{label} input={target.relative_to(model_dir)}"
        got, inv = quantcut_ops(cli, target, work, doc)
        checks.record(f"ops {what}", diff(expected, got),
                      f"{len(got)} ops, names/types/params equal to named_modules()")
        try:
            ops, params, types = info_summary(cli, target)
        except RuntimeError as e:
            checks.record(f"info {what}", [f"  {e}"])
            continue
        want_types = {}
        for t, _ in expected.values():
            want_types[t] = want_types.get(t, 0) + 1
        problems = []
        if ops != len(expected) or params != sum(p for _, p in expected.values()):
            problems.append(f"  info says {ops} ops / {params} params, model has {len(expected)} / "
                            f"{sum(p for _, p in expected.values())}")
        if types != want_types:
            problems.append(f"  info types {types}, model {want_types}")
        checks.record(f"info {what}", problems, f"{ops} ops, {params} parameters, types {types}")
    renamed = sum(1 for m in doc["modules"] if m["saved_as"][0] != m["name"])
    print(f"note {label}: {renamed} of {len(doc['modules'])} modules are saved under another name than "
          f"named_modules() gives (transformers {doc['transformers']})")
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
