// SPDX-License-Identifier: GPL-2.0
/*
 * I/O fault management as a leaf driver uses it: ddi_fm_init(9F),
 * ddi_fm_fini(9F), ddi_fm_capable(9F), ddi_fm_handler_register(9F),
 * ddi_fm_acc_err_get(9F), ddi_fm_dma_err_get(9F) and their _clear
 * forms, ddi_fm_ereport_post(9F), ddi_fm_service_impact(9F),
 * ddi_dev_report_fault(9F), pci_ereport_setup(9F) and its family,
 * fm_ena_generate() and the ENA fields, and ddi_get_devstate(9F).
 *
 * Linux has no fault manager to send ereports to, so an ereport is one
 * line in the kernel log, naming the driver, the class
 * ("ereport.io.<class>"), the ENA and the payload.  The capabilities a
 * driver asks for are granted as illumos's PCI nexus grants them, so its
 * hardened code paths run; what stands behind them (docs/departures.md,
 * "Fault management"):
 *  - access and DMA handles report an error only when the PCI function
 *    is offline (Linux's error recovery took it, or it is gone): Linux
 *    gives no per-access error status on x86, where a failed read
 *    returns all ones as it does on illumos without DDI_FLAGERR_ACC;
 *  - pci_ereport_post() scans the configuration status register (not
 *    the PCI Express AER registers, which the Linux AER driver owns);
 *  - an error handler registered with ddi_fm_handler_register() is kept
 *    but never called: ddi_compat does not take part in Linux's PCI
 *    error recovery;
 *  - ddi_dev_report_fault() and ddi_fm_service_impact() set the state
 *    ddi_get_devstate() reports and log it; they post no event.
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/stdarg.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/ddifm.h>
#include <sys/ddi_intr.h>
#include <sys/nvpair.h>
#include <sys/fm/protocol.h>
#include <sys/fm/util.h>
#include <sys/fm/io/ddi.h>
#include <sys/fm/io/pci.h>
#include <sys/time.h>

#include "ddic_core.h"
#include "devinfo.h"
#include "ddic_pci.h"
#include "ddic_dma.h"

#define FM_CAPS	(DDI_FM_EREPORT_CAPABLE | DDI_FM_ACCCHK_CAPABLE | \
		 DDI_FM_DMACHK_CAPABLE | DDI_FM_ERRCB_CAPABLE)

static void fm_warn(dev_info_t *dip, const char *call, const char *why)
{
	if (dip)
		pr_warn_ratelimited("%s%d: %s: %s\n", dip->drv->name,
				    dip->instance, call, why);
	else
		pr_warn_ratelimited("%s: %s\n", call, why);
}

/* --- ENAs --- */

uint64_t fm_ena_generate_cpu(uint64_t timestamp, processorid_t cpuid,
			     uchar_t format)
{
	uint64_t t = timestamp ? timestamp : (uint64_t)gethrtime();

	switch (format) {
	case FM_ENA_FMT1:
		return ((t << ENA_FMT1_TIME_SHFT) & ENA_FMT1_TIME_MASK) |
		       (((uint64_t)cpuid << ENA_FMT1_CPUID_SHFT) &
			ENA_FMT1_CPUID_MASK) | FM_ENA_FMT1;
	case FM_ENA_FMT2:
		return ((t << ENA_FMT2_TIME_SHFT) & ENA_FMT2_TIME_MASK) |
		       FM_ENA_FMT2;
	default:
		return 0;
	}
}
EXPORT_SYMBOL(fm_ena_generate_cpu);

uint64_t fm_ena_generate(uint64_t timestamp, uchar_t format)
{
	return fm_ena_generate_cpu(timestamp, raw_smp_processor_id(), format);
}
EXPORT_SYMBOL(fm_ena_generate);

uchar_t fm_ena_format_get(uint64_t ena)
{
	return ENA_FORMAT(ena);
}
EXPORT_SYMBOL(fm_ena_format_get);

