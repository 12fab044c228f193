/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct buf(9S): one block I/O request as a block driver's strategy(9E)
 * sees it, and the functions around it (biodone, bioerror, bp_mapin,
 * physio, ...).
 *
 * The Solaris fields a driver uses keep their names, types and meaning.
 * Fields only the old buffer cache used are kept so drivers that touch
 * them still compile.  The fields after b_offset are the bridge's own
 * (ddi_compat/buf.c) and no driver may use them.
 */
#ifndef _SYS_BUF_H
#define _SYS_BUF_H

#include <sys/types.h>
#include <sys/ksynch.h>

struct uio;

/* b_flags */
#define B_BUSY		0x00000001	/* in use */
#define B_DONE		0x00000002	/* biodone() has run */
#define B_ERROR		0x00000004	/* b_error holds an errno */
#define B_KERNBUF	0x00000008
#define B_PAGEIO	0x00000010	/* data in pages: bp_mapin() first */
#define B_PHYS		0x00000020	/* raw I/O to a user buffer (physio) */
#define B_READ		0x00000040	/* device to memory */
#define B_WANTED	0x00000080
#define B_WRITE		0x00000100	/* memory to device (no B_READ) */
#define B_AGE		0x00000200
#define B_ASYNC		0x00000400
#define B_DELWRI	0x00000800
#define B_STALE		0x00001000
#define B_DONTNEED	0x00002000
#define B_REMAPPED	0x00004000	/* bp_mapin() mapped the data */
#define B_FREE		0x00008000
#define B_INVAL		0x00010000
#define B_FORCE		0x00020000
#define B_NOCACHE	0x00080000
#define B_FAILFAST	0x01000000
#define B_STARTED	0x02000000

/* A 64-bit block number that 32-bit code may still read as a long. */
typedef union lldaddr {
	diskaddr_t	_f;
	struct {
		long	_l;		/* little endian: the low word first */
		long	_h;
	} _p;
} lldaddr_t;

typedef struct buf {
	int		b_flags;
	struct buf	*b_forw;	/* driver's own queues */
	struct buf	*b_back;
	struct buf	*av_forw;
	struct buf	*av_back;
	o_dev_t		b_dev;		/* obsolete 16-bit device */
	size_t		b_bcount;	/* bytes to transfer */
	union {
		caddr_t	b_addr;		/* kernel address, after bp_mapin */
	} b_un;
	lldaddr_t	_b_blkno;	/* first DEV_BSIZE block */
	char		b_obs1;
	size_t		b_resid;	/* bytes not transferred */
	clock_t		b_start;
	struct proc	*b_proc;
	struct page	*b_pages;
	clock_t		b_obs2;
	size_t		b_bufsize;
	int		(*b_iodone)(struct buf *bp);
	struct vnode	*b_vp;
	struct buf	*b_chain;
	int		b_obs3;
	int		b_error;	/* errno, with B_ERROR */
	void		*b_private;	/* the driver's */
	dev_t		b_edev;		/* the device (getminor(b_edev)) */
	ksema_t		b_sem;
	ksema_t		b_io;
	struct buf	*b_list;
	struct page	**b_shadow;
	void		*b_dip;
	struct vnode	*b_file;
	offset_t	b_offset;

	/* ddi_compat's own: where the data is and who is told when done. */
	/* biodone() hands a block request's buf to its bridge here */
	void		(*b_ddic_done)(struct buf *bp);
	struct page	**b_ddi_pages;	/* physio's pinned user pages */
	unsigned int	b_ddi_npages;
	unsigned int	b_ddi_pgoff;	/* offset of the data in page 0 */
	void		*b_ddi_kaddr;	/* kernel address, if already mapped */
	void		*b_ddi_vmap;	/* bp_mapin's vmap, if it made one */
	caddr_t		b_ddi_uaddr;	/* b_un.b_addr before bp_mapin */
} buf_t;

#define b_lblkno	_b_blkno._f
#define b_blkno		_b_blkno._f

#define paddr(bp)	((bp)->b_un.b_addr)

/* physio(9F)'s limit on one transfer when the driver has no other. */
#define DDIC_MAXPHYS	(1024 * 1024)

int biowait(struct buf *bp);
void biodone(struct buf *bp);
void bioerror(struct buf *bp, int error);
int geterror(struct buf *bp);
void bioinit(struct buf *bp);
void biofini(struct buf *bp);
void bioreset(struct buf *bp);
struct buf *getrbuf(int sleepflag);
void freerbuf(struct buf *bp);
void bp_mapin(struct buf *bp);
void bp_mapout(struct buf *bp);
void clrbuf(struct buf *bp);
void minphys(struct buf *bp);
int physio(int (*strat)(struct buf *), struct buf *bp, dev_t dev,
	   int rw, void (*mincnt)(struct buf *), struct uio *uio);

/* biosize(9F): the size of a struct buf. */
int biosize(void);

#endif /* _SYS_BUF_H */
