/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Solaris DDI-specific interfaces: instances, minor nodes, properties,
 * soft state, copying to and from user space, time.
 */
#ifndef _SYS_SUNDDI_H
#define _SYS_SUNDDI_H

#include <sys/types.h>
#include <sys/ddi.h>
#include <sys/devops.h>
#include <sys/conf.h>
#include <sys/model.h>
#include <sys/types32.h>
#include <sys/ddidevmap.h>
#include <sys/dditypes.h>
#include <sys/ddidmareq.h>
#include <ddi_compat/nodev.h>
/* What <sys/sunddi.h> brings along on illumos. */
#include <sys/isa_defs.h>
#include <sys/cmn_err.h>
#include <sys/ksynch.h>
#include <sys/kmem.h>
#include <sys/cred.h>
#include <sys/uio.h>
#include <sys/open.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <sys/errno.h>
#include <sys/param.h>
#include <sys/thread.h>
#include <sys/modctl.h>
#include <sys/ddi_impldefs.h>
#include <sys/ddi_implfuncs.h>
#include <sys/ddi_intr.h>
#include <sys/time.h>
#include <sys/debug.h>
#include <sys/int_types.h>

#define DDI_SUCCESS		0
#define DDI_FAILURE		-1
#define DDI_NOT_WELL_FORMED	-2
#define DDI_EAGAIN		-3
#define DDI_EINVAL		-4
#define DDI_ENOTSUP		-5
#define DDI_EPENDING		-6
#define DDI_EALREADY		-7

#define DDI_SLEEP		0
#define DDI_NOSLEEP		1

#define DDI_PSEUDO		"ddi_pseudo"
/* Node types (the node_type of ddi_create_minor_node(9F)). */
#define DDI_NT_SERIAL		"ddi_serial"
#define DDI_NT_SERIAL_MB	"ddi_serial:mb"
#define DDI_NT_SERIAL_DO	"ddi_serial:dialout"
#define DDI_NT_SERIAL_MB_DO	"ddi_serial:dialout,mb"
#define DDI_NT_BLOCK		"ddi_block"
#define DDI_NT_BLOCK_CHAN	"ddi_block:channel"
#define DDI_NT_BLOCK_WWN	"ddi_block:wwn"
#define DDI_NT_BLOCK_SAS	"ddi_block:sas"
#define DDI_NT_BLOCK_FABRIC	"ddi_block:fabric"
#define DDI_NT_CD		"ddi_block:cdrom"
#define DDI_NT_CD_CHAN		"ddi_block:cdrom:channel"
#define DDI_NT_FD		"ddi_block:diskette"
#define DDI_NT_ENCLOSURE	"ddi_enclosure"
#define DDI_NT_SCSI_ENCLOSURE	"ddi_enclosure:scsi"
#define DDI_NT_TAPE		"ddi_byte:tape"
#define DDI_NT_NET		"ddi_network"
#define DDI_NT_NET_WIFI		"ddi_network:wifi"
#define DDI_NT_DISPLAY		"ddi_display"
#define DDI_NT_DISPLAY_DRM	"ddi_display:drm"
#define DDI_NT_AUDIO		"ddi_audio"
#define DDI_NT_MOUSE		"ddi_mouse"
#define DDI_NT_KEYBOARD		"ddi_keyboard"
#define DDI_NT_PARALLEL		"ddi_parallel"
#define DDI_NT_PRINTER		"ddi_printer"
#define DDI_NT_UGEN		"ddi_generic:usb"
#define DDI_NT_SMP		"ddi_sas_smp"
#define DDI_NT_NEXUS		"ddi_ctl:devctl"
#define DDI_NT_SCSI_NEXUS	"ddi_ctl:devctl:scsi"
#define DDI_NT_SATA_NEXUS	"ddi_ctl:devctl:sata"
#define DDI_NT_ATTACHMENT_POINT	"ddi_ctl:attachment_point"
#define DDI_NT_SCSI_ATTACHMENT_POINT	"ddi_ctl:attachment_point:scsi"
#define DDI_NT_SATA_ATTACHMENT_POINT	"ddi_ctl:attachment_point:sata"
#define DDI_NT_PCI_ATTACHMENT_POINT	"ddi_ctl:attachment_point:pci"
#define DDI_NT_USB_ATTACHMENT_POINT	"ddi_ctl:attachment_point:usb"
#define DDI_NT_REGACC		"ddi_tool_reg"
#define DDI_NT_INTRCTL		"ddi_tool_intr"

