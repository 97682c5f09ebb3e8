#!/usr/bin/env bash
# Rempart: the README "test" command (and what .ci/run calls). On a fresh
# Debian 12 machine it installs what is missing, builds with strict warnings,
# starts a private stack, runs every test layer (unit, HTTP, browser, faults,
# valgrind), the fuzz targets, the HTTP suite again against an ASan + UBSan
# build, then `make distcheck`, a staged `make install` and the Debian
# package (build, lintian, install, smoke tests, purge: tests/ops/package.sh),
# and ends with one line: "N passed, N failed". Exit status is
# non-zero on any failure.
#
# Environment: STACK_PORT (default 8089), ASAN_STACK_PORT (default 8092, the
# sanitizer stack's), RP_ASAN=1 builds with AddressSanitizer instead
# of the debug build.

set -uo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$TOP" || exit 1
# shellcheck source=tests/lib/deps.sh
. "$TOP/tests/lib/deps.sh"

export SRCDIR=$TOP BUILDDIR=$TOP
export STACK_DIR=${STACK_DIR:-$TOP/var/test-stack}
export STACK_PORT=${STACK_PORT:-8089}
STACK=$TOP/tests/stack.sh
passed=0
failed=0
summary() {
	echo
	echo "$passed passed, $failed failed"
}
# step NAME CMD...: a step outside automake counts as one test.
step() {
	local name=$1
	shift
	echo "=== $name"
	if "$@"; then
		passed=$((passed + 1))
		echo "PASS: $name"
	else
		failed=$((failed + 1))
		echo "FAIL: $name"
	fi
}
finish() {
	"$STACK" stop >/dev/null 2>&1 || true
	summary
	[[ $failed -eq 0 ]]
	exit $?
}

echo "=== installing what is missing"
# shellcheck disable=SC2153 # RP_TEST_PACKAGES comes from deps.sh
if ! rp_install_deps "${RP_TEST_PACKAGES[@]}"; then
	failed=$((failed + 1))
	finish
fi
if ! (cd tests && npm ci --no-audit --no-fund --loglevel=error); then
	echo "npm ci failed in tests/" >&2
	failed=$((failed + 1))
	finish
fi

echo "=== building"
if [[ ${RP_ASAN:-0} == 1 ]]; then
	build_args=(--enable-asan)
else
	build_args=(--enable-debug)
fi
if ! rp_build "${build_args[@]}"; then
	failed=$((failed + 1))
	finish
fi

echo "=== make check (unit, HTTP, browser, fault and valgrind layers)"
# Serial on purpose: fault tests stop the database and signal the workers
# of the one shared stack.
make check >/dev/null 2>&1
for log in $(find tests -name '*.log' ! -name 'test-suite.log' | sort); do
	trs=${log%.log}.trs
	[[ -f $trs ]] || continue
	p=$(grep -c '^:test-result: \(PASS\|SKIP\|XFAIL\)' "$trs")
	f=$(grep -c '^:test-result: \(FAIL\|XPASS\|ERROR\)' "$trs")
	passed=$((passed + p))
	failed=$((failed + f))
	if [[ $f -gt 0 ]]; then
		echo "FAIL: $log ($f failed)"
		grep -E '^(not ok|#)|error|Error|expected|actual' "$log" | head -40 | sed 's/^/    /'
	else
		echo "PASS: $log ($p)"
	fi
done
if [[ ! -f test-suite.log ]]; then
	echo "make check did not run (see make check output)" >&2
	failed=$((failed + 1))
fi
"$STACK" stop >/dev/null 2>&1

# Fuzzing: each libFuzzer target (tests/fuzz/run.sh, ASan + UBSan) runs
# FUZZ_SECONDS (20 s here) from its seed corpus and counts as one test; a
# crash, leak or sanitizer report fails it. About 3.5 minutes in all.
echo "=== fuzz (libFuzzer targets, ASan + UBSan, ${FUZZ_SECONDS:-20} s each)"
fuzz_out=$(FUZZ_SECONDS=${FUZZ_SECONDS:-20} tests/fuzz/run.sh 2>&1)
fuzz_rc=$?
echo "$fuzz_out"
p=$(grep -c '^fuzz-[a-z]*: PASS' <<<"$fuzz_out")
f=$(grep -c '^fuzz-[a-z]*: FAIL' <<<"$fuzz_out")
passed=$((passed + p))
failed=$((failed + f))
if [[ $fuzz_rc -ne 0 && $f -eq 0 ]]; then
	echo "FAIL: tests/fuzz/run.sh (exit $fuzz_rc)"
	failed=$((failed + 1))
