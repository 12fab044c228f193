// SPDX-License-Identifier: GPL-2.0
/*
 * Configuration space: pci_config_setup(9F), pci_config_teardown(9F),
 * pci_config_get8(9F)..pci_config_put64(9F), and the capability walk of
 * <sys/pci_cap.h> (pci_cap_probe, pci_lcap_locate, pci_xcap_locate,
 * pci_cap_get, pci_cap_put).
 *
 * A configuration handle is an access handle (struct ddic_acc) of kind
 * DDIC_ACC_CFG whose addresses are offsets into configuration space (its
 * base is 0), so ddi_get8(9F) on it reads configuration space, as on
 * illumos.  An offset outside the function's configuration space (256 or
 * 4096 bytes) is refused with a warning naming the driver and the call:
 * a read gives all ones, a write does nothing.
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/pci.h>
#include <sys/pci_cap.h>

#include "devinfo.h"
#include "ddic_pci.h"

/* One warning per handle and call: a driver in a loop would flood. */
void ddic_acc_warn(struct ddic_acc *a, const char *call, const char *why,
		   unsigned long off)
{
	struct dev_info *dip = a && a->pn ? a->pn->dip : NULL;

	if (!dip) {
		pr_warn_ratelimited("%s: %s (no valid access handle)\n", call,
				    why);
		return;
	}
	pr_warn_ratelimited("%s%d: %s: %s (offset %#lx, register set %u of %lu bytes); refused\n",
			    dip->drv->name, dip->instance, call, why, off,
			    a->rnumber, a->len);
}

u64 ddic_cfg_read(struct ddic_acc *a, unsigned long off, int size)
{
	struct pci_dev *pdev = a->pn->pdev;
	u32 lo = ~0u, hi = ~0u;
	u16 w = 0xffff;
	u8 b = 0xff;

	switch (size) {
	case 1:
		pci_read_config_byte(pdev, off, &b);
		return b;
	case 2:
		pci_read_config_word(pdev, off, &w);
		return w;
	case 4:
		pci_read_config_dword(pdev, off, &lo);
		return lo;
	default:
		pci_read_config_dword(pdev, off, &lo);
		pci_read_config_dword(pdev, off + 4, &hi);
		return (u64)hi << 32 | lo;
	}
}

void ddic_cfg_write(struct ddic_acc *a, unsigned long off, int size, u64 v)
{
	struct pci_dev *pdev = a->pn->pdev;

	switch (size) {
	case 1:
		pci_write_config_byte(pdev, off, v);
		break;
	case 2:
		pci_write_config_word(pdev, off, v);
		break;
	case 4:
		pci_write_config_dword(pdev, off, v);
		break;
	default:
		pci_write_config_dword(pdev, off, lower_32_bits(v));
		pci_write_config_dword(pdev, off + 4, upper_32_bits(v));
		break;
	}
}

int pci_config_setup(dev_info_t *dip, ddi_acc_handle_t *handle)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, "pci_config_setup");
	struct ddic_acc *a;

	if (!pn || !handle)
		return DDI_FAILURE;
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return DDI_FAILURE;
	a->kind = DDIC_ACC_CFG;
	a->len = pn->pdev->cfg_size;
	a->pn = pn;
	a->what = "pci_config_setup";
	mutex_lock(&pn->lock);
	list_add_tail(&a->link, &pn->accs);
	mutex_unlock(&pn->lock);
	*handle = (ddi_acc_handle_t)a;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(pci_config_setup);

void pci_config_teardown(ddi_acc_handle_t *handle)
{
	struct ddic_acc *a;

	if (!handle || !*handle)
		return;
	a = (struct ddic_acc *)*handle;
	if (a->kind != DDIC_ACC_CFG) {
		ddic_acc_warn(a, "pci_config_teardown",
			      "not a configuration handle", 0);
		return;
	}
	mutex_lock(&a->pn->lock);
	list_del(&a->link);
	mutex_unlock(&a->pn->lock);
	kfree(a);
	*handle = NULL;
}
EXPORT_SYMBOL(pci_config_teardown);

/* Whether @size bytes at @off are inside @h's configuration space. */
static struct ddic_acc *cfg_check(ddi_acc_handle_t h, off_t off, int size,
				  const char *call)
{
	struct ddic_acc *a = (struct ddic_acc *)h;

	if (unlikely(!a || a->kind != DDIC_ACC_CFG)) {
		ddic_acc_warn(a, call, "not a configuration handle", off);
		return NULL;
	}
	if (unlikely(off < 0 || off + size > a->len)) {
		ddic_acc_warn(a, call, "outside configuration space", off);
		return NULL;
	}
	return a;
}

