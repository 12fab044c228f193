/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nodev(9F), nulldev(9F), nochpoll(9F): placeholders for entry points a
 * driver does not have.  nodev and nulldev are declared without a
 * prototype, as on Solaris, so that one function fits every entry point
 * whose arguments survive the default promotions.  chpoll(9E) takes a
 * short, which does not, so nochpoll has chpoll's prototype.
 */
#ifndef _DDI_COMPAT_NODEV_H
#define _DDI_COMPAT_NODEV_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
int nodev();
int nulldev();
#pragma GCC diagnostic pop

struct pollhead;
int nochpoll(dev_t dev, short events, int anyyet, short *reventsp,
	     struct pollhead **phpp);

#endif /* _DDI_COMPAT_NODEV_H */
