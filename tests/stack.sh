#!/usr/bin/env bash
# Rempart: private, throw-away stack for development and tests (SPEC §6).
#
#   tests/stack.sh start     start what is not running yet (idempotent)
#   tests/stack.sh stop      stop what start began (rempart-fcgi, nginx, MariaDB)
#   tests/stack.sh restart   stop, then start
#   tests/stack.sh status    show what runs (exit 0 when all three run, else 3)
#   tests/stack.sh env       print shell assignments: eval "$(tests/stack.sh env)"
#
# It never touches system services: MariaDB (own data directory, unix socket
# only), rempart-fcgi and nginx (127.0.0.1 only) all live under $STACK_DIR.
#
# Environment:
#   STACK_DIR           stack directory (default ./var/stack, relative to the
#                       current directory)
#   STACK_PORT          nginx port on 127.0.0.1 (default 8080; when unset and
#                       nginx runs, the port it runs on)
#   BUILDDIR            where app/rempart-fcgi and app/rempart-admin are
#                       (default: the repository top directory)
#   STACK_WORKERS       fcgi.workers (default 4)
#   STACK_FCGI_WRAPPER  command prefixed to rempart-fcgi, split on blanks,
#                       e.g. "valgrind --leak-check=full --trace-children=yes"
#   STACK_WAIT          seconds to wait for each server to come up (default 60;
#                       four times as long with STACK_FCGI_WRAPPER for rempart-fcgi)
#   STACK_STOP_WAIT     seconds to wait after SIGTERM before SIGKILL (default 40)
#   STACK_LOGIN_RATE    nginx's rate limit of the login POSTs per address
#   STACK_LOGIN_BURST   (default 100r/s and 100: the test suite and the
#                       benchmark log in often from 127.0.0.1; production
#                       uses 30r/m and 20, see nginx/rempart-site.conf.in)
#
# Files under $STACK_DIR: rempart.conf, db-password (app user), my-app.cnf and
# my-root.cnf (client option files: mariadb --defaults-file=...), log/*.log,
# run/ (sockets, pid files), mariadb/ (data), nginx/ (config, temp), public/
# (served at /_stack/ for benchmarks).

set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true
umask 022

PROG=stack.sh
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SRCDIR=$(cd "$SCRIPT_DIR/.." && pwd -P)

say() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
	say "error: $*"
	exit 1
}
# log_tail FILE...: show the end of the logs that explain a failure.
log_tail() {
	local f
	for f in "$@"; do
		if [[ -s $f ]]; then
			printf '%s: --- last lines of %s ---\n' "$PROG" "$f" >&2
			tail -n 30 "$f" | sed 's/^/    /' >&2
		fi
	done
}
fail() { # fail MESSAGE LOG...
	local msg=$1
	shift
	say "error: $msg"
	log_tail "$@"
	exit 1
}

abspath() { # abspath PATH: absolute, without resolving what does not exist yet
	local p=$1
	[[ $p == /* ]] || p=$PWD/$p
	if [[ -d $p ]]; then
		(cd "$p" && pwd -P)
	else
		p=${p//\/.\//\/}
		while [[ $p == */. ]]; do p=${p%/.}; done
		while [[ $p == */ && $p != / ]]; do p=${p%/}; done
		printf '%s\n' "$p"
	fi
}

STACK_DIR=$(abspath "${STACK_DIR:-./var/stack}")
BUILDDIR=$(abspath "${BUILDDIR:-$SRCDIR}")
STACK_WORKERS=${STACK_WORKERS:-4}
STACK_WAIT=${STACK_WAIT:-60}
STACK_STOP_WAIT=${STACK_STOP_WAIT:-40}
STACK_LOGIN_RATE=${STACK_LOGIN_RATE:-100r/s}
STACK_LOGIN_BURST=${STACK_LOGIN_BURST:-100}
[[ $STACK_LOGIN_RATE =~ ^[1-9][0-9]*r/[sm]$ ]] || die "STACK_LOGIN_RATE must look like 100r/s or 30r/m"
[[ $STACK_LOGIN_BURST =~ ^[0-9]+$ ]] || die "STACK_LOGIN_BURST must be an integer"
[[ $STACK_WORKERS =~ ^[1-9][0-9]*$ ]] || die "STACK_WORKERS must be a positive integer"
[[ $STACK_WAIT =~ ^[1-9][0-9]*$ ]] || die "STACK_WAIT must be a positive integer"
[[ $STACK_STOP_WAIT =~ ^[1-9][0-9]*$ ]] || die "STACK_STOP_WAIT must be a positive integer"

