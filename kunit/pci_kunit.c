// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_pci: what needs no device (ddi_compat/pci.c,
 * regacc.c, intr.c): a PCI function's names in Solaris's order of
 * precedence, which alias wins, the "reg" and "assigned-addresses"
 * encoding of pci_regspec_t, and the PCI calls refusing a node that is
 * not a PCI function.
 */
#include <kunit/test.h>
#include <linux/ioport.h>
#include <linux/string.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/pci.h>
#include <sys/ddi_intr.h>

#include "../ddi_compat/devinfo.h"
#include "../ddi_compat/ddic_pci.h"

#define PK_LEN	640

/* The names in @buf, joined with spaces. */
static char *pk_join(struct kunit *test, const char *buf, int n)
{
	char *out = kunit_kzalloc(test, PK_LEN, GFP_KERNEL);
	size_t at = 0;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, out);
	for (i = 0; i < n; i++) {
		at += scnprintf(out + at, PK_LEN - at, "%s%s", i ? " " : "",
				buf);
		buf += strlen(buf) + 1;
	}
	return out;
}

/* QEMU's edu: 1234:11e8 rev 0x10, subsystem 1af4:1100, class 00ff00. */
static void pci_names_edu(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, PK_LEN, GFP_KERNEL);
	int n;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	n = ddic_pci_compat_names(0x1234, 0x11e8, 0x1af4, 0x1100, 0x10,
				  0x00ff00, false, buf, PK_LEN);
	KUNIT_EXPECT_EQ(test, n, 9);
	KUNIT_EXPECT_STREQ(test, pk_join(test, buf, n),
			   "pci1234,11e8.1af4.1100.10 pci1234,11e8.1af4.1100 pci1af4,1100,s pci1af4,1100 pci1234,11e8.10 pci1234,11e8,p pci1234,11e8 pciclass,00ff00 pciclass,00ff");
}

/* No subsystem vendor: no subsystem forms. */
static void pci_names_no_subsys(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, PK_LEN, GFP_KERNEL);
	int n;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	n = ddic_pci_compat_names(0x8086, 0x100e, 0, 0, 3, 0x020000, false,
				  buf, PK_LEN);
	KUNIT_EXPECT_EQ(test, n, 5);
	KUNIT_EXPECT_STREQ(test, pk_join(test, buf, n),
			   "pci8086,100e.3 pci8086,100e,p pci8086,100e pciclass,020000 pciclass,0200");
}

/* PCI Express: the pciex forms first, then the pci ones. */
static void pci_names_pcie(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, PK_LEN, GFP_KERNEL);
	int n;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	n = ddic_pci_compat_names(0x1af4, 0x1041, 0x1af4, 0x1100, 1,
				  0x020000, true, buf, PK_LEN);
	KUNIT_EXPECT_EQ(test, n, 15);
	KUNIT_EXPECT_STREQ(test, pk_join(test, buf, n),
			   "pciex1af4,1041.1af4.1100.1 pciex1af4,1041.1af4.1100 pciex1af4,1041.1 pciex1af4,1041 pciexclass,020000 pciexclass,0200 pci1af4,1041.1af4.1100.1 pci1af4,1041.1af4.1100 pci1af4,1100,s pci1af4,1100 pci1af4,1041.1 pci1af4,1041,p pci1af4,1041 pciclass,020000 pciclass,0200");
	/* Too small a buffer: nothing. */
	KUNIT_EXPECT_EQ(test, ddic_pci_compat_names(0x1af4, 0x1041, 0x1af4,
						    0x1100, 1, 0x020000, true,
						    buf, 64), 0);
}

/* Which alias wins: the one matching the earliest name. */
static void pci_alias_precedence(struct kunit *test)
{
	static const char *const order[] = {
		"pci1234,11e8.1af4.1100.10", "pci1234,11e8.1af4.1100",
		"pci1af4,1100,s", "pci1af4,1100", "pci1234,11e8.10",
		"pci1234,11e8,p", "pci1234,11e8", "pciclass,00ff00",
		"pciclass,00ff",
	};
	char *buf = kunit_kzalloc(test, PK_LEN, GFP_KERNEL);
	int n, i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	n = ddic_pci_compat_names(0x1234, 0x11e8, 0x1af4, 0x1100, 0x10,
				  0x00ff00, false, buf, PK_LEN);
	for (i = 0; i < ARRAY_SIZE(order); i++)
		KUNIT_EXPECT_EQ_MSG(test, ddic_pci_alias_rank(buf, n, order[i]),
				    i, "alias %s", order[i]);
	/* Hex case does not matter; near misses do not match. */
	KUNIT_EXPECT_EQ(test, ddic_pci_alias_rank(buf, n, "PCI1234,11E8"), 6);
	KUNIT_EXPECT_EQ(test, ddic_pci_alias_rank(buf, n, "pci1234,11e"), -1);
	KUNIT_EXPECT_EQ(test, ddic_pci_alias_rank(buf, n, "pci1234,011e8"), -1);
	KUNIT_EXPECT_EQ(test, ddic_pci_alias_rank(buf, n, "pciex1234,11e8"), -1);
	KUNIT_EXPECT_EQ(test, ddic_pci_alias_rank(buf, n, "pciclass,00"), -1);
	/* A class alias loses to a vendor,device one, which loses to sub. */
	KUNIT_EXPECT_LT(test, ddic_pci_alias_rank(buf, n, "pci1234,11e8"),
			ddic_pci_alias_rank(buf, n, "pciclass,00ff"));
	KUNIT_EXPECT_LT(test, ddic_pci_alias_rank(buf, n, "pci1af4,1100"),
			ddic_pci_alias_rank(buf, n, "pci1234,11e8"));
}

