#!/usr/bin/env bash
# Rempart: `make bench` — a benchmark, not a test (docs/performance.md).
#
# Starts the private stack (tests/stack.sh), warms it up, then runs wrk through
# nginx, one run after another, against:
#   (a) nginx serving a static file of exactly the size of the home page body
#       ($STACK_DIR/public/page-size.html, served at /_stack/page-size.html);
#   (b) the bare FastCGI hop: GET /ping (tiny static body, no database);
#   (c) the template page with one database read: GET /;
#   (d) logins (scrypt);
# then, for each N of BENCH_SCALES, the signed-in pages of a database of N
# clients per firm (seed-bench): client list, dashboard, compliance, risks,
# the API's client list and a mixed read/write load; the workers' memory;
# the instructions per request of the client list, the API list and a
# dashboard under callgrind, at the smallest and the largest N; the time to
# build the mission report of a large client (tests/bench/report.sh). For each run it
# prints requests/s, p50, p99, timeouts and non-2xx/3xx responses, the ratios
# to (b) (a scale's pages: to the mean of the hop measured right before and
# right after them), and PASS or FAIL per target, with a short description of the
# machine. Finally it stops the stack if it started it. Exit status: 0 when
# every target passes, 3 when one fails, 1 on an error.
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
#   BENCH_HOP            length of the FastCGI hop runs between a scale's
#                        pages (default 5s)
#   BENCH_THREADS        wrk threads (default 2)
#   BENCH_CONNECTIONS    wrk connections (default 64)
#   BENCH_TIMEOUT        wrk per-request timeout (default 5s)
#   BENCH_SCALES         client counts per firm to measure (default "200 20000";
#                        the first and last are compared)
#   BENCH_COMPARE        length of each run of the side-by-side comparison of
#                        the first and last scale (default 4s)
#   BENCH_COMPARE_ROUNDS rounds of that comparison, four runs each (default 2)
#   BENCH_FEW            length of each run of a scale's read pages at
#                        BENCH_FEW_CONNECTIONS connections, one request per
#                        worker and none queued: the latency one user meets
#                        (default 3s; 0 skips them)
#   BENCH_FEW_CONNECTIONS  connections of those runs (default 4)
#   BENCH_KEEP_STACK=1   leave the stack running at the end
#   BENCH_BUILD=tree     measure the tree's binaries even when they are a debug
#                        or sanitizer build (by default a release copy is built)
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

# The figures are those of an optimised build (-O2, the flags the Debian
# package builds with). A tree configured with --enable-debug (-O0) or
# --enable-asan gets a release copy in var/bench-build: `make distdir`, the
# files that changed copied over the previous copy, then configure (once)
# and make, so a later run rebuilds only what changed. BENCH_BUILD=tree
# measures the tree's own binaries instead.
if [[ ${BENCH_BUILD:-release} == release ]] &&
	grep -qE -- '--enable-(debug|asan)' "$BUILDDIR/config.status" 2>/dev/null; then
	rel=$BUILDDIR/var/bench-build
	mkdir -p "$rel"
	say "the tree is a debug or sanitizer build: building a release copy in $rel"
	{
		rm -rf "$rel/dist" &&
			make -C "$BUILDDIR" distdir distdir="$rel/dist" &&
			mkdir -p "$rel/src" && cp -a -u "$rel/dist/." "$rel/src/" &&
			{ [[ -f $rel/src/Makefile ]] || (cd "$rel/src" && ./configure --quiet); } &&
			make -C "$rel/src" -j2
	} >"$rel/build.log" 2>&1 || die "the release build failed: see $rel/build.log"
	BUILDDIR=$rel/src
fi
export SRCDIR BUILDDIR STACK_DIR STACK_PORT
STACK=$SRCDIR/tests/stack.sh

DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
TIMEOUT=${BENCH_TIMEOUT:-5s}
KEEP=${BENCH_KEEP_STACK:-0}
HOP=${BENCH_HOP:-5s}
FEW=${BENCH_FEW:-3s}
FEW_C=${BENCH_FEW_CONNECTIONS:-4}

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
if ! HOP_S=$(seconds "$HOP") || ((HOP_S == 0)); then
	die "BENCH_HOP must be a positive duration such as 5s (got '$HOP')"
