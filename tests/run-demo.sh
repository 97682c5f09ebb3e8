#!/usr/bin/env bash
# Rempart: the README "run" command. On a fresh Debian 12 machine it installs
# what is missing, builds, starts the private stack (tests/stack.sh) with the
# demo data under ./var/demo, prints the URL and the demo logins, and stays in
# the foreground: Ctrl-C (or SIGTERM) stops what it started.
#
# Environment: STACK_PORT (default 8080), CONFIGURE_ARGS (passed to
# ./configure, split on blanks).

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$TOP"
# shellcheck source=tests/lib/deps.sh
. "$TOP/tests/lib/deps.sh"

say() { printf 'run-demo: %s\n' "$*" >&2; }

# shellcheck disable=SC2119 # base packages only
rp_install_deps
read -r -a configure_args <<<"${CONFIGURE_ARGS:-}"
rp_build "${configure_args[@]}"

export STACK_DIR=./var/demo
export STACK_PORT=${STACK_PORT:-8080}
export BUILDDIR=$TOP
STACK=$TOP/tests/stack.sh

stop_at_exit=0
sleep_pid=
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	[[ -n $sleep_pid ]] && kill "$sleep_pid" 2>/dev/null
	if [[ $stop_at_exit -eq 1 ]]; then
		say "stopping the demo stack"
		"$STACK" stop || rc=1
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A stack that already runs entirely (another run-demo) is left running.
if "$STACK" status >/dev/null 2>&1; then
	say "the demo stack already runs: it will be left running"
else
	stop_at_exit=1
fi
"$STACK" start
eval "$("$STACK" env)"

ADMIN=$TOP/app/rempart-admin
admin_help=$("$ADMIN" --help 2>&1 || true)
if grep -qw -- 'seed-demo' <<<"$admin_help"; then
	say "loading the demo data (rempart-admin seed-demo)"
	"$ADMIN" -c "$REMPART_CONFIG" seed-demo >"$STACK_DIR/demo-logins.txt"
else
	say "rempart-admin has no seed-demo command yet: no demo data"
fi

echo
echo "Rempart runs at: $BASE_URL/"
if [[ -f $STACK_DIR/demo-logins.txt ]]; then
	echo
	echo "Demo logins:"
	cat "$STACK_DIR/demo-logins.txt"
fi
echo
if [[ $stop_at_exit -eq 1 ]]; then
	echo "Press Ctrl-C to stop it (logs: $STACK_LOG_DIR)."
else
	echo "Press Ctrl-C to leave (the stack keeps running; stop it with: STACK_DIR=$STACK_DIR $STACK stop)."
fi

while :; do
	sleep 3600 &
	sleep_pid=$!
	wait "$sleep_pid" || true
done
