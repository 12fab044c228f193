// SPDX-License-Identifier: GPL-2.0
/*
 * The NDI event service as a leaf driver sees it: ddi_get_eventcookie(9F),
 * ddi_add_event_handler(9F), ddi_remove_event_handler(9F) and
 * ndi_post_event(9N); and the device control ioctls' argument,
 * ndi_dc_allochdl(9N) and ndi_dc_freehdl(9N).
 *
 * Events.  On Solaris a driver asks up the tree for a named event, and
 * the first nexus that defines it hands back a cookie; pseudonex defines
 * none, the root nexus the fault event, a hot-plug nexus the remove and
 * insert events.  ddi_compat's nexus (pseudo and PCI alike) defines the
 * five events <sys/sunddi.h> and <sys/sunndi.h> name; any other name gets
 * DDI_FAILURE, as a driver under pseudonex gets for the names of a nexus
 * it is not under (pshot's test events, say).  Departures (see
 * docs/departures.md, "Events"): ddi_compat itself posts none of them
 * (no hot plug, no fault management); an event reaches only the handlers
 * registered on the node it is posted for (NDI_EVENT_POST_TO_TGT), never
 * all of the event's handlers; and handlers run in the poster's thread,
 * which must be allowed to sleep.
 *
 * Locking: ev_lock guards the handler list.  A handler runs with it
 * dropped and its record marked busy; removing a busy record waits for
 * the run to end, except from the handler itself, whose record is then
 * freed by the poster once the handler returns.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/compat.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/sunndi.h>

#include "ddic_core.h"
#include "devinfo.h"

struct ddi_event_cookie {
	const char *name;
};

static struct ddi_event_cookie ev_cookies[] = {
	{ DDI_DEVI_REMOVE_EVENT },
	{ DDI_DEVI_INSERT_EVENT },
	{ DDI_DEVI_BUS_RESET_EVENT },
	{ DDI_DEVI_DEVICE_RESET_EVENT },
	{ DDI_DEVI_FAULT_EVENT },
};

/* A registered handler; a ddi_callback_id_t points to one. */
struct ddi_event_callbacks {
	struct list_head link;
	dev_info_t *dip;
	struct ddi_event_cookie *cookie;
	void (*handler)(dev_info_t *dip, ddi_eventcookie_t cookie, void *arg,
			void *impl_data);
	void *arg;
	int busy;			/* runs under way */
	bool gone;			/* removed while busy */
	bool deferred;			/* by its handler: the poster frees */
};

/* A run of a handler under way (on the poster's stack). */
struct ev_run {
	struct list_head link;
	struct ddi_event_callbacks *cb;
	struct task_struct *task;
};

static DEFINE_MUTEX(ev_lock);
static LIST_HEAD(ev_handlers);
static LIST_HEAD(ev_runs);
static DECLARE_WAIT_QUEUE_HEAD(ev_idle);

static struct ddi_event_cookie *ev_cookie_check(ddi_eventcookie_t c)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ev_cookies); i++)
		if (c == &ev_cookies[i])
			return c;
	return NULL;
}

static const char *ev_drv(dev_info_t *dip)
{
	return dip ? ddi_driver_name(dip) : "?";
}

int ddi_get_eventcookie(dev_info_t *dip, char *name,
			ddi_eventcookie_t *event_cookiep)
{
	size_t i;

	if (!dip || !name || !event_cookiep) {
		pr_warn("%s: %s: NULL argument\n", ev_drv(dip), __func__);
		return DDI_FAILURE;
	}
	for (i = 0; i < ARRAY_SIZE(ev_cookies); i++) {
		if (strcmp(name, ev_cookies[i].name) == 0) {
			*event_cookiep = &ev_cookies[i];
			return DDI_SUCCESS;
		}
	}
	return DDI_FAILURE;	/* no nexus above defines it */
}
EXPORT_SYMBOL(ddi_get_eventcookie);

