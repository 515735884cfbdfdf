#!/usr/bin/env python3
"""Evaluates an exported config with its framework's own matching rule, independently of QuantCut's C++.

usage: framework_rules.py FORMAT EXPORT_FILE OPS_FILE
OPS_FILE: one "name<TAB>op_type" per line: the inventory under the names the framework sees at runtime
(the transformers naming the export was made for, quantcut-cli export --naming). Prints the sorted names the framework would
quantize, one per line. The rules are the frameworks' own:
  inc2           re.compile(key).fullmatch(op_name) over op_name_dict keys (INC strategy/utils/tuning_space.py),
                 with and without INC's QuantWrapper suffix ".module"; an op is INT8 unless a key matches
  inc3           PT2E set_module_name_qconfig: a local name applies to the module and its submodules
  modelopt       ordered list, fnmatch on "<module>.weight_quantizer"/"<module>.input_quantizer", last entry wins
  modelopt-legacy  dict: "default" first on "*", then keys in order, later wins
  llmcompressor  targets by class name (Linear); ignore: exact name or class, "re:" entries with re.match
"""
import fnmatch
import json
import re
import sys


def quantizers(name):
    return [name + ".weight_quantizer", name + ".input_quantizer"]


def modelopt_list(cfg, name):
    def enabled(q):
        state = True
        for entry in cfg["quant_cfg"]:
            if fnmatch.fnmatch(q, entry["quantizer_name"]):
                state = "cfg" in entry or entry.get("enable", True)
        return state
    return all(enabled(q) for q in quantizers(name))


def modelopt_legacy(cfg, name):
    quant_cfg = cfg["quant_cfg"]  # json keeps file order
    def enabled(q):
        state = quant_cfg.get("default", {}).get("enable", True)
        for key, attrs in quant_cfg.items():
            if key != "default" and fnmatch.fnmatch(q, key):
                state = attrs.get("enable", True)
        return state
    return all(enabled(q) for q in quantizers(name))


def main():
    fmt, export_path, ops_path = sys.argv[1:4]
    ops = [line.rstrip("\n").split("\t") for line in open(ops_path) if line.strip()]
    text = open(export_path).read()
    quantized = []
    if fmt == "inc2":
        keys = [re.compile(k) for k in json.loads(text)["op_name_dict"]]
        for name, _ in ops:
            if not any(k.fullmatch(n) for k in keys for n in (name, name + ".module")):
                quantized.append(name)
    elif fmt == "inc3":
        cfg = json.loads(text)
        body = cfg.get("static_quant") or cfg.get("smooth_quant")
        local = [k for k, v in body["local"].items() if v["w_dtype"] == "fp32" and v["act_dtype"] == "fp32"]
        for name, _ in ops:
            if not any(name == k or name.startswith(k + ".") for k in local):
                quantized.append(name)
    elif fmt in ("modelopt", "modelopt-legacy"):
        cfg = json.loads(text)
        rule = modelopt_list if fmt == "modelopt" else modelopt_legacy
        quantized = [name for name, _ in ops if rule(cfg, name)]
    elif fmt == "llmcompressor":
        import yaml
        mods = yaml.safe_load(text)["quant_stage"]["quant_modifiers"]
        q = mods.get("GPTQModifier") or mods["QuantizationModifier"]
        targets, ignore = q["targets"], q.get("ignore") or []
        def hit(entry, name, cls):
            return re.match(entry[3:], name) is not None if entry.startswith("re:") else entry in (name, cls)
        for name, cls in ops:
            if any(hit(t, name, cls) for t in targets) and not any(hit(i, name, cls) for i in ignore):
                quantized.append(name)
    else:
        sys.exit("unknown format " + fmt)
    print("\n".join(sorted(quantized)))


if __name__ == "__main__":
    main()
