/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Solaris libc behaviours for the user programs that come with a Solaris
 * driver, built on Linux with glibc.  ddi-port and the harness compile
 * drivers' user programs (user/NAME.c) with -include ddic_libc.h and link ddic_getopt.c.
 *
 * Covered: getopt(3C)'s long option names, "s:(set-size)": an option
 * letter may be followed by one or more "(name)"s, and "--name",
 * "--name=arg" or "--name arg" then stand for the letter.  glibc's
 * getopt reads the parentheses and the name as more option letters.
 * ddic_getopt() also scans as POSIX and Solaris do (stops at the first
 * operand; glibc permutes unless POSIXLY_CORRECT is set).
 *
 * Not covered (see README, "Porting"): getopt_clip(3C)'s CLIP rules
 * beyond these, the Solaris-only functions (strlcpy is in glibc 2.38+),
 * <sys/...> differences of user headers other than <sys/types.h>'s
 * (libc/include/sys/types.h).
 */
#ifndef _DDIC_LIBC_H
#define _DDIC_LIBC_H

/*
 * No system header here: this is forced in before the program's own
 * feature macros (_GNU_SOURCE...), which must come first.  glibc's own
 * declaration of getopt, when <unistd.h> comes, reads as a compatible
 * declaration of ddic_getopt through the macro.
 */
int ddic_getopt(int argc, char *const argv[], const char *optstring);

#define getopt(argc, argv, optstring) ddic_getopt(argc, argv, optstring)

#endif /* _DDIC_LIBC_H */
