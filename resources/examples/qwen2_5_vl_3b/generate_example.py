#!/usr/bin/env python3
"""Generate the bundled Qwen2.5-VL-3B-Instruct example for QuantCut.

ILLUSTRATIVE, SYNTHETIC DATA. The sensitivity values in the two logs were NOT measured on any model:
they are drawn from a hand-designed structure plus seeded noise, so that the example exercises every
feature of the importers and the profile builder (INC line formats, the `.module` suffix, two metrics
that mostly agree and sometimes do not). Do not use them to decide how to quantize the real model.

What is real: `ops.csv`, the op inventory. It is derived here from the architecture values of the
published `config.json` (vision depth 32, hidden 1280, MLP 3420; text 36 layers, hidden 2048, MLP 11008,
2 KV heads x head_dim 128, vocab 151936; merger 5120 -> 5120 -> 2048) with the module names of
transformers >= 4.52 (`model.visual.*`, `model.language_model.*`, `lm_head`) in `named_modules()` order.

Outputs (next to this script, or into the directory given as the only argument):
  ops.csv                 555 rows: name,op_type,layer_index,component,in_features,out_features,params
  inc_mse_v2_debug.log    an INC 2.x MSE_V2 tuning log at LOGLEVEL=DEBUG (416 Linear + Conv3d ops scored)
  inc_hawq_v2.log         an INC 2.x HAWQ_V2 log (416 Hessian traces)

Deterministic: standard library only, one `random.Random(20261127)`, fixed timestamps, LF line endings
for the logs and CRLF for the CSV (as the csv module writes it). Running it twice gives identical bytes.

    python3 generate_example.py            # rewrite the files in this folder
    python3 generate_example.py --check    # exit 1 if the files here differ from a fresh generation
"""

import datetime
import io
import math
import os
import random
import sys

SEED = 20261127
TRACE_NOISE = 0.4  # lognormal sigma of the HAWQ traces around the MSE_V2 structure: Spearman ~0.7

# --- architecture (Qwen/Qwen2.5-VL-3B-Instruct config.json) -------------------------------------------
VISION_DEPTH = 32
VISION_HIDDEN = 1280
VISION_MLP = 3420
IN_CHANS, TEMPORAL_PATCH, PATCH = 3, 2, 14
FULLATT_BLOCKS = (7, 15, 23, 31)
SPATIAL_MERGE = 2
TEXT_LAYERS = 36
TEXT_HIDDEN = 2048
TEXT_MLP = 11008
HEADS, KV_HEADS, HEAD_DIM = 16, 2, 128
VOCAB = 151936
MERGER_HIDDEN = VISION_HIDDEN * SPATIAL_MERGE**2  # 5120


class Op:
    def __init__(self, name, op_type, layer, component, in_f, out_f, params):
        self.name, self.op_type, self.layer, self.component = name, op_type, layer, component
        self.in_f, self.out_f, self.params = in_f, out_f, params


def linear(name, layer, component, in_f, out_f, bias):
    return Op(name, "Linear", layer, component, in_f, out_f, in_f * out_f + (out_f if bias else 0))


def rmsnorm(name, layer, component, width):
    return Op(name, "RMSNorm", layer, component, width, width, width)