/* Formats 1 and 2 share the generation and identifier fields. */
static bool ena_fmt12(uint64_t ena)
{
	return ENA_FORMAT(ena) == FM_ENA_FMT1 || ENA_FORMAT(ena) == FM_ENA_FMT2;
}

uint64_t fm_ena_generation_get(uint64_t ena)
{
	return ena_fmt12(ena) ?
	       (ena & ENA_FMT1_GEN_MASK) >> ENA_FMT1_GEN_SHFT : 0;
}
EXPORT_SYMBOL(fm_ena_generation_get);

uint64_t fm_ena_increment(uint64_t ena)
{
	uint64_t gen;

	if (!ena_fmt12(ena))
		return ena;
	gen = fm_ena_generation_get(ena) + 1;
	return (ena & ~ENA_FMT1_GEN_MASK) |
	       ((gen << ENA_FMT1_GEN_SHFT) & ENA_FMT1_GEN_MASK);
}
EXPORT_SYMBOL(fm_ena_increment);

uint64_t fm_ena_id_get(uint64_t ena)
{
	return ena_fmt12(ena) ? (ena & ENA_FMT1_ID_MASK) >> ENA_FMT1_ID_SHFT : 0;
}
EXPORT_SYMBOL(fm_ena_id_get);

uint64_t fm_ena_time_get(uint64_t ena)
{
	switch (ENA_FORMAT(ena)) {
	case FM_ENA_FMT1:
		return (ena & ENA_FMT1_TIME_MASK) >> ENA_FMT1_TIME_SHFT;
	case FM_ENA_FMT2:
		return (ena & ENA_FMT2_TIME_MASK) >> ENA_FMT2_TIME_SHFT;
	default:
		return 0;
	}
}
EXPORT_SYMBOL(fm_ena_time_get);

/* --- capabilities --- */

static const struct {
	int cap;
	char *prop;
} fm_props[] = {
	{ DDI_FM_EREPORT_CAPABLE, "fm-ereport-capable" },
	{ DDI_FM_ACCCHK_CAPABLE, "fm-accchk-capable" },
	{ DDI_FM_DMACHK_CAPABLE, "fm-dmachk-capable" },
	{ DDI_FM_ERRCB_CAPABLE, "fm-errcb-capable" },
};

void ddi_fm_init(dev_info_t *dip, int *fmcap, ddi_iblock_cookie_t *ibcp)
{
	int i;

	if (!dip || !fmcap) {
		fm_warn(dip, __func__, dip ? "NULL capability pointer" :
			"NULL dev_info_t");
		return;
	}
	if (dip->fm_inited) {
		fm_warn(dip, __func__, "called again without ddi_fm_fini");
		*fmcap = dip->fm_cap;
		return;
	}
	if (*fmcap & ~FM_CAPS)
		fm_warn(dip, __func__, "unknown capability bits ignored");
	dip->fm_cap = *fmcap & FM_CAPS;
	*fmcap = dip->fm_cap;
	dip->fm_inited = true;
	/* Handlers never run (see above): any cookie will do for a mutex. */
	if (ibcp)
		*ibcp = (ddi_iblock_cookie_t)DDI_INTR_PRI(DDI_INTR_PRI_MAX);
	/* The capability properties prtconf shows, as on illumos. */
	for (i = 0; i < ARRAY_SIZE(fm_props); i++)
		if (dip->fm_cap & fm_props[i].cap)
			(void)ddi_prop_create(DDI_DEV_T_NONE, dip,
					      DDI_PROP_CANSLEEP,
					      fm_props[i].prop, NULL, 0);
}
EXPORT_SYMBOL(ddi_fm_init);

static void fm_reset(dev_info_t *dip)
{
	dip->fm_handler = NULL;
	dip->fm_handler_arg = NULL;
	dip->fm_pci_ereport = false;
	dip->fm_cap = DDI_FM_NOT_CAPABLE;
	dip->fm_inited = false;
}

