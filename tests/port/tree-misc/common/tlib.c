/* SPDX-License-Identifier: GPL-2.0 */

/*
 * tlib - library code with no _init, _info or _fini (on illumos it would
 * be part of the kernel core): built as a module of its own, whose
 * functions its users call.
 */

#include <sys/types.h>

int tlib_twice(int);

int
tlib_twice(int n)
{
	return (2 * n);
}
