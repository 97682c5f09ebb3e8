#!/bin/sh
# Regenerate the build system from configure.ac and Makefile.am.
set -e
cd "$(dirname "$0")"
mkdir -p build-aux m4
autoreconf --install --force --verbose >/dev/null || {
	echo "autogen.sh: autoreconf failed; install autoconf, automake and pkg-config" >&2
	exit 1
}
echo "autogen.sh: now run ./configure && make"
