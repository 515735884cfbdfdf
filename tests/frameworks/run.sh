#!/usr/bin/env bash
# The real frameworks against QuantCut, on CPU, on tiny models built from a config (issue 9).
#
# usage: tests/frameworks/run.sh BUILD_DIR
#   BUILD_DIR holds app/cli/quantcut-cli. Environments: setup_envs.sh (cache: $QUANTCUT_FRAMEWORKS_CACHE).
#   Work files (models, producers' outputs, profiles, exports, run.log) go to $QUANTCUT_FRAMEWORKS_WORK
#   (default: a fresh temporary folder, kept and printed at the end). Scripts run with the work folder as
#   current directory (INC writes its nc_workspace/ there).
# Prints one line per framework and check ("framework inc2 apply profile=A naming=old ...: ok"), then a
# summary; exits 1 when any check failed (checks listed in known_discrepancies.txt are reported as
# "known" and do not fail the run, but fail it once they pass: remove them then).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:?usage: run.sh BUILD_DIR}"
cli="$(cd "$build" && pwd)/app/cli/quantcut-cli"
[[ -x "$cli" ]] || { echo "run.sh: no quantcut-cli at $cli (build the quantcut-cli target)" >&2; exit 2; }
work="${QUANTCUT_FRAMEWORKS_WORK:-$(mktemp -d -t quantcut-frameworks.XXXXXX)}"
mkdir -p "$work"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
export PYTHONHASHSEED=0 PYTHONWARNINGS=ignore TQDM_DISABLE=1 CUBLAS_WORKSPACE_CONFIG=:4096:8
py="$here/py"
log="$work/run.log"
: > "$log"
started=$SECONDS

declare -A env_of
step() {  # step NAME COMMAND...: runs a step, its check lines to stdout and the log, its noise to the log
  local name="$1"; shift
  local t0=$SECONDS
  echo "== $name" >> "$log"
  "$@" > "$work/step.out" 2>> "$log"
  local rc=$?
  cat "$work/step.out" | tee -a "$log" | grep -E '^(framework|producer|model|note) |^  (in |unmatched|ambiguous|[A-Za-z]+Error|[a-z])' || true
  grep -qE '^framework .*: (ok|FAIL)' "$work/step.out" || [[ $rc -eq 0 ]] ||
    echo "framework $name: FAIL (exit $rc, see $log)" | tee -a "$log"
  echo "   ($name: $((SECONDS - t0)) s)" >> "$log"
  return 0
}

in_env() {  # in_env ENV SCRIPT ARGS...
  local env="$1" script="$2"; shift 2
  (cd "$work" && "${env_of[$env]}/bin/python" "$py/$script" "$@")
}