def inventory():
    """The leaf modules with parameters, in named_modules() order (see qwen2_5_vl_3b.md section 3)."""
    ops = []
    v = "model.visual."
    kernel = IN_CHANS * TEMPORAL_PATCH * PATCH * PATCH  # 1176: the Conv3d is a Linear over patches
    ops.append(Op(v + "patch_embed.proj", "Conv3d", None, "vision", kernel, VISION_HIDDEN, kernel * VISION_HIDDEN))
    for b in range(VISION_DEPTH):
        p = f"{v}blocks.{b}."
        ops.append(rmsnorm(p + "norm1", b, "vision", VISION_HIDDEN))
        ops.append(rmsnorm(p + "norm2", b, "vision", VISION_HIDDEN))
        ops.append(linear(p + "attn.qkv", b, "vision", VISION_HIDDEN, 3 * VISION_HIDDEN, True))
        ops.append(linear(p + "attn.proj", b, "vision", VISION_HIDDEN, VISION_HIDDEN, True))
        ops.append(linear(p + "mlp.gate_proj", b, "vision", VISION_HIDDEN, VISION_MLP, True))
        ops.append(linear(p + "mlp.up_proj", b, "vision", VISION_HIDDEN, VISION_MLP, True))
        ops.append(linear(p + "mlp.down_proj", b, "vision", VISION_MLP, VISION_HIDDEN, True))
    ops.append(rmsnorm(v + "merger.ln_q", None, "merger", VISION_HIDDEN))
    ops.append(linear(v + "merger.mlp.0", None, "merger", MERGER_HIDDEN, MERGER_HIDDEN, True))
    ops.append(linear(v + "merger.mlp.2", None, "merger", MERGER_HIDDEN, TEXT_HIDDEN, True))
    t = "model.language_model."
    ops.append(Op(t + "embed_tokens", "Embedding", None, "embedding", VOCAB, TEXT_HIDDEN, VOCAB * TEXT_HIDDEN))
    kv = KV_HEADS * HEAD_DIM
    for n in range(TEXT_LAYERS):
        p = f"{t}layers.{n}."
        ops.append(linear(p + "self_attn.q_proj", n, "language", TEXT_HIDDEN, HEADS * HEAD_DIM, True))
        ops.append(linear(p + "self_attn.k_proj", n, "language", TEXT_HIDDEN, kv, True))
        ops.append(linear(p + "self_attn.v_proj", n, "language", TEXT_HIDDEN, kv, True))
        ops.append(linear(p + "self_attn.o_proj", n, "language", HEADS * HEAD_DIM, TEXT_HIDDEN, False))
        ops.append(linear(p + "mlp.gate_proj", n, "language", TEXT_HIDDEN, TEXT_MLP, False))
        ops.append(linear(p + "mlp.up_proj", n, "language", TEXT_HIDDEN, TEXT_MLP, False))
        ops.append(linear(p + "mlp.down_proj", n, "language", TEXT_MLP, TEXT_HIDDEN, False))
        ops.append(rmsnorm(p + "input_layernorm", n, "language", TEXT_HIDDEN))
        ops.append(rmsnorm(p + "post_attention_layernorm", n, "language", TEXT_HIDDEN))
    ops.append(rmsnorm(t + "norm", None, "language", TEXT_HIDDEN))
    # Tied to embed_tokens, but a module of its own in named_modules(), listed at its own shape.
    ops.append(linear("lm_head", None, "head", TEXT_HIDDEN, VOCAB, False))
    return ops


def ops_csv(ops):
    out = io.StringIO()
    out.write("name,op_type,layer_index,component,in_features,out_features,params\r\n")
    for op in ops:
        layer = "" if op.layer is None else str(op.layer)
        out.write(f"{op.name},{op.op_type},{layer},{op.component},{op.in_f},{op.out_f},{op.params}\r\n")
    return out.getvalue()


# --- synthetic sensitivity structure --------------------------------------------------------------------
def short(name):
    """'model.language_model.layers.3.self_attn.o_proj' -> ('text', 3, 'o_proj')."""
    parts = name.split(".")
    if name.startswith("model.language_model.layers."):
        return "text", int(parts[3]), parts[-1]
    if name.startswith("model.visual.blocks."):
        return "vision", int(parts[3]), parts[-1]
    return "other", -1, name


