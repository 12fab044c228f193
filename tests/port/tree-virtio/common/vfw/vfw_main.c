// SPDX-License-Identifier: GPL-2.0
/*
 * vfw: finding and starting a modern virtio PCI function.  The vendor
 * capabilities are walked with pci_cap_probe(9F) and read with
 * pci_cap_get(9F) by base, passing the walk's index as the id (illumos's
 * virtio framework does so); each register window is a sub-range of a
 * BAR whose register number comes from the "reg" property.
 */
#include <sys/types.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/pci.h>
#include <sys/pci_cap.h>
#include <sys/kmem.h>
#include <sys/cmn_err.h>
#include "vfw_impl.h"

static struct modlmisc vfw_modlmisc = {
	&mod_miscops,
	"virtio-style test framework"
};

static struct modlinkage vfw_modlinkage = {
	MODREV_1, { &vfw_modlmisc, NULL }
};

ddi_device_acc_attr_t vfw_regs_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_STRUCTURE_LE_ACC,
	DDI_STRICTORDER_ACC
};

int
_init(void)
{
	return (mod_install(&vfw_modlinkage));
}

int
_fini(void)
{
	return (mod_remove(&vfw_modlinkage));
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&vfw_modlinkage, modinfop));
}

uint16_t
vfw_get16(vfw_t *vf, uint_t w, uint_t off)
{
	vfw_win_t *vw = &vf->vf_win[w];

	return (ddi_get16(vw->vw_h, (uint16_t *)(vw->vw_addr + off)));
}

void
vfw_put16(vfw_t *vf, uint_t w, uint_t off, uint16_t v)
{
	vfw_win_t *vw = &vf->vf_win[w];

	ddi_put16(vw->vw_h, (uint16_t *)(vw->vw_addr + off), v);
}

void
vfw_put32(vfw_t *vf, uint_t w, uint_t off, uint32_t v)
{
	vfw_win_t *vw = &vf->vf_win[w];

	ddi_put32(vw->vw_h, (uint32_t *)(vw->vw_addr + off), v);
}

static uint32_t
vfw_get32(vfw_t *vf, uint_t w, uint_t off)
{
	vfw_win_t *vw = &vf->vf_win[w];

	return (ddi_get32(vw->vw_h, (uint32_t *)(vw->vw_addr + off)));
}

static uint8_t
vfw_get8(vfw_t *vf, uint_t w, uint_t off)
{
	vfw_win_t *vw = &vf->vf_win[w];

	return (ddi_get8(vw->vw_h, (uint8_t *)(vw->vw_addr + off)));
}

static void
vfw_put8(vfw_t *vf, uint_t w, uint_t off, uint8_t v)
{
	vfw_win_t *vw = &vf->vf_win[w];

	ddi_put8(vw->vw_h, (uint8_t *)(vw->vw_addr + off), v);
}

/* The register number of BAR @bar: its entry in "reg". */
static int
vfw_bar_rnumber(dev_info_t *dip, uint_t bar)
{
	pci_regspec_t *regs;
	uint_t n, i;
	int rn = -1;

	if (ddi_prop_lookup_int_array(DDI_DEV_T_ANY, dip, DDI_PROP_DONTPASS,
	    "reg", (int **)&regs, &n) != DDI_PROP_SUCCESS)
		return (-1);
	n = n * sizeof (int) / sizeof (pci_regspec_t);
	for (i = 0; i < n; i++) {
		if (PCI_REG_REG_G(regs[i].pci_phys_hi) ==
		    PCI_CONF_BASE0 + 4 * bar) {
			rn = i;
			break;
		}
	}
	ddi_prop_free(regs);
	return (rn);
}