setup() {
  local t0=$SECONDS line
  while read -r line; do
    [[ "$line" =~ ^env\ ([^:]+):\ (.*)$ ]] && env_of[${BASH_REMATCH[1]}]="${BASH_REMATCH[2]}"
  done < <("$here/setup_envs.sh" 2>> "$log")
  [[ ${#env_of[@]} -gt 0 ]] || { echo "framework setup envs: FAIL (see $log)"; summary; exit 1; }
  echo "framework setup envs: ok (${!env_of[*]}; $((SECONDS - t0)) s)"
}

models() {
  step "build models (old naming)" in_env inc2 build_models.py "$work/models"
  step "build models (new naming)" in_env llmcompressor build_models.py "$work/models"
  local m
  for m in "$work"/models/*/; do
    step "inventory $(basename "$m")" in_env inc2 check_inventory.py "$m" "$cli" "$work/inventory/$(basename "$m")"
  done
}

producers() {
  step "produce inc2" in_env inc2 produce_inc2.py "$work/produced"
  step "produce modelopt" in_env modelopt produce_modelopt.py "$work/produced"
  step "autoquant decision" in_env inc2 autoquant_decision.py "$cli" "$work/produced" \
    "$work/models/qwen2_5_vl-old/sharded" "$work/autoquant"
}

# Four inventories: the transformers 4.51 checkpoint (names = runtime names), the runtime names of the
# 4.57 model (an ops CSV from named_modules()), the 4.57 checkpoint (transformers >= 4.52 saves Qwen2.5-VL
# under the pre-rename names, so these differ from its runtime names), and the Qwen3-VL checkpoint (4.57;
# stored under its runtime names). Each is exported for the runtime it is applied to (--naming).
inventories() {
  inventory_of[ckpt-4.51]="$work/models/qwen2_5_vl-old/sharded"
  inventory_of[runtime-4.57]="$work/models/qwen2_5_vl-new/runtime_ops.csv"
  inventory_of[ckpt-4.57]="$work/models/qwen2_5_vl-new/sharded/model.safetensors.index.json"
  inventory_of[qwen3-ckpt-4.57]="$work/models/qwen3_vl-new/sharded/model.safetensors.index.json"
  naming_of[ckpt-4.51]=legacy       # applied under transformers 4.51
  naming_of[runtime-4.57]=new       # the default
  naming_of[ckpt-4.57]=new
  naming_of[qwen3-ckpt-4.57]=new
}
declare -A inventory_of naming_of

imports() {  # the producers' files into profiles over each inventory
  local inv
  for inv in ckpt-4.51 runtime-4.57 ckpt-4.57; do
    step "import inventory=$inv" in_env inc2 import_checks.py "$cli" "$work/produced" "${inventory_of[$inv]}" \
      "$work/profiles/$inv"
  done
  # no producer ran on Qwen3-VL: a synthetic ranking, for the naming of its exports
  step "profiles inventory=qwen3-ckpt-4.57" in_env inc2 synthetic_profiles.py "$cli" "$work/models/qwen3_vl-new" \
    "${inventory_of[qwen3-ckpt-4.57]}" "$work/profiles/qwen3-ckpt-4.57"
}

exports() {
  local inv
  for inv in ckpt-4.51 runtime-4.57 ckpt-4.57 qwen3-ckpt-4.57; do
    step "export inventory=$inv" in_env inc2 export_all.py "$cli" "$work/profiles/$inv/profiles.yaml" \
      "$work/exports/$inv" "${naming_of[$inv]}"
  done
}

apply_to() {  # apply_to ENV SCRIPT INVENTORY [ARGS...]
  local env="$1" script="$2" inv="$3"; shift 3
  step "$script $inv $*" in_env "$env" "$script" "$work/profiles/$inv/profiles.yaml" "$work/exports/$inv" "$@"
}

consumers() {
  apply_to inc2 apply_inc2.py ckpt-4.51                              # transformers 4.51, INC 2.6
  apply_to modelopt apply_modelopt.py ckpt-4.51 modelopt-legacy      # ModelOpt 0.39 (dict quant_cfg only)
  apply_to modelopt-new apply_modelopt.py runtime-4.57 modelopt      # ModelOpt 0.47, transformers 4.57
  apply_to modelopt-new apply_modelopt.py runtime-4.57 modelopt-legacy
  apply_to inc3 apply_inc3.py runtime-4.57                           # INC 3.7 PT2E, transformers 4.57
  apply_to llmcompressor apply_llmcompressor.py runtime-4.57         # llm-compressor 0.10, transformers 4.57
  # exports made from the transformers 4.57 checkpoint (pre-rename names) for the 4.57 runtime (--naming new)
  apply_to modelopt-new apply_modelopt.py ckpt-4.57 modelopt
  apply_to modelopt-new apply_modelopt.py ckpt-4.57 modelopt-legacy
  apply_to inc3 apply_inc3.py ckpt-4.57
  apply_to llmcompressor apply_llmcompressor.py ckpt-4.57
  # Qwen3-VL (transformers 4.57 only; its checkpoint names are its runtime names)
  apply_to modelopt-new apply_modelopt.py qwen3-ckpt-4.57 modelopt
  apply_to modelopt-new apply_modelopt.py qwen3-ckpt-4.57 modelopt-legacy
  apply_to llmcompressor apply_llmcompressor.py qwen3-ckpt-4.57
}

rules() {
  step "rules agree" in_env inc2 rules_agree.py "$here/../scripts/framework_rules.py" "$work"
}

summary() {
  grep -E '^framework ' "$log" > "$work/checks.txt" || true
  "$python_plain" "$here/summarize.py" "$work/checks.txt" "$here/known_discrepancies.txt"
  local rc=$?
  echo "time: $((SECONDS - started)) s; work files: $work"
  return $rc
}

python_plain="${QUANTCUT_PYTHON:-python3}"
echo "quantcut frameworks suite: work in $work"
setup
models
producers
inventories
imports
exports
consumers
rules
summary
