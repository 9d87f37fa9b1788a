#!/bin/sh
# Builds the example policies with clang when it is installed; the .o files are
# committed so that running the examples needs no compiler.
# Needs clang (14 or later) and libbpf's headers (Debian: apt-get install clang libbpf-dev).
# numab_sim.h is `numa-actors bpf header` output (a test keeps it in step).
set -e
cd "$(dirname "$0")"
CLANG=${CLANG:-$(command -v clang-14 || command -v clang || true)}
if [ -z "$CLANG" ]; then
	echo "clang not found: install clang and libbpf-dev, or use the committed .o files" >&2
	exit 1
fi
for src in *.bpf.c; do
	obj=${src%.bpf.c}.o
	"$CLANG" -O2 -g -target bpf -Wall -Wno-unused-function -c "$src" -o "$obj"
	echo "built $obj"
done
