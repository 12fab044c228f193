/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ddi_compat: the block bridge (blk.c) as the minor nodes
 * (minornode.c) and main.c's table see it.  A block minor node owns one
 * struct ddic_blk, its Linux disk; its opens go through devopen.c and its
 * bufs come back from biodone() through the b_ddic_done hook blk.c sets,
 * so neither buf.c nor devopen.c names a function of blk.c.
 */
#ifndef _DDIC_BLK_H
#define _DDIC_BLK_H

struct ddic_blk;
struct ddic_driver;
struct ddic_minor;

/* Make @mn's disk (@mn->blk); 0 or a negative errno. */
int ddic_blk_create(struct ddic_minor *mn);
/* Delete a disk; not with state_lock or minor_lock held. */
void ddic_blk_destroy(struct ddic_blk *blk);
/* The same from a work item, for callers that hold state_lock. */
void ddic_blk_destroy_later(struct ddic_blk *blk);
bool ddic_blk_wait_destroyed(unsigned long timeout);
/* The driver is unloading and its nodes are gone: so is its major. */
void ddic_blk_driver_gone(struct ddic_driver *drv);

int ddic_blk_init(void);
void ddic_blk_fini(void);

#endif /* _DDIC_BLK_H */
