/* SPDX-License-Identifier: GPL-2.0 */
/* dmtest: the ioctl of the devmap test driver (tests/drivers/dmtest). */
#ifndef _DMTEST_H
#define	_DMTEST_H

#define	DMT_IOC		('D' << 8)
#define	DMT_NEGOFF	(DMT_IOC | 1)	/* int: devmap(9E) calls, off < 0 */
#define	DMT_MAPS	(DMT_IOC | 2)	/* int: live devmap_map pvt areas */

#endif	/* _DMTEST_H */