fi

# Sanitizers: every tests/http/*.mjs against a second private stack whose
# workers (and rempart-admin) are an --enable-asan build (ASan + UBSan,
# LeakSanitizer at exit), tests/asan/run.sh. Each file counts as one test,
# and one more for "no sanitizer report in any log". 3.5 to 5.5 minutes
# (up to 1 minute of build from scratch, the rest the suite).
echo "=== HTTP suite under ASan + UBSan (tests/asan/run.sh)"
asan_out=$(tests/asan/run.sh 2>&1)
asan_rc=$?
echo "$asan_out"
p=$(grep -c '^asan-[a-z0-9-]*: PASS' <<<"$asan_out")
f=$(grep -c '^asan-[a-z0-9-]*: FAIL' <<<"$asan_out")
passed=$((passed + p))
failed=$((failed + f))
if [[ $asan_rc -ne 0 && $f -eq 0 ]]; then
	echo "FAIL: tests/asan/run.sh (exit $asan_rc)"
	failed=$((failed + 1))
fi

# The tarball builds and passes its unit layer on its own.
step "make distcheck" sh -c 'make distcheck >var/distcheck.log 2>&1 || { tail -40 var/distcheck.log; exit 1; }'

# A staged install puts binaries, data and config where the prefix says.
install_check() {
	local d
	d=$(mktemp -d) || return 1
	make install DESTDIR="$d" >/dev/null || return 1
	local f ok=0
	for f in /usr/local/sbin/rempart-fcgi /usr/local/sbin/rempart-admin \
	    /usr/local/etc/rempart/rempart.conf \
	    /usr/local/share/rempart/www/templates/layout.cs \
	    /usr/local/share/rempart/www/lang/fr.hdf \
	    /usr/local/share/rempart/www/static/rempart.css \
	    /usr/local/share/rempart/sql/001-foundation.sql \
	    /usr/local/share/rempart/nginx/rempart-site.conf \
	    /usr/local/lib/systemd/system/rempart.service \
	    /usr/local/lib/systemd/system/rempart.socket; do
		[[ -e $d$f ]] || { echo "missing after install: $f"; ok=1; }
	done
	grep -q '^paths.www = /usr/local/share/rempart/www$' \
	    "$d/usr/local/etc/rempart/rempart.conf" || { echo "installed config has wrong paths"; ok=1; }
	grep -q 'ExecStart=/usr/local/sbin/rempart-fcgi -c /usr/local/etc/rempart/rempart.conf' \
	    "$d/usr/local/lib/systemd/system/rempart.service" || { echo "unit not substituted"; ok=1; }
	# The installed binary validates the installed config and templates.
	sed -i "s|/usr/local/share|$d/usr/local/share|" "$d/usr/local/etc/rempart/rempart.conf"
	"$d/usr/local/sbin/rempart-admin" -c "$d/usr/local/etc/rempart/rempart.conf" check-config || ok=1
	rm -rf "$d"
	return $ok
}
mkdir -p var
step "make install (DESTDIR)" install_check

# The Debian package (tests/ops/package.sh): built from a copy of the
# tracked files under var/pkg (the in-tree build is not touched), lintian,
# installed on this machine, its unit's ExecStart run by hand (no systemd
# here) against the test database with smoke tests through nginx,
# reinstalled over itself (the upgrade path), then purged. Needs root;
# 90 to 140 s on a shared 2-core machine, most of it dpkg-buildpackage.
if [[ $(id -u) -eq 0 ]]; then
	pkg_start=$SECONDS
	if "$STACK" start >var/package-stack.log 2>&1; then
		step "package: dpkg-buildpackage -us -uc -b" tests/ops/package.sh build
		step "package: lintian, no error" tests/ops/package.sh lintian
		step "package: apt-get install ./rempart_*.deb" tests/ops/package.sh install
		step "package: the unit's ExecStart, smoke tests through nginx" tests/ops/package.sh smoke
		step "package: upgrade path keeps the conffile, asks for migrate" tests/ops/package.sh upgrade
		step "package: dpkg --purge leaves nothing" tests/ops/package.sh purge
	else
		tail -20 var/package-stack.log
		failed=$((failed + 1))
	fi
	echo "package steps: $((SECONDS - pkg_start)) s"
else
	echo "=== package steps skipped: they install the package and need root"
fi
finish