# Hand-placed fractions of the all-INT8 output error that keeping one op in fp32 removes (MSE_V2),
# on top of the per-kind defaults below. The top of the MSE ranking is designed to be, in order:
# text L1 down_proj, lm_head, text L35 down_proj, merger mlp.0, text L0 o_proj, text L34 down_proj, merger mlp.2.
MSE_DESIGNED = {
    "model.language_model.layers.1.mlp.down_proj": 0.36,
    "lm_head": 0.30,
    "model.language_model.layers.35.mlp.down_proj": 0.27,
    "model.visual.merger.mlp.0": 0.21,
    "model.language_model.layers.0.self_attn.o_proj": 0.19,
    "model.language_model.layers.34.mlp.down_proj": 0.17,
    "model.visual.merger.mlp.2": 0.15,
    "model.language_model.layers.2.mlp.down_proj": 0.13,
    "model.language_model.layers.3.self_attn.o_proj": 0.12,
    "model.language_model.layers.33.mlp.down_proj": 0.11,
    "model.language_model.layers.0.mlp.down_proj": 0.10,
    "model.language_model.layers.1.self_attn.o_proj": 0.095,
    "model.language_model.layers.32.self_attn.o_proj": 0.09,
    "model.language_model.layers.2.self_attn.o_proj": 0.08,
    "model.language_model.layers.35.self_attn.o_proj": 0.08,
    "model.language_model.layers.3.mlp.down_proj": 0.07,
    "model.language_model.layers.34.self_attn.o_proj": 0.07,
    "model.language_model.layers.33.self_attn.o_proj": 0.06,
    "model.language_model.layers.32.mlp.down_proj": 0.06,
}

# Planted disagreements: HAWQ ranks these among its most sensitive ops while MSE_V2 ranks them among
# the least (vision MLPs with large weight curvature whose error the merger and text tower wash out),
# and the reverse for one text o_proj (a large output error from a flat loss direction).
HAWQ_HIGH_MSE_LOW = {
    "model.visual.blocks.3.mlp.down_proj": 2,  # intended HAWQ rank
    "model.visual.blocks.19.mlp.gate_proj": 4,
    "model.visual.patch_embed.proj": 9,
}
MSE_HIGH_HAWQ_LOW = ("model.language_model.layers.0.self_attn.o_proj",)


def mse_fraction(name):
    if name in MSE_DESIGNED:
        return MSE_DESIGNED[name]
    if name in HAWQ_HIGH_MSE_LOW:
        return 0.0006
    part, idx, kind = short(name)
    if part == "text":
        base = {"q_proj": 0.004, "k_proj": 0.003, "v_proj": 0.005, "o_proj": 0.009,
                "gate_proj": 0.006, "up_proj": 0.006, "down_proj": 0.014}[kind]
        if idx >= 34:  # next to lm_head, where the error is measured
            base *= 3.0
        elif idx <= 3 or idx >= 30:
            base *= 1.6
        return base
    if part == "vision":
        base = {"qkv": 0.002, "proj": 0.002, "gate_proj": 0.0025, "up_proj": 0.0025, "down_proj": 0.003}[kind]
        if idx in FULLATT_BLOCKS and kind in ("qkv", "proj"):
            base = 0.02 + 0.006 * FULLATT_BLOCKS.index(idx) + (0.01 if kind == "proj" else 0.0)
        return base
    return 0.006  # patch_embed


def lognormal(rng, sigma):
    return math.exp(rng.gauss(0.0, sigma))


def torch_scalar(x):
    """How torch prints a 0-d float tensor in this range: tensor(3912.4473)."""
    return f"tensor({x:.4f})"


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2.0
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = math.sqrt(sum((x - ma) ** 2 for x in ra))
    vb = math.sqrt(sum((y - mb) ** 2 for y in rb))
    return cov / (va * vb)


class Clock:
    def __init__(self, start):
        self.t = start

    def advance(self, seconds):
        self.t += datetime.timedelta(seconds=seconds)

    def line(self, level, message):
        return f"{self.t:%Y-%m-%d %H:%M:%S} [{level}] {message}\n"


def inc_name(op):
    """INC wraps the leaves of untraceable attention modules in QuantWrapper: '<name>.module'."""
    part, _, kind = short(op.name)
    wrapped = (part == "vision" and kind in ("qkv", "proj")) or (
        part == "text" and kind in ("q_proj", "k_proj", "v_proj", "o_proj"))
    return op.name + ".module" if wrapped else op.name


def key(op):
    return f"('{inc_name(op)}', '{op.op_type}')"