RUN_DIR=$STACK_DIR/run
LOG_DIR=$STACK_DIR/log
TMP_DIR=$STACK_DIR/tmp
DATADIR=$STACK_DIR/mariadb
NGINX_DIR=$STACK_DIR/nginx
PUBLIC_DIR=$STACK_DIR/public

CONF=$STACK_DIR/rempart.conf
DB_PW_FILE=$STACK_DIR/db-password
ROOT_PW_FILE=$STACK_DIR/db-root-password
APP_CNF=$STACK_DIR/my-app.cnf
ROOT_CNF=$STACK_DIR/my-root.cnf
INIT_SQL=$STACK_DIR/mariadb-init.sql
DB_MARK=$STACK_DIR/.mariadb-installed
PORT_FILE=$RUN_DIR/port

MYSQL_SOCK=$RUN_DIR/mysqld.sock
MYSQL_PID=$RUN_DIR/mysqld.pid
MYSQL_LOG=$LOG_DIR/mariadb.err
FCGI_SOCK=$RUN_DIR/rempart-fcgi.sock
FCGI_PID=$RUN_DIR/rempart-fcgi.pid
FCGI_SPAWN_PID=$RUN_DIR/rempart-fcgi.spawn.pid
FCGI_LOG=$LOG_DIR/rempart-fcgi.log
NGINX_PID=$RUN_DIR/nginx.pid
NGINX_CONF=$NGINX_DIR/nginx.conf
NGINX_SITE=$NGINX_DIR/rempart-site.conf
NGINX_LOG=$LOG_DIR/nginx-error.log
NGINX_OUT=$LOG_DIR/nginx.out
SITE_TEMPLATE=$SRCDIR/nginx/rempart-site.conf.in

FCGI_BIN=$BUILDDIR/app/rempart-fcgi
ADMIN_BIN=$BUILDDIR/app/rempart-admin

# Patterns that a process's command line must contain to be ours.
MYSQL_PAT="--datadir=$DATADIR"
NGINX_PAT="$NGINX_CONF"
FCGI_PAT="rempart"

# ---------------------------------------------------------------- helpers ---

q() { # shell-quote for eval
	local s=${1//\'/\'\\\'\'}
	printf "'%s'" "$s"
}

is_alive() { # is_alive PID: exists and is not a zombie
	local st
	[[ -r /proc/$1/stat ]] || return 1
	st=$(sed -n 's/^.*) \(.\).*$/\1/p' 2>/dev/null <"/proc/$1/stat") || return 1
	[[ -n $st && $st != Z && $st != X ]]
}

live_pid() { # live_pid PIDFILE PATTERN: print the pid if it runs and is ours
	local f=$1 pat=$2 pid="" cmd
	[[ -r $f ]] || return 1
	read -r pid <"$f" 2>/dev/null || [[ -n $pid ]] || return 1
	[[ $pid =~ ^[0-9]+$ ]] && ((pid > 1)) || return 1
	is_alive "$pid" || return 1
	cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
	[[ $cmd == *"$pat"* ]] || return 1
	printf '%s\n' "$pid"
}

fcgi_pid() {
	live_pid "$FCGI_PID" "$FCGI_PAT" || live_pid "$FCGI_SPAWN_PID" "$FCGI_PAT"
}

new_secret() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }

write_secret_file() { # write_secret_file FILE CONTENT (mode 600, atomic)
	local tmp
	tmp=$(mktemp "$1.XXXXXX")
	chmod 600 "$tmp"
	printf '%s\n' "$2" >"$tmp"
	mv -f "$tmp" "$1"
}