static void pk_expect_reg(struct kunit *test, const u32 *got, u32 hi, u32 mid,
			  u32 low, u32 shi, u32 slo)
{
	KUNIT_EXPECT_EQ(test, got[0], hi);
	KUNIT_EXPECT_EQ(test, got[1], mid);
	KUNIT_EXPECT_EQ(test, got[2], low);
	KUNIT_EXPECT_EQ(test, got[3], shi);
	KUNIT_EXPECT_EQ(test, got[4], slo);
}

static void pci_reg_encoding(struct kunit *test)
{
	u32 r[5];

	/* Configuration space of 00:04.0: entry 0 of "reg". */
	ddic_pci_reg_encode(0, PCI_DEVFN(4, 0), -1, 0, 0, 0, false, r);
	pk_expect_reg(test, r, 0x00002000, 0, 0, 0, 0);
	/* Bus 2, device 3, function 1: the address fields. */
	ddic_pci_reg_encode(2, PCI_DEVFN(3, 1), -1, 0, 0, 0, false, r);
	KUNIT_EXPECT_EQ(test, PCI_REG_BUS_G(r[0]), 2);
	KUNIT_EXPECT_EQ(test, PCI_REG_DEV_G(r[0]), 3);
	KUNIT_EXPECT_EQ(test, PCI_REG_FUNC_G(r[0]), 1);
	/* BAR 0, 32-bit memory, 1 MB; assigned at 0xfe000000. */
	ddic_pci_reg_encode(0, PCI_DEVFN(4, 0), 0, IORESOURCE_MEM,
			    0xfe000000, 0x100000, false, r);
	pk_expect_reg(test, r, 0x02002010, 0, 0, 0, 0x100000);
	ddic_pci_reg_encode(0, PCI_DEVFN(4, 0), 0, IORESOURCE_MEM,
			    0xfe000000, 0x100000, true, r);
	pk_expect_reg(test, r, 0x82002010, 0, 0xfe000000, 0, 0x100000);
	/* BAR 1, I/O space. */
	ddic_pci_reg_encode(0, PCI_DEVFN(4, 0), 1, IORESOURCE_IO, 0xc040,
			    0x40, true, r);
	pk_expect_reg(test, r, 0x81002014, 0, 0xc040, 0, 0x40);
	KUNIT_EXPECT_EQ(test, PCI_REG_ADDR_G(r[0]), PCI_REG_ADDR_IO);
	/* BAR 2, 64-bit prefetchable memory above 4 GB, 16 KB. */
	ddic_pci_reg_encode(0, PCI_DEVFN(4, 0), 2,
			    IORESOURCE_MEM | IORESOURCE_MEM_64 |
			    IORESOURCE_PREFETCH, 0x800000000ull, 0x4000, true,
			    r);
	pk_expect_reg(test, r, 0xc3002018, 0x8, 0, 0, 0x4000);
	KUNIT_EXPECT_EQ(test, r[0] & PCI_PREFETCH_B, PCI_PREFETCH_B);
	KUNIT_EXPECT_EQ(test, r[0] & PCI_ADDR_MASK, PCI_ADDR_MEM64);
	/* A BAR larger than 4 GB: the size's high word. */
	ddic_pci_reg_encode(0, PCI_DEVFN(4, 0), 2,
			    IORESOURCE_MEM | IORESOURCE_MEM_64,
			    0, 0x200000000ull, false, r);
	pk_expect_reg(test, r, 0x03002018, 0, 0, 2, 0);
}

