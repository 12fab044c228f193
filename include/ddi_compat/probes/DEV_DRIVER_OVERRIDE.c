// SPDX-License-Identifier: GPL-2.0
/* 6.12 (stable backport): driver_override moved into struct device. */
#include <linux/device.h>

const char *ddic_probe(struct device *dev);
const char *ddic_probe(struct device *dev)
{
	return dev->driver_override.name;
}
