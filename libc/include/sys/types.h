/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/types.h> for the user programs of Solaris drivers (make port,
 * make guest): glibc's, then what Solaris's gives a program that glibc's
 * does not: the fixed-width integers (Solaris's includes
 * <sys/int_types.h>), the _t names of the unsigned types, long long and
 * offset types, hrtime_t and boolean_t.  Found by the -I that ddi-port
 * and the harness put after the driver's own directories, so a program's
 * own <sys/types.h> comes first.
 */
#ifndef _DDIC_LIBC_SYS_TYPES_H
#define _DDIC_LIBC_SYS_TYPES_H

#include_next <sys/types.h>
#include <stdint.h>

typedef unsigned char uchar_t;
typedef unsigned short ushort_t;
typedef unsigned int uint_t;
typedef unsigned long ulong_t;
typedef long long longlong_t;
typedef unsigned long long u_longlong_t;
typedef long long offset_t;
typedef unsigned long long u_offset_t;
typedef unsigned long long diskaddr_t;
typedef long long hrtime_t;
typedef unsigned int major_t;
typedef unsigned int minor_t;
typedef enum { B_FALSE, B_TRUE } boolean_t;

#endif /* _DDIC_LIBC_SYS_TYPES_H */
