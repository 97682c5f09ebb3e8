#!/usr/bin/env bash
# Rempart: libFuzzer targets of the input parsers, under ASan + UBSan.
#
#   tests/fuzz/run.sh [TARGET...]
#
# Compiles each target (tests/fuzz/fuzz-TARGET.c) with clang straight from
# the app sources it needs, then runs it for FUZZ_SECONDS (default 20) on a
# temporary copy of its seed corpus (tests/fuzz/corpus/TARGET/). Any crash,
# leak, timeout or sanitizer report fails the target; its input is kept in
# $FUZZ_OUT/TARGET/ (default var/fuzz). One summary line per target; exit
# status non-zero when any target failed. With no TARGET, all of them.
#
# Environment: FUZZ_SECONDS, FUZZ_OUT, FUZZ_CC (default clang), FUZZ_ARGS (more
# libFuzzer options, e.g. "-jobs=2 -workers=2" or "-dict=FILE"), FUZZ_KEEP=DIR
# copies the grown corpus of each target into DIR/TARGET/ at the end.

set -uo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
FUZZ=$TOP/tests/fuzz
SECONDS_EACH=${FUZZ_SECONDS:-20}
OUT=${FUZZ_OUT:-$TOP/var/fuzz}
CC=${FUZZ_CC:-clang}	# libFuzzer is clang's: $CC (often gcc) is not used

# target: the app sources it needs (besides arena, log, util).
declare -A SOURCES=(
	[query]="request multipart jsoncheck"
	[cookie]="request multipart jsoncheck"
	[json]="jsoncheck"
	[csv]="csv"
	[multipart]="multipart request jsoncheck"
	[nmap]="nmap scandoc netaddr jsoncheck enums"
	[scanjson]="scandoc netaddr jsoncheck enums"
	[markdown]="markdown"
	[config]="config"
	[tplvars]="tplvars"
)
ALL=(query cookie json csv multipart nmap scanjson markdown config tplvars)

if ! command -v "$CC" >/dev/null 2>&1; then
	echo "fuzz: $CC not found (apt-get install clang libclang-rt-14-dev)" >&2
	exit 1
fi
PKGS=(json-c libcmark expat fcgi)
if ! PKG_CFLAGS=$(pkg-config --cflags "${PKGS[@]}") ||
    ! PKG_LIBS=$(pkg-config --libs "${PKGS[@]}"); then
	echo "fuzz: pkg-config ${PKGS[*]} failed" >&2
	exit 1
fi
# -fno-sanitize-recover: a UBSan report stops the run (else it only prints).
# shellcheck disable=SC2206 # pkg-config's flags are a list of words
CFLAGS_FUZZ=(-std=c11 -D_GNU_SOURCE "-I$TOP/app" $PKG_CFLAGS
	'-DRP_SYSCONFDIR="/etc"' '-DRP_DATADIR="/usr/share"' -g -O1
	-fno-omit-frame-pointer '-fsanitize=fuzzer,address,undefined'
	-fno-sanitize-recover=all)
# shellcheck disable=SC2206
LIBS_FUZZ=($PKG_LIBS)

mkdir -p "$OUT" || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${ALL[@]}")
failed=0
for t in "${targets[@]}"; do
	if [[ -z ${SOURCES[$t]+x} ]]; then
		echo "fuzz-$t: FAIL unknown target (one of: ${ALL[*]})"
		failed=$((failed + 1))
		continue
	fi
	bin=$OUT/fuzz-$t
	log=$OUT/fuzz-$t.log
	: >"$log"
	# Each app source is compiled once per run, then shared by the targets.
	objs=()
	ok=1
	for s in arena log util ${SOURCES[$t]}; do
		o=$tmp/obj/$s.o
		objs+=("$o")
		[[ -f $o ]] && continue
		mkdir -p "$tmp/obj"
		"$CC" "${CFLAGS_FUZZ[@]}" -c -o "$o" "$TOP/app/$s.c" >>"$log" 2>&1 || ok=0
	done
	if [[ $ok -eq 0 ]] || ! "$CC" "${CFLAGS_FUZZ[@]}" -o "$bin" "$FUZZ/fuzz-$t.c" \
	    "${objs[@]}" "${LIBS_FUZZ[@]}" >>"$log" 2>&1; then
		echo "fuzz-$t: FAIL does not compile (see $log)"
		sed 's/^/    /' "$log" | head -20
		failed=$((failed + 1))
		continue
	fi
	corpus=$tmp/$t
	mkdir -p "$corpus" "$OUT/$t"
	cp "$FUZZ/corpus/$t/"* "$corpus/" 2>/dev/null
	seeds=$(find "$corpus" -type f | wc -l)
	# shellcheck disable=SC2086 # FUZZ_ARGS is a list of options
	(cd "$OUT/$t" && "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$OUT/$t/" \
	    ${FUZZ_ARGS:-} "$corpus") >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	found=$(find "$corpus" -type f | wc -l)
	if [[ $rc -ne 0 ]] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$log"; then
		echo "fuzz-$t: FAIL (exit $rc) after ${runs:-?} runs; input kept in $OUT/$t/, log $log"
		grep -E 'ERROR|SUMMARY|runtime error|^    #[0-9] ' "$log" | head -20 | sed 's/^/    /'
		failed=$((failed + 1))
	else
		echo "fuzz-$t: PASS ${runs:-?} runs in ${SECONDS_EACH} s, corpus $seeds -> $found inputs"
	fi
	if [[ -n ${FUZZ_KEEP:-} ]]; then
		mkdir -p "$FUZZ_KEEP/$t" && cp "$corpus/"* "$FUZZ_KEEP/$t/"
	fi
done
[[ $failed -eq 0 ]]