void ddi_fm_fini(dev_info_t *dip)
{
	int i;

	if (!dip || !dip->fm_inited) {
		fm_warn(dip, __func__, dip ? "ddi_fm_init was not called" :
			"NULL dev_info_t");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(fm_props); i++)
		if (dip->fm_cap & fm_props[i].cap)
			(void)ddi_prop_remove(DDI_DEV_T_NONE, dip,
					      fm_props[i].prop);
	fm_reset(dip);
}
EXPORT_SYMBOL(ddi_fm_fini);

int ddi_fm_capable(dev_info_t *dip)
{
	if (!dip) {
		fm_warn(dip, __func__, "NULL dev_info_t");
		return DDI_FM_NOT_CAPABLE;
	}
	return dip->fm_cap;
}
EXPORT_SYMBOL(ddi_fm_capable);

void ddi_fm_handler_register(dev_info_t *dip, ddi_err_func_t handler,
			     void *impl_data)
{
	if (!dip || !handler) {
		fm_warn(dip, __func__, dip ? "NULL handler" : "NULL dev_info_t");
		return;
	}
	if (!DDI_FM_ERRCB_CAP(dip->fm_cap)) {
		fm_warn(dip, __func__,
			"not DDI_FM_ERRCB_CAPABLE (ddi_fm_init); not registered");
		return;
	}
	dip->fm_handler_arg = impl_data;
	dip->fm_handler = handler;
}
EXPORT_SYMBOL(ddi_fm_handler_register);

void ddi_fm_handler_unregister(dev_info_t *dip)
{
	if (!dip || !dip->fm_handler) {
		fm_warn(dip, __func__, dip ? "no handler registered" :
			"NULL dev_info_t");
		return;
	}
	dip->fm_handler = NULL;
	dip->fm_handler_arg = NULL;
}
EXPORT_SYMBOL(ddi_fm_handler_unregister);

/* --- handle errors --- */

static bool fm_err_start(ddi_fm_error_t *de, int version, const char *call)
{
	if (!de) {
		fm_warn(NULL, call, "NULL ddi_fm_error_t");
		return false;
	}
	if (version != DDI_FME_VER0) {
		fm_warn(NULL, call, "version is not DDI_FME_VER0; refused");
		return false;
	}
	memset(de, 0, sizeof(*de));
	de->fme_version = version;
	de->fme_status = DDI_FM_OK;
	de->fme_flag = DDI_FM_ERR_UNEXPECTED;
	return true;
}

static void fm_err_offline(ddi_fm_error_t *de, dev_info_t *dip)
{
	if (dip && ddic_pci_offline(dip->pci)) {
		de->fme_status = DDI_FM_FATAL;
		de->fme_ena = fm_ena_generate(0, FM_ENA_FMT1);
	}
}

void ddi_fm_acc_err_get(ddi_acc_handle_t handle, ddi_fm_error_t *de,
			int version)
{
	struct ddic_acc *a = (struct ddic_acc *)handle;

	if (!fm_err_start(de, version, __func__))
		return;
	de->fme_acc_handle = handle;
	if (!a) {
		fm_warn(NULL, __func__, "NULL access handle");
		de->fme_status = DDI_FM_UNKNOWN;
		return;
	}
	fm_err_offline(de, a->pn ? a->pn->dip : NULL);
}
EXPORT_SYMBOL(ddi_fm_acc_err_get);

/* The handle's node, or NULL (with a warning) if it is not a DMA handle. */
static dev_info_t *fm_dma_dip(ddi_dma_handle_t handle, const char *call)
{
	struct ddic_dma *h = (struct ddic_dma *)handle;

	if (!h || h->magic != DDIC_DMH_MAGIC) {
		fm_warn(NULL, call, h ? "not a DMA handle" : "NULL DMA handle");
		return NULL;
	}
	return h->dip;
}

