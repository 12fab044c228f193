/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DDI/DKI interfaces common to Solaris and SVR4 drivers: device numbers,
 * time conversions, delays, privilege checks; resource maps come with
 * it through <sys/map.h>, as on Solaris.
 *
 * dev_t is Linux's: 12 bits of major and 20 of minor.  makedevice() of a
 * minor above MAXMIN cannot be represented; see docs/departures.md.
 */
#ifndef _SYS_DDI_H
#define _SYS_DDI_H

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/map.h>
#include <sys/buf.h>
#include <sys/uio.h>
#include <ddi_compat/nodev.h>

#define NODEV		((dev_t)-1)
#define MAXMAJ		((major_t)((1U << (32 - MINORBITS)) - 1))
#define MAXMIN		((minor_t)MINORMASK)
#define NBITSMAJOR	(32 - MINORBITS)
#define NBITSMINOR	MINORBITS

static inline minor_t getminor(dev_t dev)
{
	return MINOR(dev);
}

static inline major_t getmajor(dev_t dev)
{
	return MAJOR(dev);
}

static inline dev_t makedevice(major_t maj, minor_t min)
{
	return MKDEV(maj, min);
}

/* drv_getparm(9F) parameters. */
#define UPROCP		0
#define PPGRP		1
#define LBOLT		2
#define TIME		3
#define PPID		4
#define PSID		5
#define UCRED		6

int drv_getparm(unsigned int parm, void *valuep);
clock_t drv_usectohz(clock_t microsecs);
clock_t drv_hztousec(clock_t hz);
void drv_usecwait(clock_t microsecs);
int drv_priv(cred_t *cr);
void ddic_delay(clock_t ticks);

/* External device numbers (getemajor(9F), cmpdev(9F), ...). */
major_t getemajor(dev_t dev);
minor_t geteminor(dev_t dev);
o_dev_t cmpdev(dev_t dev);
dev_t expldev(uint32_t dev32);
int cmpldev(uint32_t *dst, dev_t dev);

/*
 * I/O ports, Solaris's argument order: the port first (inb(9F),
 * outb(9F), repinsb(9F), repoutsb(9F)).  inb/outb and friends are also
 * Linux names with the value first; <ddi_compat/solaris_names.h> turns
 * them into these.
 */
uint8_t ddic_inb(int port);
uint16_t ddic_inw(int port);
uint32_t ddic_inl(int port);
void ddic_outb(int port, uint8_t value);
void ddic_outw(int port, uint16_t value);
void ddic_outl(int port, uint32_t value);
void repinsb(int port, uint8_t *addr, int count);
void repinsw(int port, uint16_t *addr, int count);
void repinsd(int port, uint32_t *addr, int count);
void repoutsb(int port, uint8_t *addr, int count);
void repoutsw(int port, uint16_t *addr, int count);
void repoutsd(int port, uint32_t *addr, int count);

#endif /* _SYS_DDI_H */
