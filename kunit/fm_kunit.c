// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_fm: fault management (ddi_compat/fm.c) on a node
 * of a made-up driver: the capabilities ddi_fm_init grants and the
 * properties it makes, handler registration, the error status of access
 * and DMA handles, ereport payloads as the log shows them, ENAs, the
 * device state that faults and service impacts set, and misuse refused.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/ddifm.h>
#include <sys/nvpair.h>
#include <sys/fm/protocol.h>
#include <sys/fm/util.h>
#include <sys/fm/io/ddi.h>

#include "../ddi_compat/devinfo.h"
#include "../ddi_compat/ddic_core.h"
#include "../ddi_compat/ddic_pci.h"

struct fmt_fixture {
	struct ddic_driver drv;
	struct dev_info dip;
};

static int fmt_init(struct kunit *test)
{
	struct fmt_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	strscpy(f->drv.name, "fmt", sizeof(f->drv.name));
	f->dip.drv = &f->drv;
	f->dip.instance = 3;
	test->priv = f;
	return 0;
}

static void fmt_exit(struct kunit *test)
{
	struct fmt_fixture *f = test->priv;

	ddi_prop_remove_all(&f->dip);
}

#define DIP(test)	(&((struct fmt_fixture *)(test)->priv)->dip)

static bool fmt_prop(dev_info_t *dip, char *name)
{
	return ddi_prop_exists(DDI_DEV_T_ANY, dip, DDI_PROP_DONTPASS, name);
}

/* All four capabilities granted, unknown bits dropped, props made. */
static void fm_init_grants(struct kunit *test)
{
	dev_info_t *dip = DIP(test);
	ddi_iblock_cookie_t ibc = NULL;
	int cap = DDI_FM_EREPORT_CAPABLE | DDI_FM_ACCCHK_CAPABLE |
		  DDI_FM_DMACHK_CAPABLE | DDI_FM_ERRCB_CAPABLE | 0x100;

	KUNIT_EXPECT_EQ(test, ddi_fm_capable(dip), DDI_FM_NOT_CAPABLE);
	ddi_fm_init(dip, &cap, &ibc);
	KUNIT_EXPECT_EQ(test, cap, 0xf);
	KUNIT_EXPECT_EQ(test, ddi_fm_capable(dip), 0xf);
	KUNIT_EXPECT_NOT_NULL(test, ibc);
	KUNIT_EXPECT_TRUE(test, fmt_prop(dip, "fm-ereport-capable"));
	KUNIT_EXPECT_TRUE(test, fmt_prop(dip, "fm-accchk-capable"));
	KUNIT_EXPECT_TRUE(test, fmt_prop(dip, "fm-dmachk-capable"));
	KUNIT_EXPECT_TRUE(test, fmt_prop(dip, "fm-errcb-capable"));

	/* Again without ddi_fm_fini: refused, the first grant kept. */
	cap = DDI_FM_EREPORT_CAPABLE;
	ddi_fm_init(dip, &cap, NULL);
	KUNIT_EXPECT_EQ(test, cap, 0xf);
	KUNIT_EXPECT_EQ(test, ddi_fm_capable(dip), 0xf);

	ddi_fm_fini(dip);
	KUNIT_EXPECT_EQ(test, ddi_fm_capable(dip), DDI_FM_NOT_CAPABLE);
	KUNIT_EXPECT_FALSE(test, fmt_prop(dip, "fm-ereport-capable"));
	KUNIT_EXPECT_FALSE(test, fmt_prop(dip, "fm-errcb-capable"));
	ddi_fm_fini(dip);		/* refused with a warning */
	KUNIT_EXPECT_FALSE(test, dip->fm_inited);
}

static int fmt_handler(dev_info_t *dip, ddi_fm_error_t *err, const void *d)
{
	return DDI_FM_OK;
}