void ddi_fm_dma_err_get(ddi_dma_handle_t handle, ddi_fm_error_t *de,
			int version)
{
	dev_info_t *dip;

	if (!fm_err_start(de, version, __func__))
		return;
	de->fme_dma_handle = handle;
	dip = fm_dma_dip(handle, __func__);
	if (!dip) {
		de->fme_status = DDI_FM_UNKNOWN;
		return;
	}
	fm_err_offline(de, dip);
}
EXPORT_SYMBOL(ddi_fm_dma_err_get);

/* Nothing is recorded per handle, so there is nothing to clear. */
void ddi_fm_acc_err_clear(ddi_acc_handle_t handle, int version)
{
	if (!handle || version != DDI_FME_VER0)
		fm_warn(NULL, __func__, handle ? "version is not DDI_FME_VER0" :
			"NULL access handle");
}
EXPORT_SYMBOL(ddi_fm_acc_err_clear);

void ddi_fm_dma_err_clear(ddi_dma_handle_t handle, int version)
{
	if (!fm_dma_dip(handle, __func__))
		return;
	if (version != DDI_FME_VER0)
		fm_warn(NULL, __func__, "version is not DDI_FME_VER0");
}
EXPORT_SYMBOL(ddi_fm_dma_err_clear);

/* --- ereports --- */

/* Element @i of the payload array @p of @type. */
static void fm_put_elem(struct ddic_strbuf *sb, data_type_t type,
			const void *p, uint_t i)
{
	switch (type) {
	case DATA_TYPE_BOOLEAN_ARRAY:
		ddic_strbuf_put(sb, "%d", ((const boolean_t *)p)[i]);
		break;
	case DATA_TYPE_INT8_ARRAY:
		ddic_strbuf_put(sb, "%d", ((const int8_t *)p)[i]);
		break;
	case DATA_TYPE_BYTE_ARRAY:
	case DATA_TYPE_UINT8_ARRAY:
		ddic_strbuf_put(sb, "%#x", ((const uint8_t *)p)[i]);
		break;
	case DATA_TYPE_INT16_ARRAY:
		ddic_strbuf_put(sb, "%d", ((const int16_t *)p)[i]);
		break;
	case DATA_TYPE_UINT16_ARRAY:
		ddic_strbuf_put(sb, "%#x", ((const uint16_t *)p)[i]);
		break;
	case DATA_TYPE_INT32_ARRAY:
		ddic_strbuf_put(sb, "%d", ((const int32_t *)p)[i]);
		break;
	case DATA_TYPE_UINT32_ARRAY:
		ddic_strbuf_put(sb, "%#x", ((const uint32_t *)p)[i]);
		break;
	case DATA_TYPE_INT64_ARRAY:
		ddic_strbuf_put(sb, "%lld", ((const int64_t *)p)[i]);
		break;
	case DATA_TYPE_UINT64_ARRAY:
		ddic_strbuf_put(sb, "%#llx", ((const uint64_t *)p)[i]);
		break;
	default:	/* DATA_TYPE_STRING_ARRAY */
		ddic_strbuf_put(sb, "\"%s\"", ((char * const *)p)[i] ?
		       ((char * const *)p)[i] : "");
	}
}

/*
 * Append the payload (name, type, value...) in @ap to @buf as
 * " name=value".  Returns false at a type it cannot take (DATA_TYPE_DOUBLE
 * has no kernel form; an unknown type leaves the arguments after it
 * unknowable), having appended " name=<type N?>".
 */
