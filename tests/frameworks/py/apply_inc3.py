#!/usr/bin/env python3
"""Applies QuantCut's INC 3.x exports with the real neural_compressor.torch.quantization (PT2E, CPU).

usage: apply_inc3.py PROFILES_YAML EXPORT_DIR [PROFILE,...]
EXPORT_DIR/<profile>.inc3.json (smooth_quant, QuantCut's default) and <profile>.inc3-nosq.json (static_quant,
exported with --no-smoothquant) are loaded the documented way (json.load, drop "_quantcut", then
StaticQuantConfig.from_dict of the "static_quant" body: INC's own from_json_file is broken). The language
model (inc2_common.CausalLM, the full model's module names) is exported with INC's export(), then
prepare / calibrate / convert. A module counts as quantized when the converted graph feeds its aten linear
(or conv) a dequantized int8 weight; the module is the innermost entry of the node's nn_module_stack.
"""
import json
import sys

from importlib.metadata import version
import torch
from neural_compressor.torch.export import export
from neural_compressor.torch.quantization import SmoothQuantConfig, StaticQuantConfig, convert, prepare

import inc2_common
import tiny_models
from common import Checks, apply_arguments, save_applied, set_diff

WEIGHTED = ("aten.linear", "aten.conv")


def load_config(path):
    cfg = json.load(open(path))
    cfg.pop("_quantcut", None)
    (kind, body), = cfg.items()
    return {"static_quant": StaticQuantConfig, "smooth_quant": SmoothQuantConfig}[kind].from_dict(body)


def module_of(node):
    stack = node.meta.get("nn_module_stack") or {}
    return list(stack.values())[-1][0] if stack else None


def is_dequantized_int8(node):
    return isinstance(node, torch.fx.Node) and "dequantize" in str(node.target)


def quantized_modules(graph_module):
    considered, int8 = set(), set()
    for node in graph_module.graph.nodes:
        if node.op == "call_function" and str(node.target).startswith(WEIGHTED):
            name = module_of(node)
            if name is None:
                continue
            considered.add(name)
            if is_dequantized_int8(node.args[1]):
                int8.add(name)
    return considered, int8


def quantize(path, run):
    lm = inc2_common.CausalLM(run.build()).eval()
    batches = tiny_models.calibration_batches(2)
    exported = export(lm, example_inputs=(batches[0],))
    if exported is None:
        raise RuntimeError("INC's export() returned None (its log has the torch.export error)")
    prepared = prepare(exported, load_config(path))
    with torch.no_grad():
        for b in batches:
            prepared(b)
    return convert(prepared)


def main():
    run = apply_arguments(sys.argv)
    wanted = run.wanted
    checks = Checks("inc3")
    for p, fmt in [(p, f) for p in run.names for f in ("inc3", "inc3-nosq")]:
        what = (f"apply {fmt} profile={p} {run.where} neural-compressor-pt={version('neural-compressor-pt')} "
                f"torch={torch.__version__} scope=language-model")
        try:
            path = f"{run.export_dir}/{p}.{fmt}.json"
            considered, got = quantized_modules(quantize(path, run))
            save_applied(path, "inc3", f"neural-compressor-pt={version('neural-compressor-pt')}", got, run.ops,
                         considered)
            expected = wanted[p] & considered
            problems = set_diff(expected, got, "profile", "inc3")
            problems += [f"  profile op in the LM without a weighted aten op: {n}"
                         for n in sorted(wanted[p] - considered) if "visual" not in n.split(".")]
            checks.record(what, problems, f"{len(got)} of {len(considered)} weighted ops INT8")
        except Exception as e:  # noqa: BLE001 - the exact error is the finding
            checks.error(what, e)
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
