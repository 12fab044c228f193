/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/devctl.h>: the device control ioctls.  A driver reads the
 * argument of a DEVCTL_* ioctl with ndi_dc_allochdl() (<sys/sunndi.h>)
 * and gives it back with ndi_dc_freehdl().  The commands' values and the
 * layout of struct devctl_iocdata are Solaris's; the application-defined
 * attributes (nvl_user, a packed nvlist on Solaris) are not read here:
 * ddi_compat has no nvlists, and ndi_dc_allochdl() leaves the member NULL.
 */
#ifndef _SYS_DEVCTL_H
#define _SYS_DEVCTL_H

#include <sys/types.h>

struct nvlist;

struct devctl_iocdata {
	uint_t	cmd;
	uint_t	flags;
	void	*cpyout_buf;
	struct nvlist *nvl_user;
	size_t	nvl_usersz;
	char	*c_nodename;
	char	*c_unitaddr;
};

/* The same from a 32-bit process. */
struct devctl_iocdata32 {
	uint32_t cmd;
	uint32_t flags;
	uint32_t cpyout_buf;
	uint32_t nvl_user;
	uint32_t nvl_usersz;
	uint32_t c_nodename;
	uint32_t c_unitaddr;
};

#define DEVCTL_IOC		(0xDC << 16)
#define DEVCTL_IOC_MAX		(DEVCTL_IOC | 0xFFFF)
#define DEVCTL_BUS_QUIESCE	(DEVCTL_IOC | 1)
#define DEVCTL_BUS_UNQUIESCE	(DEVCTL_IOC | 2)
#define DEVCTL_BUS_RESETALL	(DEVCTL_IOC | 3)
#define DEVCTL_BUS_RESET	(DEVCTL_IOC | 4)
#define DEVCTL_BUS_GETSTATE	(DEVCTL_IOC | 5)
#define DEVCTL_DEVICE_ONLINE	(DEVCTL_IOC | 6)
#define DEVCTL_DEVICE_OFFLINE	(DEVCTL_IOC | 7)
#define DEVCTL_DEVICE_GETSTATE	(DEVCTL_IOC | 9)
#define DEVCTL_DEVICE_RESET	(DEVCTL_IOC | 10)
#define DEVCTL_BUS_CONFIGURE	(DEVCTL_IOC | 11)
#define DEVCTL_BUS_UNCONFIGURE	(DEVCTL_IOC | 12)
#define DEVCTL_DEVICE_REMOVE	(DEVCTL_IOC | 13)
#define DEVCTL_AP_CONNECT	(DEVCTL_IOC | 14)
#define DEVCTL_AP_DISCONNECT	(DEVCTL_IOC | 15)
#define DEVCTL_AP_INSERT	(DEVCTL_IOC | 16)
#define DEVCTL_AP_REMOVE	(DEVCTL_IOC | 17)
#define DEVCTL_AP_CONFIGURE	(DEVCTL_IOC | 18)
#define DEVCTL_AP_UNCONFIGURE	(DEVCTL_IOC | 19)
#define DEVCTL_AP_GETSTATE	(DEVCTL_IOC | 20)
#define DEVCTL_AP_CONTROL	(DEVCTL_IOC | 21)
#define DEVCTL_BUS_DEV_CREATE	(DEVCTL_IOC | 22)
#define DEVCTL_PM_BUSY_COMP	(DEVCTL_IOC | 23)
#define DEVCTL_PM_IDLE_COMP	(DEVCTL_IOC | 24)
#define DEVCTL_PM_RAISE_PWR	(DEVCTL_IOC | 25)
#define DEVCTL_PM_LOWER_PWR	(DEVCTL_IOC | 26)
#define DEVCTL_PM_CHANGE_PWR_LOW	(DEVCTL_IOC | 27)
#define DEVCTL_PM_CHANGE_PWR_HIGH	(DEVCTL_IOC | 28)
#define DEVCTL_PM_POWER		(DEVCTL_IOC | 29)
#define DEVCTL_PM_PROM_PRINTF	(DEVCTL_IOC | 30)
#define DEVCTL_PM_FAIL_SUSPEND	(DEVCTL_IOC | 31)
#define DEVCTL_PM_PWR_HAS_CHANGED_ON_RESUME	(DEVCTL_IOC | 32)
#define DEVCTL_PM_PUP_WITH_PWR_HAS_CHANGED	(DEVCTL_IOC | 34)
#define DEVCTL_PM_BUSY_COMP_TEST	(DEVCTL_IOC | 35)
#define DEVCTL_PM_BUS_STRICT_TEST	(DEVCTL_IOC | 36)
#define DEVCTL_PM_NO_LOWER_POWER	(DEVCTL_IOC | 37)
#define DEVCTL_PM_BUS_NO_INVOL	(DEVCTL_IOC | 38)
#define DEVCTL_SET_LED		(DEVCTL_IOC | 39)
#define DEVCTL_GET_LED		(DEVCTL_IOC | 40)
#define DEVCTL_NUM_LEDS		(DEVCTL_IOC | 41)

#define IS_DEVCTL(c)	(((c) >= DEVCTL_IOC) && ((c) <= DEVCTL_IOC_MAX))

/* Device and bus states. */
#define DEVICE_ONLINE	0x1
#define DEVICE_BUSY	0x2
#define DEVICE_OFFLINE	0x4
#define DEVICE_DOWN	0x8
#define BUS_ACTIVE	0x10
#define BUS_QUIESCED	0x20
#define BUS_SHUTDOWN	0x40

#define DEVCTL_CONSTRUCT	0x1
#define DEVCTL_OFFLINE		0x2

#endif /* _SYS_DEVCTL_H */
