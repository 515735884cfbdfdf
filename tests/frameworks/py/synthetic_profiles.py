#!/usr/bin/env python3
"""Profiles over a tiny model's checkpoint inventory from a synthetic ranking (for models no producer ran on).

usage: synthetic_profiles.py QUANTCUT_CLI MODEL_DIR INVENTORY OUT_DIR
MODEL_DIR is what build_models.py wrote (modules.json); INVENTORY the checkpoint QuantCut reads. Every Linear
gets a fixed score (a deterministic function of its position), under the name its checkpoint stores, so the
profiles' kept/quantized split is arbitrary but reproducible: what the exports are tested on is the naming.
Writes OUT_DIR/profiles.yaml.
"""
import json
import pathlib
import sys

from common import Checks, quantcut


def main():
    cli, model_dir, inventory, out = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3], pathlib.Path(sys.argv[4])
    out.mkdir(parents=True, exist_ok=True)
    doc = json.loads((model_dir / "modules.json").read_text())
    linears = [m["saved_as"][0] for m in doc["modules"] if m["type"] == "Linear"]
    scores = out / "synthetic_scores.csv"
    scores.write_text("name,score\n" + "".join(f"{n},{(i * 37) % 101 + 1}\n" for i, n in enumerate(linears)))
    checks = Checks("quantcut")
    what = f"profiles model={doc['kind']} inventory={out.name}"
    try:
        quantcut(cli, "profiles", "--inventory", inventory, "--metric", f"synthetic={scores}", "-o",
                 out / "profiles.yaml")
        checks.record(what, [], f"{len(linears)} Linear ops scored")
    except RuntimeError as e:
        checks.error(what, e)
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
