#!/usr/bin/env python3
"""Applies QuantCut's llm-compressor recipes with the real llm-compressor / compressed-tensors.

usage: apply_llmcompressor.py PROFILES_YAML EXPORT_DIR [PROFILE,...]
EXPORT_DIR/<profile>.llmcompressor.yaml is parsed by llm-compressor's own Recipe loader; its
QuantizationModifier resolves the config (targets, ignore, config_groups) and compressed-tensors'
apply_quantization_config attaches schemes to the matching modules: exactly what the modifier does when
oneshot initializes it. A module counts as quantized when it carries a quantization_scheme with int8 weights.
Then oneshot() runs the whole recipe (SmoothQuant + quantization, calibration on random token ids) on a
fresh model, and once more the recipe exported with --no-smoothquant; the same comparison is made on each.
oneshot runs with pipeline="sequential": on CPU the "basic" and "datafree" pipelines stop in
compressed-tensors' dispatch_model with "MemoryError: Did not find any devices to dispatch model to"
(it counts CUDA devices only).
"""
import sys
import warnings

import compressed_tensors
import llmcompressor
import torch
from compressed_tensors.quantization import apply_quantization_config
from llmcompressor.recipe import Recipe

import tiny_models
from common import Checks, apply_arguments, save_applied, set_diff


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


def apply_config(path, run):
    model = run.build()
    config = quantization_modifier(path).resolve_quantization_config()
    apply_quantization_config(model, config)
    return model


def tokenizer():
    """A word-level tokenizer over the tiny vocabulary, built in memory (no hub): oneshot wants a processor."""
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from transformers import PreTrainedTokenizerFast
    vocab = {f"t{i}": i for i in range(tiny_models.VOCAB)}
    return PreTrainedTokenizerFast(tokenizer_object=Tokenizer(WordLevel(vocab, unk_token="t0")),
                                   unk_token="t0", pad_token="t1")


def run_oneshot(path, run):
    from datasets import Dataset
    from llmcompressor import oneshot
    batches = tiny_models.calibration_batches(4)
    ds = Dataset.from_dict({"input_ids": [b[0].tolist() for b in batches],
                            "attention_mask": [[1] * b.shape[1] for b in batches]})
    model = run.build()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        oneshot(model=model, dataset=ds, recipe=path, processor=tokenizer(), num_calibration_samples=len(batches),
                max_seq_length=16, pipeline="sequential")
    return model


def main():
    run = apply_arguments(sys.argv)
    wanted = run.wanted
    versions = f"llmcompressor={llmcompressor.__version__} compressed-tensors={compressed_tensors.__version__}"
    checks = Checks("llmcompressor")
    torch.manual_seed(tiny_models.SEED)
    for p in run.names:
        for how, fn, recipe in (("apply", apply_config, "llmcompressor"), ("oneshot", run_oneshot, "llmcompressor"),
                                ("oneshot-nosq", run_oneshot, "llmcompressor-nosq")):
            path = f"{run.export_dir}/{p}.{recipe}.yaml"
            what = f"{how} profile={p} {run.where} {versions}"
            try:
                got = quantized_modules(fn(path, run))
                save_applied(path, "llmcompressor", f"{how} llmcompressor={llmcompressor.__version__}", got,
                             run.ops)
                checks.record(what, set_diff(wanted[p], got, "profile", "llm-compressor"), f"{len(got)} modules INT8")
            except Exception as e:  # noqa: BLE001 - the exact error is the finding
                checks.error(what, e)
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
