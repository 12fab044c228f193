// SPDX-License-Identifier: GPL-2.0
/*
 * The libc:sys-types row: a Solaris user program takes the fixed-width
 * integers and the _t names from <sys/types.h> alone, with the feature
 * macros it chose before it, as on Solaris (libc/include/sys/types.h).
 */
#define _XOPEN_SOURCE 600
#include <sys/types.h>
#include <stdio.h>

int main(void)
{
	uint32_t a = 0xffffffffU;
	uint64_t b = (uint64_t)a + 1;
	int8_t c = -1;
	uint_t d = 7;
	uchar_t e = 255;
	ushort_t f = 65535;
	ulong_t g = 1;
	longlong_t h = -1;
	u_longlong_t i = 1ULL << 40;
	offset_t j = -2;
	diskaddr_t k = 3;
	hrtime_t l = 4;
	boolean_t m = B_TRUE;
	major_t n = 5;
	minor_t o = 6;

	if (sizeof(a) != 4 || b != 0x100000000ULL || c != -1 || d != 7 ||
	    e != 255 || f != 65535 || g != 1 || h != -1 || i != 1ULL << 40 ||
	    j != -2 || k != 3 || l != 4 || m != 1 || B_FALSE != 0 || n != 5 ||
	    o != 6 || sizeof(ulong_t) != sizeof(long) || sizeof(offset_t) != 8) {
		printf("sys/types.h: wrong types\n");
		return 1;
	}
	printf("sys/types.h: ok\n");
	return 0;
}
