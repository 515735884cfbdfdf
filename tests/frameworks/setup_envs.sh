#!/usr/bin/env bash
# Creates (or reuses) the pinned framework environments under the cache folder.
#
# usage: setup_envs.sh [ENV...]        (default: every envs/*.lock except torch)
#
#   $QUANTCUT_FRAMEWORKS_CACHE (default ~/.cache/quantcut-frameworks)
#     wheels/               every wheel of every lock, downloaded once with `pip download --require-hashes`
#                           (pip's own HTTP cache does not store responses from this machine's PyPI mirror,
#                           so a wheelhouse is the download cache); installs then run with --no-index
#     torch-<sha12>/        the one torch (+ its CUDA runtime wheels, which PyPI's Linux torch requires even
#                           on CPU), installed once with --target from envs/torch.lock
#     venv/<env>-<sha12>/   one venv per framework from envs/<env>.lock; a .pth file puts the torch layer
#                           on its path. <sha12> is the sha256 of the lock files and the python version:
#                           an unchanged lock reuses the venv, a changed one builds a new one.
# Every package is installed with --no-deps --require-hashes from the locks; `pip check` must pass.
# Prints "env NAME: PATH" per environment, last.
set -euo pipefail
shopt -s inherit_errexit # a failed download or install inside $(...) must stop the script, not print "ok"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${QUANTCUT_FRAMEWORKS_CACHE:-$HOME/.cache/quantcut-frameworks}"
python="${QUANTCUT_PYTHON:-python3}"
wheels="$cache/wheels"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_FIND_LINKS= PIP_CACHE_DIR="$cache/pip"
export HF_HUB_OFFLINE=1
mkdir -p "$cache/venv" "$wheels"

log() { echo "setup_envs: $*" >&2; }

key_of() {  # sha12 of the given files plus the python version
  { cat "$@"; "$python" -c 'import sys; print(sys.version_info[:2], sys.platform)'; } | sha256sum | cut -c1-12
}

check_python() {
  "$python" -c 'import sys, venv, ensurepip; assert sys.version_info[:2] == (3, 11), sys.version' 2>/dev/null || {
    log "need CPython 3.11 with venv and ensurepip (Debian 12: apt-get install python3-venv python3-pip)"; exit 2; }
}

bootstrap_pip() {  # a venv whose pip downloads the wheels
  local boot="$cache/venv/.bootstrap"
  [[ -x "$boot/bin/pip" ]] || "$python" -m venv "$boot"
  echo "$boot/bin/pip"
}

fetch() {  # fetch LOCK: downloads the lock's wheels into the wheelhouse (present ones with the right hash are kept)
  "$(bootstrap_pip)" download --quiet --no-deps --require-hashes --only-binary=:all: -d "$wheels" -r "$1"
}

install() {  # install PIP LOCK [pip args]: offline, from the wheelhouse, hashes checked
  local pip="$1" lock="$2"; shift 2
  "$pip" install --quiet --no-index --find-links "$wheels" --no-deps --require-hashes "$@" -r "$lock"
}

torch_layer() {  # installs the torch layer once; prints its path
  local lock="$here/envs/torch.lock" dir
  dir="$cache/torch-$(key_of "$lock")"
  if [[ ! -f "$dir/.complete" ]]; then
    log "installing the torch layer into $dir"
    rm -rf "$dir.partial"
    fetch "$lock"
    install "$(bootstrap_pip)" "$lock" --target "$dir.partial"
    rm -rf "$dir" && mv "$dir.partial" "$dir" && touch "$dir/.complete"
  fi
  echo "$dir"
}

make_env() {  # make_env NAME TORCH_DIR; prints the venv path
  local name="$1" layer="$2" lock="$here/envs/$1.lock" dir
  [[ -f "$lock" ]] || { log "no lock file $lock"; exit 2; }
  dir="$cache/venv/$name-$(key_of "$here/envs/torch.lock" "$lock")"
  if [[ ! -f "$dir/.complete" ]]; then
    log "creating $name in $dir"
    rm -rf "$dir"
    "$python" -m venv "$dir"
    local site
    site="$("$dir/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    echo "$layer" > "$site/quantcut_torch_layer.pth"
    fetch "$lock"
    install "$dir/bin/pip" "$lock"
    "$dir/bin/pip" check >&2 || { log "pip check failed for $name"; exit 1; }
    touch "$dir/.complete"
  fi
  echo "$dir"
}

main() {
  check_python
  local names=("$@") layer
  if [[ ${#names[@]} -eq 0 ]]; then
    for f in "$here"/envs/*.lock; do
      [[ "$(basename "$f" .lock)" == torch ]] || names+=("$(basename "$f" .lock)")
    done
  fi
  layer="$(torch_layer)"
  local dir
  for n in "${names[@]}"; do
    dir="$(make_env "$n" "$layer")"
    echo "env $n: $dir"
  done
}

main "$@"
