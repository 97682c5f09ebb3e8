#!/usr/bin/env bash
# Rempart: `make bench` — a benchmark, not a test (issue 2, item 12).
#
# Starts the private stack (tests/stack.sh), warms it up, then runs wrk through
# nginx, one run after another, against:
#   (a) nginx serving a static file of exactly the size of the home page body
#       ($STACK_DIR/public/page-size.html, served at /_stack/page-size.html);
#   (b) the bare FastCGI hop: GET /ping (tiny static body, no database);
#   (c) the template page with one database read: GET /.
# For each it prints requests/s, p50, p99, timeouts and non-2xx/3xx responses,
# then the ratios (c)/(a) and (c)/(b) of requests/s, with a short description
# of the machine. Finally it stops the stack if it started it.
#
# wrk leaves timed-out requests out of its percentiles: read p99 beside the
# timeouts. Runs drift by 5-8 %: compare figures of one invocation only.
#
# Environment:
#   SRCDIR, BUILDDIR     repository top / build directory (default: the
#                        repository top; BUILDDIR falls back to the current
#                        directory when only there app/rempart-fcgi exists)
#   STACK_DIR            stack directory (default $BUILDDIR/var/bench-stack)
#   STACK_PORT           nginx port on 127.0.0.1 (default 8090)
#   STACK_WORKERS        rempart-fcgi workers (default: tests/stack.sh's)
#   BENCH_DURATION       length of each measured run (default 10s)
#   BENCH_WARMUP         length of the warm-up run of each URL (default 2s)
#   BENCH_THREADS        wrk threads (default 2)
#   BENCH_CONNECTIONS    wrk connections (default 64)
#   BENCH_TIMEOUT        wrk per-request timeout (default 5s)
#   BENCH_KEEP_STACK=1   leave the stack running at the end
# Raw wrk outputs are kept in $STACK_DIR/bench/.

# `make bench` runs this file with $(SHELL), which may be dash.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi

set -euo pipefail

PROG=bench
say() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
	say "error: $*"
	exit 1
}

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
SRCDIR=$(cd "${SRCDIR:-$TOP}" && pwd -P)
if [[ -z ${BUILDDIR:-} ]]; then
	BUILDDIR=$TOP
	if [[ ! -x $TOP/app/rempart-fcgi && -x $PWD/app/rempart-fcgi ]]; then
		BUILDDIR=$PWD # out-of-tree build: make bench runs in the build directory
	fi
fi
BUILDDIR=$(cd "$BUILDDIR" && pwd -P)
STACK_DIR=${STACK_DIR:-$BUILDDIR/var/bench-stack}
STACK_PORT=${STACK_PORT:-8090}
export SRCDIR BUILDDIR STACK_DIR STACK_PORT
STACK=$SRCDIR/tests/stack.sh

DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
TIMEOUT=${BENCH_TIMEOUT:-5s}
KEEP=${BENCH_KEEP_STACK:-0}

# A duration as wrk takes it (N, Ns, Nm, Nh) -> seconds.
seconds() {
	local v=$1
	[[ $v =~ ^([0-9]+)([smh]?)$ ]] || return 1
	case ${BASH_REMATCH[2]} in
	'' | s) echo "${BASH_REMATCH[1]}" ;;
	m) echo $((BASH_REMATCH[1] * 60)) ;;
	h) echo $((BASH_REMATCH[1] * 3600)) ;;
	esac
}
if ! DURATION_S=$(seconds "$DURATION") || ((DURATION_S == 0)); then
	die "BENCH_DURATION must be a positive duration such as 10s (got '$DURATION')"
fi
WARMUP_S=$(seconds "$WARMUP") || die "BENCH_WARMUP must be a duration such as 2s (got '$WARMUP')"
if ! TIMEOUT_S=$(seconds "$TIMEOUT") || ((TIMEOUT_S == 0)); then
	die "BENCH_TIMEOUT must be a positive duration such as 5s (got '$TIMEOUT')"
fi
[[ $THREADS =~ ^[1-9][0-9]*$ ]] || die "BENCH_THREADS must be a positive integer"
[[ $CONNECTIONS =~ ^[1-9][0-9]*$ ]] || die "BENCH_CONNECTIONS must be a positive integer"
((CONNECTIONS >= THREADS)) || die "BENCH_CONNECTIONS must be at least BENCH_THREADS ($THREADS)"

command -v wrk >/dev/null 2>&1 || die "wrk not found: apt-get install wrk"
command -v curl >/dev/null 2>&1 || die "curl not found: apt-get install curl"
command -v timeout >/dev/null 2>&1 || die "timeout not found: apt-get install coreutils"
[[ -x $STACK ]] || die "$STACK not found"

# ------------------------------------------------------------- the stack ---

