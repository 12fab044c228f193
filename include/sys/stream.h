/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/stream.h>: STREAMS (queue_t, mblk_t, the put and service
 * procedures).  STREAMS is not provided (README, "Not done yet"); drivers
 * that are not STREAMS drivers include this header out of habit, and it
 * brings the DDI headers only (docs/departures.md, "Headers for
 * internals").  A driver that uses STREAMS fails to compile on the names.
 */
#ifndef _SYS_STREAM_H
#define _SYS_STREAM_H

#include <sys/types.h>
#include <sys/stropts.h>
#include <sys/kmem.h>
#include <sys/cred.h>
#include <sys/byteorder.h>

#endif /* _SYS_STREAM_H */