fi
if ! FEW_S=$(seconds "$FEW"); then
	die "BENCH_FEW must be a duration such as 3s, or 0 (got '$FEW')"
fi
[[ $FEW_C =~ ^[1-9][0-9]*$ ]] ||
	die "BENCH_FEW_CONNECTIONS must be a positive number (got '$FEW_C')"
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

FCGI_MASTER=$(cat "$STACK_FCGI_PID_FILE" 2>/dev/null || true)
[[ $FCGI_MASTER =~ ^[0-9]+$ ]] || die "cannot read rempart-fcgi's pid file $STACK_FCGI_PID_FILE"
MAIN_DB=rempart # the stack's own database (tests/stack.sh)

# use_db NAME: the running workers switch to database NAME (SIGHUP), and
# this returns once every worker of the old generation has gone (until then
# a request could still reach the previous database).
use_db() {
	local tmp old pid left
	old=$(pgrep -P "$FCGI_MASTER" 2>/dev/null || true)
	tmp=$(mktemp "$REMPART_CONFIG.XXXXXX")
	sed "s/^db\\.name = .*/db.name = $1/" "$REMPART_CONFIG" >"$tmp"
	chmod 600 "$tmp"
	mv -f "$tmp" "$REMPART_CONFIG"
	kill -HUP "$FCGI_MASTER"
	for _ in $(seq 1 120); do
		left=0
		for pid in $old; do
			kill -0 "$pid" 2>/dev/null && left=1
		done
		((left == 0)) && return 0
		sleep 0.25
	done
	die "the workers did not switch to database $1 within 30 s"
}
# A run stopped midway leaves the workers on a bench database: the
# baselines and the login run use the stack's own.
if ! grep -qx "db.name = $MAIN_DB" "$REMPART_CONFIG"; then
	say "switching the workers back to the database $MAIN_DB"
	use_db "$MAIN_DB"
fi

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

KEYS=(a b c)
declare -A URL=(
	[a]="$BASE_URL/_stack/page-size.html"
	[b]="$BASE_URL/ping"
	[c]="$BASE_URL/"
)
declare -A LABEL=(
	[a]="(a) nginx static file, $PAGE_SIZE B"
	[b]="(b) FastCGI hop GET /ping, $PING_SIZE B"
	[c]="(c) template + 1 DB read GET /"
)
declare -A HEADER=()

# ----------------------------------------------------------------- wrk ---