/* ddi_create_minor_node(9F) flags. */
#define CLONE_DEV		1
#define PRIVONLY_DEV		0x10

/* Properties. */
#define DDI_DEV_T_NONE		((dev_t)-1)
#define DDI_DEV_T_ANY		((dev_t)-2)
#define DDI_MAJOR_T_UNKNOWN	((major_t)0)

#define DDI_PROP_DONTPASS	0x0001
#define DDI_PROP_CANSLEEP	0x0004
#define DDI_PROP_NOTPROM	0x0008
#define DDI_PROP_DONTSLEEP	0x0010
#define DDI_PROP_SYSTEM_DEF	0x0020

#define DDI_PROP_SUCCESS	0
#define DDI_PROP_NOT_FOUND	1
#define DDI_PROP_UNDEFINED	2
#define DDI_PROP_NO_MEMORY	3
#define DDI_PROP_INVAL_ARG	4
#define DDI_PROP_BUF_TOO_SMALL	5
#define DDI_PROP_CANNOT_DECODE	6
#define DDI_PROP_CANNOT_ENCODE	7
#define DDI_PROP_END_OF_DATA	8

/* Instances and nodes. */
int ddi_get_instance(dev_info_t *dip);
const char *ddi_driver_name(dev_info_t *dip);
char *ddi_get_name(dev_info_t *dip);
char *ddi_node_name(dev_info_t *dip);
char *ddi_get_name_addr(dev_info_t *dip);
major_t ddi_driver_major(dev_info_t *dip);
void *ddi_get_driver_private(dev_info_t *dip);
void ddi_set_driver_private(dev_info_t *dip, void *data);
void ddi_report_dev(dev_info_t *dip);
int ddi_create_minor_node(dev_info_t *dip, const char *name, int spec_type,
			  minor_t minor_num, const char *node_type, int flag);
/*
 * Solaris's NULL is a plain 0, and drivers pass it as the flag (gen_drv,
 * for one): Linux's is a pointer, which would warn (and fail with
 * DDI_WERROR=1), so the flag is converted here.
 */
#define ddi_create_minor_node(dip, name, spec_type, minor_num, node_type, \
			      flag) \
	ddi_create_minor_node(dip, name, spec_type, minor_num, node_type, \
			      (int)(uintptr_t)(flag))
void ddi_remove_minor_node(dev_info_t *dip, const char *name);
int ddi_quiesce_not_needed(dev_info_t *dip);
int ddi_quiesce_not_supported(dev_info_t *dip);
int ddi_no_info(dev_info_t *dip, ddi_info_cmd_t infocmd, void *arg,
		void **result);
dev_info_t *ddi_root_node(void);
dev_info_t *ddi_get_parent(dev_info_t *dip);
char *ddi_binding_name(dev_info_t *dip);
int ddi_dev_is_sid(dev_info_t *dip);
int ddi_in_panic(void);

/*
 * The NDI event service (ddic_compat/events.c): the events a nexus of
 * ddi_compat defines, and the driver's side of them.
 */
#define DDI_DEVI_REMOVE_EVENT		"DDI:DEVI_REMOVE"
#define DDI_DEVI_INSERT_EVENT		"DDI:DEVI_INSERT"
#define DDI_DEVI_BUS_RESET_EVENT	"DDI:DEVI_BUS_RESET"
#define DDI_DEVI_DEVICE_RESET_EVENT	"DDI:DEVI_DEVICE_RESET"
int ddi_get_eventcookie(dev_info_t *dip, char *name,
			ddi_eventcookie_t *event_cookiep);
