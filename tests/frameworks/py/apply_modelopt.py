#!/usr/bin/env python3
"""Applies QuantCut's ModelOpt exports with the real mtq.quantize and compares the quantized module set.

usage: apply_modelopt.py PROFILES_YAML EXPORT_DIR FORMAT [PROFILE...]
FORMAT: modelopt (ordered-list quant_cfg) or modelopt-legacy (dict). EXPORT_DIR/<profile>.<format>.json are
QuantCut's exports. A module counts as quantized when ModelOpt left both its weight_quantizer and its
input_quantizer enabled after mtq.quantize (max calibration on random token batches).
"""
import json
import sys
import warnings

import modelopt
import modelopt.torch.quantization as mtq
import torch

import tiny_models
from common import Checks, apply_arguments, save_applied, set_diff


def quant_config(path):
    cfg = json.load(open(path))
    return {k: v for k, v in cfg.items() if k in ("quant_cfg", "algorithm")}


def quantized_modules(model):
    out = set()
    for name, module in model.named_modules():
        wq, iq = getattr(module, "weight_quantizer", None), getattr(module, "input_quantizer", None)
        if wq is not None and iq is not None and wq.is_enabled and iq.is_enabled:
            out.add(name)
    return out


def apply(path, run):
    model = run.build()
    batches = tiny_models.calibration_batches(2)

    def forward_loop(m):
        with torch.no_grad():
            for b in batches:
                m(input_ids=b)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = mtq.quantize(model, quant_config(path), forward_loop)
    return model


def main():
    run = apply_arguments(sys.argv, extras=1)
    (fmt,), wanted = run.extra, run.wanted
    checks = Checks(fmt)
    for p in run.names:
        what = f"apply profile={p} {run.where} modelopt={modelopt.__version__}"
        try:
            path = f"{run.export_dir}/{p}.{fmt}.json"
            got = quantized_modules(apply(path, run))
            save_applied(path, fmt, f"modelopt={modelopt.__version__}", got, run.ops)
            checks.record(what, set_diff(wanted[p], got, "profile", "modelopt"), f"{len(got)} modules INT8")
        except Exception as e:  # noqa: BLE001 - the exact error is the finding
            checks.error(what, e)
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