write_file() { # write_file FILE < content: atomic; returns 0 if it changed
	local tmp
	tmp=$(mktemp "$1.XXXXXX")
	cat >"$tmp"
	chmod 644 "$tmp"
	if [[ -f $1 ]] && cmp -s "$tmp" "$1"; then
		rm -f "$tmp"
		return 1
	fi
	mv -f "$tmp" "$1"
}

# Effective nginx port: STACK_PORT, else the running nginx's, else 8080.
stack_port() {
	local p=""
	if [[ -n ${STACK_PORT:-} ]]; then
		p=$STACK_PORT
	elif live_pid "$NGINX_PID" "$NGINX_PAT" >/dev/null && [[ -r $PORT_FILE ]]; then
		read -r p <"$PORT_FILE" || true
	fi
	p=${p:-8080}
	if ! [[ $p =~ ^[0-9]+$ ]] || ((p < 1 || p > 65535)); then
		die "STACK_PORT must be a TCP port number (got '$p')"
	fi
	printf '%s\n' "$p"
}

need_cmd() {
	command -v "$1" >/dev/null 2>&1 || die "$1 not found: $2"
}

# wait_until SECONDS PID CHECK...: poll CHECK every 0.2 s until it succeeds;
# fail early when PID (if not empty) has exited.
wait_until() {
	local secs=$1 pid=$2 n
	shift 2
	n=$((secs * 5))
	while ((n-- > 0)); do
		"$@" && return 0
		if [[ -n $pid ]] && ! is_alive "$pid"; then
			"$@" && return 0
			return 2
		fi
		sleep 0.2
	done
	return 1
}

# stop_proc LABEL PIDFILE PATTERN [PIDFILE2 [CHILD_PATTERN]]: SIGTERM to the
# master, bounded wait, then SIGKILL to it and to its leftover children.
stop_proc() {
	local label=$1 pidfile=$2 pat=$3 pidfile2=${4:-} kidpat=${5:-$3} pid kids k n cmd
	pid=$(live_pid "$pidfile" "$pat") ||
		{ [[ -n $pidfile2 ]] && pid=$(live_pid "$pidfile2" "$pat"); } || {
		say "$label: not running"
		rm -f "$pidfile" ${pidfile2:+"$pidfile2"}
		return 0
	}
	kids=$(pgrep -P "$pid" 2>/dev/null | tr '\n' ' ' || true)
	say "$label: stopping (pid $pid)"
	kill -TERM "$pid" 2>/dev/null || true
	n=$((STACK_STOP_WAIT * 5))
	while ((n-- > 0)) && is_alive "$pid"; do sleep 0.2; done
	if is_alive "$pid"; then
		say "$label: still running after ${STACK_STOP_WAIT}s, sending SIGKILL"
		kill -KILL "$pid" 2>/dev/null || true
	fi
	# Children (workers) left behind by a killed master: give them a moment,
	# then kill those that are still ours.
	for k in $kids; do
		n=25
		while ((n-- > 0)) && is_alive "$k"; do sleep 0.2; done
		cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$k/cmdline") || continue
		if is_alive "$k" && [[ $cmd == *"$kidpat"* ]]; then
			say "$label: killing leftover child $k"
			kill -KILL "$k" 2>/dev/null || true
		fi
	done
	n=25
	while ((n-- > 0)) && is_alive "$pid"; do sleep 0.2; done
	is_alive "$pid" && die "$label: pid $pid does not die"
	rm -f "$pidfile" ${pidfile2:+"$pidfile2"}
}

lock_stack() {
	exec 9>>"$STACK_DIR/.lock"
	flock -w 300 9 || die "another stack.sh holds $STACK_DIR/.lock"
}

