// SPDX-License-Identifier: GPL-2.0
/*
 * 6.5: block_device_operations.open(struct gendisk *, blk_mode_t) and
 * .release(struct gendisk *).
 */
#include <linux/blkdev.h>

static int ddic_probe_open(struct gendisk *disk, blk_mode_t mode)
{
	return 0;
}

static void ddic_probe_release(struct gendisk *disk)
{
}

extern const struct block_device_operations ddic_probe;
const struct block_device_operations ddic_probe = {
	.open = ddic_probe_open,
	.release = ddic_probe_release,
};
