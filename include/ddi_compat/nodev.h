/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nodev(9F), nulldev(9F), nochpoll(9F): placeholders for entry points a
 * driver does not have.  They are declared without a prototype, as on
 * Solaris, so that one function fits every entry point's type.
 */
#ifndef _DDI_COMPAT_NODEV_H
#define _DDI_COMPAT_NODEV_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
int nodev();
int nulldev();
int nochpoll();
#pragma GCC diagnostic pop

#endif /* _DDI_COMPAT_NODEV_H */
