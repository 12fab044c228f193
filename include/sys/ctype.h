/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/ctype.h>: the kernel's character classes.  The upper-case macros
 * test ASCII ranges as Solaris's do; isdigit() and the other lower-case
 * names are the kernel's own (<linux/ctype.h>), which agree for ASCII
 * (for bytes above 0x7f Linux's table follows Latin-1, where Solaris's
 * say false: docs/departures.md).
 */
#ifndef _SYS_CTYPE_H
#define _SYS_CTYPE_H

#include <sys/types.h>
#include <linux/ctype.h>

#define ISDIGIT(_c)	((_c) >= '0' && (_c) <= '9')
#define ISXDIGIT(_c)	(ISDIGIT(_c) || ((_c) >= 'a' && (_c) <= 'f') || \
			 ((_c) >= 'A' && (_c) <= 'F'))
#define ISLOWER(_c)	((_c) >= 'a' && (_c) <= 'z')
#define ISUPPER(_c)	((_c) >= 'A' && (_c) <= 'Z')
#define ISALPHA(_c)	(ISUPPER(_c) || ISLOWER(_c))
#define ISALNUM(_c)	(ISALPHA(_c) || ISDIGIT(_c))
#define ISPRINT(_c)	((_c) >= ' ' && (_c) <= '~')
#define ISSPACE(_c)	((_c) == ' ' || (_c) == '\t' || (_c) == '\r' || \
			 (_c) == '\n')

#endif /* _SYS_CTYPE_H */