def tuning_preamble(c, init_seconds, baseline, tune_seconds, int8_duration):
    """The lines every INC 2.x tuning run starts with: the fp32 baseline and the first (op-type-wise) trial.
    The baseline string doubles as the seconds the baseline took."""
    out = [c.line("INFO", "Start auto tuning."),
           c.line("INFO", "Execute the tuning process due to detect the evaluation function.")]
    c.advance(init_seconds)
    out.append(c.line("INFO", "*** Initialize auto tuning"))
    c.advance(int(float(baseline)))
    out.append(c.line("INFO", f"FP32 baseline is: [Accuracy: 0.7412, Duration (seconds): {baseline}]"))
    c.advance(tune_seconds)
    out.append(c.line("INFO", "Tune 1 result is: [Accuracy (int8|fp32): 0.6897|0.7412, Duration (seconds) "
                              f"(int8|fp32): {int8_duration}|{baseline}], Best tune result is: n/a"))
    return out


def mse_log(rng, scored):
    """A greedy MSE_V2 fallback stage: three re-scored rounds, each fallback cumulative."""
    error0 = 4000.0 * lognormal(rng, 0.02)  # output SSE at the last module with every op INT8
    fraction = {op.name: mse_fraction(op.name) * lognormal(rng, 0.05 if op.name in MSE_DESIGNED else 0.35)
                for op in scored}
    c = Clock(datetime.datetime(2026, 11, 20, 9, 14, 3))
    out = tuning_preamble(c, 41, "1843.2210", 1702, "1609.4127")
    out.append(c.line("INFO", "Early stopping the stage 1."))
    out.append(c.line("INFO", "Fallback all ops that support both dynamic and static to dynamic."))
    c.advance(1655)
    out.append(c.line("INFO", "Tune 2 result is: [Accuracy (int8|fp32): 0.6953|0.7412, Duration (seconds) "
                              "(int8|fp32): 1588.0912|1843.2210], Best tune result is: n/a"))
    out.append(c.line("INFO", "Start to fallback op to fp32."))

    remaining = list(scored)
    fallen = []
    records = []
    error = error0
    picks = []
    for round_no in range(3):
        out.append(c.line("INFO", "Evaluate the sensitivity for each int8 operation"))
        values = {}
        for op in remaining:
            # After a fallback the same op recovers a different share: re-scored state, new noise,
            # and neighbours of a fallen op lose part of their effect (the error they fixed is gone).
            share = fraction[op.name]
            if round_no > 0:
                share *= lognormal(rng, 0.08)
                for f in fallen:
                    fp, fi, fk = short(f.name)
                    p, i, k = short(op.name)
                    if fp == p and abs(fi - i) <= 1 and fk == k:
                        share *= 0.55
            values[op.name] = error0 * share
        seconds = 2.9 * len(remaining) * lognormal(rng, 0.05)
        c.advance(seconds)
        body = ", ".join(f"{key(op)}: {torch_scalar(error - values[op.name])}" for op in remaining)
        out.append(c.line("DEBUG", "fallback order: {" + body + "}"))
        ordered = sorted(remaining, key=lambda op: error - values[op.name])
        out.append(c.line("DEBUG", "Return the sorted ops early."))
        out.append(c.line("DEBUG", f"*** The op sensitivity analysis took {seconds:.2f}s."))
        out.append(c.line("DEBUG", f"*** ops_lst({len(ordered)}): [" + ", ".join(key(op) for op in ordered) + "] "))
        pick = ordered[0]
        picks.append(pick)
        out.append(c.line("INFO", f"*** The op {key(pick)} have the highest sensitivity in the current state, "
                          + " " * 24 + "fallback it to fp32."))
        fallen.append(pick)
        records.append(list(fallen))
        out.append(c.line("DEBUG", "*** The fallback ops record: \n"
                          + "\n".join(",".join(key(op) for op in rec) for rec in records)))
        error -= values[pick.name]
        remaining.remove(pick)
        c.advance(1590 * lognormal(rng, 0.03))
        accuracy = ["0.7064", "0.7251", "0.7368"][round_no]
        duration = ["1562.8841", "1597.3316", "1583.1907"][round_no]
        out.append(c.line("INFO", f"Tune {round_no + 3} result is: [Accuracy (int8|fp32): {accuracy}|0.7412, "
                                  f"Duration (seconds) (int8|fp32): {duration}|1843.2210], "
                                  f"Best tune result is: [Accuracy: {accuracy}, Duration (seconds): {duration}]"))
    out.append(c.line("INFO", "*** The accuracy meeting the accuracy requirements, stop fallback ops."))
    return "".join(out), fraction, picks