# run_wrk DURATION URL OUTFILE [HEADER]: one bounded wrk run (also bounded
# by timeout).
run_wrk() {
	local secs
	local -a hdr=()
	[[ -n ${4:-} ]] && hdr=(-H "$4")
	secs=$(seconds "$1")
	timeout -k 5 $((secs + TIMEOUT_S + 30)) \
		wrk -t "$THREADS" -c "${WRK_CONNECTIONS:-$CONNECTIONS}" -d "$1" --timeout "$TIMEOUT" \
		--latency "${hdr[@]}" "$2" >"$3" 2>&1
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

# ----------------------------------------------------------- at scale ---
# For each N of BENCH_SCALES, a separate database rempart_bench_N filled by
# `rempart-admin seed-bench --clients N` (two firms of N clients each; kept
# between runs: seeding again with the same N changes nothing), the running
# workers switched to it by SIGHUP (the master re-reads the config), then
# cookie-authenticated runs of the pages that matter, as firm A's admin
# (vCISO of every client): the client list, one client's Pilot dashboard,
# its compliance page of one framework, its risk register, the API's client
# list, and a mixed load (one request in ten a write, with the CSRF token).

SCALES=${BENCH_SCALES:-200 20000}
BENCH_EMAIL=admin@bench-a.rempart.test
BENCH_PASSWORD='bench rempart 2026'
SKEYS=(L P C R A M)
declare -A SLABEL=(
	[L]="client list GET /clients (50 rows)"
	[P]="Pilot dashboard of one client"
	[C]="compliance page of one framework"
	[R]="risk register of one client"
	[A]="API GET /api/v1/clients?limit=50"
	[M]="mixed: 90 % reads, 10 % writes"
)

# bench_login: COOKIE and CSRF of firm A's bench admin (retried while the
# old workers drain).
bench_login() {
	local body i
	for i in $(seq 1 40); do
		body=$(curl -s -D "$OUT/login-headers.txt" --max-time 10 -H 'Content-Type: application/json' \
			-d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" \
			"$BASE_URL/api/v1/session" || true)
		COOKIE=$(tr -d '\r' <"$OUT/login-headers.txt" |
			sed -n 's/^[Ss]et-[Cc]ookie: \(rempart_session=[^;]*\).*/\1/p')
		CSRF=$(printf '%s' "$body" | sed -n 's/.*"csrf_token": *"\([^"]*\)".*/\1/p')
		[[ -n $COOKIE && -n $CSRF ]] && return 0
		sleep 0.5
	done
	die "cannot log in as $BENCH_EMAIL on the bench database"
}
api() { # api PATH: GET it as the bench admin, print the body
	curl -s --max-time 30 -H "Cookie: $COOKIE" "$BASE_URL/api/v1$1"
}
# mib KIB: KiB as MiB with one decimal, rounded.
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
# worker_rss: the largest resident set of the workers, in KiB.
worker_rss() {
	local pid max=0 kb
	for pid in $(pgrep -P "$FCGI_MASTER" 2>/dev/null); do
		kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
		((kb > max)) && max=$kb
	done
	echo "$max"
}

# worker_pss: the largest proportional set of the workers, in KiB: what a
# worker costs the machine, the pages it shares with the master and the
# other workers (libraries, the parsed templates) counted in shares.
worker_pss() {
	local pid max=0 kb
	for pid in $(pgrep -P "$FCGI_MASTER" 2>/dev/null); do
		kb=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
		((kb > max)) && max=$kb
	done
	echo "$max"
}

# page_run N K DURATION OUTFILE: one wrk run of page K at scale N (the
# mixed load runs its script), signed in as that scale's admin.
page_run() {
	local secs
	secs=$(seconds "$3")
	if [[ $2 == M ]]; then
		timeout -k 5 $((secs + TIMEOUT_S + 30)) wrk -t "$THREADS" -c "$CONNECTIONS" -d "$3" \
			--timeout "$TIMEOUT" --latency -s "$OUT/mixed-$1.lua" "${PURL[$1$2]}" \
			>"$4" 2>&1 || true
	else
		run_wrk "$3" "${PURL[$1$2]}" "$4" "Cookie: ${PCOOKIE[$1]}" || true
	fi
}

declare -A SEED_S SRPS SP50 SP99 SREQS STO SNON RSS0 RSS1 RSS2 RSSREQ PSS2 SHOP PURL PCOOKIE
declare -A FRPS FP50 FP99
for N in $SCALES; do
	[[ $N =~ ^[1-9][0-9]*$ ]] || die "BENCH_SCALES must list client counts (got '$N')"
	db=rempart_bench_$N
	conf=$OUT/rempart-bench-$N.conf
	say "scale N=$N: database $db"
	mariadb --defaults-file="$STACK_MYSQL_DEFAULTS" -e \
		"CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
		die "cannot create database $db"
	sed "s/^db\\.name = .*/db.name = $db/" "$REMPART_CONFIG" >"$conf"
	chmod 600 "$conf"
	"$BUILDDIR/app/rempart-admin" -c "$conf" migrate >"$OUT/migrate-$N.txt" 2>&1 ||
		die "migrate of $db failed: $(tail -n 3 "$OUT/migrate-$N.txt")"
	t0=$(date +%s.%N)
	"$BUILDDIR/app/rempart-admin" -c "$conf" seed-bench --clients "$N" >"$OUT/seed-$N.txt" 2>&1 ||
		die "seed-bench --clients $N failed: $(tail -n 3 "$OUT/seed-$N.txt")"
	SEED_S[$N]=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	use_db "$db"
	bench_login
	client=$(api '/clients?limit=1&sort=name' | sed -n 's/.*"items": *\[ *{ *"id": *\([0-9]*\).*/\1/p')
	[[ -n $client ]] || die "no client in $db"
	fw=$(api "/clients/$client/pilot" | sed -n 's/.*"framework_id": *\([0-9]*\).*/\1/p' | head -n 1)
	[[ -n $fw ]] || die "client $client of $db has adopted no framework"
	actions=$(api "/clients/$client/actions?limit=50" | grep -o '"id": *[0-9]*, *"client_id"' |
		sed 's/[^0-9]*\([0-9]*\).*/\1/' | paste -sd, -)
	[[ -n $actions ]] || die "client $client of $db has no action"
	declare -A SURL=(
		[L]="$BASE_URL/clients"
		[P]="$BASE_URL/clients/$client/pilot"
		[C]="$BASE_URL/clients/$client/compliance?framework_id=$fw"
		[R]="$BASE_URL/clients/$client/risks"
		[A]="$BASE_URL/api/v1/clients?limit=50"
		[M]="$BASE_URL/clients"
	)
	PCOOKIE[$N]=$COOKIE
	for k in "${SKEYS[@]}"; do PURL[$N$k]=${SURL[$k]}; done
	for k in L P C R A; do
		code=$(curl -s -o "$OUT/page-$N-$k.html" -w '%{http_code}' --max-time 30 -H "Cookie: $COOKIE" "${SURL[$k]}")
		[[ $code == 200 ]] || die "GET ${SURL[$k]} answered $code on $db"
	done
	# The workers have just started on this database (use_db) and served
	# only these few requests: their memory before any load.
	RSS0[$N]=$(worker_rss)
	cat >"$OUT/mixed-$N.lua" <<LUA
local reads = { "/clients", "/clients/$client/pilot", "/clients/$client/compliance?framework_id=$fw",
	"/clients/$client/risks", "/api/v1/clients?limit=50" }
local actions = { $actions }
local n = 0
request = function()
	n = n + 1
	if n % 10 == 0 then
		local id = actions[math.floor(n / 10) % #actions + 1]
		return wrk.format("PATCH", "/api/v1/actions/" .. id, { ["Cookie"] = "$COOKIE",
			["X-CSRF-Token"] = "$CSRF", ["Content-Type"] = "application/json" },
			'{"progress":' .. (n % 100) .. '}')
	end
	return wrk.format("GET", reads[n % #reads + 1], { ["Cookie"] = "$COOKIE" })
end
LUA
	if ((WARMUP_S > 0)); then
		say "scale N=$N: warm-up ${WARMUP} per page"
		for k in L P C R A; do
			run_wrk "$WARMUP" "${SURL[$k]}" "$OUT/warmup-$N-$k.txt" "Cookie: $COOKIE" || true
		done
	fi
	# The bare hop again, right before the first page and right after each
	# (BENCH_HOP, default 5s): a page's ratio is to the mean of the hop runs
	# on either side of it, so a change in the machine's other load during
	# the scale's runs moves both sides of the ratio.
	hop_run() { # hop_run TAG: the hop's requests/s into HOPRUN[TAG]
		say "scale N=$N: measuring ${HOP}: the FastCGI hop ($1)"
		if run_wrk "$HOP" "$BASE_URL/ping" "$OUT/run-$N-hop-$1.txt" &&
			figures=$(parse_wrk "$OUT/run-$N-hop-$1.txt"); then
			read -r rps _ _ reqs _ <<<"$figures"
			HOPRUN[$1]=$rps
			served=$((served + reqs))
		fi
	}
	declare -A HOPRUN=()
	served=0
	hop_run start
	prev=start
	for k in "${SKEYS[@]}"; do
		say "scale N=$N: measuring ${DURATION}: ${SLABEL[$k]}"
		sleep 1
		page_run "$N" "$k" "$DURATION" "$OUT/run-$N-$k.txt"
		hop_run "after-$k"
		if [[ -n ${HOPRUN[$prev]:-} && -n ${HOPRUN[after-$k]:-} ]]; then
			SHOP[$N$k]=$(awk -v a="${HOPRUN[$prev]}" -v b="${HOPRUN[after-$k]}" 'BEGIN { printf "%.2f", (a + b) / 2 }')
		fi
		prev=after-$k
		if ! figures=$(parse_wrk "$OUT/run-$N-$k.txt"); then
			say "error: wrk failed on ${SURL[$k]}: $(tail -n 3 "$OUT/run-$N-$k.txt")"
			failed=1
			continue
		fi
		read -r rps p50 p99 reqs to non se <<<"$figures"
		SRPS[$N$k]=$rps SP50[$N$k]=$p50 SP99[$N$k]=$p99 SREQS[$N$k]=$reqs STO[$N$k]=$to SNON[$N$k]=$non
		served=$((served + reqs))
		# The first checkpoint of the workers' memory: after the first
		# run (over 10,000 requests on any machine this bench suits).
		if [[ $k == L ]]; then
			RSS1[$N]=$(worker_rss)
			first=$served
		fi
	done
	RSS2[$N]=$(worker_rss)
	PSS2[$N]=$(worker_pss)
	RSSREQ[$N]="$first $served"
	# The read pages with one request per worker and none queued: the
	# latency one user meets, where the 64 connections above measure the
	# queue as much as the page.
	if ((FEW_S > 0)); then
		for k in L P C R A; do
			say "scale N=$N: measuring ${FEW} at $FEW_C connections: ${SLABEL[$k]}"
			WRK_CONNECTIONS=$FEW_C run_wrk "$FEW" "${SURL[$k]}" "$OUT/few-$N-$k.txt" \
				"Cookie: $COOKIE" || true
			if figures=$(parse_wrk "$OUT/few-$N-$k.txt"); then
				read -r rps p50 p99 _ <<<"$figures"
				FRPS[$N$k]=$rps FP50[$N$k]=$p50 FP99[$N$k]=$p99
			fi
		done
	fi
done

# ------------------------------------------------ firm-size comparison ---
# The 90 % target compares a page's rate at the largest N with its rate at
# the smallest. In the scale blocks above the two runs are minutes apart,
# and in that time this shared machine's other load moves a 10-second run by
# up to 20 %. So each page is measured again at both scales side by side,
# BENCH_COMPARE_ROUNDS rounds (default 2) in the order small, large, large,
# small, then large, small, small, large (a drift of the machine's load over
# a round weighs the same on both scales), BENCH_COMPARE (default 4s) per
# run, the workers switched by use_db and warmed for 1 s after each switch.
# A scale's rate is the mean of its runs.
small=${SCALES%% *}
big=${SCALES##* }
COMPARE=${BENCH_COMPARE:-4s}
ROUNDS=${BENCH_COMPARE_ROUNDS:-2}
if ! COMPARE_S=$(seconds "$COMPARE") || ((COMPARE_S == 0)); then
	die "BENCH_COMPARE must be a positive duration such as 4s (got '$COMPARE')"
fi
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "BENCH_COMPARE_ROUNDS must be a positive integer"
CORDER=()
for ((r = 0; r < ROUNDS; r++)); do
	if ((r % 2 == 0)); then CORDER+=("$small" "$big" "$big" "$small"); else CORDER+=("$big" "$small" "$small" "$big"); fi
done
declare -A CRPS=()
if [[ $small != "$big" ]]; then
	for k in "${SKEYS[@]}"; do
		say "firm-size comparison: ${SLABEL[$k]}, N=${CORDER[*]}, ${COMPARE} each"
		i=0
		for N in "${CORDER[@]}"; do
			i=$((i + 1))
			use_db "rempart_bench_$N"
			page_run "$N" "$k" 1s "$OUT/cmp-warmup-$N-$k-$i.txt"
			page_run "$N" "$k" "$COMPARE" "$OUT/cmp-$N-$k-$i.txt"
			if figures=$(parse_wrk "$OUT/cmp-$N-$k-$i.txt"); then
				read -r rps _ <<<"$figures"
				CRPS[$N$k]=${CRPS[$N$k]:+${CRPS[$N$k]} }$rps
			else
				say "error: wrk failed on ${PURL[$N$k]}: $(tail -n 3 "$OUT/cmp-$N-$k-$i.txt")"
				failed=1
			fi
		done
	done
fi
use_db "$MAIN_DB"
# mean_of "R1 R2 ...": their mean, empty unless every run of a scale is there.
mean_of() {
	awk -v l="$1" -v want=$((2 * ROUNDS)) 'BEGIN {
		n = split(l, r, " "); for (i = 1; i <= n; i++) t += r[i]
		if (n == want) printf "%.2f", t / n }'
}

# --------------------------------------------------- instructions/request ---
# The client list, the API's client list and one Pilot dashboard (N = the
# first scale) under callgrind, on one worker of its own (own socket): the
# worker's instructions over 5 requests, then over 55, in two runs; their
# difference / 50 is the cost of one request, start-up and exit left out,
# whatever the machine's load.
declare -A CG_IR=() CG_URI=()
CGKEY=(L A P) # the scale runs the three callgrind pages are
CG_NOTE=
cg_first=${SCALES%% *}
cg_last=${SCALES##* }
cg_scales=$cg_first
[[ $cg_last != "$cg_first" ]] && cg_scales="$cg_first $cg_last"
cgsock=$STACK_DIR/run/callgrind.sock
cgconf=$OUT/rempart-callgrind.conf
# cg_run COUNT URI: prints the worker's instruction count over COUNT
# requests of URI.
cg_run() {
	local pid worker ir
	rm -f "$cgsock" "$OUT"/callgrind.out.*
	setsid valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.out.%p" \
		"$BUILDDIR/app/rempart-fcgi" -c "$cgconf" </dev/null >>"$OUT/callgrind.log" 2>&1 &
	pid=$!
	for _ in $(seq 1 240); do [[ -S $cgsock ]] && break; sleep 0.5; done
	# The master forks its worker right after binding: wait for it too.
	for _ in $(seq 1 100); do
		worker=$(pgrep -P "$pid" 2>/dev/null | head -n 1 || true)
		[[ -n $worker ]] && break
		sleep 0.2
	done
	if [[ -S $cgsock && -n $worker ]] &&
		node "$SRCDIR/tests/bench/fcgi-get.mjs" "$cgsock" "$2" "$1" "$COOKIE" >>"$OUT/callgrind.log" 2>&1; then
		kill -TERM "$pid" 2>/dev/null || true
		for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
		ir=$(awk '/^(summary|totals):/ { v = $2 } END { print v }' "$OUT/callgrind.out.$worker" 2>/dev/null)
	fi
	kill -KILL "$pid" 2>/dev/null || true
	rm -f "$cgsock"
	[[ -n ${ir:-} ]] && echo "$ir"
}
if ! command -v valgrind >/dev/null 2>&1; then
	CG_NOTE="valgrind not installed: apt-get install valgrind"
elif ! command -v node >/dev/null 2>&1; then
	CG_NOTE="node not installed"
else
	: >"$OUT/callgrind.log"
	# At the smallest and the largest scale: the same pages' instruction
	# counts compared, whatever the machine's load.
	for N in $cg_scales; do
		sed -e "s|^fcgi\\.socket = .*|fcgi.socket = $cgsock|" -e 's/^fcgi\.workers = .*/fcgi.workers = 1/' \
			-e "s|^fcgi\\.pid_file = .*|fcgi.pid_file = $STACK_DIR/run/callgrind.pid|" \
			-e "s/^db\\.name = .*/db.name = rempart_bench_$N/" "$REMPART_CONFIG" >"$cgconf"
		chmod 600 "$cgconf"
		say "callgrind: list, API list and dashboard at N=$N, 5 then 55 requests on one worker"
		use_db "rempart_bench_$N"
		bench_login
		cg_client=$(api '/clients?limit=1&sort=name' | sed -n 's/.*"items": *\[ *{ *"id": *\([0-9]*\).*/\1/p')
		use_db "$MAIN_DB"
		CG_URIS=(/clients "/api/v1/clients?limit=50" "/clients/$cg_client/pilot")
		for i in "${!CG_URIS[@]}"; do
			u=${CG_URIS[$i]}
			CG_URI[$N $i]=$u
			if ir5=$(cg_run 5 "$u") && ir55=$(cg_run 55 "$u"); then
				CG_IR[$N $i]=$(awk -v a="$ir5" -v b="$ir55" 'BEGIN { printf "%d", (b - a) / 50 }')
			else
				CG_NOTE="callgrind run failed (see $OUT/callgrind.log)"
			fi
		done
	done
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

# The scale runs, and the targets (issue 8), as ratios of this run.
verdicts=0
verdict() { # verdict OK TEXT
	if [[ $1 == 1 ]]; then
		printf '  PASS  %s\n' "$2"
	else
		printf '  FAIL  %s\n' "$2"
		verdicts=1
	fi
}
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
for N in $SCALES; do
	echo
	echo "At N=$N clients per firm (two firms; database rempart_bench_$N, seeded or checked in ${SEED_S[$N]:-?} s)"
	# shellcheck disable=SC2059
	printf "$fmt" "run" "requests/s" "p50 ms" "p99 ms" "requests" "timeouts" "non-2xx"
	for k in "${SKEYS[@]}"; do
		if [[ -n ${SRPS[$N$k]:-} ]]; then
			# shellcheck disable=SC2059
			printf "$fmt" "${SLABEL[$k]}" "${SRPS[$N$k]}" "${SP50[$N$k]}" "${SP99[$N$k]}" "${SREQS[$N$k]}" "${STO[$N$k]}" "${SNON[$N$k]}"
		else
			# shellcheck disable=SC2059
			printf "$fmt" "${SLABEL[$k]}" "failed" "-" "-" "-" "-" "-"
		fi
	done
	for k in "${SKEYS[@]}"; do
		printf '  %-44s %s\n' "${SLABEL[$k]} / FastCGI hop" "$(ratio "${SRPS[$N$k]:-}" "${SHOP[$N$k]:-}")$(
			awk -v h="${SHOP[$N$k]:-}" 'BEGIN { if (h != "") printf ", the hop around it %.0f req/s", h }')"
	done
	read -r first served <<<"${RSSREQ[$N]:-0 0}"
	printf '  %-44s %s\n' "worker RSS (largest)" \
		"$(mib "${RSS0[$N]:-0}") MiB after its first requests, $(mib "${RSS1[$N]:-0}") MiB after $first requests, $(mib "${RSS2[$N]:-0}") MiB after $served"
	printf '  %-44s %s\n' "worker PSS (largest, shared pages in shares)" "$(mib "${PSS2[$N]:-0}") MiB"
	if [[ -n ${FRPS[${N}L]:-}${FRPS[${N}A]:-} ]]; then
		echo "  at $FEW_C connections (one request per worker, none queued):"
		for k in L P C R A; do
			printf '    %-42s %s\n' "${SLABEL[$k]}" "$(awk -v r="${FRPS[$N$k]:-}" \
				-v a="${FP50[$N$k]:-}" -v b="${FP99[$N$k]:-}" 'BEGIN {
				if (r == "") print "failed"
				else printf "p50 %.2f ms, p99 %.2f ms, %.0f requests/s", a, b, r }')"
		done
	fi
done
if [[ $small != "$big" ]]; then
	echo
	echo "Firm-size comparison, side by side (N=${CORDER[*]}; $COMPARE each; requests/s)"
	cfmt='%-36s %32s %32s %9s %12s\n'
	# shellcheck disable=SC2059
	printf "$cfmt" "run" "N=$small" "N=$big" "ratio" "scale blocks"
	for k in "${SKEYS[@]}"; do
		# shellcheck disable=SC2059
		printf "$cfmt" "${SLABEL[$k]}" "${CRPS[$small$k]:-failed}" "${CRPS[$big$k]:-failed}" \
			"$(awk -v a="$(mean_of "${CRPS[$small$k]:-}")" -v b="$(mean_of "${CRPS[$big$k]:-}")" \
			'BEGIN { if (a > 0 && b != "") printf "%.1f %%", 100 * b / a; else print "n/a" }')" \
			"$(awk -v a="${SRPS[$small$k]:-}" -v b="${SRPS[$big$k]:-}" \
			'BEGIN { if (a > 0 && b != "") printf "%.1f %%", 100 * b / a; else print "n/a" }')"
	done
fi
echo
echo "Targets (ratios to the FastCGI hop measured right before and right after each page; p99 of reads at $CONNECTIONS connections)"
for N in $SCALES; do
	for pair in "L 0.25" "P 0.15" "A 0.30"; do
		read -r k min <<<"$pair"
		ok=0
		[[ -n ${SRPS[$N$k]:-} && -n ${SHOP[$N$k]:-} ]] && ge "${SRPS[$N$k]}" "$(awk -v r="${SHOP[$N$k]}" -v m="$min" 'BEGIN { print r * m }')" && ok=1
		verdict $ok "N=$N ${SLABEL[$k]} >= $(awk -v m="$min" 'BEGIN { printf "%d", m * 100 }') % of the FastCGI hop: $(ratio "${SRPS[$N$k]:-}" "${SHOP[$N$k]:-}")"
	done
	for k in L P C R A; do
		ok=0
		[[ -n ${SP99[$N$k]:-} ]] && ge 15 "${SP99[$N$k]}" && [[ ${STO[$N$k]} == 0 && ${SNON[$N$k]} == 0 ]] && ok=1
		verdict $ok "N=$N ${SLABEL[$k]}: p99 ${SP99[$N$k]:-?} ms <= 15, ${STO[$N$k]:-?} timeouts, ${SNON[$N$k]:-?} non-2xx"
	done
	ok=0
	[[ -n ${SRPS[${N}M]:-} && ${STO[${N}M]} == 0 && ${SNON[${N}M]} == 0 ]] && ok=1
	verdict $ok "N=$N mixed load: ${STO[${N}M]:-?} timeouts, ${SNON[${N}M]:-?} non-2xx (p99 ${SP99[${N}M]:-?} ms, writes included)"
	read -r first served <<<"${RSSREQ[$N]:-0 0}"
	ok=0
	((${RSS2[$N]:-99999} <= 8192 && ${RSS2[$N]:-0} - ${RSS1[$N]:-0} <= 256)) && ok=1
	verdict $ok "N=$N worker RSS <= 8 MiB and flat: $(mib "${RSS1[$N]:-0}") MiB at $first requests, $(mib "${RSS2[$N]:-0}") MiB at $served"
done
if [[ $small != "$big" ]]; then
	for k in "${SKEYS[@]}"; do
		a=$(mean_of "${CRPS[$small$k]:-}") b=$(mean_of "${CRPS[$big$k]:-}")
		ok=0
		[[ -n $a && -n $b ]] && ge "$b" "$(awk -v r="$a" 'BEGIN { print r * 0.9 }')" && ok=1
		verdict $ok "${SLABEL[$k]} at N=$big keeps >= 90 % of N=$small, side by side: $(ratio "$b" "$a")"
	done
fi
echo
if ((${#CG_IR[@]} > 0)); then
	for N in $cg_scales; do
		for i in 0 1 2; do
			printf '  %-44s %s\n' "callgrind at N=$N, GET ${CG_URI[$N $i]:-?}" "${CG_IR[$N $i]:-n/a} instructions per request"
		done
	done
	if [[ $cg_last != "$cg_first" ]]; then
		for i in 0 1 2; do
			printf '  %-44s %s\n' "instructions at N=$cg_last / N=$cg_first, ${SLABEL[${CGKEY[$i]}]}" \
				"$(ratio "${CG_IR[$cg_last $i]:-}" "${CG_IR[$cg_first $i]:-}")"
		done
	fi
else
	printf '  %-44s %s\n' "callgrind, client list" "n/a: $CG_NOTE"
fi
echo "  (wrk leaves timed-out requests out of p50/p99; raw outputs: $OUT/)"
# The mission report of a client with 200 risks and 500 requirements
# (issue 14): rempart-render's time, PDF and Word.
bash "$SRCDIR/tests/bench/report.sh" || failed=1
echo
((failed == 0)) || exit 1
exit $((verdicts == 0 ? 0 : 3))
