#!/usr/bin/env python3
"""The benchmark's baseline: `quantcut-cli profiles` as a pandas + PyYAML script.

Reads an op inventory CSV and per-op score CSVs, ranks the ops the way QuantCut does by default and writes
four nested INT8 profiles (quantize list + keep list with reasons). Only the profiles are written: no
inventory echo, sources, agreement statistics or checks.

Mirrors QuantCut's defaults: the default keep rules (the last matching rule wins), fused groups (q/k/v,
gate/up, w1/w3 share one decision, scored by their most sensitive member), mean-rank combination of
normalized ranks, least sensitive first with ties broken by larger unit then model order, cuts by fraction
of the eligible ops (A 0.25, B 0.50, C 0.80, D 0.95), nested profiles.

    python3 bench/profiles_pandas.py --inventory ops.csv --metric mse=mse.csv --metric hawq=hawq.csv \
        -o out.yaml [--check-against cli.yaml]
"""

import argparse
import sys

import numpy as np
import pandas as pd
import yaml

PROFILES = [("A", "minimal", 0.25), ("B", "moderate", 0.50), ("C", "aggressive", 0.80), ("D", "max", 0.95)]

GEMM_TYPES = ["Linear", "Conv1d", "Conv2d", "Conv3d", "Conv", "MatMul", "Gemm", "matmul", "conv2d"]
# QuantCut's default rules, in order; when several match an op, the last one decides.
# (name, name regex (full match) or None, op types or None, excluded op types or None)
RULES = [
    ("non-gemm", None, None, GEMM_TYPES),
    ("norms", r".*(norm|ln_[a-z0-9]*|layernorm)[^.]*", None, None),
    ("norm-types", None, ["LayerNorm", "RMSNorm", "GroupNorm", "Qwen2RMSNorm", "LlamaRMSNorm"], None),
    ("embeddings", r"(.*\.)?(embed_tokens|wte|wpe|word_embeddings|embed_in|tok_embeddings|patch_embed(\..*)?)",
     None, None),
    ("embedding-types", None, ["Embedding", "EmbeddingBag"], None),
    ("lm-head", r"(.*\.)?lm_head", None, None),
]

FUSED = {"q_proj": "{qkv}", "k_proj": "{qkv}", "v_proj": "{qkv}",
         "gate_proj": "{gate_up}", "up_proj": "{gate_up}", "w1": "{w1_w3}", "w3": "{w1_w3}"}

NAME_COLUMNS = ["name", "op", "module", "layer", "op_name", "module_name", "layer_name"]
METADATA_COLUMNS = ["op_type", "type", "component", "layer_index", "params", "numel", "dtype", "note"]


def read_inventory(path):
    ops = pd.read_csv(path, dtype=str, keep_default_na=False)
    ops = ops.rename(columns={"type": "op_type"})
    for col in ("op_type", "component"):
        if col not in ops:
            ops[col] = ""
    ops["params"] = pd.to_numeric(ops.get("params", 0), errors="coerce").fillna(0).clip(lower=0).astype("int64")
    return ops[["name", "op_type", "component", "params"]]


def read_scores(spec):
    """One --metric ID=FILE: a Series of oriented scores (larger = more sensitive), indexed by op name."""
    metric_id, _, path = spec.partition("=")
    if not path:
        metric_id, path = "", spec
    df = pd.read_csv(path, keep_default_na=False, na_values=[""])
    name_col = next(c for c in df.columns if c.strip().lower() in NAME_COLUMNS)
    score_col = next(c for c in df.columns
                     if c != name_col and c.strip().lower() not in NAME_COLUMNS + METADATA_COLUMNS
                     and (pd.api.types.is_numeric_dtype(df[c]) or "[" in c or "(" in c))
    values = pd.to_numeric(df[score_col], errors="raise")
    lower = "[lower]" in score_col or "(lower is more sensitive)" in score_col
    scores = pd.Series((-values if lower else values).to_numpy(), index=df[name_col].astype(str))
    scores = scores.dropna()
    return metric_id or score_col, scores[~scores.index.duplicated()]


def keep_rules(ops):
    """Per op, the name of the rule that keeps it, or NaN."""
    conditions = []
    for _, pattern, types, excluded in RULES:
        match = pd.Series(True, index=ops.index)
        if types is not None:
            match &= ops["op_type"].isin(types)
        if excluded is not None:  # an unknown type is no evidence of a non-GEMM op
            match &= (ops["op_type"] != "") & ~ops["op_type"].isin(excluded)
        if pattern is not None:
            match &= ops["name"].str.fullmatch(pattern)
        conditions.append(match.to_numpy())
    names = [r[0] for r in RULES]
    # np.select takes the first true condition: list the rules last first.
    rule = np.select(conditions[::-1], names[::-1], default="")
    return pd.Series(rule, index=ops.index).replace("", np.nan)


