#!/usr/bin/env bash
# Rempart: the time to build the mission report of a large client (issue
# 14): rempart-render fed the JSON the worker builds (tests/bench/
# report-fixture.mjs) for a client with 200 risks and 500 requirements, as
# PDF and as Word, with hyperfine when installed (else a timed loop). Two
# inputs: as app/report.c sends it (the 20 worst risks, 100 actions listed)
# and everything listed (200 risk rows, 120 action rows), the worst case.
# With STACK_DIR set (make bench), also end to end: tests/bench/
# report-e2e.mjs makes such a client through the API and downloads its
# report through nginx and a worker. Run by tests/bench/bench.sh, or alone.
# Exit 1 on an error.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
SRCDIR=${SRCDIR:-$TOP}
BUILDDIR=${BUILDDIR:-$TOP}
RENDER=$BUILDDIR/app/rempart-render
RUNS=${BENCH_REPORT_RUNS:-10}
[[ -x $RENDER ]] || { echo "report: $RENDER not built" >&2; exit 1; }
OUT=$(mktemp -d "${TMPDIR:-/tmp}/rempart-report-bench.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

node "$SRCDIR/tests/bench/report-fixture.mjs" 200 500 120 20 >"$OUT/sent.json"
node "$SRCDIR/tests/bench/report-fixture.mjs" 200 500 120 0 >"$OUT/all.json"

echo
echo "Mission report, a client with 200 risks and 500 requirements (rempart-render, $RUNS runs each)"
printf '  %-44s %10s %10s %10s %8s %9s\n' "input" "mean ms" "max ms" "CPU ms" "pages" "bytes"
for input in sent all; do
	for fmt in pdf docx; do
		"$RENDER" "$fmt" <"$OUT/$input.json" >"$OUT/$input.$fmt"
		pages=-
		[[ $fmt == pdf ]] && command -v pdfinfo >/dev/null &&
			pages=$(pdfinfo "$OUT/$input.$fmt" | awk '/^Pages:/ { print $2 }')
		if command -v hyperfine >/dev/null; then
			# (hyperfine 1.15, Debian 12's, has no --input: the shell
			# redirects, and hyperfine subtracts the shell's start-up.)
			hyperfine -w 2 -r "$RUNS" --export-json "$OUT/h.json" \
				"'$RENDER' $fmt < '$OUT/$input.json'" >"$OUT/hyperfine.log" 2>&1 ||
				{ cat "$OUT/hyperfine.log" >&2; exit 1; }
			read -r mean max cpu < <(node -e 'const r = require(process.argv[1]).results[0];
				console.log((r.mean * 1000).toFixed(1), (r.max * 1000).toFixed(1),
				((r.user + r.system) * 1000).toFixed(1))' "$OUT/h.json")
		else
			max=0 total=0 cpu=-
			for ((i = 0; i < RUNS; i++)); do
				t0=$(date +%s%N)
				"$RENDER" "$fmt" <"$OUT/$input.json" >/dev/null
				ms=$((($(date +%s%N) - t0) / 1000000))
				total=$((total + ms))
				((ms > max)) && max=$ms
			done
			mean=$((total / RUNS))
		fi
		label="$fmt, $([[ $input == sent ]] && echo "as the worker sends it" || echo "every risk and action listed")"
		printf '  %-44s %10s %10s %10s %8s %9s\n' "$label" "$mean" "$max" "$cpu" "$pages" "$(stat -c %s "$OUT/$input.$fmt")"
	done
done
# End to end, when a stack is named (make bench runs this with its own):
# the same size of client made through the API, its report downloaded.
if [[ -n ${STACK_DIR:-} && ${BENCH_REPORT_E2E:-1} == 1 ]]; then
	node "$SRCDIR/tests/bench/report-e2e.mjs" "$RUNS" 2>"$OUT/e2e.log" ||
		{ sed 's/^/    /' "$OUT/e2e.log" >&2; exit 1; }
fi
echo "  (wall time on a shared machine; CPU ms = user + system, mean. $(command -v hyperfine >/dev/null && hyperfine --version || echo 'hyperfine not installed: a timed loop'))"
