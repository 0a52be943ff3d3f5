#!/usr/bin/env bash
# Browsing benchmark (docs/performance.md): a generated jrnl journal imported into Haven, then
# whole-process timings of list and search side by side with jrnl's on the same text, and the
# in-process figures of haven-bench --browse (index load, app open, search as you type).
#
#   scripts/bench-browse.sh [ENTRIES] [WORK_FOLDER]      (defaults: 10000, a fresh temp folder)
#
# Needs: python3, hyperfine (apt-get install hyperfine), /usr/bin/time (apt-get install time).
# jrnl is compared when it is on PATH or in $JRNL (pip install jrnl, in a venv).
# Everything lives in WORK_FOLDER: HOME, XDG folders and both journals; nothing touches yours.
set -euo pipefail

entries=${1:-10000}
work=${2:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/.." && pwd)
generator=${GENERATOR:-$root/../shared/bench/gen_jrnl_corpus.py}
mkdir -p "$work"

echo "== building (release)"
(cd "$root" && swift build -c release --product haven >/dev/null && swift build -c release --product haven-bench >/dev/null)
haven=$root/.build/release/haven
bench=$root/.build/release/haven-bench

export HOME=$work/home XDG_CONFIG_HOME=$work/xdg XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
export PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring
export HAVEN_HOME=$work/haven
mkdir -p "$HOME" "$XDG_CONFIG_HOME/jrnl"

if [ ! -f "$work/journal.txt" ]; then
    echo "== generating $entries entries"
    python3 "$generator" --entries "$entries" --out "$work/journal.txt" --config "$XDG_CONFIG_HOME/jrnl/jrnl.yaml" >/dev/null
fi
if [ ! -d "$HAVEN_HOME/entries" ]; then
    echo "== importing into Haven"
    /usr/bin/time -f "import: %e s, max RSS %M KB" "$haven" import jrnl "$work/journal.txt" | tail -1
fi
"$haven" list -n 1 >/dev/null # builds the index once; the timings below are of the usual, warm case

echo "== whole process, $entries entries (hyperfine, median of 10 runs)"
runs=(
    "$haven list -n 20"
    "$haven search lighthouse"
    "$haven list --tag firefighter -n 20"
)
jrnl=${JRNL:-$(command -v jrnl || true)}
if [ -n "$jrnl" ]; then
    "$jrnl" -n 1 >/dev/null 2>&1 || true # jrnl rewrites its config's version on the first run
    runs+=("$jrnl -n 20" "$jrnl -contains lighthouse" "$jrnl @firefighter")
fi
hyperfine -N --output=pipe --warmup 2 --runs 10 --export-markdown "$work/hyperfine.md" "${runs[@]}" >/dev/null
cat "$work/hyperfine.md"

echo "== memory"
for command in "list -n 20" "search lighthouse"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "haven $command: max RSS %M KB" "$haven" $command >/dev/null
done

echo "== in process (haven-bench --browse)"
"$bench" --browse "$HAVEN_HOME" --cache "$XDG_CACHE_HOME/haven"
echo "(work folder: $work)"
