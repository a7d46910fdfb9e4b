#!/usr/bin/env bash
# bench/scan.sh [-n RUNS] [-s SIZE]... [TREE]
#
# Times threatmap against gitleaks on one tree: the read floor (cat of
# every file), `gitleaks dir` and `threatmap scan --format json`, run
# alternately RUNS times each, and prints the medians of wall time, CPU
# time (user+sys) and peak RSS, MB/s, files/s and threatmap / gitleaks.
#
# With no TREE it generates a deterministic tree of SIZE (default 250MB)
# with bench/gen, so the numbers reproduce without a download. Give -s
# several times (-s 250MB -s 500MB -s 1GB) to see how time and memory
# grow: each size is generated, measured and removed in turn, and a last
# table puts the sizes side by side.
#
# Needs Go, and GNU time (/usr/bin/time -v) for peak RSS: on Debian or
# Ubuntu, `apt-get install -y time`. gitleaks v8.30.1 is installed with
# `go install` through the Go module proxy. Everything it writes goes to
# a fresh temporary folder, removed at the end (set KEEP=1 to keep it).
set -euo pipefail

runs=3
sizes=()
while getopts "n:s:h" opt; do
	case $opt in
	n) runs=$OPTARG ;;
	s) sizes+=("$OPTARG") ;;
	*)
		sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
		exit 2
		;;
	esac
done
shift $((OPTIND - 1))
if [[ ${#sizes[@]} -eq 0 ]]; then
	sizes=(250MB)
fi

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/threatmap-bench.XXXXXX")
if [[ -z ${KEEP:-} ]]; then
	trap 'rm -rf "$work"' EXIT
fi

if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -v true 2>/dev/null; then
	echo "bench: GNU time is missing (apt-get install -y time)" >&2
	exit 1
fi

echo "bench: building threatmap and installing gitleaks v8.30.1 into $work/bin" >&2
(cd "$repo" && go build -o "$work/bin/threatmap" ./cmd/threatmap)
GOBIN="$work/bin" go install github.com/zricethezav/gitleaks/v8@v8.30.1

# measure NAME CMD...: one run; appends "wall cpu rss_kb" to $work/NAME.
measure() {
	local name=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$work/time.out" "$@" >/dev/null 2>"$work/$name.stderr" || {
		echo "bench: $name failed:" >&2
		tail -5 "$work/$name.stderr" >&2
		exit 1
	}
	awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$work/time.out" >>"$work/$name"
}

# calc EXPR: floating-point arithmetic without bc.
calc() { awk "BEGIN {print $*}"; }

# median NAME COLUMN
median() { awk -v c="$2" '{print $c}' "$work/$1" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

read_floor() { find "$tree" -type f -not -path '*/.git/*' -print0 | xargs -0 cat >/dev/null; }
export -f read_floor

# bench_tree LABEL: measures the tree in $tree and prints its table; adds
# a line to $work/scaling.
bench_tree() {
	local label=$1 bytes files i t w
	export tree
	rm -f "$work/read" "$work/gitleaks" "$work/threatmap"
	bytes=$(find "$tree" -type f -not -path '*/.git/*' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
	files=$(find "$tree" -type f -not -path '*/.git/*' | wc -l)
	for i in $(seq "$runs"); do
		echo "bench: $label, run $i of $runs" >&2
		measure read bash -c read_floor
		# A real report file: gitleaks deletes --report-path on some
		# errors, /dev/null included.
		measure gitleaks "$work/bin/gitleaks" dir "$tree" --no-banner --exit-code 0 \
			--report-format json --report-path "$work/gitleaks.json"
		measure threatmap "$work/bin/threatmap" scan --format json "$tree"
	done
	"$work/bin/threatmap" scan --format json "$tree" >"$work/threatmap.json"

	printf '\n%s: %d files, %.1f MB, %d runs each (medians)\n' "$label" "$files" "$(calc "$bytes / 1e6")" "$runs"
	printf '%-10s %8s %8s %9s %8s %9s\n' tool wall_s cpu_s rss_MB MB/s files/s
	for t in read gitleaks threatmap; do
		w=$(median "$t" 1)
		printf '%-10s %8.2f %8.2f %9.0f %8.1f %9.0f\n' "$t" "$w" "$(median "$t" 2)" \
			"$(calc "$(median "$t" 3) / 1024")" "$(calc "$bytes / 1e6 / $w")" "$(calc "$files / $w")"
	done
	printf 'threatmap / gitleaks: wall %.2f, cpu %.2f\n' \
		"$(calc "$(median threatmap 1) / $(median gitleaks 1)")" \
		"$(calc "$(median threatmap 2) / $(median gitleaks 2)")"
	# The heredoc is not indented: <<'EOF' would keep the tabs.
	python3 - "$work/gitleaks.json" "$work/threatmap.json" <<'EOF' 2>/dev/null || true
import json, sys
gl = json.load(open(sys.argv[1]))
tm = json.load(open(sys.argv[2]))
print(f"secrets: gitleaks {len(gl)}, threatmap {len(tm.get('secrets', []))}; threatmap read {tm['stats']['files']} files, {tm['stats']['bytes'] / 1e6:.1f} MB")
EOF
	printf '%-14s %8.1f %10.2f %10.2f %10.0f %8.1f %8.2f\n' "$label" "$(calc "$bytes / 1e6")" \
		"$(median threatmap 1)" "$(median threatmap 2)" "$(calc "$(median threatmap 3) / 1024")" \
		"$(calc "$bytes / 1e6 / $(median threatmap 1)")" \
		"$(calc "$(median threatmap 1) / $(median gitleaks 1)")" >>"$work/scaling"
}

if [[ $# -ge 1 ]]; then
	tree=$(cd "$1" && pwd)
	bench_tree "$(basename "$tree")"
else
	for size in "${sizes[@]}"; do
		tree="$work/tree-$size"
		echo "bench: generating a $size tree" >&2
		(cd "$repo" && go run ./bench/gen -size "$size" -out "$tree") >&2
		bench_tree "generated $size"
		if [[ -z ${KEEP:-} ]]; then
			rm -rf "$tree"
		fi
	done
fi

if [[ $(wc -l <"$work/scaling") -gt 1 ]]; then
	printf '\nthreatmap by size (medians)\n'
	printf '%-14s %8s %10s %10s %10s %8s %8s\n' tree MB wall_s cpu_s rss_MB MB/s vs_gitleaks
	cat "$work/scaling"
fi
