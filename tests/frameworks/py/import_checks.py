#!/usr/bin/env python3
"""The real producers' files through QuantCut: every name matched, polarity right, groups expanded.

usage: import_checks.py QUANTCUT_CLI PRODUCED_DIR CHECKPOINT OUT_DIR
PRODUCED_DIR holds what produce_inc2.py and produce_modelopt.py wrote. Writes OUT_DIR/profiles.yaml (all
metrics over the checkpoint's inventory) and OUT_DIR/ops.csv (QuantCut's per-op scores and ranks).
Truths, read from the producers' own files:
  MSE_V2   the op of INC's first "*** The op (...) have the highest sensitivity" line is ranked most
           sensitive by the inc-log metric; the lowest-MSE op of the dump by the inc-mse-json metric
  HAWQ_V2  the op with the largest "hessian trace" is ranked most sensitive
  AutoQ    the layer with the largest sensitivity is ranked most sensitive; q_proj's score reaches k/v_proj
           and gate_proj's reaches up_proj of the same layer
"""
import csv
import json
import pathlib
import re
import sys

import yaml

from common import Checks, quantcut


def metrics(produced):
    return {"mse": produced / "inc_mse_v2.json", "mselog": produced / "inc_mse_v2.log",
            "hawq": produced / "inc_hawq_v2.log", "autoquant": produced / "autoquant.json"}


def strip_module(name):
    return re.sub(r"\.module$", "", name)


def producer_values(key, path):
    """{producer's name: value} and whether lower means more sensitive, read from the producer's own file."""
    text = path.read_text()
    if key == "mselog":  # the first fallback-order dict: the all-INT8 state
        first = re.search(r"fallback order: \{(.*)\}", text).group(1)
        return {strip_module(n): float(v) for n, v in
                re.findall(r"\('([^']+)', '[^']+'\): tensor\(([^)]+)\)", first)}, True
    if key == "mse.mse_v2_fallback":
        return {strip_module(r["op_name"]): r["mse"] for r in json.loads(text)["fp32_fallback_sensitivity"]}, True
    if key == "mse.mse_v2_requant":
        return {strip_module(r["op_name"]): r["mse"] for r in json.loads(text)["int8_requant_sensitivity"]}, False
    if key == "hawq":
        return {n: float(v) for n, v in re.findall(r"\*\*\* op: (\S+), hessian trace : (\S+)", text)}, False
    return {r["layer"]: r["sensitivity"] for r in json.loads(text)["layer_sensitivity"]}, False


def canon(name):
    """One spelling for the names producers and inventories use for the same module."""
    name = re.sub(r"\.(module|quant_recipe)$", "", name).replace("model.visual.", "visual.")
    return re.sub(r"^model\.language_model\.", "model.", name)


def match_checks(checks, doc, label):
    for s in doc["sources"]:
        problems = [f"  unmatched: {u}" for u in s["unmatched"]] + [f"  ambiguous: {a}" for a in s["ambiguous"]]
        how = "; ".join(f"{n} {k}" for k, n in s["matched_how"].items())
        checks.record(f"import {s['id']} format={s['format']} {label}", problems,
                      f"matched {s['matched']} of {s['entries']}: {how}")


def columns(produced):
    """QuantCut's metric columns and the producer file each comes from (the dump gives two metrics)."""
    m = metrics(produced)
    return {"mse.mse_v2_fallback": m["mse"], "mse.mse_v2_requant": m["mse"], "mselog": m["mselog"],
            "hawq": m["hawq"], "autoquant": m["autoquant"]}


def polarity_checks(checks, rows, produced, label):
    for key, path in columns(produced).items():
        values, lower_first = producer_values(key, path)
        ranks = {canon(r["name"]): float(r[f"{key}_rank"]) for r in rows if r.get(f"{key}_rank")}
        common = [n for n in map(canon, values) if n in ranks]
        if len(common) < 2:
            checks.record(f"polarity {key} {label}", [f"  only {len(common)} producer ops ranked by QuantCut"])
            continue
        vals = {canon(n): v for n, v in values.items()}
        order = sorted(common, key=lambda n: vals[n] if lower_first else -vals[n])
        problems = []
        top = max(ranks[n] for n in common)
        if ranks[order[0]] != top:
            problems.append(f"  producer's most sensitive {order[0]} ({vals[order[0]]}) has QuantCut rank "
                            f"{ranks[order[0]]}, top is {top}")
        for a, b in zip(order, order[1:]):
            if vals[a] != vals[b] and ranks[a] < ranks[b]:
                problems.append(f"  {a} ({vals[a]}) is more sensitive than {b} ({vals[b]}) for the producer, "
                                f"QuantCut ranks {ranks[a]} < {ranks[b]}")
        if key == "mselog":
            first = strip_module(re.search(r"\*\*\* The op \('([^']+)'", path.read_text()).group(1))
            if ranks.get(canon(first)) != top:
                problems.append(f"  INC fell back {first} first; QuantCut rank {ranks.get(canon(first))}, top {top}")
        checks.record(f"polarity {key} {label}", problems,
                      f"{len(common)} of {len(values)} producer ops ranked by QuantCut in the producer's order, "
                      f"most sensitive {order[0]}")


def group_checks(checks, rows, label):
    by_name = {r["name"]: r for r in rows}
    problems, groups = [], 0
    for r in rows:
        for leader, members in (("q_proj", ("k_proj", "v_proj")), ("gate_proj", ("up_proj",))):
            if r["name"].endswith("." + leader) and r.get("autoquant"):
                groups += 1
                for m in members:
                    other = by_name.get(r["name"][: -len(leader)] + m)
                    if other is None or other.get("autoquant") != r["autoquant"]:
                        problems.append(f"  {r['name']} = {r['autoquant']}, {m}: {other and other.get('autoquant')}")
    checks.record(f"groups autoquant {label}", problems or ([] if groups else ["  no q_proj/gate_proj scored"]),
                  f"{groups} fused groups expanded to their members")


def main():
    cli, produced, ckpt, out = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3], pathlib.Path(sys.argv[4])
    out.mkdir(parents=True, exist_ok=True)
    label = f"inventory={out.name}"
    checks = Checks("quantcut")
    args = []
    for key, path in metrics(produced).items():
        args += ["--metric", f"{key}={path}"]
    quantcut(cli, "profiles", "--inventory", ckpt, *args, "-o", out / "profiles.yaml")
    quantcut(cli, "export", out / "profiles.yaml", "--to", "csv", "-o", out / "ops.csv")
    doc = yaml.safe_load(open(out / "profiles.yaml"))
    rows = list(csv.DictReader(open(out / "ops.csv")))
    match_checks(checks, doc, label)
    polarity_checks(checks, rows, produced, label)
    group_checks(checks, rows, label)
    for p in doc["profiles"]:
        print(f"note profile {p['name']} {label}: {p['stats']['ops_quantized']} of {p['stats']['ops_total']} ops INT8")
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
