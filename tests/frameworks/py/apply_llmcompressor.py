#!/usr/bin/env python3
"""Applies QuantCut's llm-compressor recipes with the real llm-compressor / compressed-tensors.

usage: apply_llmcompressor.py PROFILES_YAML EXPORT_DIR [PROFILE,...]
EXPORT_DIR/<profile>.llmcompressor.yaml is parsed by llm-compressor's own Recipe loader; its
QuantizationModifier resolves the config (targets, ignore, config_groups) and compressed-tensors'
apply_quantization_config attaches schemes to the matching modules: exactly what the modifier does when
oneshot initializes it. A module counts as quantized when it carries a quantization_scheme with int8 weights.
Then oneshot() runs the whole recipe (SmoothQuant + quantization, calibration on random token ids) on a
fresh model and the same comparison is made on its result.
"""
import sys
import warnings

import compressed_tensors
import llmcompressor
import torch
from compressed_tensors.quantization import apply_quantization_config
from llmcompressor.recipe import Recipe

import tiny_models
from common import Checks, profile_sets, set_diff


def quantization_modifier(path):
    recipe = Recipe.create_instance(path)
    mods = [m for m in recipe.modifiers if type(m).__name__ in ("QuantizationModifier", "GPTQModifier")]
    assert len(mods) == 1, f"expected one quantization modifier, got {[type(m).__name__ for m in recipe.modifiers]}"
    return mods[0]


def quantized_modules(model):
    out = set()
    for name, module in model.named_modules():
        scheme = getattr(module, "quantization_scheme", None)
        if scheme is not None and scheme.weights is not None and scheme.weights.num_bits == 8:
            out.add(name)
    return out


def apply_config(path):
    model = tiny_models.build("qwen2_5_vl")
    config = quantization_modifier(path).resolve_quantization_config()
    apply_quantization_config(model, config)
    return model


def run_oneshot(path):
    from datasets import Dataset
    from llmcompressor import oneshot
    batches = tiny_models.calibration_batches(4)
    ds = Dataset.from_dict({"input_ids": [b[0].tolist() for b in batches],
                            "attention_mask": [[1] * b.shape[1] for b in batches]})
    model = tiny_models.build("qwen2_5_vl")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        oneshot(model=model, dataset=ds, recipe=path, num_calibration_samples=len(batches), max_seq_length=16,
                pipeline="basic")
    return model


def main():
    profiles_path, export_dir = sys.argv[1:3]
    wanted = profile_sets(profiles_path)
    names = sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[3] else sorted(wanted)
    naming = tiny_models.naming(tiny_models.build("qwen2_5_vl"))
    versions = f"llmcompressor={llmcompressor.__version__} compressed-tensors={compressed_tensors.__version__}"
    checks = Checks("llmcompressor")
    torch.manual_seed(tiny_models.SEED)
    for p in names:
        path = f"{export_dir}/{p}.llmcompressor.yaml"
        for how, fn in (("apply", apply_config), ("oneshot", run_oneshot)):
            what = f"{how} profile={p} naming={naming} {versions}"
            try:
                got = quantized_modules(fn(path))
                checks.record(what, set_diff(wanted[p], got, "profile", "llm-compressor"), f"{len(got)} modules INT8")
            except Exception as e:  # noqa: BLE001 - the exact error is the finding
                checks.error(what, e)
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