int ddi_add_event_handler(dev_info_t *dip, ddi_eventcookie_t event,
			  void (*handler)(dev_info_t *, ddi_eventcookie_t,
					  void *, void *),
			  void *arg, ddi_callback_id_t *id);
int ddi_remove_event_handler(ddi_callback_id_t id);

/* Properties. */
int ddi_prop_op(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op,
		int mod_flags, char *name, caddr_t valuep, int *lengthp);
int ddi_prop_get_int(dev_t match_dev, dev_info_t *dip, uint_t flags,
		     char *name, int defvalue);
int64_t ddi_prop_get_int64(dev_t match_dev, dev_info_t *dip, uint_t flags,
			   char *name, int64_t defvalue);
int ddi_prop_exists(dev_t match_dev, dev_info_t *dip, uint_t flags,
		    char *name);
int ddi_prop_lookup_string(dev_t match_dev, dev_info_t *dip, uint_t flags,
			   char *name, char **datap);
int ddi_prop_lookup_int_array(dev_t match_dev, dev_info_t *dip, uint_t flags,
			      char *name, int **datap, uint_t *nelementsp);
int ddi_prop_lookup_string_array(dev_t match_dev, dev_info_t *dip,
				 uint_t flags, char *name, char ***datap,
				 uint_t *nelementsp);
void ddi_prop_free(void *data);
int ddi_prop_lookup_int64_array(dev_t match_dev, dev_info_t *dip,
				uint_t flags, char *name, int64_t **datap,
				uint_t *nelementsp);
int ddi_prop_lookup_byte_array(dev_t match_dev, dev_info_t *dip,
			       uint_t flags, char *name, uchar_t **datap,
			       uint_t *nelementsp);
int ddi_prop_update_int(dev_t dev, dev_info_t *dip, char *name, int data);
int ddi_prop_update_int_array(dev_t dev, dev_info_t *dip, char *name,
			      int *data, uint_t nelements);
int ddi_prop_update_int64(dev_t dev, dev_info_t *dip, char *name,
			  int64_t data);
int ddi_prop_update_int64_array(dev_t dev, dev_info_t *dip, char *name,
				int64_t *data, uint_t nelements);
int ddi_prop_update_string(dev_t dev, dev_info_t *dip, char *name,
			   char *data);
int ddi_prop_update_string_array(dev_t dev, dev_info_t *dip, char *name,
				 char **data, uint_t nelements);
int ddi_prop_update_byte_array(dev_t dev, dev_info_t *dip, char *name,
			       uchar_t *data, uint_t nelements);
int ddi_prop_create(dev_t dev, dev_info_t *dip, int flag, char *name,
		    caddr_t value, int length);
int ddi_prop_modify(dev_t dev, dev_info_t *dip, int flag, char *name,
		    caddr_t value, int length);
int ddi_prop_undefine(dev_t dev, dev_info_t *dip, int flag, char *name);
int ddi_prop_remove(dev_t dev, dev_info_t *dip, char *name);
void ddi_prop_remove_all(dev_info_t *dip);
int ddi_getprop(dev_t dev, dev_info_t *dip, int flags, char *name,
		int defvalue);
int ddi_getlongprop(dev_t dev, dev_info_t *dip, int flags, char *name,
		    caddr_t valuep, int *lengthp);
int ddi_getlongprop_buf(dev_t dev, dev_info_t *dip, int flags, char *name,
			caddr_t valuep, int *lengthp);
int ddi_getproplen(dev_t dev, dev_info_t *dip, int flags, char *name,
		   int *lengthp);
/* prop_op(9E) helpers answering "Nblocks"/"nblocks" and "Size"/"size". */
int ddi_prop_op_nblocks(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op,
			int mod_flags, char *name, caddr_t valuep,
			int *lengthp, uint64_t nblocks);
int ddi_prop_op_size(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op,
		     int mod_flags, char *name, caddr_t valuep,
		     int *lengthp, uint64_t size);

