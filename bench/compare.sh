#!/usr/bin/env bash
# bench/compare.sh [-b BASE] DIR...
#
# Checks that a change keeps threatmap's output: builds threatmap at BASE
# (a git revision, default main) and from the working tree, and on each
# DIR compares, byte for byte, `scan --format json` and the
# `report --format json` of a model `init` drafts (on a copy of DIR, so
# DIR is never written). Prints one line per DIR and output, and the diff
# of any that differ; exits 1 if any differs.
#
# A DIR may also be a bare git repository (a fetched mirror): its HEAD is
# exported first. Everything goes to a temporary folder, removed at the
# end (KEEP=1 keeps it).
set -euo pipefail

base=main
while getopts "b:h" opt; do
	case $opt in
	b) base=$OPTARG ;;
	*)
		sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
		exit 2
		;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

repo=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/base-src"
git -C "$repo" archive "$base" | tar -x -C "$tmp/base-src"
(cd "$tmp/base-src" && go build -o "$tmp/old" ./cmd/threatmap)
(cd "$repo" && go build -o "$tmp/new" ./cmd/threatmap)

status=0
n=0
for dir in "$@"; do
	n=$((n + 1))
	src="$tmp/tree$n"
	mkdir -p "$src"
	if [ -f "$dir/HEAD" ] && [ -d "$dir/objects" ]; then
		git --git-dir="$dir" archive HEAD | tar -x -C "$src"
	else
		cp -R "$dir/." "$src"
	fi
	for bin in old new; do
		"$tmp/$bin" scan "$src" --format json >"$tmp/$n.scan.$bin.json"
		rm -rf "$tmp/copy" && cp -R "$src" "$tmp/copy"
		rm -f "$tmp/copy/threatmap.yaml" "$tmp/copy/THREATMAP.md"
		"$tmp/$bin" init "$tmp/copy" >/dev/null
		"$tmp/$bin" report "$tmp/copy" --format json >"$tmp/$n.report.$bin.json"
	done
	for out in scan report; do
		if cmp -s "$tmp/$n.$out.old.json" "$tmp/$n.$out.new.json"; then
			echo "same    $out $dir ($(wc -c <"$tmp/$n.$out.new.json") bytes)"
		else
			echo "DIFFERS $out $dir"
			diff "$tmp/$n.$out.old.json" "$tmp/$n.$out.new.json" | head -40 || true
			status=1
		fi
	done
done
exit $status
