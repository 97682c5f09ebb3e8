#!/usr/bin/env bash
# Rempart: the Debian package in CI (tests/run-tests.sh runs each command as
# one step; README "Tests"). As root, on Debian 12.
#
#   tests/ops/package.sh build    dpkg-buildpackage -us -uc -b from a copy of
#                                 the tracked files (var/pkg/), never in the
#                                 tree: the in-tree build is left alone
#   tests/ops/package.sh lintian  lintian on the result: no error (E:)
#   tests/ops/package.sh install  apt-get install ./rempart_*.deb; checks the
#                                 user, the conffile's owner and mode, files
#   tests/ops/package.sh smoke    runs the unit's ExecStart (read from the
#                                 installed rempart.service, as its User=,
#                                 socket-activated like rempart.socket where
#                                 systemd-socket-activate exists) against the
#                                 stack's database, the installed nginx site
#                                 in a private nginx, and smoke tests through
#                                 it: login page, /healthz, static file, a
#                                 sign-in; SIGHUP reload; SIGTERM stop
#   tests/ops/package.sh upgrade  reinstall over itself (the upgrade path):
#                                 the edited conffile is kept, postinst asks
#                                 for "rempart-admin migrate"
#   tests/ops/package.sh purge    dpkg --purge rempart; nothing left in /etc,
#                                 /run or running (the rempart user is
#                                 removed too when this script created it)
#   tests/ops/package.sh all      the six in order
#
# Needs the private stack running (tests/stack.sh start: its MariaDB is the
# test database); environment as for tests/stack.sh (STACK_DIR...).

# "check && check || die" dies when either check fails, as meant.
# shellcheck disable=SC2015
set -uo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
PKG_DIR=$TOP/var/pkg
SMOKE_DIR=$TOP/var/pkg-smoke
VERSION=$(sed -n '1s/^rempart (\([^)]*\)).*/\1/p' "$TOP/debian/changelog")
ARCH=$(dpkg --print-architecture)
DEB=$PKG_DIR/rempart_${VERSION}_${ARCH}.deb
UNIT=/lib/systemd/system/rempart.service
CONF=/etc/rempart/rempart.conf
MARK=$PKG_DIR/created-user

say() { printf 'package: %s\n' "$*" >&2; }
die() {
	say "FAILED: $*"
	exit 1
}
need_root() { [[ $(id -u) -eq 0 ]] || die "run as root (it installs the package)"; }

