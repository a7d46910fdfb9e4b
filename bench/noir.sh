#!/usr/bin/env bash
# Route discovery on OWASP Noir's functional fixtures, per framework, as a Markdown table.
#
#   bench/noir.sh SCORER NOIR_GIT_DIR [--only LIST] [--all]
#
# SCORER        the folder of the conformance scorer (run.sh, score_routes.py), kept outside
#               this repository: nothing of Noir is committed here, only the numbers.
# NOIR_GIT_DIR  a git folder of github.com/owasp-noir/noir (bare is fine).
#
# Run from the project's root. It runs SCORER/run.sh (which builds threatmap and checks the
# fixtures out into its cache), scores every fixture again with per-fixture counts, and folds
# the fixtures of one framework together (go/chi, go/chi_callees and go/chi_crossfile are
# go/chi). Last line: the totals. Paste the table into bench/README.md.
set -euo pipefail
scorer=${1:?usage: bench/noir.sh SCORER NOIR_GIT_DIR [--only LIST] [--all]}
gd=${2:?usage: bench/noir.sh SCORER NOIR_GIT_DIR [--only LIST] [--all]}
shift 2
"$scorer/run.sh" "$gd" "$@" >/dev/null
[ -d "$gd/objects" ] || { [ -d "$gd/.git" ] && gd="$gd/.git"; } || true
[ -d "$gd/repo/objects" ] && gd="$gd/repo"
rev=$(git --git-dir="$gd" rev-parse HEAD)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/threatmap-noir/$rev
only=$(cat "$scorer/focus.txt")
while [ $# -gt 0 ]; do
  case $1 in
    --only) only=$2; shift 2 ;;
    --all) only=""; shift ;;
    *) shift ;;
  esac
done
csv=$(mktemp)
trap 'rm -f "$csv"' EXIT
python3 "$scorer/score_routes.py" --bin "$cache/threatmap" --root "$cache/fixtures" \
  --expected "$cache/expected.json" --only "$only" --exhaustive "$cache/meta.json" --csv "$csv" >/dev/null
python3 - "$csv" "$rev" <<'PY'
import collections, csv, sys
rows = collections.defaultdict(lambda: [0, 0, 0, 0])
for r in csv.DictReader(open(sys.argv[1])):
    lang, name = r["fixture"].split("/")[:2]
    fw = lang + "/" + name.split("_")[0]
    g = rows[fw]
    g[0] += int(r["tp"]); g[1] += int(r["expected"]); g[2] += int(r["reported"]); g[3] += 1
print(f"Noir {sys.argv[2][:12]}\n")
print("| framework | fixtures | expected | found | reported | recall | precision |")
print("|---|---:|---:|---:|---:|---:|---:|")
T = [0, 0, 0, 0]
for fw in sorted(rows):
    tp, ne, nr, n = rows[fw]
    for i, v in enumerate(rows[fw]):
        T[i] += v
    rec = tp / ne if ne else 1
    prec = tp / nr if nr else (1 if not ne else 0)
    print(f"| {fw} | {n} | {ne} | {tp} | {nr} | {rec:.2f} | {prec:.2f} |")
tp, ne, nr, n = T
print(f"| **all** | {n} | {ne} | {tp} | {nr} | **{tp / ne if ne else 0:.3f}** | **{tp / nr if nr else 0:.3f}** |")
PY
