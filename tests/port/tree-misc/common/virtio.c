/* SPDX-License-Identifier: GPL-2.0 */

/*
 * virtio - a misc module named as illumos's virtio framework is, a name
 * Debian's 6.12 kernel has built in.  It exports nothing; bdep names it
 * in its _depends_on.
 */

#include <sys/types.h>
#include <sys/modctl.h>
#include <sys/cmn_err.h>

static struct modlmisc virtio_modlmisc = {
	&mod_miscops,
	"test virtio misc"
};

static struct modlinkage virtio_modlinkage = {
	MODREV_1,
	{ &virtio_modlmisc, NULL }
};

int
_init(void)
{
	cmn_err(CE_NOTE, "virtio: _init");
	return (mod_install(&virtio_modlinkage));
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&virtio_modlinkage, modinfop));
}

int
_fini(void)
{
	return (mod_remove(&virtio_modlinkage));
}
