#!/usr/bin/env bash
# Times the whole Drishti job on a corpus and, when /usr/bin/python3 has scikit-learn (Debian
# python3-sklearn), the scikit-learn peer on the same corpus in the same run.
#
#   scripts/bench.sh [CORPUS.jsonl] [K]
#
# With no corpus, a 50 MB one is synthesized from the embedded sample (scripts/synthcorpus).
# Real-news corpora: ../shared/tools/make-corpus --mb 50 --out /tmp/c50.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-}
k=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$corpus" ]; then
  corpus=$work/synth.jsonl
  go run ./scripts/synthcorpus -mb 50 -out "$corpus"
fi
go build -o "$work/drishti" ./cmd/drishti
size=$(stat -c %s "$corpus")
echo "corpus: $corpus ($((size / 1000000)) MB), k=$k, $(nproc) cores, $(go version | cut -d' ' -f3)"

measure() { # name, command...
  local name=$1; shift
  /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt" || { cat "$work/err.txt" >&2; return 1; }
  local wall user rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time.txt")
  printf '%-10s wall %7.2f s   user %7.2f s   peak RSS %5d MB\n' "$name" "$wall" "$user" "$rss"
  echo "$wall" > "$work/$name.wall"
}

measure drishti "$work/drishti" run --quiet --topics "$k" --out "$work/out" "$corpus"
python3 - "$work/out/manifest.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
print("  stages: " + ", ".join(f"{s['stage']} {s['seconds']:.2f} s" for s in m["stages"]))
print("  reports: " + ", ".join(f"{k} {v}" for k, v in sorted(m["reports"].items())))
PY
if /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
  measure sklearn /usr/bin/python3 scripts/peer_sklearn.py "$corpus" "$k"
  echo "  peer steps: $(cat "$work/out.txt")"
  awk -v a="$(cat "$work/sklearn.wall")" -v b="$(cat "$work/drishti.wall")" 'BEGIN {printf "ratio: drishti is %.1fx faster than the peer (wall)\n", a/b}'
else
  echo "scikit-learn not found (apt-get install python3-sklearn): peer skipped"
fi