bool ddic_fm_payload_format(struct ddic_strbuf *sb, va_list ap)
{
	const char *name;
	uint_t n, i;
	void *p;

	while ((name = va_arg(ap, const char *))) {
		data_type_t type = va_arg(ap, data_type_t);

		ddic_strbuf_put(sb, " %s", name);
		switch (type) {
		case DATA_TYPE_BOOLEAN:
			break;
		case DATA_TYPE_BOOLEAN_VALUE:
		case DATA_TYPE_INT8:
		case DATA_TYPE_INT16:
		case DATA_TYPE_INT32:
			ddic_strbuf_put(sb, "=%d", va_arg(ap, int));
			break;
		case DATA_TYPE_BYTE:
		case DATA_TYPE_UINT8:
		case DATA_TYPE_UINT16:
		case DATA_TYPE_UINT32:
			ddic_strbuf_put(sb, "=%#x", va_arg(ap, uint_t));
			break;
		case DATA_TYPE_INT64:
		case DATA_TYPE_HRTIME:
			ddic_strbuf_put(sb, "=%lld", va_arg(ap, int64_t));
			break;
		case DATA_TYPE_UINT64:
			ddic_strbuf_put(sb, "=%#llx", va_arg(ap, uint64_t));
			break;
		case DATA_TYPE_STRING:
			p = va_arg(ap, char *);
			ddic_strbuf_put(sb, "=\"%s\"", p ? (char *)p : "");
			break;
		case DATA_TYPE_NVLIST:
			(void)va_arg(ap, nvlist_t *);
			ddic_strbuf_put(sb, "=<nvlist>");
			break;
		case DATA_TYPE_BOOLEAN_ARRAY:
		case DATA_TYPE_BYTE_ARRAY:
		case DATA_TYPE_INT8_ARRAY:
		case DATA_TYPE_UINT8_ARRAY:
		case DATA_TYPE_INT16_ARRAY:
		case DATA_TYPE_UINT16_ARRAY:
		case DATA_TYPE_INT32_ARRAY:
		case DATA_TYPE_UINT32_ARRAY:
		case DATA_TYPE_INT64_ARRAY:
		case DATA_TYPE_UINT64_ARRAY:
		case DATA_TYPE_STRING_ARRAY:
		case DATA_TYPE_NVLIST_ARRAY:
			n = va_arg(ap, uint_t);
			p = va_arg(ap, void *);
			ddic_strbuf_put(sb, "=[%u]", n);
			if (!p || type == DATA_TYPE_NVLIST_ARRAY)
				break;
			for (i = 0; i < n && i < 8; i++) {
				ddic_strbuf_put(sb, i ? "," : "{");
				fm_put_elem(sb, type, p, i);
			}
			if (n && p)
				ddic_strbuf_put(sb, n > 8 ? ",...}" : "}");
			break;
		default:
			ddic_strbuf_put(sb, "=<type %d?>", type);
			return false;
		}
	}
	return true;
}
EXPORT_SYMBOL(ddic_fm_payload_format);

void ddi_fm_ereport_post(dev_info_t *dip, const char *error_class,
			 uint64_t ena, int sflag, ...)
{
	char buf[256] = "";
	struct ddic_strbuf sb = { .buf = buf, .len = sizeof(buf) };
	va_list ap;
	bool ok;

	if (!dip || !error_class) {
		fm_warn(dip, __func__, dip ? "NULL class" : "NULL dev_info_t");
		return;
	}
	if (!DDI_FM_EREPORT_CAP(dip->fm_cap)) {
		fm_warn(dip, __func__,
			"not DDI_FM_EREPORT_CAPABLE (ddi_fm_init); not posted");
		return;
	}
	if (!ena)
		ena = fm_ena_generate(0, FM_ENA_FMT1);
	va_start(ap, sflag);
	ok = ddic_fm_payload_format(&sb, ap);
	va_end(ap);
	pr_warn_ratelimited("%s%d: %s.%s.%s ena %#llx:%s%s\n", dip->drv->name,
			    dip->instance, FM_EREPORT_CLASS, DDI_IO_CLASS,
			    error_class, ena, buf,
			    ok ? "" : " (payload cut at a type not known)");
}
EXPORT_SYMBOL(ddi_fm_ereport_post);