static u64 cfg_get(ddi_acc_handle_t h, off_t off, int size, const char *call)
{
	struct ddic_acc *a = cfg_check(h, off, size, call);

	return a ? ddic_cfg_read(a, off, size) : ~0ull;
}

static void cfg_put(ddi_acc_handle_t h, off_t off, int size, u64 v,
		    const char *call)
{
	struct ddic_acc *a = cfg_check(h, off, size, call);

	if (a)
		ddic_cfg_write(a, off, size, v);
}

uint8_t pci_config_get8(ddi_acc_handle_t h, off_t off)
{
	return cfg_get(h, off, 1, __func__);
}
EXPORT_SYMBOL(pci_config_get8);

uint16_t pci_config_get16(ddi_acc_handle_t h, off_t off)
{
	return cfg_get(h, off, 2, __func__);
}
EXPORT_SYMBOL(pci_config_get16);

uint32_t pci_config_get32(ddi_acc_handle_t h, off_t off)
{
	return cfg_get(h, off, 4, __func__);
}
EXPORT_SYMBOL(pci_config_get32);

uint64_t pci_config_get64(ddi_acc_handle_t h, off_t off)
{
	return cfg_get(h, off, 8, __func__);
}
EXPORT_SYMBOL(pci_config_get64);

void pci_config_put8(ddi_acc_handle_t h, off_t off, uint8_t v)
{
	cfg_put(h, off, 1, v, __func__);
}
EXPORT_SYMBOL(pci_config_put8);

void pci_config_put16(ddi_acc_handle_t h, off_t off, uint16_t v)
{
	cfg_put(h, off, 2, v, __func__);
}
EXPORT_SYMBOL(pci_config_put16);

void pci_config_put32(ddi_acc_handle_t h, off_t off, uint32_t v)
{
	cfg_put(h, off, 4, v, __func__);
}
EXPORT_SYMBOL(pci_config_put32);

void pci_config_put64(ddi_acc_handle_t h, off_t off, uint64_t v)
{
	cfg_put(h, off, 8, v, __func__);
}
EXPORT_SYMBOL(pci_config_put64);

/* --- capabilities --- */

/* The traditional list: at most 48 entries (256 - 64 bytes, 4 each). */
#define CAP_MAX_WALK	48

int pci_lcap_locate(ddi_acc_handle_t h, uint8_t id, uint16_t *base_p)
{
	struct ddic_acc *a = cfg_check(h, 0, 1, "pci_lcap_locate");
	unsigned int ptr, n;

	if (!a || !base_p)
		return DDI_FAILURE;
	if (!(ddic_cfg_read(a, PCI_CONF_STAT, 2) & PCI_STAT_CAP))
		return DDI_FAILURE;
	ptr = ddic_cfg_read(a, PCI_CONF_CAP_PTR, 1) & PCI_CAP_PTR_MASK;
	for (n = 0; ptr >= 0x40 && n < CAP_MAX_WALK; n++) {
		if (ddic_cfg_read(a, ptr + PCI_CAP_ID, 1) == id) {
			*base_p = ptr;
			return DDI_SUCCESS;
		}
		ptr = ddic_cfg_read(a, ptr + PCI_CAP_NEXT_PTR, 1) &
		      PCI_CAP_PTR_MASK;
	}
	return DDI_FAILURE;
}
EXPORT_SYMBOL(pci_lcap_locate);

/* Extended capabilities: a 32-bit header at 0x100, id in bits 15:0. */
#define XCAP_START	0x100
#define XCAP_MAX_WALK	((4096 - 256) / 8)

int pci_xcap_locate(ddi_acc_handle_t h, uint16_t id, uint16_t *base_p)
{
	struct ddic_acc *a = cfg_check(h, 0, 1, "pci_xcap_locate");
	unsigned int ptr = XCAP_START, n;
	u32 hdr;

	if (!a || !base_p || a->len <= XCAP_START)
		return DDI_FAILURE;
	for (n = 0; ptr >= XCAP_START && n < XCAP_MAX_WALK; n++) {
		hdr = ddic_cfg_read(a, ptr, 4);
		if (!hdr || hdr == ~0u)
			break;
		if ((hdr & PCI_CAP_XID_MASK) == id) {
			*base_p = ptr;
			return DDI_SUCCESS;
		}
		ptr = (hdr >> 20) & 0xffc;
	}
	return DDI_FAILURE;
}
EXPORT_SYMBOL(pci_xcap_locate);

