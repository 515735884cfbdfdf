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


def apply_arguments(argv, extras=0):
    """The appliers' command line, PROFILES EXPORT_DIR [EXTRA...] [PROFILE,...]: returns the profiles'
    quantize sets, the profile names to apply, the extras, the export dir and the `where` text of check lines."""
    import os

    import tiny_models

    profiles_path, export_dir = argv[1:3]
    extra = argv[3:3 + extras]
    wanted = profile_sets(profiles_path)
    rest = argv[3 + extras] if len(argv) > 3 + extras else ""
    names = rest.split(",") if rest else sorted(wanted)
    naming = tiny_models.naming(tiny_models.build("qwen2_5_vl"))
    where = f"naming={naming} inventory={os.path.basename(os.path.normpath(export_dir))}"
    return wanted, names, extra, export_dir, where


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


def save_applied(export_path, fmt, framework, quantized, considered=None):
    """Records what the real framework did with one export, next to it, for rules_agree.py."""
    import json
    doc = {"format": fmt, "framework": framework, "export": str(export_path), "quantized": sorted(quantized),
           "considered": None if considered is None else sorted(considered)}
    with open(f"{export_path}.applied.{framework.replace(' ', '_').replace('=', '-')}.json", "w") as f:
        json.dump(doc, f, indent=1)