/* Soft state. */
int ddi_soft_state_init(void **state_p, size_t size, size_t n_items);
int ddi_soft_state_zalloc(void *state, int item);
void *ddi_get_soft_state(void *state, int item);
void ddi_soft_state_free(void *state, int item);
void ddi_soft_state_fini(void **state_p);

/* Copying. */
int ddi_copyin(const void *buf, void *driverbuf, size_t cn, int flags);
int ddi_copyout(const void *buf, void *driverbuf, size_t cn, int flags);

/* Time. */
clock_t ddi_get_lbolt(void);
int64_t ddi_get_lbolt64(void);
time_t ddi_get_time(void);

/* Strings. */
size_t ddic_strlcpy(char *dst, const char *src, size_t dstsize);
int ddi_strtol(const char *str, char **nptr, int base, long *result);
int ddi_strtoul(const char *str, char **nptr, int base,
		unsigned long *result);
int ddi_strtoll(const char *str, char **nptr, int base, longlong_t *result);
int ddi_strtoull(const char *str, char **nptr, int base,
		 u_longlong_t *result);
char *ddi_strdup(const char *str, int flag);
void strfree(char *str);
int stoi(char **str);
char *numtos(unsigned long num, char *s);
int ddi_ffs(long mask);
int ddi_fls(long mask);
/* swab(9F); Linux's swab is a byte-swap macro (solaris_names.h). */
void ddic_swab(void *src, void *dst, size_t nbytes);

/* The caller. */
pid_t ddi_get_pid(void);
boolean_t ddi_can_receive_sig(void);

/* dev_err(9F); Linux's dev_err is turned into it (solaris_names.h). */
void ddic_dev_err(dev_info_t *dip, int ce, const char *fmt, ...)
	__printf(3, 4);

/* Device IDs: refused, see docs/departures.md. */
typedef struct ddic_devid *ddi_devid_t;
#define DEVID_NONE		0
#define DEVID_SCSI3_WWN		1
#define DEVID_SCSI_SERIAL	2
#define DEVID_FAB		3
#define DEVID_ENCAP		4
#define DEVID_ATA_SERIAL	5
#define DEVID_SCSI3_VPD_T10	6
#define DEVID_SCSI3_VPD_EUI	7
#define DEVID_SCSI3_VPD_NAA	8
#define DEVID_BLOCK		9
#define DEVID_PCI		10
int ddi_devid_init(dev_info_t *dip, ushort_t devid_type, ushort_t nbytes,
		   void *id, ddi_devid_t *retdevid);
int ddi_devid_register(dev_info_t *dip, ddi_devid_t devid);
void ddi_devid_unregister(dev_info_t *dip);
int ddi_devid_get(dev_info_t *dip, ddi_devid_t *retdevid);
void ddi_devid_free(ddi_devid_t devid);
int ddi_devid_valid(ddi_devid_t devid);
size_t ddi_devid_sizeof(ddi_devid_t devid);
int ddi_devid_compare(ddi_devid_t id1, ddi_devid_t id2);

/* Task queues, taskq(9F); see <sys/taskq.h>. */
#ifndef TASKQ_DEFAULTPRI
#define TASKQ_DEFAULTPRI	-1
#endif
typedef struct ddi_taskq ddi_taskq_t;

ddi_taskq_t *ddi_taskq_create(dev_info_t *dip, const char *name, int nthreads,
			      pri_t pri, uint_t cflags);
void ddi_taskq_destroy(ddi_taskq_t *tq);
int ddi_taskq_dispatch(ddi_taskq_t *tq, void (*func)(void *), void *arg,
		       uint_t dflags);
void ddi_taskq_wait(ddi_taskq_t *tq);
void ddi_taskq_suspend(ddi_taskq_t *tq);
boolean_t ddi_taskq_suspended(ddi_taskq_t *tq);
void ddi_taskq_resume(ddi_taskq_t *tq);

