#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: installs the build dependencies, builds, then
#   packaging/build.sh example   runs the main job on the bundled Qwen2.5-VL-3B example
#   packaging/build.sh test      runs every test suite (what CI runs)
#   packaging/build.sh bench     runs the benchmark executable
#   packaging/build.sh deb       builds the Debian package with cpack
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-example}"
build_dir="${QUANTCUT_BUILD_DIR:-build}"

packages=(build-essential cmake qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6svg6-dev libyaml-cpp-dev
          libgl-dev qt6-qpa-plugins python3 python3-yaml python3-jsonschema dpkg-dev file)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends "${missing[@]}"
fi

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build_dir" -j"$(nproc)"

example=resources/examples/qwen2_5_vl_3b
case "$mode" in
  example)
    cli="$build_dir/app/cli/quantcut-cli"
    "$cli" profiles --inventory "$example/ops.csv" \
      --metric mse_v2="$example/inc_mse_v2_debug.log" --metric hawq_v2="$example/inc_hawq_v2.log" \
      -o qwen2_5_vl_3b.profiles.yaml
    "$cli" check qwen2_5_vl_3b.profiles.yaml
    "$cli" export qwen2_5_vl_3b.profiles.yaml --to inc2 --profile B -o qwen2_5_vl_3b.inc2.B.json
    echo "wrote qwen2_5_vl_3b.profiles.yaml and qwen2_5_vl_3b.inc2.B.json"
    if [ -x "$build_dir/app/gui/quantcut" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
      exec "$build_dir/app/gui/quantcut" qwen2_5_vl_3b.profiles.yaml
    fi
    ;;
  test)
    QT_QPA_PLATFORM=offscreen ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)"
    ;;
  bench)
    "$build_dir/bench/quantcut-bench"
    ;;
  deb)
    (cd "$build_dir" && cpack -G DEB)
    ;;
  *)
    echo "usage: packaging/build.sh [example|test|bench|deb]" >&2
    exit 2
    ;;
esac
