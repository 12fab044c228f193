/* SPDX-License-Identifier: GPL-2.0 */

/*
 * zfw - the interface of the test framework (a misc module).
 */

#ifndef _ZFW_H
#define	_ZFW_H

extern int zfw_register(const char *);
extern void zfw_unregister(const char *);
extern int zfw_clients;
extern int zfw_mix(int);

#endif	/* _ZFW_H */