/* Periodic callbacks, ddi_periodic_add(9F); all levels run in a thread. */
typedef struct ddic_periodic *ddi_periodic_t;
#define DDI_IPL_0	0
#define DDI_IPL_1	1
#define DDI_IPL_2	2
#define DDI_IPL_3	3
#define DDI_IPL_4	4
#define DDI_IPL_5	5
#define DDI_IPL_6	6
#define DDI_IPL_7	7
#define DDI_IPL_8	8
#define DDI_IPL_9	9
#define DDI_IPL_10	10

ddi_periodic_t ddi_periodic_add(void (*func)(void *), void *arg,
				hrtime_t interval, int level);
void ddi_periodic_delete(ddi_periodic_t req);

/* Soft interrupts of the old interface, ddi_add_softintr(9F). */
typedef struct ddic_softint *ddi_softintr_t;
typedef struct ddi_iblock_cookie *ddi_iblock_cookie_t;
typedef struct ddi_idevice_cookie {
	ushort_t	idev_vector;
	ushort_t	idev_priority;
} ddi_idevice_cookie_t;

#define DDI_SOFTINT_FIXED	0
#define DDI_SOFTINT_LOW		8
#define DDI_SOFTINT_MED		128
#define DDI_SOFTINT_HIGH	256

int ddi_get_soft_iblock_cookie(dev_info_t *dip, int preference,
			       ddi_iblock_cookie_t *iblock_cookiep);
int ddi_add_softintr(dev_info_t *dip, int preference, ddi_softintr_t *idp,
		     ddi_iblock_cookie_t *iblock_cookiep,
		     ddi_idevice_cookie_t *idevice_cookiep,
		     uint_t (*int_handler)(caddr_t int_handler_arg),
		     caddr_t int_handler_arg);
void ddi_remove_softintr(ddi_softintr_t id);
void ddi_trigger_softintr(ddi_softintr_t id);

/* bitext.c: strings and bits */
int ddi_ffsll(long long mask);
int ddi_flsll(long long mask);
char *strdup(const char *str);
char *strtok_r(char *str, const char *sep, char **lasts);

/* ddi_btop(9F), ddi_btopr(9F), ddi_ptob(9F): pages of PAGESIZE bytes. */
static inline unsigned long ddi_btop(dev_info_t *dip, unsigned long bytes)
{
	return bytes >> PAGE_SHIFT;
}

static inline unsigned long ddi_btopr(dev_info_t *dip, unsigned long bytes)
{
	return (bytes + PAGE_SIZE - 1) >> PAGE_SHIFT;
}

static inline unsigned long ddi_ptob(dev_info_t *dip, unsigned long pages)
{
	return pages << PAGE_SHIFT;
}

/*
 * Power management (pm.c).  ddi_compat has no power-management framework:
 * a device is always at full power, so these succeed without changing
 * anything (see the departure in docs/departures.md).
 */
int pm_busy_component(dev_info_t *dip, int component);
int pm_idle_component(dev_info_t *dip, int component);
int pm_raise_power(dev_info_t *dip, int component, int level);
int pm_lower_power(dev_info_t *dip, int component, int level);
int pm_power_has_changed(dev_info_t *dip, int component, int level);
int ddi_removing_power(dev_info_t *dip);
int ddi_dev_is_needed(dev_info_t *dip, int cmpt, int level);
/* Obsolete, outside 9F; old drivers use it as their power(9E) entry. */
int ddi_power(dev_info_t *dip, int cmpt, int level);

/* ddi_get_cred(9F): the credentials of the calling thread. */
cred_t *ddi_get_cred(void);

/* devstate.c */
typedef enum {
	DDI_DEVSTATE_OFFLINE = -32,
	DDI_DEVSTATE_DOWN = -16,
	DDI_DEVSTATE_QUIESCED = 0,
	DDI_DEVSTATE_DEGRADED = 16,
	DDI_DEVSTATE_UP = 32
} ddi_devstate_t;