/* A handler needs DDI_FM_ERRCB_CAPABLE; unregister forgets it. */
static void fm_handler_needs_errcb(struct kunit *test)
{
	dev_info_t *dip = DIP(test);
	int cap = DDI_FM_EREPORT_CAPABLE;
	int arg;

	ddi_fm_init(dip, &cap, NULL);
	KUNIT_EXPECT_EQ(test, cap, DDI_FM_EREPORT_CAPABLE);
	KUNIT_EXPECT_TRUE(test, fmt_prop(dip, "fm-ereport-capable"));
	KUNIT_EXPECT_FALSE(test, fmt_prop(dip, "fm-errcb-capable"));
	ddi_fm_handler_register(dip, fmt_handler, &arg);
	KUNIT_EXPECT_NULL(test, dip->fm_handler);
	ddi_fm_fini(dip);

	cap = DDI_FM_ERRCB_CAPABLE;
	ddi_fm_init(dip, &cap, NULL);
	ddi_fm_handler_register(dip, fmt_handler, &arg);
	KUNIT_EXPECT_TRUE(test, dip->fm_handler == fmt_handler);
	KUNIT_EXPECT_PTR_EQ(test, dip->fm_handler_arg, (void *)&arg);
	ddi_fm_handler_unregister(dip);
	KUNIT_EXPECT_NULL(test, dip->fm_handler);
	ddi_fm_handler_unregister(dip);	/* refused with a warning */
	ddi_fm_handler_register(dip, fmt_handler, &arg);
	ddi_fm_fini(dip);		/* forgets the handler too */
	KUNIT_EXPECT_NULL(test, dip->fm_handler);
}

/* Handles report DDI_FM_OK; misuse is refused and leaves @de alone. */
static void fm_handle_errors(struct kunit *test)
{
	struct ddic_acc *acc = kunit_kzalloc(test, sizeof(*acc), GFP_KERNEL);
	u32 *notdma = kunit_kzalloc(test, 64, GFP_KERNEL);
	ddi_acc_handle_t ah = (ddi_acc_handle_t)acc;
	ddi_fm_error_t de;

	KUNIT_ASSERT_NOT_NULL(test, acc);
	KUNIT_ASSERT_NOT_NULL(test, notdma);
	memset(&de, 0x5a, sizeof(de));
	ddi_fm_acc_err_get(ah, &de, DDI_FME_VERSION);
	KUNIT_EXPECT_EQ(test, de.fme_status, DDI_FM_OK);
	KUNIT_EXPECT_EQ(test, de.fme_version, DDI_FME_VERSION);
	KUNIT_EXPECT_EQ(test, de.fme_flag, DDI_FM_ERR_UNEXPECTED);
	KUNIT_EXPECT_PTR_EQ(test, de.fme_acc_handle, ah);
	KUNIT_EXPECT_NULL(test, de.fme_dma_handle);
	KUNIT_EXPECT_EQ(test, de.fme_ena, 0ULL);
	ddi_fm_acc_err_clear(ah, DDI_FME_VERSION);

	/* A version this implementation does not know: nothing written. */
	memset(&de, 0x5a, sizeof(de));
	ddi_fm_acc_err_get(ah, &de, 7);
	KUNIT_EXPECT_EQ(test, de.fme_status, 0x5a5a5a5a);

	ddi_fm_acc_err_get(NULL, &de, DDI_FME_VERSION);
	KUNIT_EXPECT_EQ(test, de.fme_status, DDI_FM_UNKNOWN);
	ddi_fm_acc_err_get(ah, NULL, DDI_FME_VERSION);

	/* Memory that is not a DMA handle is not taken for one. */
	ddi_fm_dma_err_get((ddi_dma_handle_t)notdma, &de, DDI_FME_VERSION);
	KUNIT_EXPECT_EQ(test, de.fme_status, DDI_FM_UNKNOWN);
	KUNIT_EXPECT_PTR_EQ(test, de.fme_dma_handle,
			    (ddi_dma_handle_t)notdma);
	ddi_fm_dma_err_get(NULL, &de, DDI_FME_VERSION);
	KUNIT_EXPECT_EQ(test, de.fme_status, DDI_FM_UNKNOWN);
	ddi_fm_dma_err_clear((ddi_dma_handle_t)notdma, DDI_FME_VERSION);
	KUNIT_EXPECT_EQ(test, *notdma, 0U);
}

static bool fmt_payload(char *buf, size_t len, ...)
{
	struct ddic_strbuf b = { .buf = buf, .len = len };
	va_list ap;
	bool ok;

	buf[0] = '\0';
	va_start(ap, len);
	ok = ddic_fm_payload_format(&b, ap);
	va_end(ap);
	return ok;
}

/* Each kind of payload member as the log line shows it. */
static const char fmt_want[] =
	" version=0x0 detail=\"rdma\" n=0x10 neg=-5 t=-7 flag b=1 arr=[3]{0x1,0x2,0x30} many=[10]{0x0,0x0,0x0,0x0,0x0,0x0,0x0,0x0,...} strs=[2]{\"a\",\"b\"} nv=<nvlist>";

