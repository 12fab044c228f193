// SPDX-License-Identifier: GPL-2.0
/*
 * Placeholder for the mmap bridge until devmap.c (ddi_umem/devmap work)
 * is merged: no driver can be mapped yet.
 */
#include <linux/errno.h>

#include "ddi_impl.h"

int ddi_devmap_mmap(struct ddi_mmap_req *req)
{
	return -ENODEV;
}
