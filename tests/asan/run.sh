#!/usr/bin/env bash
# Rempart: the whole HTTP suite against an AddressSanitizer + UBSan build.
#
#   tests/asan/run.sh [tests/http/FILE.mjs...]
#
# Builds a copy of the source tree with `configure --enable-asan` in
# $ASAN_BUILD (default var/asan-src; the in-tree build forbids a VPATH build,
# so the tracked and untracked-but-not-ignored files are copied there, with
# their times, and rebuilt incrementally), starts a second private stack of
# its own (STACK_DIR=$ASAN_STACK_DIR, default var/asan-stack; port
# $ASAN_STACK_PORT, default 8092) whose rempart-fcgi and
# rempart-admin are the ASan binaries, runs every tests/http/*.mjs (or the
# files given) against it, stops it, and scans the logs.
#
# One line per test file, "asan-FILE: PASS|FAIL", then "asan-reports:
# PASS|FAIL": that last one fails on any sanitizer report (ASan, LeakSanitizer
# at process exit, UBSan) in the stack's logs or in a test's output. Exit
# status non-zero when any line failed. TAP output is kept in
# $ASAN_STACK_DIR/tap/.
#
# Options: halt_on_error=1 for both, so a report also kills the process that
# made it (the request fails, the worker is respawned, the log says why).
# ASan and LeakSanitizer write to $ASAN_STACK_DIR/log/asan.PID (log_path);
# GCC's UBSan runtime, combined with ASan, ignores log_path and writes to
# stderr, that is rempart-fcgi.log for the workers and the TAP output for
# rempart-admin run by a test: all three are scanned.

set -uo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
ABUILD=${ASAN_BUILD:-$TOP/var/asan-src}
export SRCDIR=$TOP BUILDDIR=$ABUILD
export STACK_DIR=${ASAN_STACK_DIR:-$TOP/var/asan-stack}
export STACK_PORT=${ASAN_STACK_PORT:-8092}
STACK=$TOP/tests/stack.sh
LOG_DIR=$STACK_DIR/log
TAP_DIR=$STACK_DIR/tap
# What a sanitizer prints at the head of a report.
REPORT_RE='ERROR: (AddressSanitizer|LeakSanitizer)|runtime error: |SUMMARY: (AddressSanitizer|UndefinedBehaviorSanitizer)'

say() { printf 'asan: %s\n' "$*" >&2; }

# copy_tree: the sources, with their modification times, into $ABUILD.
copy_tree() {
	mkdir -p "$ABUILD" || return 1
	if git -C "$TOP" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		{
			git -C "$TOP" ls-files -z --cached --others --exclude-standard
			# What autogen.sh generates (ignored by git).
			printf '%s\0' configure Makefile.in aclocal.m4 autoconfig.h.in build-aux m4
		} | (cd "$TOP" && while IFS= read -r -d '' f; do
			[[ -e $f ]] && printf '%s\0' "$f"
		done) | tar -C "$TOP" --null -T - -cf - | tar -C "$ABUILD" -xf -
	else
		# A release tarball: its own distdir is the copy.
		make -C "$TOP" distdir distdir="$ABUILD" >/dev/null
	fi
}

build() {
	local jobs=${ASAN_JOBS:-2}
	copy_tree || { say "copying the tree into $ABUILD failed"; return 1; }
	if [[ ! -f $ABUILD/Makefile ]]; then
		(cd "$ABUILD" && ./configure --enable-asan) >"$ABUILD/asan-configure.log" 2>&1 || {
			tail -20 "$ABUILD/asan-configure.log"
			return 1
		}
	fi
	# all: rempart-fcgi, rempart-admin and what they run (rempart-render).
	make -C "$ABUILD" -j"$jobs" all >"$ABUILD/asan-make.log" 2>&1 || {
		tail -40 "$ABUILD/asan-make.log"
		return 1
	}
}

t0=$(date +%s)
say "building with --enable-asan in $ABUILD"
if ! build; then
	echo "asan-build: FAIL"
	exit 1
fi
t1=$(date +%s)
say "built in $((t1 - t0)) s"

mkdir -p "$LOG_DIR" "$TAP_DIR" || exit 1
# Reports of an earlier run must not count (nor hide) in this one.
rm -f "$LOG_DIR"/asan.* "$TAP_DIR"/*.log
: >"$LOG_DIR/rempart-fcgi.log"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:log_path=$LOG_DIR/asan"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$TOP/tests/asan/lsan.supp:print_suppressions=0"

if [[ $# -gt 0 ]]; then
	files=("$@")
else
	files=("$TOP"/tests/http/*.mjs)
fi

failed=0
if ! "$STACK" restart >"$LOG_DIR/asan-stack.out" 2>&1; then
	cat "$LOG_DIR/asan-stack.out"
	echo "asan-stack: FAIL"
	"$STACK" stop >/dev/null 2>&1
	exit 1
fi
for f in "${files[@]}"; do
	name=$(basename "$f" .mjs)
	tap=$TAP_DIR/$name.log
	if "$TOP/tests/lib/node-tap.sh" "$f" >"$tap" 2>&1; then
		echo "asan-$name: PASS"
	else
		echo "asan-$name: FAIL"
		grep -E -A12 '^not ok' "$tap" | head -40 | sed 's/^/    /'
		failed=$((failed + 1))
	fi
done
# Stopping the stack ends every worker and the master normally: that is when
# LeakSanitizer runs.
"$STACK" stop >>"$LOG_DIR/asan-stack.out" 2>&1
reports=$(grep -l -E "$REPORT_RE" "$LOG_DIR"/asan.* "$LOG_DIR/rempart-fcgi.log" "$TAP_DIR"/*.log 2>/dev/null)
if [[ -n $reports ]]; then
	echo "asan-reports: FAIL"
	for r in $reports; do
		echo "    --- $r"
		grep -E -A25 "$REPORT_RE" "$r" | head -60 | sed 's/^/    /'
	done
	failed=$((failed + 1))
else
	echo "asan-reports: PASS"
fi
say "suite run in $(($(date +%s) - t1)) s (${#files[@]} files)"
[[ $failed -eq 0 ]]
