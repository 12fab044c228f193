// SPDX-License-Identifier: GPL-2.0
/*
 * I/O port access with Solaris's argument order: inb(9F)/outb(9F) and
 * their 16- and 32-bit forms take the port first (Linux's outb takes the
 * value first), repinsb(9F)/repoutsb(9F) and friends move @count items
 * between a port and memory.  A driver's inb/outb become these through
 * <ddi_compat/solaris_names.h>.
 */
#include <linux/io.h>
#include <sys/types.h>
#include <sys/ddi.h>

uint8_t ddic_inb(int port)
{
	return inb(port);
}
EXPORT_SYMBOL(ddic_inb);

uint16_t ddic_inw(int port)
{
	return inw(port);
}
EXPORT_SYMBOL(ddic_inw);

uint32_t ddic_inl(int port)
{
	return inl(port);
}
EXPORT_SYMBOL(ddic_inl);

void ddic_outb(int port, uint8_t value)
{
	outb(value, port);
}
EXPORT_SYMBOL(ddic_outb);

void ddic_outw(int port, uint16_t value)
{
	outw(value, port);
}
EXPORT_SYMBOL(ddic_outw);

void ddic_outl(int port, uint32_t value)
{
	outl(value, port);
}
EXPORT_SYMBOL(ddic_outl);

void repinsb(int port, uint8_t *addr, int count)
{
	if (count > 0)
		insb(port, addr, count);
}
EXPORT_SYMBOL(repinsb);

void repinsw(int port, uint16_t *addr, int count)
{
	if (count > 0)
		insw(port, addr, count);
}
EXPORT_SYMBOL(repinsw);

void repinsd(int port, uint32_t *addr, int count)
{
	if (count > 0)
		insl(port, addr, count);
}
EXPORT_SYMBOL(repinsd);

void repoutsb(int port, uint8_t *addr, int count)
{
	if (count > 0)
		outsb(port, addr, count);
}
EXPORT_SYMBOL(repoutsb);

void repoutsw(int port, uint16_t *addr, int count)
{
	if (count > 0)
		outsw(port, addr, count);
}
EXPORT_SYMBOL(repoutsw);

void repoutsd(int port, uint32_t *addr, int count)
{
	if (count > 0)
		outsl(port, addr, count);
}
EXPORT_SYMBOL(repoutsd);