started=0
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [[ $started -eq 1 ]]; then
		if [[ $KEEP == 1 ]]; then
			say "BENCH_KEEP_STACK=1: the stack keeps running (stop: STACK_DIR=$STACK_DIR $STACK stop)"
		else
			say "stopping the stack it started"
			"$STACK" stop >/dev/null 2>&1 || { say "warning: tests/stack.sh stop failed"; rc=1; }
		fi
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if "$STACK" status >/dev/null 2>&1; then
	say "the stack in $STACK_DIR already runs: it will be left running"
else
	started=1
fi
say "starting the stack (STACK_DIR=$STACK_DIR, port $STACK_PORT)"
mkdir -p "$STACK_DIR/bench"
OUT=$STACK_DIR/bench
"$STACK" start >"$OUT/stack-start.log" 2>&1 || {
	sed 's/^/    /' "$OUT/stack-start.log" >&2
	die "tests/stack.sh start failed"
}
eval "$("$STACK" env)"
mkdir -p "$STACK_DIR/public"

# ------------------------------------------------------------ the targets ---

# fetch URL FILE: GET it once; fails unless the answer is 200.
fetch() {
	local code
	code=$(curl -s -o "$2" -w '%{http_code}' --max-time 10 "$1") || die "GET $1 failed"
	[[ $code == 200 ]] || die "GET $1 answered $code, not 200 (see $STACK_LOG_DIR)"
}

fetch "$BASE_URL/" "$OUT/home.html"
PAGE_SIZE=$(wc -c <"$OUT/home.html" | tr -d ' ')
((PAGE_SIZE > 0)) || die "GET / returned an empty body"
# Same bytes as the page: same size, and a realistic HTML body.
cp "$OUT/home.html" "$STACK_DIR/public/page-size.html.tmp"
mv -f "$STACK_DIR/public/page-size.html.tmp" "$STACK_DIR/public/page-size.html"
fetch "$BASE_URL/_stack/page-size.html" "$OUT/static.html"
static_size=$(wc -c <"$OUT/static.html" | tr -d ' ')
[[ $static_size == "$PAGE_SIZE" ]] ||
	die "/_stack/page-size.html is $static_size bytes, the page $PAGE_SIZE"
fetch "$BASE_URL/ping" "$OUT/ping.txt"
PING_SIZE=$(wc -c <"$OUT/ping.txt" | tr -d ' ')

# (e) a signed-in page of tenant data: the demo admin's client list (eight
# clients, scoped query, filters, counts), with the session's cookie.
"$BUILDDIR/app/rempart-admin" -c "$REMPART_CONFIG" seed-demo >"$OUT/seed-demo.txt" ||
	die "rempart-admin seed-demo failed"