/* A fault's effect on the device's service, and where it lies. */
typedef enum {
	DDI_SERVICE_LOST = -32,
	DDI_SERVICE_DEGRADED = -16,
	DDI_SERVICE_UNAFFECTED = 0,
	DDI_SERVICE_RESTORED = 16
} ddi_fault_impact_t;

typedef enum {
	DDI_DATAPATH_FAULT = -32,
	DDI_DEVICE_FAULT = -16,
	DDI_EXTERNAL_FAULT = 0
} ddi_fault_location_t;

/*
 * ddi_dev_report_fault(9F): the driver reports a fault; the node's state
 * (ddi_get_devstate) follows @impact (ddi_compat/fm.c).
 */
void ddi_dev_report_fault(dev_info_t *dip, ddi_fault_impact_t impact,
			  ddi_fault_location_t location, const char *message);

unsigned int ddi_enter_critical(void);
void ddi_exit_critical(unsigned int ddic);
ddi_devstate_t ddi_get_devstate(dev_info_t *dip);
int ddi_slaveonly(dev_info_t *dip);
model_t ddi_mmap_get_model(void);

/*
 * Device registers (ddi_regs_map_setup(9F)), their accessors
 * (ddi_get8(9F), ddi_put8(9F), ddi_rep_get8(9F), ...) and
 * ddi_peek8(9F)/ddi_poke8(9F).
 */
int ddi_regs_map_setup(dev_info_t *dip, uint_t rnumber, caddr_t *addrp,
		       offset_t offset, offset_t len,
		       const ddi_device_acc_attr_t *accattrp,
		       ddi_acc_handle_t *handlep);
void ddi_regs_map_free(ddi_acc_handle_t *handlep);
int ddi_dev_nregs(dev_info_t *dip, int *resultp);
int ddi_dev_regsize(dev_info_t *dip, uint_t rnumber, off_t *resultp);
int ddi_check_acc_handle(ddi_acc_handle_t handle);

uint8_t ddi_get8(ddi_acc_handle_t handle, uint8_t *dev_addr);
uint16_t ddi_get16(ddi_acc_handle_t handle, uint16_t *dev_addr);
uint32_t ddi_get32(ddi_acc_handle_t handle, uint32_t *dev_addr);
uint64_t ddi_get64(ddi_acc_handle_t handle, uint64_t *dev_addr);
void ddi_put8(ddi_acc_handle_t handle, uint8_t *dev_addr, uint8_t value);
void ddi_put16(ddi_acc_handle_t handle, uint16_t *dev_addr, uint16_t value);
void ddi_put32(ddi_acc_handle_t handle, uint32_t *dev_addr, uint32_t value);
void ddi_put64(ddi_acc_handle_t handle, uint64_t *dev_addr, uint64_t value);
#include <ddi_compat/acc.h>	/* the same, compiled into the driver */
void ddi_rep_get8(ddi_acc_handle_t handle, uint8_t *host_addr,
		  uint8_t *dev_addr, size_t repcount, uint_t flags);
void ddi_rep_get16(ddi_acc_handle_t handle, uint16_t *host_addr,
		   uint16_t *dev_addr, size_t repcount, uint_t flags);
void ddi_rep_get32(ddi_acc_handle_t handle, uint32_t *host_addr,
		   uint32_t *dev_addr, size_t repcount, uint_t flags);
void ddi_rep_get64(ddi_acc_handle_t handle, uint64_t *host_addr,
		   uint64_t *dev_addr, size_t repcount, uint_t flags);
void ddi_rep_put8(ddi_acc_handle_t handle, uint8_t *host_addr,
		  uint8_t *dev_addr, size_t repcount, uint_t flags);
void ddi_rep_put16(ddi_acc_handle_t handle, uint16_t *host_addr,
		   uint16_t *dev_addr, size_t repcount, uint_t flags);
void ddi_rep_put32(ddi_acc_handle_t handle, uint32_t *host_addr,
		   uint32_t *dev_addr, size_t repcount, uint_t flags);