/* --- device state --- */

static const char *fm_impact_name(int impact)
{
	switch (impact) {
	case DDI_SERVICE_LOST:
		return DDI_FM_SERVICE_LOST;
	case DDI_SERVICE_DEGRADED:
		return DDI_FM_SERVICE_DEGRADED;
	case DDI_SERVICE_UNAFFECTED:
		return DDI_FM_SERVICE_UNAFFECTED;
	case DDI_SERVICE_RESTORED:
		return DDI_FM_SERVICE_RESTORED;
	default:
		return NULL;
	}
}

/* The node's state after a fault or service impact of @impact. */
static void fm_set_state(dev_info_t *dip, int impact)
{
	switch (impact) {
	case DDI_SERVICE_LOST:
		WRITE_ONCE(dip->fm_devstate, DDI_DEVSTATE_DOWN);
		break;
	case DDI_SERVICE_DEGRADED:
		WRITE_ONCE(dip->fm_devstate, DDI_DEVSTATE_DEGRADED);
		break;
	case DDI_SERVICE_RESTORED:
		WRITE_ONCE(dip->fm_devstate, DDI_DEVSTATE_UP);
		break;
	}
}

void ddi_fm_service_impact(dev_info_t *dip, int svc_impact)
{
	const char *what = fm_impact_name(svc_impact);

	if (!dip || !what) {
		fm_warn(dip, __func__, dip ? "unknown impact; ignored" :
			"NULL dev_info_t");
		return;
	}
	fm_set_state(dip, svc_impact);
	pr_warn_ratelimited("%s%d: %s.%s.%s.%s\n", dip->drv->name,
			    dip->instance, FM_EREPORT_CLASS, DDI_IO_CLASS,
			    DDI_FM_SERVICE_IMPACT, what);
}
EXPORT_SYMBOL(ddi_fm_service_impact);

void ddi_dev_report_fault(dev_info_t *dip, ddi_fault_impact_t impact,
			  ddi_fault_location_t location, const char *message)
{
	const char *what = fm_impact_name(impact);
	const char *where;

	switch (location) {
	case DDI_DATAPATH_FAULT:
		where = "datapath";
		break;
	case DDI_DEVICE_FAULT:
		where = "device";
		break;
	case DDI_EXTERNAL_FAULT:
		where = "external";
		break;
	default:
		where = NULL;
	}
	if (!dip || !what || !where) {
		fm_warn(dip, __func__, dip ? "unknown impact or location; ignored" :
			"NULL dev_info_t");
		return;
	}
	fm_set_state(dip, impact);
	pr_warn_ratelimited("%s%d: fault (%s, service %s)%s%s\n",
			    dip->drv->name, dip->instance, where, what,
			    message ? ": " : "", message ? message : "");
}
EXPORT_SYMBOL(ddi_dev_report_fault);

/*
 * A node's state: its last fault's or service impact's, else up
 * (DDI_DEVSTATE_OFFLINE for no node).
 */
ddi_devstate_t ddi_get_devstate(dev_info_t *dip)
{
	int s;

	if (!dip)
		return DDI_DEVSTATE_OFFLINE;
	s = READ_ONCE(dip->fm_devstate);
	return s ? (ddi_devstate_t)s : DDI_DEVSTATE_UP;
}
EXPORT_SYMBOL(ddi_get_devstate);

/*
 * A node detached or failed to attach: what its driver left set up
 * (ddi_fm_init without ddi_fm_fini) is ended with a warning, and the
 * state its reports set goes back to up for the next attach.  The
 * capability properties went with the node's other driver properties.
 */
void ddic_fm_drop_dip(struct dev_info *dip)
{
	WRITE_ONCE(dip->fm_devstate, 0);
	if (!dip->fm_inited)
		return;
	pr_warn("%s%d: fault management still set up at detach (no ddi_fm_fini): ended\n",
		dip->drv->name, dip->instance);
	fm_reset(dip);
}
EXPORT_SYMBOL(ddic_fm_drop_dip);