int ddi_add_event_handler(dev_info_t *dip, ddi_eventcookie_t event,
			  void (*handler)(dev_info_t *, ddi_eventcookie_t,
					  void *, void *),
			  void *arg, ddi_callback_id_t *id)
{
	struct ddi_event_callbacks *cb;

	if (!dip || !handler || !id || !ev_cookie_check(event)) {
		pr_warn("%s: %s: %s\n", ev_drv(dip), __func__,
			!dip || !handler || !id ? "NULL argument" :
			"not a cookie of ddi_get_eventcookie");
		return DDI_FAILURE;
	}
	cb = kzalloc(sizeof(*cb), GFP_KERNEL);
	if (!cb)
		return DDI_FAILURE;
	cb->dip = dip;
	cb->cookie = event;
	cb->handler = handler;
	cb->arg = arg;
	mutex_lock(&ev_lock);
	list_add_tail(&cb->link, &ev_handlers);
	mutex_unlock(&ev_lock);
	*id = cb;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_add_event_handler);

static struct ddi_event_callbacks *ev_find(ddi_callback_id_t id)
{
	struct ddi_event_callbacks *cb;

	lockdep_assert_held(&ev_lock);
	list_for_each_entry(cb, &ev_handlers, link)
		if (cb == id && !cb->gone)
			return cb;
	return NULL;
}

static bool ev_running_here(struct ddi_event_callbacks *cb)
{
	struct ev_run *r;

	list_for_each_entry(r, &ev_runs, link)
		if (r->cb == cb && r->task == current)
			return true;
	return false;
}

/*
 * Unlink and free @cb (ev_lock held), waiting for its runs to end; from
 * the handler itself, leave it to the last run's poster.
 */
static void ev_remove(struct ddi_event_callbacks *cb)
{
	lockdep_assert_held(&ev_lock);
	cb->gone = true;
	if (cb->busy && ev_running_here(cb)) {
		cb->deferred = true;
		return;
	}
	while (cb->busy) {
		mutex_unlock(&ev_lock);
		wait_event(ev_idle, READ_ONCE(cb->busy) == 0);
		mutex_lock(&ev_lock);
	}
	list_del(&cb->link);
	kfree(cb);
}

int ddi_remove_event_handler(ddi_callback_id_t id)
{
	struct ddi_event_callbacks *cb;

	mutex_lock(&ev_lock);
	cb = ev_find(id);
	if (!cb) {
		mutex_unlock(&ev_lock);
		pr_warn("%s: %p is not a registered handler\n", __func__, id);
		return DDI_FAILURE;
	}
	ev_remove(cb);
	mutex_unlock(&ev_lock);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_remove_event_handler);

/* The handler after @cb in the list, or NULL (ev_lock held). */
static struct ddi_event_callbacks *ev_next(struct ddi_event_callbacks *cb)
{
	return list_is_last(&cb->link, &ev_handlers) ? NULL :
		list_next_entry(cb, link);
}

int ndi_post_event(dev_info_t *dip, dev_info_t *rdip,
		   ddi_eventcookie_t cookie, void *impl_data)
{
	struct ddi_event_callbacks *cb, *next;
	struct ev_run run = { .task = current };

	if (!rdip || !ev_cookie_check(cookie)) {
		pr_warn("%s: %s: %s\n", ev_drv(dip), __func__,
			!rdip ? "NULL node" :
			"not a cookie of ddi_get_eventcookie");
		return DDI_FAILURE;
	}
	might_sleep();
	mutex_lock(&ev_lock);
	cb = list_first_entry_or_null(&ev_handlers, struct ddi_event_callbacks,
				      link);
	while (cb) {
		if (cb->gone || cb->cookie != cookie || cb->dip != rdip) {
			cb = ev_next(cb);
			continue;
		}
		cb->busy++;
		run.cb = cb;
		list_add(&run.link, &ev_runs);
		mutex_unlock(&ev_lock);
		cb->handler(cb->dip, cookie, cb->arg, impl_data);
		mutex_lock(&ev_lock);
		list_del(&run.link);
		next = ev_next(cb);
		if (--cb->busy == 0) {
			if (cb->deferred) {
				list_del(&cb->link);
				kfree(cb);
			} else {
				wake_up_all(&ev_idle);
			}
		}
		cb = next;
	}
	mutex_unlock(&ev_lock);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ndi_post_event);

