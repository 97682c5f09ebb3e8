#!/usr/bin/env bash
# Rempart: `make soak` — a long mixed read/write load, not part of CI.
#
# Starts the private stack (tests/stack.sh), makes a firm, a signed-in admin
# and one client, then runs wrk through nginx for SOAK_SECONDS (default 300)
# with 64 connections: nine requests in ten are reads (the client list page,
# the home page, the API's client list, health), one in ten creates an
# action (POST, 201). It then checks:
#   - zero errors: no connect/read/write error, no timeout, no non-2xx answer;
#   - no worker memory growth: VmRSS of each worker (/proc/PID/status)
#     before and after grows by at most SOAK_RSS_SLACK_KB (default 256 KiB),
#     and no worker was replaced;
#   - the audit log holds exactly as many action.create entries for the
#     run's client as writes were acknowledged (201s counted by the Lua
#     script's response() and summed in done()); writes stop 3 s before
#     the end so that none is still in flight when wrk stops.
# Exit status: 0 when every check passes, 3 when one fails, 1 on an error.
# Stops the stack at the end if it started it.
#
# Environment: SRCDIR, BUILDDIR, STACK_DIR (default $BUILDDIR/var/soak-stack),
# STACK_PORT (default 8091), SOAK_SECONDS (default 300), SOAK_CONNECTIONS
# (default 64), SOAK_THREADS (default 2), SOAK_RSS_SLACK_KB (default 256).

if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -euo pipefail

PROG=soak
say() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
	say "error: $*"
	exit 1
}

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
SRCDIR=$(cd "${SRCDIR:-$TOP}" && pwd -P)
if [[ -z ${BUILDDIR:-} ]]; then
	BUILDDIR=$TOP
	[[ ! -x $TOP/app/rempart-fcgi && -x $PWD/app/rempart-fcgi ]] && BUILDDIR=$PWD
fi
BUILDDIR=$(cd "$BUILDDIR" && pwd -P)
STACK_DIR=${STACK_DIR:-$BUILDDIR/var/soak-stack}
STACK_PORT=${STACK_PORT:-8091}
export SRCDIR BUILDDIR STACK_DIR STACK_PORT
STACK=$SRCDIR/tests/stack.sh
SECS=${SOAK_SECONDS:-300}
CONNECTIONS=${SOAK_CONNECTIONS:-64}
THREADS=${SOAK_THREADS:-2}
SLACK=${SOAK_RSS_SLACK_KB:-256}
if ! [[ $SECS =~ ^[0-9]+$ ]] || ((SECS < 10)); then
	die "SOAK_SECONDS must be a number of seconds, at least 10 (got '$SECS')"
fi

command -v wrk >/dev/null 2>&1 || die "wrk not found: apt-get install wrk"
command -v curl >/dev/null 2>&1 || die "curl not found: apt-get install curl"

started=0
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [[ $started -eq 1 ]]; then
		say "stopping the stack it started"
		"$STACK" stop >/dev/null 2>&1 || { say "warning: tests/stack.sh stop failed"; rc=1; }
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$STACK" status >/dev/null 2>&1 || started=1
OUT=$STACK_DIR/soak
mkdir -p "$OUT"
say "starting the stack (STACK_DIR=$STACK_DIR, port $STACK_PORT)"
"$STACK" start >"$OUT/stack-start.log" 2>&1 || {
	sed 's/^/    /' "$OUT/stack-start.log" >&2
	die "tests/stack.sh start failed"
}
eval "$("$STACK" env)"
sqlv() { mariadb --defaults-file="$STACK_MYSQL_DEFAULTS" --batch --skip-column-names -e "$1"; }

# A firm of its own, its admin signed in, one client.
run=$(date +%s)$$
email=soak-$run@soak.rempart.test
password="soak rempart $run pass"
"$BUILDDIR/app/rempart-admin" -c "$REMPART_CONFIG" create-firm "Soak $run" "$email" --password-stdin \
	<<<"$password" >"$OUT/firm.txt" || die "create-firm failed"
body=$(curl -s -D "$OUT/login-headers.txt" --max-time 10 -H 'Content-Type: application/json' \
	-d "{\"email\":\"$email\",\"password\":\"$password\"}" "$BASE_URL/api/v1/session")
COOKIE=$(tr -d '\r' <"$OUT/login-headers.txt" | sed -n 's/^[Ss]et-[Cc]ookie: \(rempart_session=[^;]*\).*/\1/p')
CSRF=$(printf '%s' "$body" | sed -n 's/.*"csrf_token": *"\([^"]*\)".*/\1/p')
[[ -n $COOKIE && -n $CSRF ]] || die "cannot log in as $email: $body"
client=$(curl -s --max-time 10 -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
	-d "{\"name\":\"Soak client $run\",\"mission_type\":\"permanent\",\"plan\":\"standard\",\"billing_mode\":\"intermediated\"}" \
	"$BASE_URL/api/v1/clients" | sed -n 's/^{ *"id": *\([0-9]*\).*/\1/p')
