#!/usr/bin/env python3
"""Builds the tiny models and saves each as a single-file and a sharded safetensors checkpoint.

usage: build_models.py OUT_DIR
Writes OUT_DIR/<kind>-<naming>/{single,sharded}/ (save_pretrained) and OUT_DIR/<kind>-<naming>/modules.json:
the model's own truth, from named_modules(): every leaf module with parameters, its class, its own
parameter count, and the names its tensors have in the saved checkpoint (transformers >= 4.52 saves the
pre-rename names of some models); and OUT_DIR/<kind>-<naming>/runtime_ops.csv, the same modules as an
ops-CSV inventory under their runtime (named_modules) names.
"""
import json
import pathlib
import sys

import torch
import transformers
from safetensors import safe_open

import tiny_models

SHARD = "300KB"


def checkpoint_tensors(directory):
    tensors = {}
    for f in sorted(directory.glob("*.safetensors")):
        with safe_open(str(f), "pt") as st:
            tensors.update({k: st.get_tensor(k) for k in st.keys()})
    return tensors


def saved_name_of(model, saved):
    """Runtime parameter name -> the name it was saved under, found by its (unique) values."""
    by_bytes = {}
    for key, t in saved.items():
        by_bytes.setdefault((tuple(t.shape), t.numpy().tobytes()), []).append(key)
    out = {}
    for name, p in model.named_parameters(remove_duplicate=False):
        keys = by_bytes.get((tuple(p.shape), p.detach().numpy().tobytes()), [])
        assert len(keys) == 1, f"{name}: {len(keys)} saved tensors with its values"
        out[name] = keys[0]
    return out


def leaf_modules(model, saved_names):
    rows = []
    for name, module in model.named_modules():
        own = list(module.named_parameters(recurse=False))
        if not name or not own:
            continue
        rows.append({"name": name, "type": type(module).__name__,
                     "params": sum(p.numel() for _, p in own),
                     "saved_as": sorted({saved_names[f"{name}.{p}"].rsplit(".", 1)[0] for p, _ in own})})
    return rows


def op_type(cls):
    """torch's class name in QuantCut's vocabulary (every *RMSNorm class is RMSNorm)."""
    return "RMSNorm" if cls.endswith("RMSNorm") else cls


def save(model, out):
    model.save_pretrained(out / "single", safe_serialization=True, max_shard_size="10GB")
    model.save_pretrained(out / "sharded", safe_serialization=True, max_shard_size=SHARD)
    assert (out / "sharded" / "model.safetensors.index.json").exists(), "sharding did not happen"
    assert (out / "single" / "model.safetensors").exists()


def main():
    root = pathlib.Path(sys.argv[1])
    for kind in tiny_models.MODELS:
        if not tiny_models.available(kind):
            print(f"model {kind}: not in transformers {transformers.__version__}, skipped")
            continue
        model = tiny_models.build(kind)
        naming = tiny_models.naming(model)
        out = root / f"{kind}-{naming}"
        save(model, out)
        saved = checkpoint_tensors(out / "single")
        names = saved_name_of(model, saved)
        doc = {"kind": kind, "class": type(model).__name__, "naming": naming,
               "transformers": transformers.__version__, "torch": torch.__version__, "seed": tiny_models.SEED,
               "checkpoint_tensors": sorted(saved), "modules": leaf_modules(model, names)}
        (out / "modules.json").write_text(json.dumps(doc, indent=1) + "\n")
        (out / "runtime_ops.csv").write_text("name,op_type,params\n" + "".join(
            f"{m['name']},{op_type(m['type'])},{m['params']}\n" for m in doc["modules"]))
        print(f"model {kind} naming={naming}: {len(doc['modules'])} modules with parameters, "
              f"{len(saved)} tensors -> {out}")


if __name__ == "__main__":
    main()
