#!/usr/bin/env python3
"""Real INC 2.x MSE_V2 and HAWQ_V2 tuning runs on the tiny model (CPU, PyTorch FX), logs captured at DEBUG.

usage: produce_inc2.py OUT_DIR
Writes
  OUT_DIR/inc_mse_v2.log     INC's own log of strategy="mse_v2" (LOGLEVEL=DEBUG) on the language model
  OUT_DIR/inc_mse_v2.json    the user's dump shape {meta, fp32_fallback_sensitivity: [{op_name, op_type, mse}],
                             int8_requant_sensitivity: [...]}, recorded by wrapping INC's
                             get_mse_order_per_fp32 / get_mse_order_per_int8 (the first call of each: the
                             ranking of the all-INT8 state, in INC's order, lowest MSE first)
  OUT_DIR/inc_hawq_v2.log    INC's own log of strategy="hawq_v2" on the FX-traceable MLP path of the LM
"""
import builtins
import json
import logging
import os
import pathlib
import sys

os.environ.setdefault("LOGLEVEL", "DEBUG")  # read by neural_compressor.utils.logger at import

import torch  # noqa: E402
from neural_compressor import quantization  # noqa: E402
from neural_compressor.adaptor.torch_utils import util as inc_util  # noqa: E402
from neural_compressor.config import AccuracyCriterion, PostTrainingQuantConfig, TuningCriterion  # noqa: E402

import inc2_common  # noqa: E402
import tiny_models  # noqa: E402

MAX_TRIALS = 8


class Recorder:
    """Wraps INC's two scoring functions; INC's code runs unchanged. The MSE values INC sorts by are read
    through the key function of INC's own sorted() call (the first one in each function is over all ops)."""

    def __init__(self):
        self.calls = {"get_mse_order_per_fp32": [], "get_mse_order_per_int8": []}

    def install(self):
        for name in self.calls:
            setattr(inc_util, name, self._wrap(name, getattr(inc_util, name)))

    def _wrap(self, name, original):
        def wrapper(*args, **kwargs):
            seen = []

            def recording_sorted(iterable, key=None, reverse=False):
                items = list(iterable)
                if key is not None:
                    seen.append([(op, float(key(op))) for op in items])
                return builtins.sorted(items, key=key, reverse=reverse)
            inc_util.sorted = recording_sorted
            try:
                result = original(*args, **kwargs)
            finally:
                del inc_util.sorted
            if seen:
                self.calls[name].append(builtins.sorted(seen[0], key=lambda kv: kv[1]))
            return result
        return wrapper

    def dump(self):
        def rows(name):
            first = self.calls[name][0] if self.calls[name] else []
            return [{"op_name": op[0], "op_type": op[1], "mse": mse} for op, mse in first]
        return {"meta": {"backend": "pytorch_fx", "device": "cpu", "strategy": "mse_v2", "confidence_batches": 1,
                         "calib_samples": len(tiny_models.calibration_batches()), "calib_batch_size": 1,
                         "max_seq_len": 16, "model": "tiny Qwen2_5_VLForConditionalGeneration, language model",
                         "scoring_calls": {k: len(v) for k, v in self.calls.items()}},
                "fp32_fallback_sensitivity": rows("get_mse_order_per_fp32"),
                "int8_requant_sensitivity": rows("get_mse_order_per_int8")}


def capture_log(path):
    """INC's logger writes to stderr through its own handler; add one that writes the same lines to a file."""
    logger = logging.getLogger("neural_compressor")
    handler = logging.FileHandler(path, mode="w")
    handler.setFormatter(logging.Formatter("%(asctime)s [%(levelname)s] %(message)s", "%Y-%m-%d %H:%M:%S"))
    handler.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    return lambda: (logger.removeHandler(handler), handler.close())


def tune(model, strategy, loader, evaluate, log_path, **kwargs):
    conf = PostTrainingQuantConfig(
        approach="static", backend="default", quant_level=1, excluded_precisions=["bf16", "fp16"],
        tuning_criterion=TuningCriterion(strategy=strategy, max_trials=MAX_TRIALS, **kwargs),
        accuracy_criterion=AccuracyCriterion(criterion="relative", tolerable_loss=0.01))
    close = capture_log(log_path)
    try:
        return quantization.fit(model, conf, calib_dataloader=loader, eval_func=evaluate)
    finally:
        close()


def hawq_v2_loss(output, target):
    """The documented user loss (module level: INC deep-copies its config). INC 2.x ignores it and uses
    CrossEntropyLoss (hawq_metric.py builds HessianTrace without the criterion)."""
    return torch.nn.functional.cross_entropy(output, target)


def run_mse_v2(out):
    vlm = tiny_models.build("qwen2_5_vl")
    lm = inc2_common.CausalLM(vlm).eval()
    batches = tiny_models.calibration_batches()
    recorder = Recorder()
    recorder.install()
    tune(lm, "mse_v2", inc2_common.Loader(batches), inc2_common.make_tuning_eval(), out / "inc_mse_v2.log",
         strategy_kwargs={"confidence_batches": 1})
    dump = recorder.dump()
    (out / "inc_mse_v2.json").write_text(json.dumps(dump, indent=1) + "\n")
    print(f"producer inc2 mse_v2: {len(dump['fp32_fallback_sensitivity'])} ops scored, "
          f"calls {dump['meta']['scoring_calls']}")


def run_hawq_v2(out):
    vlm = tiny_models.build("qwen2_5_vl")
    path = inc2_common.MlpPath(vlm).eval()
    ids = tiny_models.calibration_batches()
    loader = inc2_common.Loader([path.embeddings(b) for b in ids], inc2_common.next_token_labels(ids))
    tune(path, "hawq_v2", loader, inc2_common.make_tuning_eval(), out / "inc_hawq_v2.log",
         strategy_kwargs={"hawq_v2_loss": hawq_v2_loss})
    traces = sum(1 for line in open(out / "inc_hawq_v2.log") if "hessian trace :" in line)
    if not traces:
        sys.exit(f"producer inc2 hawq_v2: no hessian trace in {out / 'inc_hawq_v2.log'}")
    print(f"producer inc2 hawq_v2: {traces} hessian trace lines")


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(tiny_models.SEED)
    which = sys.argv[2:] or ["mse_v2", "hawq_v2"]
    if "mse_v2" in which:
        run_mse_v2(out)
    if "hawq_v2" in which:
        run_hawq_v2(out)


if __name__ == "__main__":
    main()