static void fm_ereport_payload(struct kunit *test)
{
	uint32_t arr[3] = { 1, 2, 0x30 };
	uint8_t many[10] = { 0 };
	char *strs[2] = { "a", "b" };
	char buf[256];

	KUNIT_EXPECT_TRUE(test, fmt_payload(buf, sizeof(buf),
		FM_VERSION, DATA_TYPE_UINT8, FM_EREPORT_VERS0,
		"detail", DATA_TYPE_STRING, "rdma",
		"n", DATA_TYPE_UINT64, 0x10ULL,
		"neg", DATA_TYPE_INT32, -5,
		"t", DATA_TYPE_HRTIME, (hrtime_t)-7,
		"flag", DATA_TYPE_BOOLEAN,
		"b", DATA_TYPE_BOOLEAN_VALUE, B_TRUE,
		"arr", DATA_TYPE_UINT32_ARRAY, 3, arr,
		"many", DATA_TYPE_UINT8_ARRAY, 10, many,
		"strs", DATA_TYPE_STRING_ARRAY, 2, strs,
		"nv", DATA_TYPE_NVLIST, NULL,
		NULL));
	KUNIT_EXPECT_STREQ(test, buf, fmt_want);

	/* A type with no kernel form stops the walk: its value is unknown. */
	KUNIT_EXPECT_FALSE(test, fmt_payload(buf, sizeof(buf),
		"x", DATA_TYPE_INT16, 3, "d", DATA_TYPE_DOUBLE, 0ULL,
		"y", DATA_TYPE_INT16, 4, NULL));
	KUNIT_EXPECT_STREQ(test, buf, " x=3 d=<type 27?>");

	/* A long payload is cut at the buffer's end, NUL-terminated. */
	KUNIT_EXPECT_TRUE(test, fmt_payload(buf, 12,
		"detail", DATA_TYPE_STRING, "a long string value", NULL));
	KUNIT_EXPECT_EQ(test, strlen(buf), (size_t)11);
}

/* Format 1 and 2 ENAs carry the time and CPU; increments count. */
static void fm_ena(struct kunit *test)
{
	uint64_t e = fm_ena_generate_cpu(0x12345, 5, FM_ENA_FMT1);

	KUNIT_EXPECT_EQ(test, fm_ena_format_get(e), FM_ENA_FMT1);
	KUNIT_EXPECT_EQ(test, fm_ena_time_get(e), 0x12345ULL);
	KUNIT_EXPECT_EQ(test, (e & ENA_FMT1_CPUID_MASK) >> ENA_FMT1_CPUID_SHFT,
			5ULL);
	KUNIT_EXPECT_EQ(test, fm_ena_generation_get(e), 0ULL);
	e = fm_ena_increment(fm_ena_increment(e));
	KUNIT_EXPECT_EQ(test, fm_ena_generation_get(e), 2ULL);
	KUNIT_EXPECT_EQ(test, fm_ena_time_get(e), 0x12345ULL);
	KUNIT_EXPECT_EQ(test, fm_ena_id_get(e), (0x12345ULL << 10) | 5);

	e = fm_ena_generate(0x777, FM_ENA_FMT2);
	KUNIT_EXPECT_EQ(test, fm_ena_format_get(e), FM_ENA_FMT2);
	KUNIT_EXPECT_EQ(test, fm_ena_time_get(e), 0x777ULL);
	KUNIT_EXPECT_EQ(test, fm_ena_generate(5, FM_ENA_FMT0), 0ULL);

	/* Timestamp 0: now, so two ENAs a moment apart differ. */
	e = fm_ena_generate(0, FM_ENA_FMT1);
	KUNIT_EXPECT_NE(test, fm_ena_time_get(e), 0ULL);
}

/* Service impacts and faults set the state ddi_get_devstate reports. */
static void fm_devstate(struct kunit *test)
{
	dev_info_t *dip = DIP(test);
	int cap = DDI_FM_EREPORT_CAPABLE;

	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_UP);
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(NULL), DDI_DEVSTATE_OFFLINE);
	ddi_fm_init(dip, &cap, NULL);
	ddi_fm_service_impact(dip, DDI_SERVICE_DEGRADED);
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_DEGRADED);
	ddi_fm_service_impact(dip, DDI_SERVICE_UNAFFECTED);
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_DEGRADED);
	ddi_fm_service_impact(dip, DDI_SERVICE_LOST);
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_DOWN);
	ddi_fm_service_impact(dip, 12345);	/* refused */
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_DOWN);
	ddi_fm_service_impact(dip, DDI_SERVICE_RESTORED);
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_UP);

	ddi_dev_report_fault(dip, DDI_SERVICE_LOST, DDI_DEVICE_FAULT,
			     "the device stopped answering");
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_DOWN);
	ddi_dev_report_fault(dip, DDI_SERVICE_RESTORED, 99, "bad location");
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_DOWN);
	ddi_dev_report_fault(dip, DDI_SERVICE_RESTORED, DDI_EXTERNAL_FAULT,
			     NULL);
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_UP);

	/* Posting: capable, and not (refused); neither changes the state. */
	ddi_fm_ereport_post(dip, DDI_FM_DEVICE "." DDI_FM_DEVICE_NO_RESPONSE,
			    0, DDI_NOSLEEP, FM_VERSION, DATA_TYPE_UINT8,
			    FM_EREPORT_VERS0, NULL);
	ddi_fm_fini(dip);
	ddi_fm_ereport_post(dip, DDI_FM_DEVICE "." DDI_FM_DEVICE_STALL, 0,
			    DDI_NOSLEEP, NULL);
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_UP);
}

