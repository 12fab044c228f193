/* SPDX-License-Identifier: GPL-2.0 */
/*
 * qotd.h: ioctl commands of the Quote Of The Day driver (version 3).
 *
 * Shared by the driver and by user programs (qotdctl), so it uses no
 * kernel-only definitions.
 */

#ifndef _QOTD_H
#define	_QOTD_H

#ifdef __cplusplus
extern "C" {
#endif

#define	QOTDIOC		(('q' << 24) | ('t' << 16) | ('d' << 8))

#define	QOTDIOCGSZ	(QOTDIOC | 1)	/* Get quote buffer size */
#define	QOTDIOCSSZ	(QOTDIOC | 2)	/* Set new quote buffer size */
#define	QOTDIOCDISCARD	(QOTDIOC | 3)	/* Discard quotes and reset */

#define	QOTD_INITLEN	128		/* size of the initial quote buffer */
#define	QOTD_MAXLEN	65536		/* largest size QOTDIOCSSZ accepts */

#ifdef __cplusplus
}
#endif

#endif /* _QOTD_H */
