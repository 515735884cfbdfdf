#!/usr/bin/env bash
# Proves the README on a machine that has nothing installed: in a fresh minimal Debian 12 root
# (debootstrap --variant=minbase bookworm) it runs the README's two set-up commands verbatim and builds the
# Debian package; in a second fresh root it installs that package with apt and runs it from /usr/bin.
#
#   packaging/fresh-root-test.sh            as root (chroot and mount need it); .ci/run calls this
#
# The pristine debootstrap base (Debian's base system only, never the project's dependencies) is cached as a
# tarball in $QUANTCUT_ROOT_CACHE; every run unpacks fresh copies of it and removes them afterwards.
# The roots use this machine's apt sources, so they see the same mirror and updates a fresh install would.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$(pwd)

cache="${QUANTCUT_ROOT_CACHE:-/var/cache/quantcut/fresh-root}"
# The frameworks suite's hash-checked wheelhouse (4.4 GB) is the one thing shared with the roots, so that later
# runs on this machine do not download it again; every wheel is checked against its lock's hash on install.
wheels="${QUANTCUT_WHEEL_CACHE:-/var/cache/quantcut/frameworks-wheels}"
mirror="${QUANTCUT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
base="$cache/bookworm-minbase.tar"
work=""
mounted=()

log() { printf '== fresh-root: %s\n' "$*" >&2; }
die() {
  printf 'fresh-root: %s\n' "$*" >&2
  exit 1
}

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, chroot and mount need it); try: sudo $0"

cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  [ -n "$work" ] || return 0
  # A bind mount of the same file system would not stop rm: never delete while anything is mounted below.
  if grep -q " $work/" /proc/mounts; then
    echo "fresh-root: not removing $work: something is still mounted below it" >&2
  else
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT

ensure_debootstrap() {
  command -v debootstrap >/dev/null && return
  log "installing debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
}

ensure_base() {
  [ -s "$base" ] && return
  ensure_debootstrap
  log "creating the pristine base $base (once per machine)"
  mkdir -p "$cache"
  local tmp
  tmp=$(mktemp -d "$cache/debootstrap.XXXXXX")
  debootstrap --variant=minbase bookworm "$tmp" "$mirror" >"$tmp.log" 2>&1 || {
    tail -n 30 "$tmp.log" >&2
    rm -rf "$tmp" "$tmp.log"
    die "debootstrap failed"
  }
  tar -C "$tmp" -cf "$base.partial" . && mv "$base.partial" "$base"
  rm -rf "$tmp" "$tmp.log"
}

# Unpacks a fresh copy of the base into $work/NAME and sets $root to it: this machine's apt sources and
# name resolution, /proc and /dev mounted. (Not a $(...) function: the mounts must reach cleanup.)
new_root() {
  root="$work/$1"
  mkdir -p "$root"
  tar -C "$root" -xf "$base"
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    rm -f "$root/etc/apt/sources.list"
    cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
  elif [ -f /etc/apt/sources.list ]; then
    cp /etc/apt/sources.list "$root/etc/apt/sources.list"
  fi
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  # The machine's TLS trust (a mirror or proxy may use its own CA) for pip, outside the paths that Debian's
  # ca-certificates regenerates; the network setting of this machine, like resolv.conf, not a dependency.
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/quantcut-host-ca.crt"
    printf '[global]\ncert = /etc/quantcut-host-ca.crt\n' >"$root/etc/pip.conf"
  fi
  mount -t proc proc "$root/proc" && mounted+=("$root/proc")
  mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev" && mounted+=("$root/dev")
  mkdir -p "$root/tmp" && chmod 1777 "$root/tmp"
}

# Runs a script in a root as its root user, with a clean environment.
in_root() {
  local root=$1 logfile=$2 script=$3
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -euo pipefail -c "$script" >"$logfile" 2>&1
}

