// SPDX-License-Identifier: GPL-2.0
/*
 * uiomove(9F), ureadc(9F), uwritec(9F), ddi_copyin(9F), ddi_copyout(9F),
 * copyin(9F), copyout(9F).
 *
 * Kernel addresses (UIO_SYSSPACE, or ddi_copyin/out with FKIOCTL) are
 * read with copy_from_kernel_nofault(), so a bad kernel source gives
 * EFAULT (-1 for the copy functions) instead of an oops.  Linux does not
 * export a nofault write, so a kernel destination is written with
 * memcpy(): it comes from kernel code, which Solaris trusts too.
 */
#include <linux/uaccess.h>
#include <linux/string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/file.h>
#include <sys/sunddi.h>

#include "ddic_core.h"

/*
 * Copy from user space without Linux's zero fill: copy_from_user() clears
 * the part of the kernel buffer it could not fill, which would destroy
 * driver data (a quote, a ring) on a bad user pointer.  Returns the
 * number of bytes NOT copied.
 */
static unsigned long ddic_copy_from_user_nozero(void *to,
					       const void __user *from,
					       unsigned long n)
{
	if (!access_ok(from, n))
		return n;
	might_fault();
	return __copy_from_user(to, from, n);
}

/*
 * Copy @n bytes between kernel @kaddr and the iovec base @ubase; returns
 * the bytes copied (all of them, or fewer on a fault).
 */
static size_t ddic_uio_copy(void *kaddr, void __user *ubase, size_t n,
			   enum uio_rw rw, uio_seg_t seg)
{
	void *kbase = (void __force *)ubase;

	if (seg == UIO_SYSSPACE) {
		if (rw == UIO_READ) {
			memcpy(kbase, kaddr, n);
			return n;
		}
		return copy_from_kernel_nofault(kaddr, kbase, n) ? 0 : n;
	}
	if (rw == UIO_READ)
		return n - copy_to_user(ubase, kaddr, n);
	return n - ddic_copy_from_user_nozero(kaddr, ubase, n);
}

/*
 * On a fault, the bytes that were moved before it are accounted for in
 * uio_resid/uio_offset (so "the bytes moved are what uio_resid says"
 * holds exactly), and EFAULT is returned.
 */
int uiomove(void *address, size_t nbytes, enum uio_rw rwflag,
	    struct uio *uio_p)
{
	char *kaddr = address;
	size_t cnt, done;

	if (!uio_p || (rwflag != UIO_READ && rwflag != UIO_WRITE))
		return EINVAL;
	while (nbytes && uio_p->uio_resid > 0 && uio_p->uio_iovcnt > 0) {
		iovec_t *iov = uio_p->uio_iov;

		cnt = min_t(size_t, iov->iov_len, nbytes);
		if (!cnt) {
			uio_p->uio_iov++;
			uio_p->uio_iovcnt--;
			continue;
		}
		cnt = min_t(size_t, cnt, uio_p->uio_resid);
		done = ddic_uio_copy(kaddr, iov->iov_base, cnt, rwflag,
				    uio_p->uio_segflg);
		iov->iov_base += done;
		iov->iov_len -= done;
		uio_p->uio_resid -= done;
		uio_p->uio_loffset += done;
		kaddr += done;
		nbytes -= done;
		if (done != cnt)
			return EFAULT;
	}
	return 0;
}
EXPORT_SYMBOL(uiomove);

int ureadc(int c, struct uio *uio_p)
{
	char ch = c;

	if (!uio_p || uio_p->uio_resid <= 0)
		return EFAULT;
	return uiomove(&ch, 1, UIO_READ, uio_p);
}
EXPORT_SYMBOL(ureadc);

int uwritec(struct uio *uio_p)
{
	unsigned char ch;

	if (!uio_p || uio_p->uio_resid <= 0)
		return -1;
	if (uiomove(&ch, 1, UIO_WRITE, uio_p))
		return -1;
	return ch;
}
EXPORT_SYMBOL(uwritec);

int copyin(const void *userbuf, void *driverbuf, size_t cn)
{
	return ddic_copy_from_user_nozero(driverbuf,
					 (const void __user __force *)userbuf,
					 cn) ? -1 : 0;
}
EXPORT_SYMBOL(copyin);

int copyout(const void *driverbuf, void *userbuf, size_t cn)
{
	return copy_to_user((void __user __force *)userbuf, driverbuf, cn) ?
		-1 : 0;
}
EXPORT_SYMBOL(copyout);

int ddi_copyin(const void *buf, void *driverbuf, size_t cn, int flags)
{
	if (flags & FKIOCTL)
		return copy_from_kernel_nofault(driverbuf, buf, cn) ? -1 : 0;
	return copyin(buf, driverbuf, cn);
}
EXPORT_SYMBOL(ddi_copyin);

int ddi_copyout(const void *buf, void *driverbuf, size_t cn, int flags)
{
	if (flags & FKIOCTL) {
		memcpy(driverbuf, buf, cn);
		return 0;
	}
	return copyout(buf, driverbuf, cn);
}
EXPORT_SYMBOL(ddi_copyout);