static void
vfw_find_caps(vfw_t *vf, ddi_acc_handle_t pci)
{
	uint16_t idx, base;
	uint32_t id;
	uint8_t type;
	vfw_win_t *vw;

	for (idx = 0; pci_cap_probe(pci, idx, &id, &base) == DDI_SUCCESS;
	    idx++) {
		if (id != PCI_CAP_ID_VS)
			continue;
		vf->vf_ncaps++;
		type = pci_cap_get(pci, PCI_CAP_CFGSZ_8, idx, base,
		    VFW_CAP_TYPE);
		if (type == 0 || type >= VFW_NCFG)
			continue;
		vw = &vf->vf_win[type];
		if (vw->vw_len != 0)
			continue;
		vw->vw_bar = pci_cap_get(pci, PCI_CAP_CFGSZ_8, idx, base,
		    VFW_CAP_BAR);
		vw->vw_off = pci_cap_get(pci, PCI_CAP_CFGSZ_32, idx, base,
		    VFW_CAP_OFF);
		vw->vw_len = pci_cap_get(pci, PCI_CAP_CFGSZ_32, idx, base,
		    VFW_CAP_LEN);
		if (type == VFW_CFG_NOTIFY)
			vf->vf_mult = pci_cap_get(pci, PCI_CAP_CFGSZ_32, idx,
			    base, VFW_CAP_MULT);
	}
}

void
vfw_fini(vfw_t *vf)
{
	int i;

	if (vf->vf_win[VFW_CFG_COMMON].vw_addr != NULL)
		vfw_put8(vf, VFW_CFG_COMMON, VFW_STATUS, 0);
	if (vf->vf_iadded) {
		(void) ddi_intr_disable(vf->vf_ih);
		(void) ddi_intr_remove_handler(vf->vf_ih);
	}
	if (vf->vf_itype != 0)
		(void) ddi_intr_free(vf->vf_ih);
	if (vf->vf_q != NULL)
		vfw_queue_free(vf->vf_q);
	for (i = 1; i < VFW_NCFG; i++) {
		if (vf->vf_win[i].vw_addr != NULL)
			ddi_regs_map_free(&vf->vf_win[i].vw_h);
	}
	mutex_destroy(&vf->vf_lock);
	kmem_free(vf, sizeof (*vf));
}

/*
 * Find the function's windows, reset it and negotiate @features (with
 * VERSION_1).  NULL if it is not a modern virtio function.
 */
vfw_t *
vfw_init(dev_info_t *dip, uint64_t features)
{
	ddi_acc_handle_t pci;
	vfw_t *vf;
	vfw_win_t *vw;
	uint64_t dev;
	int i, rn;

	if (pci_config_setup(dip, &pci) != DDI_SUCCESS)
		return (NULL);
	vf = kmem_zalloc(sizeof (*vf), KM_SLEEP);
	vf->vf_dip = dip;
	mutex_init(&vf->vf_lock, NULL, MUTEX_DRIVER, NULL);
	vfw_find_caps(vf, pci);
	pci_config_teardown(&pci);

	for (i = 1; i < VFW_NCFG; i++) {
		vw = &vf->vf_win[i];
		if (vw->vw_len == 0) {
			dev_err(dip, CE_WARN, "no virtio capability of type %d "
			    "(%u vendor capabilities)", i, vf->vf_ncaps);
			goto fail;
		}
		rn = vfw_bar_rnumber(dip, vw->vw_bar);
		if (rn < 0 || ddi_regs_map_setup(dip, rn, &vw->vw_addr,
		    vw->vw_off, vw->vw_len, &vfw_regs_attr, &vw->vw_h) !=
		    DDI_SUCCESS) {
			dev_err(dip, CE_WARN, "cannot map BAR %u 0x%x+0x%x",
			    vw->vw_bar, vw->vw_off, vw->vw_len);
			vw->vw_addr = NULL;
			goto fail;
		}
	}

	vfw_put8(vf, VFW_CFG_COMMON, VFW_STATUS, 0);
	vfw_put8(vf, VFW_CFG_COMMON, VFW_STATUS, VFW_S_ACK);
	vfw_put8(vf, VFW_CFG_COMMON, VFW_STATUS, VFW_S_ACK | VFW_S_DRIVER);
	vfw_put32(vf, VFW_CFG_COMMON, VFW_DFSELECT, 1);
	dev = (uint64_t)vfw_get32(vf, VFW_CFG_COMMON, VFW_DF) << 32;
	vfw_put32(vf, VFW_CFG_COMMON, VFW_DFSELECT, 0);
	dev |= vfw_get32(vf, VFW_CFG_COMMON, VFW_DF);
	vf->vf_features = dev & (features | VFW_F_VERSION_1);
	if (!(vf->vf_features & VFW_F_VERSION_1)) {
		dev_err(dip, CE_WARN, "device features 0x%llx: no VERSION_1",
		    (u_longlong_t)dev);
		goto fail;
	}
	vfw_put32(vf, VFW_CFG_COMMON, VFW_GFSELECT, 1);
	vfw_put32(vf, VFW_CFG_COMMON, VFW_GF, vf->vf_features >> 32);
	vfw_put32(vf, VFW_CFG_COMMON, VFW_GFSELECT, 0);
	vfw_put32(vf, VFW_CFG_COMMON, VFW_GF, (uint32_t)vf->vf_features);
	vfw_put8(vf, VFW_CFG_COMMON, VFW_STATUS,
	    VFW_S_ACK | VFW_S_DRIVER | VFW_S_FEATURES_OK);
	if (!(vfw_get8(vf, VFW_CFG_COMMON, VFW_STATUS) & VFW_S_FEATURES_OK)) {
		dev_err(dip, CE_WARN, "feature negotiation failed");
		goto fail;
	}
	return (vf);
fail:
	vfw_fini(vf);
	return (NULL);
}

