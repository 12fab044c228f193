#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# user.sh: build every user program of the project as static 64-bit and
# 32-bit executables into build/user (NAME and NAME32).  Programs are the
# .c files under tests/prog/ and drivers/*/user/.  Their include path has
# tests/prog (ddic_check.h, the check() of the test programs) and
# include/uapi (the user-safe Solaris headers, e.g. <sys/dkio.h>).
. "$(dirname "$0")/lib.sh"

out=$BUILD/user
mkdir -p "$out"
for src in "$TOP"/tests/prog/*.c "$TOP"/drivers/*/user/*.c; do
	[ -f "$src" ] || continue
	libc=()	# drivers' user programs get Solaris getopt (libc/)
	case $src in "$TOP"/drivers/*) libc=("${SOLARIS_LIBC[@]}") ;; esac
	static_prog "$src" "$out" -Wextra -Werror "-I$(dirname "$src")" \
		"-I$TOP/tests/prog" "-I$TOP/include/uapi" "${libc[@]}"
done
# The porter's commands (add_drv, rem_drv, update_drv, ddi_attach,
# ddi_modinfo): one program, scripts/ddic-cmd.c, called by those names.
static_prog "$TOP/scripts/ddic-cmd.c" "$out" -Wextra -Werror
for c in add_drv rem_drv update_drv ddi_attach ddi_modinfo prtconf; do
	ln -sf ddic-cmd "$out/$c"
done