/* --- PCI --- */

void pci_ereport_setup(dev_info_t *dip)
{
	if (!ddic_pci_node(dip, __func__))
		return;
	if (!DDI_FM_EREPORT_CAP(dip->fm_cap)) {
		fm_warn(dip, __func__,
			"not DDI_FM_EREPORT_CAPABLE (ddi_fm_init); refused");
		return;
	}
	dip->fm_pci_ereport = true;
}
EXPORT_SYMBOL(pci_ereport_setup);

void pci_ereport_teardown(dev_info_t *dip)
{
	if (!ddic_pci_node(dip, __func__))
		return;
	if (!dip->fm_pci_ereport)
		fm_warn(dip, __func__, "pci_ereport_setup was not called");
	dip->fm_pci_ereport = false;
}
EXPORT_SYMBOL(pci_ereport_teardown);

/* The status register's error bits: class, and whether fatal. */
static const struct {
	u16 bit;
	const char *class;
	bool fatal;
} fm_pci_errs[] = {
	{ PCI_STATUS_DETECTED_PARITY, PCI_DET_PERR, true },
	{ PCI_STATUS_SIG_SYSTEM_ERROR, PCI_SIG_SERR, true },
	{ PCI_STATUS_PARITY, PCI_MDPE, true },
	{ PCI_STATUS_REC_MASTER_ABORT, PCI_MA, false },
	{ PCI_STATUS_REC_TARGET_ABORT, PCI_REC_TA, false },
	{ PCI_STATUS_SIG_TARGET_ABORT, PCI_SIG_TA, false },
};

void pci_ereport_post(dev_info_t *dip, ddi_fm_error_t *derr, uint16_t *status)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, __func__);
	char class[FM_MAX_CLASS];
	u16 st, errs = 0;
	int i;

	if (status)
		*status = 0xffff;
	if (!pn)
		return;
	if (!derr) {
		fm_warn(dip, __func__, "NULL ddi_fm_error_t");
		return;
	}
	if (!derr->fme_ena)
		derr->fme_ena = fm_ena_generate(0, FM_ENA_FMT1);
	if (pci_channel_offline(pn->pdev) ||
	    pci_read_config_word(pn->pdev, PCI_STATUS, &st) ||
	    st == 0xffff) {
		derr->fme_status = DDI_FM_FATAL;
		return;
	}
	if (status)
		*status = st;
	derr->fme_status = DDI_FM_OK;
	for (i = 0; i < ARRAY_SIZE(fm_pci_errs); i++) {
		if (!(st & fm_pci_errs[i].bit))
			continue;
		errs |= fm_pci_errs[i].bit;
		if (fm_pci_errs[i].fatal)
			derr->fme_status = DDI_FM_FATAL;
		else if (derr->fme_status == DDI_FM_OK)
			derr->fme_status = DDI_FM_NONFATAL;
		if (derr->fme_flag != DDI_FM_ERR_UNEXPECTED ||
		    !DDI_FM_EREPORT_CAP(dip->fm_cap))
			continue;
		snprintf(class, sizeof(class), "%s.%s", PCI_ERROR_SUBCLASS,
			 fm_pci_errs[i].class);
		ddi_fm_ereport_post(dip, class, derr->fme_ena, DDI_NOSLEEP,
				    FM_VERSION, DATA_TYPE_UINT8, FM_EREPORT_VERS0,
				    PCI_CONFIG_STATUS, DATA_TYPE_UINT16, st, NULL);
	}
	/* The bits are write-one-to-clear: the next scan sees new errors. */
	if (errs)
		pci_write_config_word(pn->pdev, PCI_STATUS, errs);
}
EXPORT_SYMBOL(pci_ereport_post);