def build_profiles(ops, metrics):
    parts = ops["name"].str.rpartition(".")
    fused = parts[2].map(FUSED)
    key = (parts[0] + "." + fused).where(fused.notna(), "\0" + ops["name"])
    ops["unit"] = pd.factorize(key)[0]  # numbered in order of their first member
    ops["rule"] = keep_rules(ops)

    # A kept member keeps its fused partners.
    kept = ops["rule"].notna()
    unit_kept = kept.groupby(ops["unit"]).transform("any")
    leader = ops["name"].where(kept).groupby(ops["unit"]).transform("first")
    ops["reason"] = np.where(kept, "rule:" + ops["rule"].fillna(""),
                             np.where(unit_kept, "fused:" + leader.fillna(""), "cut"))
    eligible = ops[~unit_kept]

    # Per metric, each eligible unit scores as its most sensitive member; normalized ranks in (0, 1].
    ranks = {}
    for metric_id, scores in metrics:
        unit_value = eligible["name"].map(scores).groupby(eligible["unit"]).max()
        ranks[metric_id] = unit_value.rank(method="average") / unit_value.count()
    ranks = pd.DataFrame(ranks)
    units = pd.DataFrame({
        "score": ranks.sum(axis=1) / ranks.count(axis=1),  # mean-rank over the metrics that have a value
        "params": eligible.groupby("unit")["params"].sum(),
        "size": eligible.groupby("unit").size(),
    })

    # Units no metric measured are kept: no evidence they are safe.
    ops.loc[ops["unit"].isin(units.index[units["score"].isna()]), "reason"] = "unranked"

    # Least sensitive first; ties: more parameters first, then model order.
    order = (units.dropna(subset=["score"]).rename_axis("unit").reset_index()
             .sort_values(["score", "params", "unit"], ascending=[True, False, True], kind="mergesort"))
    cum_ops = np.concatenate([[0], order["size"].cumsum().to_numpy()])
    position = pd.Series(np.arange(len(order)), index=order["unit"].to_numpy())
    ops["position"] = ops["unit"].map(position).where(ops["reason"] == "cut")

    profiles, previous = [], 0
    by_name = ops.sort_values("name")
    for name, label, cut in PROFILES:
        k = int(np.searchsorted(cum_ops, cut * cum_ops[-1] + 1e-9, side="right")) - 1
        k = max(previous, min(max(k, 0), len(order)))  # nested: never fewer units than the one before
        previous = k
        quantized = by_name["position"] < k
        q = by_name[quantized]
        keep = by_name.loc[~quantized, ["name", "reason"]].rename(columns={"name": "op"})
        profiles.append({
            "name": name, "label": label, "cut": cut,
            "stats": {"ops_quantized": len(q), "ops_total": len(ops),
                      "params_quantized": int(q["params"].sum()), "params_total": int(ops["params"].sum())},
            "quantize": q["name"].tolist(),
            "keep": keep.to_dict("records"),
        })
    return profiles


def check_against(profiles, path):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as f:
        theirs = {p["name"]: p for p in yaml.load(f, Loader=loader)["profiles"]}
    problems = []
    for p in profiles:
        other = theirs.get(p["name"])
        if other is None:
            problems.append(f"profile {p['name']}: not in {path}")
            continue
        ours_q, their_q = p["quantize"], other.get("quantize") or []
        if set(ours_q) != set(their_q):
            problems.append(f"profile {p['name']}: quantize sets differ "
                            f"({len(set(ours_q) - set(their_q))} only here, {len(set(their_q) - set(ours_q))} "
                            f"only in {path})")
        elif sorted(ours_q) != sorted(their_q) or len(ours_q) != len(their_q):
            problems.append(f"profile {p['name']}: quantize lists differ as sorted lists")
        ours_k = {e["op"] for e in p["keep"]}
        their_k = {e["op"] for e in other.get("keep") or []}
        if ours_k != their_k:
            problems.append(f"profile {p['name']}: keep sets differ "
                            f"({len(ours_k - their_k)} only here, {len(their_k - ours_k)} only in {path})")
    if len(theirs) != len(profiles):
        problems.append(f"{len(profiles)} profiles here, {len(theirs)} in {path}")
    if problems:
        sys.exit("\n".join(problems))
    print(f"same lists: {len(profiles)} profiles")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inventory", required=True)
    parser.add_argument("--metric", action="append", required=True, metavar="ID=FILE")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--check-against", metavar="CLI_YAML")
    args = parser.parse_args()

    ops = read_inventory(args.inventory)
    metrics = [read_scores(spec) for spec in args.metric]
    profiles = build_profiles(ops, metrics)
    with open(args.output, "w", encoding="utf-8") as f:
        yaml.dump({"profiles": profiles}, f, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                  sort_keys=False, width=1000)
    if args.check_against:
        check_against(profiles, args.check_against)


if __name__ == "__main__":
    main()