check_socket_path() {
	local s
	for s in "$MYSQL_SOCK" "$FCGI_SOCK"; do
		((${#s} < 108)) || die "socket path too long for a unix socket (${#s} > 107 bytes): $s; use a shorter STACK_DIR"
	done
}

# -------------------------------------------------------------- MariaDB ---

mysql_ready() {
	mariadb --defaults-file="$APP_CNF" --connect-timeout=2 -N -e 'SELECT 1' >/dev/null 2>&1
}

write_db_files() {
	local dbpw rootpw
	[[ -s $DB_PW_FILE ]] || write_secret_file "$DB_PW_FILE" "$(new_secret)"
	[[ -s $ROOT_PW_FILE ]] || write_secret_file "$ROOT_PW_FILE" "$(new_secret)"
	chmod 600 "$DB_PW_FILE" "$ROOT_PW_FILE"
	read -r dbpw <"$DB_PW_FILE"
	read -r rootpw <"$ROOT_PW_FILE"
	[[ $dbpw =~ ^[A-Za-z0-9]+$ && $rootpw =~ ^[A-Za-z0-9]+$ ]] ||
		die "$DB_PW_FILE and $ROOT_PW_FILE must hold letters and digits only"
	DB_PASSWORD=$dbpw
	write_secret_file "$APP_CNF" "[client]
socket=$MYSQL_SOCK
user=rempart
password=$dbpw
[mysql]
database=rempart
default-character-set=utf8mb4"
	write_secret_file "$ROOT_CNF" "[client]
socket=$MYSQL_SOCK
user=root
password=$rootpw
[mysql]
default-character-set=utf8mb4"
	# Run by mariadbd itself at every start (--init-file): idempotent, and it
	# repairs the accounts if a password file was changed.
	write_secret_file "$INIT_SQL" "ALTER USER 'root'@'localhost' IDENTIFIED BY '$rootpw';
DELETE FROM mysql.global_priv WHERE (User = 'root' AND Host <> 'localhost') OR User = '';
FLUSH PRIVILEGES;
CREATE DATABASE IF NOT EXISTS \`rempart\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'rempart'@'localhost' IDENTIFIED BY '$dbpw';
ALTER USER 'rempart'@'localhost' IDENTIFIED BY '$dbpw';
GRANT ALL PRIVILEGES ON \`rempart\`.* TO 'rempart'@'localhost';
GRANT ALL PRIVILEGES ON \`rempart\\_%\`.* TO 'rempart'@'localhost';"
}

start_mariadb() {
	local pid spawn rc
	local -a userarg=()
	[[ $(id -u) -eq 0 ]] && userarg=(--user=root)
	write_db_files
	if pid=$(live_pid "$MYSQL_PID" "$MYSQL_PAT"); then
		say "MariaDB: already running (pid $pid)"
		wait_until "$STACK_WAIT" "$pid" mysql_ready ||
			fail "MariaDB (pid $pid) does not accept the app user on $MYSQL_SOCK" "$MYSQL_LOG"
		return 0
	fi
	if [[ ! -f $DB_MARK ]]; then
		# First start, or an initialisation that did not finish: start afresh.
		say "MariaDB: initialising $DATADIR"
		rm -rf "$DATADIR"
		mkdir -p "$DATADIR"
		mariadb-install-db --no-defaults --datadir="$DATADIR" "${userarg[@]}" \
			--auth-root-authentication-method=normal --skip-test-db \
			--skip-name-resolve --tmpdir="$TMP_DIR" \
			>"$LOG_DIR/mariadb-install.log" 2>&1 9>&- ||
			fail "mariadb-install-db failed" "$LOG_DIR/mariadb-install.log"
		touch "$DB_MARK"
	fi
	rm -f "$MYSQL_SOCK" "$MYSQL_PID"
	say "MariaDB: starting (socket $MYSQL_SOCK)"
	setsid mariadbd --no-defaults --datadir="$DATADIR" "${userarg[@]}" \
		--socket="$MYSQL_SOCK" --pid-file="$MYSQL_PID" --log-error="$MYSQL_LOG" \
		--skip-networking --skip-name-resolve --tmpdir="$TMP_DIR" \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--innodb-flush-log-at-trx-commit=1 --innodb-buffer-pool-size=128M \
		--max-connections=200 --query-cache-type=1 --query-cache-size=64M \
		--init-file="$INIT_SQL" \
		</dev/null >>"$LOG_DIR/mariadb.out" 2>&1 9>&- &
	spawn=$!
	rc=0
	wait_until "$STACK_WAIT" "$spawn" mysql_ready || rc=$?
	case $rc in
	0) ;;
	2) fail "MariaDB exited during start-up" "$LOG_DIR/mariadb.out" "$MYSQL_LOG" ;;
	*) fail "MariaDB did not answer within ${STACK_WAIT}s on $MYSQL_SOCK (pid $spawn still runs; try: $PROG stop)" "$MYSQL_LOG" ;;
	esac
	pid=$(live_pid "$MYSQL_PID" "$MYSQL_PAT") ||
		fail "MariaDB answers but $MYSQL_PID does not name it" "$MYSQL_LOG"
	say "MariaDB: ready (pid $pid)"
}

# ---------------------------------------------------------------- config ---

write_conf() {
	local tmp
	tmp=$(mktemp "$CONF.XXXXXX")
	chmod 600 "$tmp"
	cat >"$tmp" <<EOF
# Generated by tests/stack.sh at every start: edits are lost.
fcgi.socket = $FCGI_SOCK
fcgi.socket_mode = 0666
fcgi.workers = $STACK_WORKERS
fcgi.user =
fcgi.request_timeout = 30
fcgi.pid_file = $FCGI_PID
http.max_body = 1048576
http.max_upload = 8388608
db.socket = $MYSQL_SOCK
db.name = rempart
db.user = rempart
db.password = $DB_PASSWORD
paths.www = $SRCDIR/www
paths.sql = $SRCDIR/sql
log.level = info
# A development stack: cheaper password hashing (2^15, about 66 ms), no
# mandatory MFA, and per-address login and public-questionnaire bounds that
# the whole test suite, all from 127.0.0.1, cannot reach. Production keeps the defaults.
auth.scrypt_n = 32768
auth.mfa_required_roles =
auth.max_failures_address = 100000
usage.max_requests_address = 1000000
EOF
	mv -f "$tmp" "$CONF"
}

migrate() {
	say "migrate: $ADMIN_BIN -c $CONF migrate"
	{
		printf '=== %s migrate\n' "$(date '+%F %T')"
		"$ADMIN_BIN" -c "$CONF" migrate </dev/null 9>&-
	} >>"$LOG_DIR/migrate.log" 2>&1 ||
		fail "rempart-admin migrate failed" "$LOG_DIR/migrate.log"
}

# ---------------------------------------------------------- rempart-fcgi ---

# socket_listening PATH: a process listens on the unix socket PATH (without
# /proc/net/unix: the socket file exists).
socket_listening() {
	if [[ -r /proc/net/unix ]]; then
		awk -v p=" $1" '$4 == "00010000" && length($0) >= length(p) &&
			substr($0, length($0) - length(p) + 1) == p { f = 1 } END { exit !f }' /proc/net/unix
	else
		[[ -S $1 ]]
	fi
}

start_fcgi() {
	local pid spawn rc secs=$STACK_WAIT
	local -a wrapper=()
	if pid=$(fcgi_pid); then
		say "rempart-fcgi: already running (pid $pid)"
		return 0
	fi
	if [[ -n ${STACK_FCGI_WRAPPER:-} ]]; then
		read -r -a wrapper <<<"$STACK_FCGI_WRAPPER"
		secs=$((STACK_WAIT * 4))
	fi
	kill_fcgi_orphans
	if socket_listening "$FCGI_SOCK"; then
		die "a process not started by this stack listens on $FCGI_SOCK"
	fi
	rm -f "$FCGI_SOCK" "$FCGI_PID" "$FCGI_SPAWN_PID"
	say "rempart-fcgi: starting ${wrapper[*]:+(under ${wrapper[*]}) }(socket $FCGI_SOCK)"
	printf '=== %s start\n' "$(date '+%F %T')" >>"$FCGI_LOG"
	setsid "${wrapper[@]}" "$FCGI_BIN" -c "$CONF" </dev/null >>"$FCGI_LOG" 2>&1 9>&- &
	spawn=$!
	echo "$spawn" >"$FCGI_SPAWN_PID"
	rc=0
	wait_until "$secs" "$spawn" socket_listening "$FCGI_SOCK" || rc=$?
	case $rc in
	0) ;;
	2) fail "rempart-fcgi exited during start-up" "$FCGI_LOG" ;;
	*)
		stop_proc rempart-fcgi "$FCGI_PID" "$FCGI_PAT" "$FCGI_SPAWN_PID" || true
		fail "rempart-fcgi did not create $FCGI_SOCK within ${secs}s" "$FCGI_LOG"
		;;
	esac
	# Its own pid file may come a moment after the socket.
	wait_until 5 "$spawn" live_pid "$FCGI_PID" "$FCGI_PAT" >/dev/null ||
		say "warning: rempart-fcgi did not write its pid file $FCGI_PID (stop uses $FCGI_SPAWN_PID)"
	say "rempart-fcgi: ready (pid $(fcgi_pid || echo "$spawn"))"
}

# fcgi_orphans: pids of rempart-fcgi processes run with this stack's config
# (workers left behind by a master that was killed).
fcgi_orphans() {
	local d pid a conf bin
	local -a args
	for d in /proc/[0-9]*; do
		pid=${d#/proc/}
		[[ $pid != "$$" ]] || continue
		args=()
		mapfile -d '' -t args 2>/dev/null <"$d/cmdline" || continue
		conf=0 bin=0
		for a in "${args[@]}"; do
			[[ $a == "$CONF" ]] && conf=1
			[[ $a == *rempart-fcgi ]] && bin=1
		done
		[[ $conf -eq 1 && $bin -eq 1 ]] && is_alive "$pid" && printf '%s ' "$pid"
	done
	return 0
}

kill_fcgi_orphans() {
	local pids p n=25
	pids=$(fcgi_orphans)
	[[ -n $pids ]] || return 0
	say "rempart-fcgi: stopping leftover processes of this stack: $pids"
	# shellcheck disable=SC2086 # a list of pids
	kill -TERM $pids 2>/dev/null || true
	while ((n-- > 0)) && [[ -n $(fcgi_orphans) ]]; do sleep 0.2; done
	for p in $(fcgi_orphans); do
		kill -KILL "$p" 2>/dev/null || true
	done
}

# ----------------------------------------------------------------- nginx ---

render_site() { # render_site PORT
	local t stack_loc
	[[ -r $SITE_TEMPLATE ]] || die "nginx site template not found: $SITE_TEMPLATE"
	# The production template's TLS blocks: the redirect server is dropped,
	# the TLS lines of the main server become one plain "listen".
	t=$(awk -v listen="    listen 127.0.0.1:$1;" '
		/^# BEGIN TLS/ { skip = 1; next }
		/^[ \t]+# BEGIN TLS/ { skip = 1; print listen; next }
		/# END TLS/ { skip = 0; next }
		!skip' "$SITE_TEMPLATE")
	t=${t//@SERVER_NAME@/localhost}
	t=${t//@UPSTREAM@/server unix:$FCGI_SOCK;}
	t=${t//@WWW@/$SRCDIR/www}
	t=${t//@LOGIN_RATE@/$STACK_LOGIN_RATE}
	t=${t//@LOGIN_BURST@/$STACK_LOGIN_BURST}
	[[ $t != *@[A-Z_]*@* ]] || die "$SITE_TEMPLATE: a placeholder was left: $(grep -o '@[A-Z_]*@' <<<"$t" | head -1)"
	stack_loc="# Stack only: static files for benchmarks.
    location /_stack/ {
        alias $PUBLIC_DIR/;
    }"
	t=${t//"# stack.sh: stack-only locations are inserted here."/$stack_loc}
	printf '# Generated by tests/stack.sh from %s: edits are lost.\n%s\n' "$SITE_TEMPLATE" "$t"
}

render_nginx_conf() {
	[[ $(id -u) -eq 0 ]] && echo "user root;"
	cat <<EOF
# Generated by tests/stack.sh at every start: edits are lost.
daemon on;
worker_processes 2;
pid $NGINX_PID;
error_log $NGINX_LOG warn;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65s;
    server_tokens off;
    # Short, so that tests/fault/edges.mjs sees a 408 within seconds (nginx's
    # default is 60 s); a request body is still read into nginx's buffers
    # before any worker sees it.
    client_body_timeout 3s;

    log_format stack '\$remote_addr [\$time_local] "\$request" \$status '
                     '\$body_bytes_sent \$request_time "\$upstream_response_time" '
                     '\$request_id';
    access_log $LOG_DIR/nginx-access.log stack buffer=64k flush=1s;

    client_body_temp_path $NGINX_DIR/tmp/client_body;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;

    include $NGINX_SITE;
}
EOF
}

nginx_up() { # our nginx answers on the port (not some other server)
	local body
	body=$(curl -s --max-time 2 "http://127.0.0.1:$1/_stack/stack-ping.txt" 2>/dev/null) || return 1
	[[ $body == "$STACK_DIR" ]]
}

start_nginx() {
	local port pid changed=0 n
	port=$(stack_port)
	render_site "$port" | write_file "$NGINX_SITE" && changed=1
	render_nginx_conf | write_file "$NGINX_CONF" && changed=1
	mkdir -p "$NGINX_DIR/tmp"
	printf '%s\n' "$STACK_DIR" >"$PUBLIC_DIR/stack-ping.txt"
	if pid=$(live_pid "$NGINX_PID" "$NGINX_PAT"); then
		if [[ $changed -eq 1 ]]; then
			nginx -q -t -p "$NGINX_DIR/" -c "$NGINX_CONF" -e "$NGINX_LOG" >"$NGINX_OUT" 2>&1 9>&- ||
				fail "new nginx configuration is invalid ($NGINX_CONF)" "$NGINX_OUT"
			say "nginx: configuration changed, reloading (pid $pid)"
			kill -HUP "$pid"
			sleep 0.5
		else
			say "nginx: already running (pid $pid)"
			echo "$port" >"$PORT_FILE"
			return 0
		fi
	else
		rm -f "$NGINX_PID"
		say "nginx: starting on http://127.0.0.1:$port/"
		nginx -p "$NGINX_DIR/" -c "$NGINX_CONF" -e "$NGINX_LOG" </dev/null >"$NGINX_OUT" 2>&1 9>&- ||
			fail "nginx failed to start" "$NGINX_OUT"
		n=$((STACK_WAIT * 5))
		while ((n-- > 0)) && ! pid=$(live_pid "$NGINX_PID" "$NGINX_PAT"); do sleep 0.2; done
		[[ -n ${pid:-} ]] || fail "nginx did not write $NGINX_PID" "$NGINX_LOG"
	fi
	echo "$port" >"$PORT_FILE"
	wait_until "$STACK_WAIT" "$pid" nginx_up "$port" ||
		fail "nginx (pid $pid) does not answer on 127.0.0.1:$port" "$NGINX_LOG"
	say "nginx: ready (pid $pid)"
}

# -------------------------------------------------------------- commands ---

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cmd_start() {
	local port
	need_cmd mariadbd "apt-get install mariadb-server"
	need_cmd mariadb-install-db "apt-get install mariadb-server"
	need_cmd mariadb "apt-get install mariadb-client"
	need_cmd nginx "apt-get install nginx-light"
	need_cmd curl "apt-get install curl"
	need_cmd pgrep "apt-get install procps"
	need_cmd setsid "apt-get install util-linux"
	need_cmd flock "apt-get install util-linux"
	[[ -x $FCGI_BIN ]] || die "$FCGI_BIN not found: build first (./autogen.sh && ./configure && make) or set BUILDDIR"
	[[ -x $ADMIN_BIN ]] || die "$ADMIN_BIN not found: build first (./autogen.sh && ./configure && make) or set BUILDDIR"
	[[ -d $SRCDIR/www ]] || die "$SRCDIR/www not found"
	[[ -r $SITE_TEMPLATE ]] || die "nginx site template not found: $SITE_TEMPLATE"
	port=$(stack_port)
	check_socket_path
	mkdir -p "$STACK_DIR" "$RUN_DIR" "$LOG_DIR" "$TMP_DIR" "$NGINX_DIR/tmp" "$PUBLIC_DIR"
	lock_stack
	# Fail early, before starting anything, when another server has the port.
	if ! live_pid "$NGINX_PID" "$NGINX_PAT" >/dev/null && port_busy "$port"; then
		die "port 127.0.0.1:$port is already in use by another program: set STACK_PORT"
	fi

	start_mariadb
	write_conf
	migrate
	start_fcgi
	start_nginx
	say "stack running at http://127.0.0.1:$(stack_port)/ (STACK_DIR=$STACK_DIR)"
	say "use: eval \"\$($0 env)\""
}

cmd_stop() {
	if [[ ! -d $STACK_DIR ]]; then
		say "nothing to stop: $STACK_DIR does not exist"
		return 0
	fi
	need_cmd pgrep "apt-get install procps"
	lock_stack
	stop_proc rempart-fcgi "$FCGI_PID" "$FCGI_PAT" "$FCGI_SPAWN_PID"
	kill_fcgi_orphans
	socket_listening "$FCGI_SOCK" || rm -f "$FCGI_SOCK"
	stop_proc nginx "$NGINX_PID" "$NGINX_PAT" "" "nginx:"
	rm -f "$PORT_FILE"
	stop_proc MariaDB "$MYSQL_PID" "$MYSQL_PAT"
	say "stack stopped ($STACK_DIR)"
}

cmd_status() {
	local pid all=0
	if pid=$(live_pid "$MYSQL_PID" "$MYSQL_PAT"); then
		printf '%-13s running (pid %s), socket %s\n' MariaDB "$pid" "$MYSQL_SOCK"
	else
		printf '%-13s stopped\n' MariaDB
		all=3
	fi
	if pid=$(fcgi_pid); then
		printf '%-13s running (pid %s), socket %s\n' rempart-fcgi "$pid" "$FCGI_SOCK"
	else
		printf '%-13s stopped\n' rempart-fcgi
		all=3
	fi
	if pid=$(live_pid "$NGINX_PID" "$NGINX_PAT"); then
		printf '%-13s running (pid %s), http://127.0.0.1:%s/\n' nginx "$pid" "$(stack_port)"
	else
		printf '%-13s stopped\n' nginx
		all=3
	fi
	return "$all"
}

cmd_env() {
	local port
	port=$(stack_port)
	printf 'REMPART_CONFIG=%s\n' "$(q "$CONF")"
	printf 'BASE_URL=%s\n' "$(q "http://127.0.0.1:$port")"
	printf 'STACK_DIR=%s\n' "$(q "$STACK_DIR")"
	printf 'STACK_PORT=%s\n' "$(q "$port")"
	printf 'STACK_MYSQL_SOCKET=%s\n' "$(q "$MYSQL_SOCK")"
	printf 'STACK_MYSQL_DEFAULTS=%s\n' "$(q "$APP_CNF")"
	printf 'STACK_MYSQL_ROOT_DEFAULTS=%s\n' "$(q "$ROOT_CNF")"
	printf 'STACK_FCGI_SOCKET=%s\n' "$(q "$FCGI_SOCK")"
	printf 'STACK_FCGI_PID_FILE=%s\n' "$(q "$FCGI_PID")"
	printf 'STACK_LOG_DIR=%s\n' "$(q "$LOG_DIR")"
}

usage() {
	echo "usage: $0 start|stop|restart|status|env   (see the header of this script)" >&2
	exit 2
}

[[ $# -eq 1 ]] || usage
case $1 in
start) cmd_start ;;
stop) cmd_stop ;;
restart)
	cmd_stop
	exec 9>&-
	cmd_start
	;;
status) cmd_status ;;
env) cmd_env ;;
-h | --help | help)
	sed -n '2,/^$/s/^# \{0,1\}//p' "$0"
	;;
*) usage ;;
esac
