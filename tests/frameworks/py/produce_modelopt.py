#!/usr/bin/env python3
"""A real ModelOpt AutoQuantize run on the tiny VLM (CPU), written as a report and a manifest.

usage: produce_modelopt.py OUT_DIR [EFFECTIVE_BITS]
Runs mtq.auto_quantize(method="gradient") with INT8_DEFAULT_CFG on text-only calibration batches and writes,
from ModelOpt's own search state (shapes of ../shared/reference/autoquant-runs.md):
  OUT_DIR/autoquant.manifest.json   scheme, model, num_quantized_layers, layers, layer_sensitivity
                                    ({<module>.quant_recipe: formats, scores, costs, importance, rank}),
                                    sensitivity_ranking, autoquant_state
  OUT_DIR/autoquant.json            the per-layer report: layer_sensitivity [{layer, num_bits, sensitivity,
                                    size_cost}], sorted by sensitivity descending
  OUT_DIR/autoquant.search.json     the raw candidate_stats / best of the search state, for the record
"""
import json
import pathlib
import re
import sys

import modelopt
import modelopt.torch.quantization as mtq
import torch

import tiny_models

FORMAT_NAME = "INT8_DEFAULT_CFG"


def label(fmt, bits):
    return f"{fmt}(effective-bits: {bits})"


def plain(x):
    if isinstance(x, torch.Tensor):
        return x.item() if x.numel() == 1 else x.tolist()
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, (int, float, str, bool)) or x is None:
        return x
    return str(x)


def format_labels(stats):
    """ModelOpt's formats are QuantRecipe objects; str() gives e.g. 'INT8_DEFAULT_CFG(effective-bits: 8.0)'."""
    out = []
    for f in stats["formats"]:
        s = str(f)
        m = re.search(r"effective-bits: ([0-9.]+)", s)
        bits = float(m.group(1)) if m else None
        out.append(label("NONE" if s.startswith("NONE") or "None" in s.split("(")[0] else FORMAT_NAME, bits)
                   if bits is not None else s)
    return out


def manifest(model, state, bits):
    stats = state["candidate_stats"]
    sens = {}
    for name, st in stats.items():
        scores = [float(v) for v in st["scores"]]
        sens[name] = {"formats": format_labels(st), "scores": scores, "costs": [float(c) for c in st["costs"]],
                      "importance": max(scores)}
    ranking = sorted(sens, key=lambda n: sens[n]["importance"])
    for rank, name in enumerate(ranking, 1):
        sens[name]["rank"] = rank
    layers = {n: {"quantized": True, "module_type": type(m).__name__} for n, m in model.named_modules()
              if hasattr(m, "weight_quantizer")}
    best = state["best"]
    return {"scheme": {"name": "int8_autoquant_tiny", "auto_quantize_bits": bits, "auto_quantize_method": "gradient",
                       "auto_quantize_score_size": len(tiny_models.calibration_batches()), "coverage_mode": "full",
                       "coverage_fraction": 1.0, "quant_formats": [FORMAT_NAME]},
            "model": {"id": "tiny-" + type(model).__name__, "modelopt": modelopt.__version__},
            "num_quantized_layers": len(layers), "layers": layers, "layer_sensitivity": sens,
            "sensitivity_ranking": [{"name": n, "importance": sens[n]["importance"]} for n in ranking],
            "autoquant_state": {"keys": sorted(state), "constraints": plain(best["constraints"]),
                                "score": float(best["score"]), "is_satisfied": bool(best["is_satisfied"])}}


def report(man):
    rows = []
    for name, s in man["layer_sensitivity"].items():
        cands = [i for i, f in enumerate(s["formats"]) if not f.startswith("NONE")] or [0]
        i = cands[0]
        bits = float(re.search(r"effective-bits: ([0-9.]+)", s["formats"][i]).group(1))
        rows.append({"layer": name.removesuffix(".quant_recipe"), "num_bits": bits,
                     "sensitivity": s["scores"][i], "size_cost": s["costs"][i]})
    rows.sort(key=lambda r: -r["sensitivity"])
    return {"scheme": man["scheme"], "model": man["model"],
            "dataset": {"name": "random-token-ids", "size": len(tiny_models.calibration_batches()),
                        "seq_len": 16, "batch_size": 1},
            "autoquant_state": man["autoquant_state"], "layer_sensitivity": rows}


def main():
    out = pathlib.Path(sys.argv[1])
    bits = float(sys.argv[2]) if len(sys.argv) > 2 else 11.0
    out.mkdir(parents=True, exist_ok=True)
    model = tiny_models.build("qwen2_5_vl")
    batches = tiny_models.calibration_batches()
    model, state = mtq.auto_quantize(
        model, constraints={"effective_bits": bits}, quantization_formats=[mtq.INT8_DEFAULT_CFG],
        data_loader=batches, forward_step=lambda m, b: m(input_ids=b, labels=b),
        loss_func=lambda output, b: output.loss, num_calib_steps=len(batches), num_score_steps=len(batches),
        verbose=False)
    man = manifest(model, state, bits)
    (out / "autoquant.manifest.json").write_text(json.dumps(man, indent=1) + "\n")
    (out / "autoquant.json").write_text(json.dumps(report(man), indent=1) + "\n")
    (out / "autoquant.search.json").write_text(json.dumps(
        {"candidate_stats": plain(state["candidate_stats"]), "best": plain(state["best"])}, indent=1) + "\n")
    print(f"producer modelopt autoquant naming={tiny_models.naming(model)}: {len(man['layer_sensitivity'])} "
          f"recipe groups, effective bits {man['autoquant_state']['constraints']}, "
          f"score {man['autoquant_state']['score']:.6g}")


if __name__ == "__main__":
    main()
