/* SPDX-License-Identifier: GPL-2.0 */

/*
 * zfw - a misc module that drivers depend on, as a framework is: its
 * _init must have run before a client registers.
 */

#include <sys/types.h>
#include <sys/modctl.h>
#include <sys/cmn_err.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include "zfw.h"

static struct modlmisc zfw_modlmisc = {
	&mod_miscops,
	"test framework"
};

static struct modlinkage zfw_modlinkage = {
	MODREV_1,
	{ &zfw_modlmisc, NULL }
};

static int zfw_ready;
int zfw_clients;

int
_init(void)
{
	int err;

	err = mod_install(&zfw_modlinkage);
	if (err == 0)
		zfw_ready = 1;
	return (err);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&zfw_modlinkage, modinfop));
}

int
_fini(void)
{
	int err;

	if (zfw_clients != 0)
		return (EBUSY);
	err = mod_remove(&zfw_modlinkage);
	if (err == 0)
		zfw_ready = 0;
	return (err);
}

int
zfw_register(const char *who)
{
	if (!zfw_ready) {
		cmn_err(CE_WARN, "zfw: %s registers before zfw's _init", who);
		return (-1);
	}
	zfw_clients++;
	cmn_err(CE_NOTE, "zfw: %s registered, %d client(s), mix %d", who,
	    zfw_clients, zfw_mix(zfw_clients));
	return (zfw_clients);
}

void
zfw_unregister(const char *who)
{
	zfw_clients--;
	cmn_err(CE_NOTE, "zfw: %s gone, %d client(s)", who, zfw_clients);
}
