/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ringbuf: a pseudo device holding a byte ring per instance.
 * Interface shared by the driver and its user programs.
 */

#ifndef _RINGBUF_H
#define	_RINGBUF_H

#define	RBIOC		(('r' << 24) | ('b' << 16) | ('u' << 8))
#define	RBIOCGINFO	(RBIOC | 1)	/* struct rb_info out, needs FREAD */
#define	RBIOCFLUSH	(RBIOC | 2)	/* empty the ring, needs FWRITE */
#define	RBIOCGSTATS	(RBIOC | 3)	/* struct rb_stats out */
#define	RBIOCGLABEL	(RBIOC | 4)	/* char[RB_LABELSZ] out */
#define	RBIOCPEEK	(RBIOC | 5)	/* returns the byte count as rval */

#define	RB_LABELSZ	32

/* Sizes are size_t: a 32-bit caller gets the ILP32 layout. */
struct rb_info {
	size_t	ri_size;	/* ring capacity (.conf ringbuf-size) */
	size_t	ri_count;	/* bytes waiting */
	int	ri_instance;
	int	ri_model;	/* 32 or 64: the model the driver saw */
};

/* Counters kept by the driver across attach/detach cycles. */
struct rb_stats {
	unsigned int	rs_attaches;
	unsigned int	rs_detaches;
	unsigned int	rs_refused;	/* detaches refused: data in ring */
	unsigned int	rs_opens;
	unsigned int	rs_closes;
};

#endif /* _RINGBUF_H */