/*
 * Handlers a node's driver left registered when the node detached (or
 * failed to attach): removed, with a warning naming the driver.
 */
void ddic_event_drop_dip(dev_info_t *dip)
{
	struct ddi_event_callbacks *cb, *next;
	int n = 0;

	mutex_lock(&ev_lock);
restart:
	list_for_each_entry_safe(cb, next, &ev_handlers, link) {
		if (cb->dip != dip || cb->gone)
			continue;
		n++;
		ev_remove(cb);	/* may drop ev_lock: walk again */
		goto restart;
	}
	mutex_unlock(&ev_lock);
	if (n)
		pr_warn("%s%d: %d event handler%s still registered at detach: removed\n",
			dip->drv->name, dip->instance, n,
			n == 1 ? "" : "s");
}

/* Device control ioctls. */

static char *dc_strdup_user(const void __user *p)
{
	return p ? strndup_user(p, MAXNAMELEN) : NULL;
}

int ndi_dc_allochdl(void *iocarg, struct devctl_iocdata **rdcp)
{
	struct devctl_iocdata *dcp;
	void __user *name = NULL, *addr = NULL;
	char *s;

	if (!rdcp)
		return NDI_FAILURE;
	dcp = kzalloc(sizeof(*dcp), GFP_KERNEL);
	if (!dcp)
		return NDI_NOMEM;
	if (in_compat_syscall()) {
		struct devctl_iocdata32 d32;

		if (copy_from_user(&d32, (void __user *)iocarg, sizeof(d32)))
			goto fault;
		dcp->cmd = d32.cmd;
		dcp->flags = d32.flags;
		/* a user address, kept in a plain pointer as on Solaris */
		dcp->cpyout_buf = (void __force *)compat_ptr(d32.cpyout_buf);
		name = compat_ptr(d32.c_nodename);
		addr = compat_ptr(d32.c_unitaddr);
	} else {
		struct devctl_iocdata d;

		if (copy_from_user(&d, (void __user *)iocarg, sizeof(d)))
			goto fault;
		dcp->cmd = d.cmd;
		dcp->flags = d.flags;
		dcp->cpyout_buf = d.cpyout_buf;
		name = (void __user *)d.c_nodename;
		addr = (void __user *)d.c_unitaddr;
	}
	/* No nvlists here: application attributes are not read. */
	dcp->nvl_user = NULL;
	dcp->nvl_usersz = 0;
	s = dc_strdup_user(name);
	if (IS_ERR(s))
		goto fault;
	dcp->c_nodename = s;
	s = dc_strdup_user(addr);
	if (IS_ERR(s))
		goto fault;
	dcp->c_unitaddr = s;
	*rdcp = dcp;
	return NDI_SUCCESS;
fault:
	ndi_dc_freehdl(dcp);
	return NDI_FAULT;
}
EXPORT_SYMBOL(ndi_dc_allochdl);

void ndi_dc_freehdl(struct devctl_iocdata *dcp)
{
	if (!dcp)
		return;
	kfree(dcp->c_nodename);
	kfree(dcp->c_unitaddr);
	kfree(dcp);
}
EXPORT_SYMBOL(ndi_dc_freehdl);

char *ndi_dc_getname(struct devctl_iocdata *dcp)
{
	return dcp ? dcp->c_nodename : NULL;
}
EXPORT_SYMBOL(ndi_dc_getname);

char *ndi_dc_getaddr(struct devctl_iocdata *dcp)
{
	return dcp ? dcp->c_unitaddr : NULL;
}
EXPORT_SYMBOL(ndi_dc_getaddr);