/* One interrupt for the queue: MSI-X vector 0, else the fixed one. */
int
vfw_intr_setup(vfw_t *vf, ddi_intr_handler_t *func, void *arg)
{
	int types, n, t;

	if (ddi_intr_get_supported_types(vf->vf_dip, &types) != DDI_SUCCESS)
		return (DDI_FAILURE);
	t = (types & DDI_INTR_TYPE_MSIX) ? DDI_INTR_TYPE_MSIX :
	    DDI_INTR_TYPE_FIXED;
	if (ddi_intr_alloc(vf->vf_dip, &vf->vf_ih, t, 0, 1, &n,
	    DDI_INTR_ALLOC_STRICT) != DDI_SUCCESS)
		return (DDI_FAILURE);
	vf->vf_itype = t;
	if (ddi_intr_get_pri(vf->vf_ih, &vf->vf_ipri) != DDI_SUCCESS ||
	    ddi_intr_add_handler(vf->vf_ih, func, arg, vf) != DDI_SUCCESS)
		return (DDI_FAILURE);
	vf->vf_iadded = B_TRUE;
	if (ddi_intr_enable(vf->vf_ih) != DDI_SUCCESS)
		return (DDI_FAILURE);
	if (t == DDI_INTR_TYPE_MSIX && vf->vf_q != NULL) {
		vfw_put16(vf, VFW_CFG_COMMON, VFW_MSIX_CONFIG, VFW_NO_VECTOR);
		vfw_put16(vf, VFW_CFG_COMMON, VFW_Q_SELECT,
		    vf->vf_q->vq_index);
		vfw_put16(vf, VFW_CFG_COMMON, VFW_Q_MSIX, 0);
		if (vfw_get16(vf, VFW_CFG_COMMON, VFW_Q_MSIX) != 0) {
			dev_err(vf->vf_dip, CE_WARN, "MSI-X vector refused");
			return (DDI_FAILURE);
		}
	}
	return (DDI_SUCCESS);
}

void *
vfw_intr_pri(vfw_t *vf)
{
	return (DDI_INTR_PRI(vf->vf_ipri));
}

int
vfw_intr_type(vfw_t *vf)
{
	return (vf->vf_itype);
}

uint_t
vfw_ncaps(vfw_t *vf)
{
	return (vf->vf_ncaps);
}

int
vfw_ready(vfw_t *vf)
{
	vfw_put8(vf, VFW_CFG_COMMON, VFW_STATUS, VFW_S_ACK | VFW_S_DRIVER |
	    VFW_S_FEATURES_OK | VFW_S_DRIVER_OK);
	return (DDI_SUCCESS);
}

/* Reading the ISR register acknowledges a fixed interrupt. */
uint8_t
vfw_isr(vfw_t *vf)
{
	return (vfw_get8(vf, VFW_CFG_ISR, 0));
}
