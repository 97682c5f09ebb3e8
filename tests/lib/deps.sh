# shellcheck shell=bash
# Rempart: shared helpers for the test and demo scripts (source this file).
#
#   rp_install_deps [extra-package...]
#       Installs the missing Debian packages of the base list (build and stack)
#       plus the extras given, with apt-get (as root, else through sudo).
#       Environment: RP_APT_ALLOW_SERVICE_START=1 lets the packages start their
#       system services (by default a temporary policy-rc.d forbids it, so that
#       installing mariadb-server or nginx does not start system daemons).
#   rp_build [configure-argument...]
#       ./autogen.sh && ./configure ARGS && make -j2 in the repository top
#       directory, skipped when app/rempart-fcgi and app/rempart-admin are newer
#       than every file in app/ (and configure.ac, Makefile.am) and config.status
#       records the same configure arguments.
#   rp_topdir
#       Prints the repository top directory.
#
# Both functions leave the caller's shell options alone and return non-zero
# with a message on standard error on failure.

RP_BASE_PACKAGES=(
	build-essential autoconf automake libtool pkg-config
	libfcgi-dev libfcgi-bin libmariadb-dev libjson-c-dev libscrypt-dev
	clearsilver-dev zlib1g-dev liboath-dev libqrencode-dev libcmark-dev libssl-dev libexpat1-dev john-data
	libcairo2-dev libpango1.0-dev libzip-dev libxlsxwriter-dev libpng-dev libjpeg62-turbo-dev fonts-dejavu-core
	mariadb-server mariadb-client nginx-light
	curl ca-certificates procps psmisc
)
# Extras for the test suite: rp_install_deps "${RP_TEST_PACKAGES[@]}"
# shellcheck disable=SC2034
RP_TEST_PACKAGES=(
	tidy wrk chromium chromium-driver nodejs npm valgrind john-data poppler-utils
	python3-docx hyperfine
	clang libclang-rt-14-dev python3-openpyxl
	debhelper lintian openssl
)

rp_topdir() {
	(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
}

# rp_missing_packages PKG... : prints those not installed, one per line.
rp_missing_packages() {
	local p st
	for p in "$@"; do
		st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
		[[ $st == installed ]] || printf '%s\n' "$p"
	done
}

# rp_as_root CMD... : runs CMD as root (directly, or through sudo).
rp_as_root() {
	if [[ $(id -u) -eq 0 ]]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		if sudo -n true 2>/dev/null; then
			sudo -n "$@"
		else
			sudo "$@"
		fi
	else
		echo "rp_install_deps: need root to run: $*" >&2
		echo "rp_install_deps: run this script as root or install sudo" >&2
		return 1
	fi
}

RP_POLICY_MARK='# rempart-deps-temporary-policy'

rp_install_deps() {
	local -a wanted=() missing=()
	local p have_node=0 policy=${RP_POLICY_RC_D:-/usr/sbin/policy-rc.d} own_policy=0 rc=0

	if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
		echo "rp_install_deps: dpkg-query/apt-get not found: this needs Debian 12 (or a derivative)" >&2
		return 1
	fi
	command -v node >/dev/null 2>&1 && have_node=1
	for p in "${RP_BASE_PACKAGES[@]}" "$@"; do
		if [[ $have_node -eq 1 && ( $p == nodejs || $p == npm ) ]]; then
			continue
		fi
		wanted+=("$p")
	done
	mapfile -t missing < <(rp_missing_packages "${wanted[@]}")
	if [[ ${#missing[@]} -eq 0 ]]; then
		return 0
	fi
	echo "rp_install_deps: installing: ${missing[*]}" >&2

	# A package left behind by an interrupted earlier run: remove our own
	# policy file only (recognised by its marker).
	if [[ -f $policy ]] && grep -qF "$RP_POLICY_MARK" "$policy" 2>/dev/null; then
		rp_as_root rm -f "$policy" || true
	fi
	# Keep apt from starting system services (system MariaDB on 3306, nginx on
	# port 80): the stack runs its own private servers.
	if [[ ${RP_APT_ALLOW_SERVICE_START:-0} != 1 && ! -e $policy ]]; then
		if printf '#!/bin/sh\n%s\nexit 101\n' "$RP_POLICY_MARK" |
			rp_as_root sh -c "cat > '$policy' && chmod 755 '$policy'"; then
			own_policy=1
		fi
	fi

	if [[ -z ${RP_APT_UPDATED:-} ]]; then
		if rp_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q; then
			RP_APT_UPDATED=1
		else
			echo "rp_install_deps: apt-get update failed" >&2
			rc=1
		fi
	fi
	if [[ $rc -eq 0 ]] && ! rp_as_root env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -q --no-install-recommends "${missing[@]}"; then
		echo "rp_install_deps: apt-get install failed for: ${missing[*]}" >&2
		rc=1
	fi
	if [[ $own_policy -eq 1 ]]; then
		rp_as_root rm -f "$policy" || true
	fi
	if [[ $rc -eq 0 ]]; then
		mapfile -t missing < <(rp_missing_packages "${missing[@]}")
		if [[ ${#missing[@]} -gt 0 ]]; then
			echo "rp_install_deps: still missing after install: ${missing[*]}" >&2
			rc=1
		fi
	fi
	return "$rc"
}

rp_build() {
	local top
	top=$(rp_topdir) || {
		echo "rp_build: cannot find the repository top directory" >&2
		return 1
	}
	(
		set -euo pipefail
		cd "$top" || exit 1
		args=$(printf '%q ' "$@")
		fresh=1
		for b in app/rempart-fcgi app/rempart-admin; do
			[[ -x $b ]] || { fresh=0; break; }
		done
		# Same configure arguments as the last build? (config.status knows.)
		if [[ $fresh -eq 1 ]]; then
			prev=$(./config.status --config 2>/dev/null) || fresh=0
		fi
		if [[ $fresh -eq 1 ]]; then
			prev_args=()
			eval "prev_args=($prev)"
			[[ $(printf '%q ' "${prev_args[@]}") == "$args" ]] || fresh=0
		fi
		if [[ $fresh -eq 1 ]]; then
			# Any source newer than either binary means a rebuild.
			newer=$(find app configure.ac Makefile.am -type f \
				! -name rempart-fcgi ! -name rempart-admin ! -name '*.o' ! -name '*.a' \
				! -path '*/.deps/*' ! -path '*/.dirstamp' \
				\( -newer app/rempart-fcgi -o -newer app/rempart-admin \) \
				-print -quit 2>/dev/null || true)
			if [[ -z $newer ]]; then
				echo "rp_build: app/rempart-fcgi and app/rempart-admin are up to date" >&2
				exit 0
			fi
		fi
		step() {
			echo "rp_build: $*" >&2
			"$@" || {
				echo "rp_build: FAILED: $* (in $top)" >&2
				exit 1
			}
		}
		step ./autogen.sh
		step ./configure "$@"
		step make -j2
		for b in app/rempart-fcgi app/rempart-admin; do
			[[ -x $b ]] || {
				echo "rp_build: make succeeded but $top/$b is missing" >&2
				exit 1
			}
		done
	)
}