def hawq_log(rng, scored, fraction):
    """HAWQ_V2 weight traces: correlated with the MSE_V2 structure, with planted disagreements."""
    trace = {}
    for op in scored:
        part, _, kind = short(op.name)
        scale = 1.0
        if part == "text" and kind in ("k_proj", "v_proj"):
            scale = 1.6  # few parameters, each carries more curvature
        elif op.name == "lm_head":
            scale = 0.5
        trace[op.name] = 2.0e-3 * scale * (fraction[op.name] / 0.004) ** 0.55 * lognormal(rng, TRACE_NOISE)
    base = sorted((v for n, v in trace.items() if n not in HAWQ_HIGH_MSE_LOW and n not in MSE_HIGH_HAWQ_LOW),
                  reverse=True)
    for name, rank in sorted(HAWQ_HIGH_MSE_LOW.items(), key=lambda kv: kv[1]):
        trace[name] = (base[rank - 2] + base[rank - 1]) / 2.0  # between the designed neighbours
        base.insert(rank - 1, trace[name])
    median = sorted(trace.values())[len(trace) // 2]
    for name in MSE_HIGH_HAWQ_LOW:
        trace[name] = median * 0.45
    # Eight significant digits, then printed as Python prints a float from tensor.item().
    trace = {n: float(f"{v:.8g}") for n, v in trace.items()}

    c = Clock(datetime.datetime(2026, 11, 21, 14, 2, 47))
    out = tuning_preamble(c, 38, "1851.0344", 1713, "1611.2093")
    out.append(c.line("INFO", "**************  Start compute the hessian trace  *****************"))
    ratio = 0.38
    for _ in range(7):
        c.advance(212 * lognormal(rng, 0.05))
        ratio_text = f"tensor({ratio:.4f})" if ratio >= 1e-4 else f"tensor({ratio:.4e})"
        out.append(c.line("INFO", f"diff_ratio:{ratio_text}|1e-05"))
        ratio *= 0.19 * lognormal(rng, 0.2)
    c.advance(214)
    out.append(c.line("INFO", f"diff_ratio:tensor({ratio * 0.04:.4e})|1e-05"))
    out.append(c.line("INFO", "End of hessian computation!"))
    out.append(c.line("INFO", "num_samp:8"))
    out.append(c.line("INFO", "**************  Hessian Trace  *****************"))
    for name, value in sorted(trace.items(), key=lambda kv: -kv[1]):
        out.append(c.line("INFO", f"*** op: {name}, hessian trace : {value!r}"))
    out.append(c.line("INFO", "************************************************"))
    out.append(c.line("INFO", "Start to accumulate fallback to fp32."))
    return "".join(out), trace


def generate():
    rng = random.Random(SEED)
    ops = inventory()
    scored = [op for op in ops if op.op_type in ("Linear", "Conv3d")]
    mse_text, fraction, picks = mse_log(rng, scored)
    hawq_text, trace = hawq_log(rng, scored, fraction)
    rho = spearman([fraction[op.name] for op in scored], [trace[op.name] for op in scored])
    files = {"ops.csv": ops_csv(ops), "inc_mse_v2_debug.log": mse_text, "inc_hawq_v2.log": hawq_text}
    summary = {"ops": len(ops), "scored": len(scored), "picks": [p.name for p in picks], "spearman": rho}
    return files, summary


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    target = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    files, summary = generate()
    differs = []
    for name, text in files.items():
        path = os.path.join(target, name)
        data = text.encode("utf-8")
        if check:
            try:
                with open(path, "rb") as f:
                    if f.read() != data:
                        differs.append(name)
            except OSError:
                differs.append(name)
        else:
            with open(path, "wb") as f:
                f.write(data)
    print(f"{summary['ops']} ops, {summary['scored']} scored; MSE_V2 fallbacks: {', '.join(summary['picks'])}; "
          f"Spearman(MSE recovery, HAWQ trace) = {summary['spearman']:.3f}")
    if differs:
        print("differs from a fresh generation: " + ", ".join(differs), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