cmd_build() {
	local src=$PKG_DIR/rempart-$VERSION
	rm -rf "$PKG_DIR"
	mkdir -p "$src"
	# The tracked files as they are in the work tree (so uncommitted edits
	# are built too); without git, the tarball of "make dist".
	if git -C "$TOP" rev-parse --git-dir >/dev/null 2>&1; then
		(cd "$TOP" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$src" ||
			die "cannot copy the tracked files"
	else
		make -C "$TOP" dist >/dev/null || die "make dist"
		tar -xzf "$TOP/rempart-$VERSION.tar.gz" -C "$PKG_DIR" || die "tar"
	fi
	say "dpkg-buildpackage -us -uc -b in $src (log: $PKG_DIR/build.log)"
	if ! (cd "$src" && DEB_BUILD_OPTIONS="parallel=$(nproc) ${DEB_BUILD_OPTIONS:-}" \
		dpkg-buildpackage -us -uc -b) >"$PKG_DIR/build.log" 2>&1; then
		tail -40 "$PKG_DIR/build.log" >&2
		die "dpkg-buildpackage"
	fi
	rm -rf "$src"
	[[ -f $DEB ]] || die "$DEB was not built"
	say "built $(basename "$DEB") ($(du -k "$DEB" | cut -f1) KiB)"
	dpkg-deb -c "$DEB" | awk '{print $1, $2, $6}' >"$PKG_DIR/contents.txt"
	local f ok=0
	for f in ./usr/sbin/rempart-fcgi ./usr/sbin/rempart-admin ./etc/rempart/rempart.conf \
		./lib/systemd/system/rempart.service ./lib/systemd/system/rempart.socket \
		./usr/share/rempart/www/templates/layout.cs ./usr/share/rempart/www/static/rempart.css \
		./usr/share/rempart/www/lang/en.hdf ./usr/share/rempart/sql/001-foundation.sql \
		./usr/share/rempart/nginx/rempart-site.conf ./usr/share/rempart/scripts/rempart-restore \
		./usr/share/rempart/scripts/rempart-backup ./usr/share/man/man8/rempart-fcgi.8.gz \
		./usr/share/man/man8/rempart-admin.8.gz ./usr/share/man/man5/rempart.conf.5.gz \
		./usr/share/doc/rempart/copyright; do
		grep -q " $f\$" "$PKG_DIR/contents.txt" || { say "not in the package: $f"; ok=1; }
	done
	grep -q '^-rw-r----- root/root ./etc/rempart/rempart.conf$' "$PKG_DIR/contents.txt" ||
		{ say "rempart.conf is not 0640 in the package"; ok=1; }
	return $ok
}

cmd_lintian() {
	local out
	[[ -f $DEB ]] || die "build first"
	out=$(lintian --fail-on error "$PKG_DIR"/rempart_"${VERSION}"_"${ARCH}".changes 2>&1)
	local rc=$?
	printf '%s\n' "$out" | grep -v 'running with root privileges' >&2
	printf '%s\n' "$out" >"$PKG_DIR/lintian.txt"
	if grep -q '^E:' <<<"$out" || [[ $rc -ne 0 ]]; then
		die "lintian reports errors"
	fi
	say "lintian: no error ($(grep -c '^W:' <<<"$out") warnings)"
}

cmd_install() {
	need_root
	[[ -f $DEB ]] || die "build first"
	if dpkg-query -W -f='${db:Status-Status}' rempart 2>/dev/null | grep -q installed; then
		die "rempart is already installed on this machine: not touching it"
	fi
	getent passwd rempart >/dev/null || touch "$MARK"
	# Another apt run (another session, unattended-upgrades) may hold the
	# dpkg lock: wait for it rather than fail.
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		-o DPkg::Lock::Timeout=600 "$DEB" \
		>"$PKG_DIR/install.log" 2>&1 || { tail -30 "$PKG_DIR/install.log" >&2; die "apt-get install"; }
	grep -q 'never creates nor migrates a database' "$PKG_DIR/install.log" ||
		die "postinst did not print its message"
	getent passwd rempart >/dev/null || die "no rempart user"
	[[ $(stat -c '%U:%G %a' "$CONF") == 'root:rempart 640' ]] ||
		die "$CONF is $(stat -c '%U:%G %a' "$CONF"), not root:rempart 640"
	dpkg-query -W -f='${Conffiles}\n' rempart | grep -q " $CONF " || die "$CONF is not a conffile"
	[[ -x /usr/sbin/rempart-fcgi && -f $UNIT ]] || die "files missing after install"
	/usr/sbin/rempart-admin -c "$CONF" check-config >&2 || die "check-config of the installed files"
	man -w rempart-fcgi rempart-admin rempart.conf >/dev/null 2>&1 ||
		[[ -f /usr/share/man/man8/rempart-fcgi.8.gz ]] || die "man pages"
	# The installed units: syntax, the ExecStart binary, Documentation= man pages.
	if command -v systemd-analyze >/dev/null 2>&1; then
		systemd-analyze verify /lib/systemd/system/rempart.socket "$UNIT" >&2 ||
			die "systemd-analyze verify of the installed units"
	fi
	say "installed: $(dpkg-query -W rempart)"
}

# The ExecStart command line of the installed unit.
exec_start() {
	sed -n 's/^ExecStart=//p' "$UNIT" | tail -n 1
}

nginx_pid() { [[ -s $SMOKE_DIR/nginx.pid ]] && cat "$SMOKE_DIR/nginx.pid"; }
fcgi_pid() { [[ -s $SMOKE_DIR/fcgi.pid ]] && cat "$SMOKE_DIR/fcgi.pid"; }

smoke_stop() {
	local pid n
	if pid=$(nginx_pid) && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid"
		n=50
		while ((n-- > 0)) && kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
	fi
	if pid=$(fcgi_pid) && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid"
		n=200
		while ((n-- > 0)) && kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
		kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
	fi
}

# curl through the private nginx (unix socket): prints "STATUS" then writes
# the body to $SMOKE_DIR/body and the headers to $SMOKE_DIR/headers.
hit() {
	curl -s --max-time 20 --unix-socket "$SMOKE_DIR/nginx.sock" -o "$SMOKE_DIR/body" \
		-D "$SMOKE_DIR/headers" -w '%{http_code}' "$@"
}

cmd_smoke() {
	need_root
	[[ -f $UNIT ]] || die "install first"
	local stack_env sock dbpw cmd
	stack_env=$("$TOP/tests/stack.sh" env) || die "the stack is not set up"
	eval "$stack_env"
	sock=$STACK_MYSQL_SOCKET
	[[ -S $sock ]] || die "the stack's MariaDB does not run ($sock)"
	read -r dbpw <"$STACK_DIR/db-password"
	rm -rf "$SMOKE_DIR"
	mkdir -p "$SMOKE_DIR/tmp"
	chmod 755 "$SMOKE_DIR"
	trap smoke_stop EXIT

	# The installed configuration, pointed at the test database (the
	# package's defaults otherwise: socket /run/rempart/rempart.sock, paths).
	sed -i -e "s|^db.socket = .*|db.socket = $sock|" -e "s|^db.password =.*|db.password = $dbpw|" \
		-e 's|^fcgi.workers = .*|fcgi.workers = 2|' -e "s|^fcgi.pid_file =.*|fcgi.pid_file =|" "$CONF"
	[[ $(stat -c '%U:%G %a' "$CONF") == 'root:rempart 640' ]] || die "editing $CONF changed its owner or mode"
	/usr/sbin/rempart-admin -c "$CONF" check-config >&2 || die "check-config"
	# The installed migrations are the ones the stack applied: nothing to do,
	# and no checksum mismatch.
	/usr/sbin/rempart-admin -c "$CONF" migrate >"$SMOKE_DIR/migrate.log" 2>&1 ||
		{ cat "$SMOKE_DIR/migrate.log" >&2; die "rempart-admin migrate with the installed SQL"; }

	cmd=$(exec_start)
	[[ $cmd == "/usr/sbin/rempart-fcgi -c $CONF" ]] || die "unexpected ExecStart: $cmd"
	local -a argv
	read -r -a argv <<<"$cmd"
	# As rempart.socket would: /run/rempart, the socket passed as fd 3; as
	# rempart.service would: User=rempart, Group=rempart, UMask=0077.
	install -d -m 0755 /run/rempart
	rm -f /run/rempart/rempart.sock
	(
		umask 0077
		cd /
		if command -v systemd-socket-activate >/dev/null 2>&1; then
			echo "socket-activated (systemd-socket-activate), as user rempart" >"$SMOKE_DIR/mode"
			exec systemd-socket-activate -l /run/rempart/rempart.sock \
				setpriv --reuid=rempart --regid=rempart --init-groups -- "${argv[@]}"
		else
			# No socket activation: the master creates the socket and
			# drops its workers to fcgi.user (= rempart).
			echo "master as root, workers as rempart" >"$SMOKE_DIR/mode"
			exec "${argv[@]}"
		fi
	) </dev/null >"$SMOKE_DIR/fcgi.log" 2>&1 &
	echo $! >"$SMOKE_DIR/fcgi.pid"
	say "rempart-fcgi started ($(cat "$SMOKE_DIR/mode")), pid $(cat "$SMOKE_DIR/fcgi.pid")"

	# The installed nginx site: its TLS blocks replaced by a unix-socket
	# listen (as tests/stack.sh does with the template), nothing else changed.
	awk -v listen="    listen unix:$SMOKE_DIR/nginx.sock;" '
		/^# BEGIN TLS/ { skip = 1; next }
		/^[ \t]+# BEGIN TLS/ { skip = 1; print listen; next }
		/# END TLS/ { skip = 0; next }
		!skip' /usr/share/rempart/nginx/rempart-site.conf >"$SMOKE_DIR/site.conf"
	grep -q 'server unix:/run/rempart/rempart.sock;' "$SMOKE_DIR/site.conf" ||
		die "the installed site does not use /run/rempart/rempart.sock"
	cat >"$SMOKE_DIR/nginx.conf" <<EOF
user root;
daemon on;
worker_processes 1;
pid $SMOKE_DIR/nginx.pid;
error_log $SMOKE_DIR/nginx-error.log warn;
events { worker_connections 128; }
http {
    include /etc/nginx/mime.types;
    access_log $SMOKE_DIR/nginx-access.log;
    client_body_temp_path $SMOKE_DIR/tmp/body;
    fastcgi_temp_path $SMOKE_DIR/tmp/fastcgi;
    proxy_temp_path $SMOKE_DIR/tmp/proxy;
    uwsgi_temp_path $SMOKE_DIR/tmp/uwsgi;
    scgi_temp_path $SMOKE_DIR/tmp/scgi;
    include $SMOKE_DIR/site.conf;
}
EOF
	nginx -p "$SMOKE_DIR/" -c "$SMOKE_DIR/nginx.conf" -e "$SMOKE_DIR/nginx-error.log" ||
		die "nginx with the installed site"

	local n=100 st
	until [[ $(hit http://localhost/healthz) == 200 ]]; do
		((n-- > 0)) || { cat "$SMOKE_DIR/fcgi.log" "$SMOKE_DIR/nginx-error.log" >&2; die "no answer on /healthz"; }
		sleep 0.2
	done
	grep -qx '{ "status": "ok", "database": "up" }\|{"status":"ok","database":"up"}' "$SMOKE_DIR/body" ||
		die "/healthz body: $(cat "$SMOKE_DIR/body")"
	say "ok: GET /healthz 200 $(cat "$SMOKE_DIR/body")"

	st=$(hit http://localhost/login)
	[[ $st == 200 ]] && grep -q 'name="password"' "$SMOKE_DIR/body" || die "GET /login: $st"
	grep -qi '^content-security-policy:' "$SMOKE_DIR/headers" || die "no CSP on /login"
	say "ok: GET /login 200 (the login form)"

	st=$(hit http://localhost/static/rempart.css)
	[[ $st == 200 ]] && grep -qi '^cache-control: max-age=' "$SMOKE_DIR/headers" ||
		die "GET /static/rempart.css: $st (cached: $(grep -i cache-control "$SMOKE_DIR/headers"))"
	say "ok: GET /static/rempart.css 200 with Cache-Control max-age"

	# A sign-in: a firm created with the installed rempart-admin.
	local tag email pw cookie
	tag=$(date +%s)$$
	email="pkg-$tag@package.example"
	pw="package smoke passphrase $tag"
	printf '%s\n' "$pw" | /usr/sbin/rempart-admin -c "$CONF" create-firm "Package $tag" "$email" \
		--password-stdin >/dev/null || die "rempart-admin create-firm"
	st=$(hit -H 'Content-Type: application/json' --data "{\"email\":\"$email\",\"password\":\"$pw\"}" \
		http://localhost/api/v1/session)
	[[ $st == 201 ]] || die "POST /api/v1/session: $st $(cat "$SMOKE_DIR/body")"
	cookie=$(tr -d '\r' <"$SMOKE_DIR/headers" | sed -n 's/^[Ss]et-[Cc]ookie: \(rempart_session=[^;]*\).*/\1/p')
	[[ -n $cookie ]] || die "no session cookie"
	# The packaged defaults require MFA of admins (auth.mfa_required_roles):
	# the new session may reach its account and the MFA enrolment only.
	st=$(hit -H "Cookie: $cookie" http://localhost/account)
	[[ $st == 200 ]] && grep -q "$email" "$SMOKE_DIR/body" || die "GET /account signed in: $st"
	st=$(hit -H "Cookie: $cookie" http://localhost/account/mfa)
	[[ $st == 200 ]] || die "GET /account/mfa signed in: $st"
	st=$(hit -H "Cookie: $cookie" http://localhost/api/v1/me)
	[[ $st == 403 ]] && grep -q 'mfa' "$SMOKE_DIR/body" || die "GET /api/v1/me before MFA: $st $(cat "$SMOKE_DIR/body")"
	say "ok: sign-in through nginx (201; /account and /account/mfa 200; MFA enrolment required by the defaults)"

	# Workers run as rempart.
	local master w bad=0
	master=$(fcgi_pid)
	[[ $(tr '\0' ' ' <"/proc/$master/cmdline") == "$cmd " ]] ||
		die "pid $master does not run the unit's ExecStart"
	[[ $(ps -o user= -p "$master" | tr -d ' ') == rempart ]] ||
		[[ $(cat "$SMOKE_DIR/mode") != socket* ]] || die "the master does not run as rempart"
	for w in $(pgrep -P "$master"); do
		[[ $(ps -o user= -p "$w" | tr -d ' ') == rempart ]] || bad=1
	done
	[[ $bad -eq 0 ]] || die "a worker does not run as rempart"

	# systemctl reload = SIGHUP: a new generation serves.
	kill -HUP "$master"
	sleep 1
	st=$(hit http://localhost/healthz)
	[[ $st == 200 ]] || die "after SIGHUP: $st"
	grep -q 'reload' "$SMOKE_DIR/fcgi.log" || say "note: no reload line in the log"
	say "ok: SIGHUP reload keeps serving"

	smoke_stop
	trap - EXIT
	! kill -0 "$master" 2>/dev/null || die "master $master still runs after SIGTERM"
	say "ok: SIGTERM stops it"
}

# The upgrade path, on the same version: dpkg runs preinst/postinst as for
# an upgrade ("configure 0.1.0"); the edited conffile, its owner and mode
# stay, postinst asks for "rempart-admin migrate", which then has nothing to do.
cmd_upgrade() {
	need_root
	[[ -f $DEB && -f $CONF ]] || die "install first"
	local sum
	sum=$(sha256sum "$CONF")
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall -o DPkg::Lock::Timeout=600 \
		-o Dpkg::Options::=--force-confold "$DEB" >"$PKG_DIR/upgrade.log" 2>&1 ||
		{ tail -30 "$PKG_DIR/upgrade.log" >&2; die "apt-get install --reinstall"; }
	grep -q 'after an upgrade, apply the new migrations: rempart-admin migrate' "$PKG_DIR/upgrade.log" ||
		die "postinst did not ask for the migration"
	[[ $(sha256sum "$CONF") == "$sum" ]] || die "the edited $CONF was replaced"
	[[ $(stat -c '%U:%G %a' "$CONF") == 'root:rempart 640' ]] || die "$CONF owner or mode changed"
	/usr/sbin/rempart-admin -c "$CONF" migrate >"$PKG_DIR/upgrade-migrate.log" 2>&1 ||
		{ cat "$PKG_DIR/upgrade-migrate.log" >&2; die "rempart-admin migrate after the upgrade"; }
	say "upgrade path: conffile kept (root:rempart 0640), migrate asked for and idempotent"
}

cmd_purge() {
	need_root
	# apt-get purge = dpkg --purge, waiting for the dpkg lock if needed.
	DEBIAN_FRONTEND=noninteractive apt-get purge -y -q -o DPkg::Lock::Timeout=600 rempart \
		>"$PKG_DIR/purge.log" 2>&1 || { cat "$PKG_DIR/purge.log" >&2; die "dpkg --purge rempart"; }
	if [[ -f $MARK ]]; then
		deluser --system --quiet rempart >/dev/null 2>&1 || true
		delgroup --system --quiet rempart >/dev/null 2>&1 || true
		rm -f "$MARK"
	fi
	rm -rf /run/rempart "$SMOKE_DIR"
	local left=0
	[[ ! -e /etc/rempart ]] || { say "left: /etc/rempart"; left=1; }
	! dpkg-statoverride --list /etc/rempart/rempart.conf >/dev/null 2>&1 || { say "left: statoverride"; left=1; }
	[[ -z $(find /etc/systemd -name 'rempart*' 2>/dev/null) ]] || { say "left: $(find /etc/systemd -name 'rempart*')"; left=1; }
	! dpkg-query -W rempart >/dev/null 2>&1 || { say "left: dpkg knows rempart"; left=1; }
	! pgrep -f '^/usr/sbin/rempart-fcgi' >/dev/null || { say "left: a process of /usr/sbin/rempart-fcgi"; left=1; }
	[[ $left -eq 0 ]] || die "purge left something"
	say "purged: nothing left in /etc, /run or running"
}

case ${1:-} in
build) cmd_build ;;
lintian) cmd_lintian ;;
install) cmd_install ;;
smoke) cmd_smoke ;;
upgrade) cmd_upgrade ;;
purge) cmd_purge ;;
all)
	cmd_build && cmd_lintian && cmd_install && {
		cmd_smoke && cmd_upgrade
		rc=$?
		cmd_purge && exit $rc
	}
	;;
*)
	echo "usage: $0 build|lintian|install|smoke|upgrade|purge|all" >&2
	exit 2
	;;
esac
