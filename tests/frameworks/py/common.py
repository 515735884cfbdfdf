"""Shared helpers: check lines, profile files, calling quantcut-cli."""
import subprocess
import sys

import yaml


class Checks:
    """Prints `framework <name> <check>: ok|FAIL` lines; finish() returns the exit code."""

    def __init__(self, framework):
        self.framework, self.failed, self.passed = framework, 0, 0

    def record(self, check, problems, detail=""):
        if problems:
            self.failed += 1
            print(f"framework {self.framework} {check}: FAIL")
            for p in problems[:40]:
                print(p)
            if len(problems) > 40:
                print(f"  ... and {len(problems) - 40} more")
        else:
            self.passed += 1
            print(f"framework {self.framework} {check}: ok" + (f" ({detail})" if detail else ""))
        sys.stdout.flush()

    def error(self, check, exc):
        self.record(check, [f"  {type(exc).__name__}: {exc}"])

    def finish(self):
        return 1 if self.failed else 0


class Applying:
    """What an applier works on: the profiles' quantize sets under this runtime's module names, the profile
    names to apply, the extra arguments, the export dir, the tiny model kind, the inventory's ops under the
    runtime names (for rules_agree.py) and the `where` text of check lines."""

    def __init__(self, argv, extras):
        import os

        import tiny_models

        profiles_path, self.export_dir = argv[1:3]
        self.extra = argv[3:3 + extras]
        doc = yaml.safe_load(open(profiles_path))
        rest = argv[3 + extras] if len(argv) > 3 + extras else ""
        self.kind, model = model_of([op[0] for op in doc["inventory"]["ops"]])
        rename = lambda n: runtime_name(model, n)  # noqa: E731
        self.ops = [(rename(op[0]), op[1]) for op in doc["inventory"]["ops"]]
        self.wanted = {p["name"]: {rename(n) for n in p["quantize"]} for p in doc["profiles"]}
        self.names = rest.split(",") if rest else sorted(self.wanted)
        self.where = (f"model={self.kind} naming={tiny_models.naming(model)} "
                      f"inventory={os.path.basename(os.path.normpath(self.export_dir))}")

    def build(self):
        import tiny_models
        return tiny_models.build(self.kind)


def apply_arguments(argv, extras=0):
    """The appliers' command line, PROFILES EXPORT_DIR [EXTRA...] [PROFILE,...], as an Applying."""
    return Applying(argv, extras)


def runtime_name(model, name):
    """A checkpoint module name under this transformers runtime, by the model class's own rule: transformers
    >= 4.52 renames Qwen2.5-VL's checkpoint keys on load (_checkpoint_conversion_mapping, first matching
    pattern wins, as in from_pretrained); 4.51 and Qwen3-VL (an empty mapping) keep them."""
    import re
    for pattern, replacement in getattr(type(model), "_checkpoint_conversion_mapping", {}).items():
        renamed, n = re.subn(pattern, replacement, name)
        if n:
            return renamed
    return name


def model_of(inventory_names):
    """The tiny model (kind, fresh model) whose named_modules() hold every inventory op under its runtime names."""
    import tiny_models
    for kind in tiny_models.MODELS:
        if not tiny_models.available(kind):
            continue
        model = tiny_models.build(kind)
        modules = {n for n, _ in model.named_modules()}
        if all(runtime_name(model, n) in modules for n in inventory_names):
            return kind, model
    raise RuntimeError("no tiny model of this transformers has every inventory op: " + inventory_names[0])


def profile_sets(path):
    """{profile name: set of ops to quantize} from a QuantCut profile file."""
    doc = yaml.safe_load(open(path))
    return {p["name"]: set(p["quantize"]) for p in doc["profiles"]}


def set_diff(expected, got, what_expected="profile", what_got="framework"):
    lines = [f"  in {what_expected} only: {n}" for n in sorted(expected - got)]
    lines += [f"  in {what_got} only: {n}" for n in sorted(got - expected)]
    return lines


def quantcut(cli, *args):
    r = subprocess.run([cli, *map(str, args)], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"quantcut-cli {' '.join(map(str, args))} exited {r.returncode}: {r.stderr.strip()}")
    return r.stdout + r.stderr


def save_applied(export_path, fmt, framework, quantized, ops, considered=None):
    """Records what the real framework did with one export, next to it, for rules_agree.py: with the
    inventory's ops under the names the framework saw."""
    import json
    doc = {"format": fmt, "framework": framework, "export": str(export_path), "quantized": sorted(quantized),
           "considered": None if considered is None else sorted(considered), "ops": [list(op) for op in ops]}
    with open(f"{export_path}.applied.{framework.replace(' ', '_').replace('=', '-')}.json", "w") as f:
        json.dump(doc, f, indent=1)
