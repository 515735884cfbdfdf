#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: installs the build dependencies, builds, then
#   packaging/build.sh example   runs the main job on the bundled Qwen2.5-VL-3B example
#   packaging/build.sh test      runs every test suite (what CI runs): the C++ suites; the sanitizer build in
#                                build-asan/ (clang, ASan + UBSan) with the non-GUI suites again, each fuzz
#                                target's corpus and 60 s of each fuzz target (QUANTCUT_SKIP_FUZZ=1 skips that
#                                build); then the real frameworks (tests/frameworks; QUANTCUT_SKIP_FRAMEWORKS=1
#                                skips them). The two switches are for quick local runs; CI never sets them.
#   packaging/build.sh fuzz [SECONDS]  only the sanitizer build and every fuzz target for SECONDS (default 600)
#                                each, keeping the corpus in build-asan/tests/fuzz/corpus (docs/ROBUSTNESS.md)
#   packaging/build.sh frameworks  only the real INC / ModelOpt / llm-compressor suite (~4.4 GB of wheels,
#                                downloaded once into $QUANTCUT_FRAMEWORKS_CACHE, default ~/.cache/quantcut-frameworks)
#   packaging/build.sh bench [ARGS]  runs the benchmark executable (installs python3-pandas for its pandas row)
#   packaging/build.sh deb       builds the Debian package with cpack
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-example}"
build_dir="${QUANTCUT_BUILD_DIR:-build}"

# Everything a fresh minimal Debian 12 root lacks, installed without Recommends so that nothing here relies on
# them (packaging/fresh-root-test.sh proves the list in a debootstrap root). The non-obvious ones:
packages=(
  build-essential cmake
  qt6-base-dev qt6-base-dev-tools   # Qt Core/Gui/Widgets/Test and moc/rcc/uic
  qt6-charts-dev libqt6svg6-dev     # the explorer's charts and SVG export
  libqt6opengl6-dev                 # Qt6Charts' CMake config requires Qt6OpenGL; apt only recommends it
  libgl-dev                         # Qt6Gui's CMake config looks for OpenGL headers
  libyaml-cpp-dev
  libssl-dev                        # OpenSSL's SHA-256 for fingerprints and file checksums
  qt6-qpa-plugins                   # the offscreen platform the GUI tests and --screenshot run on
  python3 python3-yaml python3-jsonschema  # tests load the profile file with PyYAML and its JSON Schema
  python3-venv python3-pip          # the frameworks suite's pinned virtual environments
  dpkg-dev file                     # cpack -G DEB runs dpkg-shlibdeps, which runs file
  clang-format                      # the test command checks that every C++ file is formatted (.clang-format)
  chromium                          # tst_gui_report_render opens the review report in a real browser (headless,
                                    # networking off) and fails on console errors or missing images
  clang libclang-rt-14-dev          # the sanitizer build: clang 14 and compiler-rt, which holds libFuzzer and the
                                    # ASan/UBSan runtimes (libclang_rt.fuzzer-x86_64.a); clang only recommends it
)
# Installs those of the given packages that are missing (apt, as root or through sudo).
install_missing() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || {
      echo "build.sh: not root and no sudo: install these packages as root first: ${missing[*]}" >&2
      exit 2
    }
    as_root=(sudo)
  fi
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}
install_missing "${packages[@]}"

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build_dir" -j"$(nproc)"

example=resources/examples/qwen2_5_vl_3b
asan_dir="${QUANTCUT_ASAN_BUILD_DIR:-build-asan}"
# Core, CLI, the non-GUI suites and the fuzz targets under ASan + UBSan (docs/ROBUSTNESS.md).
build_sanitized() {
  CC=clang CXX=clang++ cmake -S . -B "$asan_dir" -DCMAKE_BUILD_TYPE=Release -DQUANTCUT_BUILD_GUI=OFF \
    -DQUANTCUT_BUILD_BENCH=OFF -DQUANTCUT_SANITIZE=ON -DQUANTCUT_FUZZ=ON
  cmake --build "$asan_dir" -j"$(nproc)"
}
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
    if [ "${QUANTCUT_SKIP_FUZZ:-0}" = 1 ]; then
      echo "QUANTCUT_SKIP_FUZZ=1: the sanitizer build (ASan + UBSan suites, fuzz targets) was skipped"
    else
      build_sanitized
      QT_QPA_PLATFORM=offscreen ctest --test-dir "$asan_dir" --output-on-failure -j"$(nproc)"
    fi
    if [ "${QUANTCUT_SKIP_FRAMEWORKS:-0}" = 1 ]; then
      echo "QUANTCUT_SKIP_FRAMEWORKS=1: the real frameworks suite was skipped"
    else
      tests/frameworks/run.sh "$build_dir"
    fi
    ;;
  frameworks)
    tests/frameworks/run.sh "$build_dir"
    ;;
  fuzz)
    build_sanitized
    tests/fuzz/run.sh "$asan_dir" "${2:-600}"
    ;;
  bench)
    install_missing python3-pandas   # the pandas + PyYAML script the benchmark runs beside quantcut-cli
    "$build_dir/bench/quantcut-bench" "${@:2}"
    ;;
  deb)
    (cd "$build_dir" && cpack -G DEB)
    ;;
  *)
    echo "usage: packaging/build.sh [example|test|frameworks|fuzz [SECONDS]|bench|deb]" >&2
    exit 2
    ;;
esac