/* A pseudo node is not a PCI function: every PCI call refuses it. */
static void pci_refuse_pseudo(struct kunit *test)
{
	struct ddic_driver *drv = kunit_kzalloc(test, sizeof(*drv), GFP_KERNEL);
	struct dev_info *dip = kunit_kzalloc(test, sizeof(*dip), GFP_KERNEL);
	ddi_device_acc_attr_t attr = {
		DDI_DEVICE_ATTR_V0, DDI_STRUCTURE_LE_ACC, DDI_STRICTORDER_ACC
	};
	ddi_intr_handle_t ih[1];
	ddi_acc_handle_t h = NULL;
	caddr_t base = NULL;
	int n = -1, types = -1;
	off_t sz;

	KUNIT_ASSERT_NOT_NULL(test, drv);
	KUNIT_ASSERT_NOT_NULL(test, dip);
	strscpy(drv->name, "pcikunit", sizeof(drv->name));
	dip->drv = drv;
	KUNIT_EXPECT_EQ(test, ddi_regs_map_setup(dip, 1, &base, 0, 0, &attr,
						 &h), DDI_FAILURE);
	KUNIT_EXPECT_NULL(test, h);
	KUNIT_EXPECT_EQ(test, pci_config_setup(dip, &h), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_dev_nregs(dip, &n), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_dev_regsize(dip, 0, &sz), DDI_FAILURE);
	KUNIT_EXPECT_NE(test, ddi_intr_get_supported_types(dip, &types),
			DDI_SUCCESS);
	KUNIT_EXPECT_NE(test, ddi_intr_alloc(dip, ih, DDI_INTR_TYPE_FIXED, 0,
					     1, &n, DDI_INTR_ALLOC_STRICT),
			DDI_SUCCESS);
	/* Accessors on no handle: all ones, nothing written. */
	KUNIT_EXPECT_EQ(test, ddi_get32(NULL, (uint32_t *)base), 0xffffffffu);
	KUNIT_EXPECT_EQ(test, pci_config_get16(NULL, 0), 0xffff);
	ddi_put32(NULL, (uint32_t *)base, 0);
}

/*
 * The inline accessors' test (<ddi_compat/acc.h>): on a memory-space
 * handle of 16 bytes, an access of each width is plain up to the last
 * offset where it fits and not one byte further, nor below the start;
 * a swapping handle and a configuration-space handle have no plain
 * access at all.
 */
static void pci_acc_plain_bounds(struct kunit *test)
{
	static const unsigned long last[4] = { 15, 14, 12, 8 };
	struct ddic_acc a = { .kind = DDIC_ACC_MEM, .len = 16 };
	char *buf = kunit_kzalloc(test, 32, GFP_KERNEL);
	unsigned int n;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	a.base = (unsigned long)buf + 8;
	ddic_acc_plain_set(&a);
	for (n = 0; n < 4; n++) {
		KUNIT_EXPECT_TRUE(test, ddic_acc_plain((ddi_acc_handle_t)&a, buf + 8, n));
		KUNIT_EXPECT_TRUE(test, ddic_acc_plain((ddi_acc_handle_t)&a, buf + 8 + last[n],
						       n));
		KUNIT_EXPECT_FALSE(test, ddic_acc_plain((ddi_acc_handle_t)&a,
							buf + 9 + last[n], n));
		KUNIT_EXPECT_FALSE(test, ddic_acc_plain((ddi_acc_handle_t)&a, buf + 7, n));
	}
	memset(a.plain, 0, sizeof(a.plain));
	a.swap = 1;
	ddic_acc_plain_set(&a);
	for (n = 0; n < 4; n++)
		KUNIT_EXPECT_FALSE(test, ddic_acc_plain((ddi_acc_handle_t)&a, buf + 8, n));
	a.swap = 0;
	a.kind = DDIC_ACC_CFG;
	ddic_acc_plain_set(&a);
	for (n = 0; n < 4; n++)
		KUNIT_EXPECT_FALSE(test, ddic_acc_plain((ddi_acc_handle_t)&a, buf + 8, n));
	/* A mapping shorter than the width has no plain access of it. */
	a.kind = DDIC_ACC_MEM;
	a.len = 2;
	ddic_acc_plain_set(&a);
	KUNIT_EXPECT_TRUE(test, ddic_acc_plain((ddi_acc_handle_t)&a, buf + 9, 0));
	KUNIT_EXPECT_TRUE(test, ddic_acc_plain((ddi_acc_handle_t)&a, buf + 8, 1));
	KUNIT_EXPECT_FALSE(test, ddic_acc_plain((ddi_acc_handle_t)&a, buf + 8, 2));
	KUNIT_EXPECT_FALSE(test, ddic_acc_plain((ddi_acc_handle_t)&a, buf + 8, 3));
}

static struct kunit_case pci_cases[] = {
	KUNIT_CASE(pci_names_edu),
	KUNIT_CASE(pci_names_no_subsys),
	KUNIT_CASE(pci_names_pcie),
	KUNIT_CASE(pci_alias_precedence),
	KUNIT_CASE(pci_reg_encoding),
	KUNIT_CASE(pci_refuse_pseudo),
	KUNIT_CASE(pci_acc_plain_bounds),
	{}
};

static struct kunit_suite pci_suite = {
	.name = "ddi_compat_pci",
	.test_cases = pci_cases,
};
kunit_test_suite(pci_suite);
