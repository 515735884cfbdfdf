#!/usr/bin/env python3
"""Applies QuantCut's INC 2.x exports with the real quantization.fit (PyTorch FX) on the language model.

usage: apply_inc2.py PROFILES_YAML EXPORT_DIR [PROFILE,...]
EXPORT_DIR/<profile>.inc2.json's op_name_dict and excluded_precisions go into PostTrainingQuantConfig;
quantization.fit runs once (no eval_func: no tuning) on inc2_common.CausalLM. A module counts as quantized
when INC's resulting tune_cfg gives it int8 weights and int8/uint8 activations (INC's QuantWrapper suffix
".module" is removed). INC 2.x FX is given the language model only, so the comparison is over the
language-model ops INC considers quantizable; the profile's other ops are listed, not compared.
"""
import json
import sys

import neural_compressor
from neural_compressor import quantization
from neural_compressor.config import PostTrainingQuantConfig

import inc2_common
import tiny_models
from common import Checks, apply_arguments, save_applied, set_diff

INT8 = ("int8", "uint8")


def strip_wrapper(name):
    return name[: -len(".module")] if name.endswith(".module") else name


def fit(path, run):
    cfg = json.load(open(path))
    lm = inc2_common.CausalLM(run.build()).eval()
    conf = PostTrainingQuantConfig(approach="static", backend="default", op_name_dict=cfg["op_name_dict"],
                                   excluded_precisions=cfg["excluded_precisions"])
    q = quantization.fit(lm, conf, calib_dataloader=inc2_common.Loader(tiny_models.calibration_batches(2)))
    return q.q_config["op"]


def sets(op_cfg):
    considered, int8 = set(), set()
    for (name, _type), c in op_cfg.items():
        name = strip_wrapper(name)
        considered.add(name)
        if c["weight"]["dtype"] in INT8 and c["activation"]["dtype"] in INT8:
            int8.add(name)
    return considered, int8


def in_lm(name):
    return not any(part in ("visual", "vision") for part in name.split("."))


def main():
    run = apply_arguments(sys.argv)
    wanted = run.wanted
    checks = Checks("inc2")
    for p in run.names:
        what = f"apply profile={p} {run.where} neural-compressor={neural_compressor.__version__} scope=language-model"
        try:
            path = f"{run.export_dir}/{p}.inc2.json"
            considered, got = sets(fit(path, run))
            save_applied(path, "inc2", f"neural-compressor={neural_compressor.__version__}", got, run.ops,
                         considered)
            expected = wanted[p] & considered
            outside = sorted(wanted[p] - considered)
            problems = set_diff(expected, got, "profile", "inc2")
            problems += [f"  profile op in the LM that INC does not treat: {n}" for n in outside if in_lm(n)]
            checks.record(what, problems,
                          f"{len(got)} of {len(considered)} INC ops INT8; {len(outside)} profile ops outside the LM")
        except Exception as e:  # noqa: BLE001 - the exact error is the finding
            checks.error(what, e)
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