[[ -n $client ]] || die "cannot create the soak client"
for p in /clients / /api/v1/clients?limit=50 /api/v1/health; do
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Cookie: $COOKIE" "$BASE_URL$p")
	[[ $code == 200 ]] || die "GET $p answered $code"
done

cat >"$OUT/soak.lua" <<LUA
local reads = { "/clients", "/", "/api/v1/clients?limit=50", "/api/v1/health" }
local threads = {}
local counter = 0
function setup(thread)
	counter = counter + 1
	thread:set("tid", counter)
	table.insert(threads, thread)
end
-- Writes stop 3 s before wrk does: wrk drops the requests still in flight
-- when its time is up, and a write the server completed then would be
-- audited without being counted here.
local writes_until = os.time() + $SECS - 3
local n = 0
created = 0
other = 0
request = function()
	n = n + 1
	if n % 10 == 0 and os.time() < writes_until then
		return wrk.format("POST", "/api/v1/clients/$client/actions", { ["Cookie"] = "$COOKIE",
			["X-CSRF-Token"] = "$CSRF", ["Content-Type"] = "application/json" },
			'{"title":"soak ' .. tid .. '-' .. n .. '"}')
	end
	return wrk.format("GET", reads[n % #reads + 1], { ["Cookie"] = "$COOKIE" })
end
response = function(status, headers, body)
	if status == 201 then
		created = created + 1
	elseif status ~= 200 then
		other = other + 1
	end
end
function done(summary, latency, requests)
	local c, o = 0, 0
	for _, t in ipairs(threads) do
		c = c + t:get("created")
		o = o + t:get("other")
	end
	local e = summary.errors
	io.write(string.format("SOAK requests=%d created=%d other=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
		summary.requests, c, o, e.connect, e.read, e.write, e.status, e.timeout))
end
LUA

worker_pids() { pgrep -P "$(cat "$STACK_FCGI_PID_FILE")" | sort -n; }
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# Warm-up (every worker allocates what it keeps), then the first reading.
sed "s/os.time() + $SECS - 3/os.time() + 2/" "$OUT/soak.lua" >"$OUT/warmup.lua"
wrk -t "$THREADS" -c "$CONNECTIONS" -d 5s -s "$OUT/warmup.lua" "$BASE_URL/" >"$OUT/warmup.txt" 2>&1 ||
	die "wrk warm-up failed: $(tail -n 3 "$OUT/warmup.txt")"
declare -A RSS1
before=$(worker_pids | paste -sd' ')
for p in $before; do RSS1[$p]=$(rss "$p"); done
audit0=$(sqlv "SELECT COALESCE(MAX(id), 0) FROM audit_log")

say "soaking for ${SECS}s: $CONNECTIONS connections, 90 % reads, 10 % action creations (client $client)"
timeout -k 5 $((SECS + 60)) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SECS}s" --timeout 5s --latency \
	-s "$OUT/soak.lua" "$BASE_URL/" >"$OUT/run.txt" 2>&1 || die "wrk failed: $(tail -n 3 "$OUT/run.txt")"
sleep 1
after=$(worker_pids | paste -sd' ')
audited=$(sqlv "SELECT COUNT(*) FROM audit_log WHERE id > $audit0 AND client_id = $client AND action = 'action.create'")

line=$(grep '^SOAK ' "$OUT/run.txt") || die "no summary line in $OUT/run.txt"
sed -n '/Requests\/sec/p;/Latency Distribution/,/99%/p' "$OUT/run.txt" >&2
say "$line"
fail=0
verdict() { # verdict OK TEXT
	if [[ $1 == 1 ]]; then printf 'PASS  %s\n' "$2"; else printf 'FAIL  %s\n' "$2"; fail=1; fi
}
get() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$line"; }
errs=$(($(get connect) + $(get read) + $(get write) + $(get status) + $(get timeout) + $(get other)))
ok=0; ((errs == 0)) && ok=1
verdict $ok "zero errors over $(get requests) requests (connect/read/write/non-2xx/timeout/other: $(get connect)/$(get read)/$(get write)/$(get status)/$(get timeout)/$(get other))"
ok=0; [[ $before == "$after" ]] && ok=1
verdict $ok "the same workers before and after ($before)"
ok=1
growth=""
for p in $before; do
	r2=$(rss "$p")
	growth+=" $p:${RSS1[$p]}->${r2}KiB"
	((r2 - RSS1[$p] <= SLACK)) || ok=0
done
verdict $ok "no worker RSS growth over ${SLACK} KiB:$growth"
ok=0; (($(get created) > 0 && audited == $(get created))) && ok=1
verdict $ok "audit log: $audited action.create entries for $(get created) acknowledged writes"
((fail == 0)) || exit 3
