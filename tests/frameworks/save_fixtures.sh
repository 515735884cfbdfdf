#!/usr/bin/env bash
# Copies the real frameworks' outputs of one run.sh run into tests/data/frameworks/ (the C++ fixtures).
# usage: save_fixtures.sh WORK_DIR        (the folder run.sh printed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${1:?usage: save_fixtures.sh WORK_DIR}"
out="$here/../data/frameworks"
mkdir -p "$out"
for f in inc_mse_v2.log inc_mse_v2.json inc_hawq_v2.log autoquant.json autoquant.manifest.json autoquant.search.json; do
  cp "$work/produced/$f" "$out/$f"
done
cp "$work/models/qwen2_5_vl-old/runtime_ops.csv" "$out/qwen2_5_vl_tiny.ops.csv"          # 4.51 = checkpoint names
cp "$work/models/qwen2_5_vl-new/runtime_ops.csv" "$out/qwen2_5_vl_tiny.tf457_runtime.ops.csv"
cp "$work/models/qwen3_vl-new/runtime_ops.csv" "$out/qwen3_vl_tiny.ops.csv"
cp "$work/models/qwen2_5_vl-old/sharded/model.safetensors.index.json" "$out/qwen2_5_vl_tiny.safetensors.index.json"
echo "fixtures in $out:"; ls -la "$out"