/*
 * The @index'th capability: the traditional list first, then the
 * extended one; *capidp has PCI_CAP_XCFG_FLAG set for an extended one.
 */
int pci_cap_probe(ddi_acc_handle_t h, uint16_t index, uint32_t *capidp,
		  uint16_t *base_p)
{
	struct ddic_acc *a = cfg_check(h, 0, 1, "pci_cap_probe");
	unsigned int ptr, n, i = 0;
	u32 hdr;

	if (!a || !capidp || !base_p)
		return DDI_FAILURE;
	if (ddic_cfg_read(a, PCI_CONF_STAT, 2) & PCI_STAT_CAP) {
		ptr = ddic_cfg_read(a, PCI_CONF_CAP_PTR, 1) & PCI_CAP_PTR_MASK;
		for (n = 0; ptr >= 0x40 && n < CAP_MAX_WALK; n++, i++) {
			if (i == index) {
				*capidp = ddic_cfg_read(a, ptr + PCI_CAP_ID, 1);
				*base_p = ptr;
				return DDI_SUCCESS;
			}
			ptr = ddic_cfg_read(a, ptr + PCI_CAP_NEXT_PTR, 1) &
			      PCI_CAP_PTR_MASK;
		}
	}
	if (a->len <= XCAP_START)
		return DDI_FAILURE;
	ptr = XCAP_START;
	for (n = 0; ptr >= XCAP_START && n < XCAP_MAX_WALK; n++, i++) {
		hdr = ddic_cfg_read(a, ptr, 4);
		if (!hdr || hdr == ~0u)
			break;
		if (i == index) {
			*capidp = PCI_CAP_XCFG_SPC(hdr & PCI_CAP_XID_MASK);
			*base_p = ptr;
			return DDI_SUCCESS;
		}
		ptr = (hdr >> 20) & 0xffc;
	}
	return DDI_FAILURE;
}
EXPORT_SYMBOL(pci_cap_probe);

static const int cap_sizes[] = {
	[PCI_CAP_CFGSZ_8] = 1, [PCI_CAP_CFGSZ_16] = 2, [PCI_CAP_CFGSZ_32] = 4,
};

/*
 * The configuration space of the capability at @base, or of the first
 * one of ID @id when @base is 0: pci_cap_get(9F)'s rule.  A nonzero
 * @base is used as it is, whatever @id says (illumos's drivers pass the
 * index pci_cap_probe() took there, or 0, as @id with a base: the virtio
 * framework does); only the access is checked against the space.
 */
static struct ddic_acc *cap_check(ddi_acc_handle_t h, pci_config_size_t size,
				  uint32_t id, uint16_t *base, uint16_t offset,
				  const char *call)
{
	struct ddic_acc *a;
	int r;

	if ((unsigned int)size >= ARRAY_SIZE(cap_sizes)) {
		ddic_acc_warn((struct ddic_acc *)h, call, "bad size", offset);
		return NULL;
	}
	if (!*base) {
		if (!id)
			return NULL;
		r = PCI_CAP_LOCATE(h, id, base);
		if (r != DDI_SUCCESS)
			return NULL;
	}
	a = cfg_check(h, (off_t)*base + offset, cap_sizes[size], call);
	return a;
}

uint32_t pci_cap_get(ddi_acc_handle_t h, pci_config_size_t size,
		     uint32_t id, uint16_t base, uint16_t offset)
{
	struct ddic_acc *a = cap_check(h, size, id, &base, offset,
				       "pci_cap_get");

	if (!a)
		return PCI_CAP_EINVAL32;
	return ddic_cfg_read(a, base + offset, cap_sizes[size]);
}
EXPORT_SYMBOL(pci_cap_get);

int pci_cap_put(ddi_acc_handle_t h, pci_config_size_t size, uint32_t id,
		uint16_t base, uint16_t offset, uint32_t data)
{
	struct ddic_acc *a = cap_check(h, size, id, &base, offset,
				       "pci_cap_put");

	if (!a)
		return DDI_FAILURE;
	ddic_cfg_write(a, base + offset, cap_sizes[size], data);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(pci_cap_put);