void ddi_rep_put64(ddi_acc_handle_t handle, uint64_t *host_addr,
		   uint64_t *dev_addr, size_t repcount, uint_t flags);

/* The I/O-space and memory-space forms are the same accessors. */
#define ddi_io_get8(h, a)		ddi_get8((h), (a))
#define ddi_io_get16(h, a)		ddi_get16((h), (a))
#define ddi_io_get32(h, a)		ddi_get32((h), (a))
#define ddi_io_put8(h, a, v)		ddi_put8((h), (a), (v))
#define ddi_io_put16(h, a, v)		ddi_put16((h), (a), (v))
#define ddi_io_put32(h, a, v)		ddi_put32((h), (a), (v))
#define ddi_io_rep_get8(h, b, a, n)	ddi_rep_get8((h), (b), (a), (n), DDI_DEV_NO_AUTOINCR)
#define ddi_io_rep_get16(h, b, a, n)	ddi_rep_get16((h), (b), (a), (n), DDI_DEV_NO_AUTOINCR)
#define ddi_io_rep_get32(h, b, a, n)	ddi_rep_get32((h), (b), (a), (n), DDI_DEV_NO_AUTOINCR)
#define ddi_io_rep_put8(h, b, a, n)	ddi_rep_put8((h), (b), (a), (n), DDI_DEV_NO_AUTOINCR)
#define ddi_io_rep_put16(h, b, a, n)	ddi_rep_put16((h), (b), (a), (n), DDI_DEV_NO_AUTOINCR)
#define ddi_io_rep_put32(h, b, a, n)	ddi_rep_put32((h), (b), (a), (n), DDI_DEV_NO_AUTOINCR)
#define ddi_mem_get8(h, a)		ddi_get8((h), (a))
#define ddi_mem_get16(h, a)		ddi_get16((h), (a))
#define ddi_mem_get32(h, a)		ddi_get32((h), (a))
#define ddi_mem_get64(h, a)		ddi_get64((h), (a))
#define ddi_mem_put8(h, a, v)		ddi_put8((h), (a), (v))
#define ddi_mem_put16(h, a, v)		ddi_put16((h), (a), (v))
#define ddi_mem_put32(h, a, v)		ddi_put32((h), (a), (v))
#define ddi_mem_put64(h, a, v)		ddi_put64((h), (a), (v))
#define ddi_mem_rep_get8(h, b, a, n, f)	ddi_rep_get8((h), (b), (a), (n), (f))
#define ddi_mem_rep_get16(h, b, a, n, f)	ddi_rep_get16((h), (b), (a), (n), (f))
#define ddi_mem_rep_get32(h, b, a, n, f)	ddi_rep_get32((h), (b), (a), (n), (f))
#define ddi_mem_rep_get64(h, b, a, n, f)	ddi_rep_get64((h), (b), (a), (n), (f))
#define ddi_mem_rep_put8(h, b, a, n, f)	ddi_rep_put8((h), (b), (a), (n), (f))
#define ddi_mem_rep_put16(h, b, a, n, f)	ddi_rep_put16((h), (b), (a), (n), (f))
#define ddi_mem_rep_put32(h, b, a, n, f)	ddi_rep_put32((h), (b), (a), (n), (f))
#define ddi_mem_rep_put64(h, b, a, n, f)	ddi_rep_put64((h), (b), (a), (n), (f))

int ddi_peek8(dev_info_t *dip, int8_t *addr, int8_t *val_p);
int ddi_peek16(dev_info_t *dip, int16_t *addr, int16_t *val_p);
int ddi_peek32(dev_info_t *dip, int32_t *addr, int32_t *val_p);
int ddi_peek64(dev_info_t *dip, int64_t *addr, int64_t *val_p);
int ddi_poke8(dev_info_t *dip, int8_t *addr, int8_t value);
int ddi_poke16(dev_info_t *dip, int16_t *addr, int16_t value);
int ddi_poke32(dev_info_t *dip, int32_t *addr, int32_t value);
int ddi_poke64(dev_info_t *dip, int64_t *addr, int64_t value);

