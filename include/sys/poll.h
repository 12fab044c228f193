/* SPDX-License-Identifier: GPL-2.0 */
/*
 * chpoll(9E) support: struct pollhead and pollwakeup(9F).
 *
 * The POLL* event bits are Linux's (already defined by <linux/poll.h>).
 * POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP, POLLNVAL, POLLRDNORM and
 * POLLRDBAND have Solaris's values; POLLWRNORM and POLLWRBAND do not
 * (Linux 0x100/0x200, Solaris 0x4/0x100).  chpoll gets and returns Linux
 * bits, so what it reports is what poll(2) shows.
 *
 * A zeroed pollhead is ready for use, as on Solaris: the Linux wait queue
 * behind it is made on first poll and belongs to the driver until it
 * unloads (or until the soft state holding it is freed).
 */
#ifndef _SYS_POLL_H
#define _SYS_POLL_H

#include <sys/types.h>

struct ddic_pollq;

/*
 * ph_list is NULL until poll(2) first waits on the pollhead and again
 * after pollhead_clean(), as a Solaris driver that tests it expects;
 * what it points at is private to ddi_compat (Solaris's polldat list).
 */
typedef struct pollhead {
	struct ddic_pollq *ph_list;
} pollhead_t;

/*
 * POLLET: the caller polls edge-triggered (epoll's EPOLLET).  Solaris's
 * value, 0x2000, is Linux's POLLRDHUP, which chpoll(9E) can be asked
 * for; so POLLET is a bit poll(2) never carries in a short.
 */
#define POLLET		0x4000

void pollwakeup(struct pollhead *php, short events);
void pollhead_clean(struct pollhead *php);

#endif /* _SYS_POLL_H */