run_step() {
  local name=$1 root=$2 script=$3 logfile="$work/$1.log" start=$SECONDS
  log "$name"
  if ! in_root "$root" "$logfile" "$script"; then
    printf '\n---- last 60 lines of %s ----\n' "$name" >&2
    tail -n 60 "$logfile" >&2
    die "$name failed after $((SECONDS - start)) s"
  fi
  log "$name: ok ($((SECONDS - start)) s)"
}

# The README's set-up commands, verbatim: the sh blocks of its "Two commands" section.
readme_commands() {
  awk '/^## Two commands/ { on = 1; next } on && /^## / { exit }
       on && /^```sh/ { block = 1; next } block && /^```/ { block = 0; next } block { print }' README.md
}

# The project as a clean clone lays it out: <dir>/main from the committed tree, <dir>/shared beside it.
copy_project() {
  local root=$1
  mkdir -p "$root/work/main"
  git -C "$project" archive HEAD | tar -C "$root/work/main" -xf -
  if [ -d "$project/../shared" ]; then
    cp -a "$project/../shared" "$root/work/shared"
  else
    log "../shared is absent: the tests that read it will skip"
  fi
}

main() {
  local start=$SECONDS
  ensure_base
  work=$(mktemp -d /var/tmp/quantcut-fresh-root.XXXXXX)
  local commands
  commands=$(readme_commands)
  [ "$(printf '%s\n' "$commands" | grep -c .)" -eq 2 ] ||
    die "README.md's 'Two commands' section must hold exactly two sh commands, found: $commands"
  [ -z "$(git -C "$project" status --porcelain)" ] || log "uncommitted changes are not tested: the root gets HEAD"

  local root build_root install_root
  new_root build
  build_root=$root
  copy_project "$build_root"
  mkdir -p "$wheels" "$build_root/root/.cache/quantcut-frameworks/wheels"
  mount --bind "$wheels" "$build_root/root/.cache/quantcut-frameworks/wheels" &&
    mounted+=("$build_root/root/.cache/quantcut-frameworks/wheels")
  local n=0 command
  while IFS= read -r command; do
    n=$((n + 1))
    run_step "readme-command-$n" "$build_root" "cd /work/main && $command"
  done <<<"$commands"
  run_step "package" "$build_root" "cd /work/main && packaging/build.sh deb"
  local deb
  deb=$(find "$build_root/work/main/build" -maxdepth 1 -name 'quantcut_*_amd64.deb' | head -n 1)
  [ -n "$deb" ] || die "packaging/build.sh deb wrote no build/quantcut_*_amd64.deb"

  new_root install
  install_root=$root
  cp "$deb" "$install_root/tmp/"
  run_step "install-deb" "$install_root" "apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/$(basename "$deb")"
  run_step "run-installed" "$install_root" "$(installed_checks)"
  log "all passed in $((SECONDS - start)) s"
}

# What a user does right after installing the package; nothing from the build tree exists in this root.
installed_checks() {
  cat <<'SH'
cd /tmp
test "$(command -v quantcut-cli)" = /usr/bin/quantcut-cli && test "$(command -v quantcut)" = /usr/bin/quantcut
quantcut-cli --version
ex=/usr/share/quantcut/examples/qwen2_5_vl_3b
quantcut-cli profiles --inventory $ex/ops.csv --metric mse_v2=$ex/inc_mse_v2_debug.log \
  --metric hawq_v2=$ex/inc_hawq_v2.log -o /tmp/example.profiles.yaml
quantcut-cli check /tmp/example.profiles.yaml
grep -q '^quantcut_profiles: 1' /tmp/example.profiles.yaml
QT_QPA_PLATFORM=offscreen quantcut --screenshot /tmp/explorer.png $ex/ops.csv $ex/inc_mse_v2_debug.log
test "$(head -c 8 /tmp/explorer.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a
test "$(stat -c %s /tmp/explorer.png)" -gt 20000
echo "installed package: ok"
SH
}

main "$@"