/* Detach ends what the driver left set up; the next attach starts anew. */
static void fm_dropped_at_detach(struct kunit *test)
{
	dev_info_t *dip = DIP(test);
	int cap = DDI_FM_ERRCB_CAPABLE | DDI_FM_EREPORT_CAPABLE;

	ddi_fm_init(dip, &cap, NULL);
	ddi_fm_handler_register(dip, fmt_handler, NULL);
	ddi_fm_service_impact(dip, DDI_SERVICE_LOST);
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_DOWN);

	ddic_fm_drop_dip(dip);		/* as a detach without ddi_fm_fini */
	ddi_prop_remove_all(dip);	/* as the detach drops properties */
	KUNIT_EXPECT_FALSE(test, dip->fm_inited);
	KUNIT_EXPECT_NULL(test, dip->fm_handler);
	KUNIT_EXPECT_EQ(test, ddi_fm_capable(dip), DDI_FM_NOT_CAPABLE);
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(dip), DDI_DEVSTATE_UP);

	cap = DDI_FM_EREPORT_CAPABLE;
	ddi_fm_init(dip, &cap, NULL);
	KUNIT_EXPECT_EQ(test, ddi_fm_capable(dip), DDI_FM_EREPORT_CAPABLE);
	KUNIT_EXPECT_TRUE(test, fmt_prop(dip, "fm-ereport-capable"));
	ddi_fm_fini(dip);
	ddic_fm_drop_dip(dip);		/* nothing left: no warning */
	KUNIT_EXPECT_FALSE(test, dip->fm_inited);
}

/* PCI-only calls on a pseudo node; ddi_slaveonly by node kind. */
static void fm_pci_on_pseudo(struct kunit *test)
{
	dev_info_t *dip = DIP(test);
	struct ddic_pcinode *pn = kunit_kzalloc(test, sizeof(*pn), GFP_KERNEL);
	int cap = DDI_FM_EREPORT_CAPABLE;
	ddi_fm_error_t de = { .fme_version = DDI_FME_VERSION };
	uint16_t status = 0;

	KUNIT_ASSERT_NOT_NULL(test, pn);
	ddi_fm_init(dip, &cap, NULL);
	pci_ereport_setup(dip);
	KUNIT_EXPECT_FALSE(test, dip->fm_pci_ereport);
	pci_ereport_post(dip, &de, &status);
	KUNIT_EXPECT_EQ(test, status, (uint16_t)0xffff);
	KUNIT_EXPECT_EQ(test, de.fme_status, DDI_FM_OK);
	pci_ereport_teardown(dip);
	ddi_fm_fini(dip);

	KUNIT_EXPECT_EQ(test, ddi_slaveonly(dip), DDI_SUCCESS);
	dip->pci = pn;
	KUNIT_EXPECT_EQ(test, ddi_slaveonly(dip), DDI_FAILURE);
	/* Setup needs the capability on a PCI node too. */
	pci_ereport_setup(dip);
	KUNIT_EXPECT_FALSE(test, dip->fm_pci_ereport);
	dip->pci = NULL;
}

static struct kunit_case fm_cases[] = {
	KUNIT_CASE(fm_init_grants),
	KUNIT_CASE(fm_handler_needs_errcb),
	KUNIT_CASE(fm_handle_errors),
	KUNIT_CASE(fm_ereport_payload),
	KUNIT_CASE(fm_ena),
	KUNIT_CASE(fm_devstate),
	KUNIT_CASE(fm_dropped_at_detach),
	KUNIT_CASE(fm_pci_on_pseudo),
	{}
};

static struct kunit_suite fm_suite = {
	.name = "ddi_compat_fm",
	.init = fmt_init,
	.exit = fmt_exit,
	.test_cases = fm_cases,
};
kunit_test_suite(fm_suite);