session=$(curl -s -D - -o /dev/null --max-time 10 -H 'Content-Type: application/json' \
	-d '{"email":"admin@demo.rempart.test","password":"demo rempart 2026"}' \
	"$BASE_URL/api/v1/session" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(rempart_session=[^;]*\).*/\1/p')
[[ -n $session ]] || die "could not log in as the demo admin"
code=$(curl -s -o "$OUT/clients.html" -w '%{http_code}' --max-time 10 -H "Cookie: $session" "$BASE_URL/clients")
[[ $code == 200 ]] || die "GET /clients answered $code, not 200"

KEYS=(a b c e)
declare -A URL=(
	[a]="$BASE_URL/_stack/page-size.html"
	[b]="$BASE_URL/ping"
	[c]="$BASE_URL/"
	[e]="$BASE_URL/clients"
)
declare -A LABEL=(
	[a]="(a) nginx static file, $PAGE_SIZE B"
	[b]="(b) FastCGI hop GET /ping, $PING_SIZE B"
	[c]="(c) template + 1 DB read GET /"
	[e]="(e) signed-in client list GET /clients"
)
declare -A HEADER=([e]="Cookie: $session")

# ----------------------------------------------------------------- wrk ---

# run_wrk DURATION URL OUTFILE [HEADER]: one bounded wrk run (also bounded
# by timeout).
run_wrk() {
	local secs
	local -a hdr=()
	[[ -n ${4:-} ]] && hdr=(-H "$4")
	secs=$(seconds "$1")
	timeout -k 5 $((secs + TIMEOUT_S + 30)) \
		wrk -t "$THREADS" -c "$CONNECTIONS" -d "$1" --timeout "$TIMEOUT" --latency \
		"${hdr[@]}" "$2" >"$3" 2>&1
}

# parse_wrk FILE: prints "rps p50_ms p99_ms requests timeouts non2xx sockerr"
# (sockerr: connect + read + write errors). Latency units us/ms/s/m/h -> ms.
parse_wrk() {
	awk '
	function ms(v,   n, u) {
		n = v; sub(/[a-z]+$/, "", n); u = substr(v, length(n) + 1)
		if (u == "us") return n / 1000
		if (u == "ms") return n + 0
		if (u == "s") return n * 1000
		if (u == "m") return n * 60000
		if (u == "h") return n * 3600000
		return -1
	}
	BEGIN { rps = -1; p50 = -1; p99 = -1; reqs = -1; to = 0; non = 0; se = 0 }
	/Latency Distribution/ { dist = 1; next }
	dist && $1 == "50%" { p50 = ms($2) }
	dist && $1 == "99%" { p99 = ms($2) }
	/ requests in / { reqs = $1 }
	/^[ \t]*Socket errors:/ {
		line = $0; sub(/^[^:]*:/, "", line)
		n = split(line, parts, ",")
		for (i = 1; i <= n; i++) {
			split(parts[i], kv, " ")
			if (kv[1] == "timeout") to = kv[2] + 0; else se += kv[2] + 0
		}
	}
	/^[ \t]*Non-2xx or 3xx responses:/ { non = $NF + 0 }
	/^Requests\/sec:/ { rps = $2 + 0 }
	END {
		if (rps < 0 || p50 < 0 || p99 < 0 || reqs < 0) exit 1
		printf "%.2f %.3f %.3f %d %d %d %d\n", rps, p50, p99, reqs, to, non, se
	}' "$1"
}

if ((WARMUP_S > 0)); then
	for k in "${KEYS[@]}"; do
		say "warm-up ${WARMUP}: ${URL[$k]}"
		run_wrk "$WARMUP" "${URL[$k]}" "$OUT/warmup-$k.txt" "${HEADER[$k]:-}" ||
			die "wrk warm-up failed on ${URL[$k]}: $(tail -n 3 "$OUT/warmup-$k.txt")"
	done
fi

declare -A RPS P50 P99 REQS TO NON SE
failed=0
for k in "${KEYS[@]}"; do
	say "measuring ${DURATION}: ${URL[$k]}"
	sleep 1 # let the previous run's connections close
	if ! run_wrk "$DURATION" "${URL[$k]}" "$OUT/run-$k.txt" "${HEADER[$k]:-}"; then
		say "error: wrk failed on ${URL[$k]}: $(tail -n 3 "$OUT/run-$k.txt")"
		failed=1
		continue
	fi
	if ! figures=$(parse_wrk "$OUT/run-$k.txt"); then
		say "error: cannot read wrk's output $OUT/run-$k.txt"
		failed=1
		continue
	fi
	read -r rps p50 p99 reqs to non se <<<"$figures"
	RPS[$k]=$rps P50[$k]=$p50 P99[$k]=$p99 REQS[$k]=$reqs TO[$k]=$to NON[$k]=$non SE[$k]=$se
done

# ----------------------------------------------------------- (d) login ---
# Logins are CPU-bound by design (scrypt): a separate, smaller load of
# successful logins (each also writes a session and an audit row).
LOGIN_CONNECTIONS=${BENCH_LOGIN_CONNECTIONS:-4}
SCRYPT_N=$(awk -F' *= *' '$1 == "auth.scrypt_n" { print $2 }' "$REMPART_CONFIG")
SCRYPT_N=${SCRYPT_N:-131072}
login_tag=$(date +%s)$$
login_email="bench-$login_tag@bench.example"
login_password="bench login passphrase $login_tag"
printf '%s\n' "$login_password" | "$BUILDDIR/app/rempart-admin" -c "$REMPART_CONFIG" \
	create-firm "Bench $login_tag" "$login_email" --password-stdin >/dev/null ||
	die "cannot create the login benchmark's firm"
cat >"$OUT/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"$login_email","password":"$login_password"}'
LUA
KEYS+=(d)
URL[d]="$BASE_URL/api/v1/session"
LABEL[d]="(d) login POST /api/v1/session"
say "measuring ${DURATION}: logins, $LOGIN_CONNECTIONS connections, scrypt N=$SCRYPT_N"
sleep 1
secs=$(seconds "$DURATION")
if timeout -k 5 $((secs + TIMEOUT_S + 30)) wrk -t 2 -c "$LOGIN_CONNECTIONS" -d "$DURATION" \
	--timeout "$TIMEOUT" --latency -s "$OUT/login.lua" "${URL[d]}" >"$OUT/run-d.txt" 2>&1 &&
	figures=$(parse_wrk "$OUT/run-d.txt"); then
	read -r rps p50 p99 reqs to non se <<<"$figures"
	RPS[d]=$rps P50[d]=$p50 P99[d]=$p99 REQS[d]=$reqs TO[d]=$to NON[d]=$non SE[d]=$se
else
	say "error: the login run failed: $(tail -n 3 "$OUT/run-d.txt")"
	failed=1
fi

# ---------------------------------------------------------------- report ---

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
[[ -n $cpu ]] || cpu=$(awk -F': *' '/^(Hardware|cpu model|Model)[ \t]*:/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
conf_workers=$(awk -F' *= *' '$1 == "fcgi.workers" { print $2 }' "$REMPART_CONFIG" 2>/dev/null || true)
running_workers='?'
if [[ -r $STACK_FCGI_PID_FILE ]] && read -r mpid <"$STACK_FCGI_PID_FILE" && [[ $mpid =~ ^[0-9]+$ ]]; then
	running_workers=$(pgrep -c -P "$mpid" 2>/dev/null || echo 0)
fi
nginx_workers=$(awk '$1 == "worker_processes" { sub(/;$/, "", $2); print $2 }' \
	"$STACK_DIR/nginx/nginx.conf" 2>/dev/null || true)

echo
echo "Rempart benchmark — $(date '+%F %T %z')"
printf '  %-14s %s\n' \
	"machine" "$(nproc) CPU, ${cpu:-unknown CPU}, ${mem:-? GiB} RAM" \
	"kernel" "$(uname -srm)" \
	"rempart-fcgi" "${conf_workers:-?} workers (fcgi.workers), $running_workers running" \
	"nginx" "${nginx_workers:-?} worker processes, $(nginx -v 2>&1 | sed 's/^nginx version: //')" \
	"MariaDB" "$(mariadbd --version 2>/dev/null | awk '{ print $3 }'), same machine, unix socket" \
	"load" "$(wrk -v 2>&1 | awk 'NR == 1 { print $1, $2 }'): $THREADS threads, $CONNECTIONS connections, ${DURATION} per run, timeout $TIMEOUT, warm-up ${WARMUP} per URL"
echo
fmt='%-36s %11s %9s %9s %9s %9s %8s\n'
# shellcheck disable=SC2059 # the format is a variable on purpose
printf "$fmt" "run" "requests/s" "p50 ms" "p99 ms" "requests" "timeouts" "non-2xx"
# shellcheck disable=SC2059
printf "$fmt" "------------------------------------" "-----------" "---------" "---------" "---------" "---------" "--------"
for k in "${KEYS[@]}"; do
	if [[ -n ${RPS[$k]:-} ]]; then
		# shellcheck disable=SC2059
		printf "$fmt" "${LABEL[$k]}" "${RPS[$k]}" "${P50[$k]}" "${P99[$k]}" "${REQS[$k]}" "${TO[$k]}" "${NON[$k]}"
	else
		# shellcheck disable=SC2059
		printf "$fmt" "${LABEL[$k]}" "failed" "-" "-" "-" "-" "-"
	fi
done
echo
ratio() { # ratio NUM DEN
	if [[ -n ${1:-} && -n ${2:-} ]]; then
		awk -v n="$1" -v d="$2" 'BEGIN { if (d > 0) printf "%.3f (%.1f %%)", n / d, 100 * n / d; else print "n/a" }'
	else
		echo "n/a"
	fi
}
printf '  %-34s %s\n' \
	"(c)/(a) page vs static file" "$(ratio "${RPS[c]:-}" "${RPS[a]:-}")" \
	"(c)/(b) page vs bare FastCGI hop" "$(ratio "${RPS[c]:-}" "${RPS[b]:-}")" \
	"(e)/(a) client list vs static file" "$(ratio "${RPS[e]:-}" "${RPS[a]:-}")" \
	"(e)/(c) client list vs home page" "$(ratio "${RPS[e]:-}" "${RPS[c]:-}")" \
	"(d)/(b) login vs bare FastCGI hop" "$(ratio "${RPS[d]:-}" "${RPS[b]:-}")"
if [[ -n ${RPS[d]:-} ]]; then
	# All cores are busy hashing during the login run: CPU time per login.
	printf '  %-34s %s\n' "cost per login (scrypt N=$SCRYPT_N)" \
		"$(awk -v c="$(nproc)" -v r="${RPS[d]}" 'BEGIN { if (r > 0) printf "%.1f ms of CPU (%d cores / %.2f logins/s)", 1000 * c / r, c, r; else print "n/a" }')"
fi
for k in "${KEYS[@]}"; do
	if [[ -n ${SE[$k]:-} && ${SE[$k]} != 0 ]]; then
		say "warning: ${LABEL[$k]}: ${SE[$k]} socket errors (connect/read/write), see $OUT/run-$k.txt"
	fi
	if [[ -n ${NON[$k]:-} && ${NON[$k]} != 0 ]]; then
		say "warning: ${LABEL[$k]}: ${NON[$k]} responses were not 2xx/3xx"
	fi
done
echo "  (wrk leaves timed-out requests out of p50/p99; raw outputs: $OUT/)"
echo
exit "$failed"