/*
 * DMA: handles (ddi_dma_alloc_handle(9F)), memory (ddi_dma_mem_alloc(9F)),
 * binding (ddi_dma_addr_bind_handle(9F), ddi_dma_buf_bind_handle(9F)),
 * cookies (ddi_dma_cookie_iter(9F)), windows (ddi_dma_getwin(9F)) and
 * ddi_dma_sync(9F).
 */
struct buf;
int ddi_dma_alloc_handle(dev_info_t *dip, ddi_dma_attr_t *attr,
			 int (*waitfp)(caddr_t), caddr_t arg,
			 ddi_dma_handle_t *handlep);
void ddi_dma_free_handle(ddi_dma_handle_t *handlep);
int ddi_dma_mem_alloc(ddi_dma_handle_t handle, size_t length,
		      ddi_device_acc_attr_t *accattrp, uint_t flags,
		      int (*waitfp)(caddr_t), caddr_t arg, caddr_t *kaddrp,
		      size_t *real_length, ddi_acc_handle_t *handlep);
void ddi_dma_mem_free(ddi_acc_handle_t *handlep);
int ddi_dma_addr_bind_handle(ddi_dma_handle_t handle, struct as *as,
			     caddr_t addr, size_t len, uint_t flags,
			     int (*waitfp)(caddr_t), caddr_t arg,
			     ddi_dma_cookie_t *cookiep, uint_t *ccountp);
int ddi_dma_buf_bind_handle(ddi_dma_handle_t handle, struct buf *bp,
			    uint_t flags, int (*waitfp)(caddr_t), caddr_t arg,
			    ddi_dma_cookie_t *cookiep, uint_t *ccountp);
int ddi_dma_unbind_handle(ddi_dma_handle_t handle);
void ddi_dma_nextcookie(ddi_dma_handle_t handle, ddi_dma_cookie_t *cookiep);
uint_t ddi_dma_ncookies(ddi_dma_handle_t handle);
const ddi_dma_cookie_t *ddi_dma_cookie_iter(ddi_dma_handle_t handle,
					    const ddi_dma_cookie_t *cookiep);
const ddi_dma_cookie_t *ddi_dma_cookie_get(ddi_dma_handle_t handle,
					   uint_t index);
const ddi_dma_cookie_t *ddi_dma_cookie_one(ddi_dma_handle_t handle);
int ddi_dma_numwin(ddi_dma_handle_t handle, uint_t *nwinp);
int ddi_dma_getwin(ddi_dma_handle_t handle, uint_t win, off_t *offp,
		   size_t *lenp, ddi_dma_cookie_t *cookiep, uint_t *ccountp);
int ddi_dma_sync(ddi_dma_handle_t handle, off_t offset, size_t length,
		 uint_t type);
int ddi_dma_burstsizes(ddi_dma_handle_t handle);
int ddi_check_dma_handle(ddi_dma_handle_t handle);
#include <ddi_compat/dma.h>	/* bind, sync, unbind compiled into the driver */

/* The old hardware interrupt interface, ddi_add_intr(9F). */
int ddi_intr_hilevel(dev_info_t *dip, uint_t inumber);
int ddi_get_iblock_cookie(dev_info_t *dip, uint_t inumber,
			  ddi_iblock_cookie_t *iblock_cookiep);
int ddi_dev_nintrs(dev_info_t *dip, int *resultp);
int ddi_add_intr(dev_info_t *dip, uint_t inumber,
		 ddi_iblock_cookie_t *iblock_cookiep,
		 ddi_idevice_cookie_t *idevice_cookiep,
		 uint_t (*int_handler)(caddr_t int_handler_arg),
		 caddr_t int_handler_arg);
void ddi_remove_intr(dev_info_t *dip, uint_t inumber,
		     ddi_iblock_cookie_t iblock_cookie);

/* Fault management: ddi_fm_*(9F), pci_ereport_*(9F). */
#include <sys/ddifm.h>

#endif /* _SYS_SUNDDI_H */
