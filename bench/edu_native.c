// SPDX-License-Identifier: GPL-2.0
/*
 * edu_native: make bench's native Linux driver for QEMU's edu device, the
 * baseline of tests/bench/edubench (the same loops through ddi_compat)
 * on a second edu device in the same guest (tests/bench/edu_bench.sh).
 *
 * It binds only where driver_override names it ("edu_native"), takes an
 * MSI with request_irq() (the handler acknowledges and completes a
 * completion) and serves /dev/edu_native, whose one ioctl runs a timing
 * loop in the kernel: an interrupt round trip, readl()/writel() of a
 * register, dma_map_single() + dma_sync_single_for_{device,cpu}() +
 * dma_unmap_single() of a kmalloc buffer, dma_alloc_coherent() +
 * dma_free_coherent(), and real transfers through the device's buffer.
 * The host-side DMA loops run with a 64-bit mask (no device involved),
 * the transfers with the device's 28 bits.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/ktime.h>
#include <linux/uaccess.h>

/* The layout of edub_run_t (tests/bench/edubench/edubench.h). */
struct en_run {
	u64 op, iters, size;
	u64 nsecs;	/* out */
	u64 errors;	/* out */
	u64 check;	/* out */
};

#define EN_IOC_RUN	(('e' << 24) | ('d' << 16) | ('b' << 8) | 1)

#define EN_OP_RAISE	1
#define EN_OP_GET32	2
#define EN_OP_PUT32	3
#define EN_OP_BIND	4
#define EN_OP_BIND_MEM	5	/* the DDI's second kind of memory: same here */
#define EN_OP_MEMALLOC	6
#define EN_OP_XFER	7
#define EN_OP_SYNC	8	/* EN_OP_BIND's two syncs alone */
#define EN_XFER_MAX	2048

#define EN_REG_IDENT		0x00
#define EN_REG_LIVE		0x04
#define EN_REG_INTR_STATUS	0x24
#define EN_REG_INTR_RAISE	0x60
#define EN_REG_INTR_ACK		0x64
#define EN_REG_DMA_SRC		0x80
#define EN_REG_DMA_DST		0x88
#define EN_REG_DMA_COUNT	0x90
#define EN_REG_DMA_CMD		0x98
#define EN_DMA_START		0x01
#define EN_DMA_TO_RAM		0x02
#define EN_DMA_INTR		0x04
#define EN_DMA_BUF		0x40000
#define EN_IRQ_RAISE		0x00008000

struct en_dev {
	struct pci_dev *pdev;
	void __iomem *regs;
	int irq;
	struct completion done;
	struct mutex op;	/* one loop at a time */
	struct miscdevice misc;
};

static struct en_dev *en_the;	/* the one device bound */

static irqreturn_t en_intr(int irq, void *data)
{
	struct en_dev *d = data;
	u32 status = readl(d->regs + EN_REG_INTR_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, d->regs + EN_REG_INTR_ACK);
	complete(&d->done);
	return IRQ_HANDLED;
}

static void en_raise(struct en_dev *d, struct en_run *r)
{
	u64 t0 = ktime_get_ns(), i;

	for (i = 0; i < r->iters; i++) {
		reinit_completion(&d->done);
		writel(EN_IRQ_RAISE, d->regs + EN_REG_INTR_RAISE);
		if (!wait_for_completion_timeout(&d->done, 2 * HZ))
			r->errors++;
	}
	r->nsecs = ktime_get_ns() - t0;
}

static void en_regs(struct en_dev *d, struct en_run *r)
{
	u64 t0 = ktime_get_ns(), i;
	u32 v = 0;

	if (r->op == EN_OP_GET32) {
		for (i = 0; i < r->iters; i++)
			v |= readl(d->regs + EN_REG_IDENT);
	} else {
		for (i = 0; i < r->iters; i++)
			writel((u32)i, d->regs + EN_REG_LIVE);
	}
	r->nsecs = ktime_get_ns() - t0;
	r->check = r->op == EN_OP_GET32 ? v : readl(d->regs + EN_REG_LIVE);
}

static void en_bind(struct en_dev *d, struct en_run *r)
{
	struct device *dev = &d->pdev->dev;
	void *buf = kmalloc(r->size, GFP_KERNEL);
	dma_addr_t a;
	u64 t0, i;

	if (!buf) {
		r->errors++;
		return;
	}
	if (r->op == EN_OP_SYNC) {
		a = dma_map_single(dev, buf, r->size, DMA_BIDIRECTIONAL);
		if (dma_mapping_error(dev, a)) {
			r->errors++;
			goto out;
		}
		t0 = ktime_get_ns();
		for (i = 0; i < r->iters; i++) {
			dma_sync_single_for_device(dev, a, r->size,
						   DMA_BIDIRECTIONAL);
			dma_sync_single_for_cpu(dev, a, r->size,
						DMA_BIDIRECTIONAL);
		}
		r->nsecs = ktime_get_ns() - t0;
		dma_unmap_single(dev, a, r->size, DMA_BIDIRECTIONAL);
		goto out;
	}
	t0 = ktime_get_ns();
	for (i = 0; i < r->iters; i++) {
		a = dma_map_single(dev, buf, r->size, DMA_BIDIRECTIONAL);
		if (dma_mapping_error(dev, a)) {
			r->errors++;
			break;
		}
		dma_sync_single_for_device(dev, a, r->size, DMA_BIDIRECTIONAL);
		dma_sync_single_for_cpu(dev, a, r->size, DMA_BIDIRECTIONAL);
		dma_unmap_single(dev, a, r->size, DMA_BIDIRECTIONAL);
	}
	r->nsecs = ktime_get_ns() - t0;
out:
	r->check = 1;
	kfree(buf);
}

static void en_memalloc(struct en_dev *d, struct en_run *r)
{
	struct device *dev = &d->pdev->dev;
	dma_addr_t a;
	u64 t0 = ktime_get_ns(), i;
	void *p;

	for (i = 0; i < r->iters; i++) {
		p = dma_alloc_coherent(dev, r->size, &a, GFP_KERNEL);
		if (!p) {
			r->errors++;
			break;
		}
		dma_free_coherent(dev, r->size, p, a);
	}
	r->nsecs = ktime_get_ns() - t0;
}

/* One device transfer; 0, or 1 on timeout. */
static int en_xfer_one(struct en_dev *d, dma_addr_t a, size_t len, bool to_ram)
{
	reinit_completion(&d->done);
	writeq(to_ram ? EN_DMA_BUF : a, d->regs + EN_REG_DMA_SRC);
	writeq(to_ram ? a : EN_DMA_BUF, d->regs + EN_REG_DMA_DST);
	writeq(len, d->regs + EN_REG_DMA_COUNT);
	writel(EN_DMA_START | EN_DMA_INTR | (to_ram ? EN_DMA_TO_RAM : 0),
	       d->regs + EN_REG_DMA_CMD);
	return !wait_for_completion_timeout(&d->done, 2 * HZ);
}

/* Round trips through the device's buffer, mapped around each transfer. */
static void en_xfer(struct en_dev *d, struct en_run *r)
{
	struct device *dev = &d->pdev->dev;
	size_t len = r->size, j;
	u8 *out, *in;
	dma_addr_t a;
	u64 t0, i;

	if (!len || len > EN_XFER_MAX || dma_set_mask(dev, DMA_BIT_MASK(28))) {
		r->errors++;
		return;
	}
	/* Below the device's 28 bits: there is no swiotlb to bounce. */
	out = kmalloc(len, GFP_KERNEL | GFP_DMA);
	in = kmalloc(len, GFP_KERNEL | GFP_DMA);
	if (!out || !in) {
		r->errors++;
		goto done;
	}
	t0 = ktime_get_ns();
	for (i = 0; i < r->iters; i++) {
		for (j = 0; j < len; j++) {
			out[j] = (u8)(i * 7 + j * 13);
			in[j] = 0;
		}
		a = dma_map_single(dev, out, len, DMA_TO_DEVICE);
		if (dma_mapping_error(dev, a)) {
			r->errors++;
			break;
		}
		r->errors += en_xfer_one(d, a, len, false);
		dma_unmap_single(dev, a, len, DMA_TO_DEVICE);
		a = dma_map_single(dev, in, len, DMA_FROM_DEVICE);
		if (dma_mapping_error(dev, a)) {
			r->errors++;
			break;
		}
		r->errors += en_xfer_one(d, a, len, true);
		dma_unmap_single(dev, a, len, DMA_FROM_DEVICE);
		for (j = 0; j < len; j++)
			if (in[j] != (u8)(i * 7 + j * 13))
				r->errors++;
	}
	r->nsecs = ktime_get_ns() - t0;
done:
	kfree(out);
	kfree(in);
	dma_set_mask(dev, DMA_BIT_MASK(64));
}

static long en_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct en_dev *d = container_of(f->private_data, struct en_dev, misc);
	struct en_run r;
	long err = 0;

	if (cmd != EN_IOC_RUN)
		return -ENOTTY;
	if (copy_from_user(&r, (void __user *)arg, sizeof(r)))
		return -EFAULT;
	if (!r.iters || ((r.op == EN_OP_BIND || r.op == EN_OP_BIND_MEM ||
			  r.op == EN_OP_SYNC ||
			  r.op == EN_OP_MEMALLOC) &&
			 (!r.size || r.size > SZ_4M)))
		return -EINVAL;
	r.errors = r.check = r.nsecs = 0;
	mutex_lock(&d->op);
	switch (r.op) {
	case EN_OP_RAISE:
		en_raise(d, &r);
		break;
	case EN_OP_GET32:
	case EN_OP_PUT32:
		en_regs(d, &r);
		break;
	case EN_OP_BIND:
	case EN_OP_BIND_MEM:
	case EN_OP_SYNC:
		en_bind(d, &r);
		break;
	case EN_OP_MEMALLOC:
		en_memalloc(d, &r);
		break;
	case EN_OP_XFER:
		en_xfer(d, &r);
		break;
	default:
		err = -EINVAL;
	}
	mutex_unlock(&d->op);
	if (!err && copy_to_user((void __user *)arg, &r, sizeof(r)))
		err = -EFAULT;
	return err;
}

static const struct file_operations en_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = en_ioctl,
	.compat_ioctl = en_ioctl,
};

static int en_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct en_dev *d;
	int err;

	if (en_the)
		return -EBUSY;
	d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->pdev = pdev;
	init_completion(&d->done);
	mutex_init(&d->op);
	err = pcim_enable_device(pdev);
	if (err)
		return err;
	d->regs = pcim_iomap(pdev, 0, 0);
	if (!d->regs)
		return -ENOMEM;
	if ((readl(d->regs + EN_REG_IDENT) & 0xff) != 0xed)
		return -ENODEV;
	pci_set_master(pdev);
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		return err;
	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (err < 0)
		return err;
	d->irq = pci_irq_vector(pdev, 0);
	err = request_irq(d->irq, en_intr, 0, "edu_native", d);
	if (err)
		goto fail_vec;
	d->misc.minor = MISC_DYNAMIC_MINOR;
	d->misc.name = "edu_native";
	d->misc.fops = &en_fops;
	err = misc_register(&d->misc);
	if (err)
		goto fail_irq;
	pci_set_drvdata(pdev, d);
	en_the = d;
	return 0;
fail_irq:
	free_irq(d->irq, d);
fail_vec:
	pci_free_irq_vectors(pdev);
	return err;
}

static void en_remove(struct pci_dev *pdev)
{
	struct en_dev *d = pci_get_drvdata(pdev);

	misc_deregister(&d->misc);
	free_irq(d->irq, d);
	pci_free_irq_vectors(pdev);
	en_the = NULL;
}

/* No ids: only a driver_override naming "edu_native" binds. */
static const struct pci_device_id en_ids[] = {
	{ }
};

static struct pci_driver en_driver = {
	.name = "edu_native",
	.id_table = en_ids,
	.probe = en_probe,
	.remove = en_remove,
};
module_pci_driver(en_driver);

MODULE_DESCRIPTION("native Linux driver of QEMU's edu device, make bench's baseline");
MODULE_LICENSE("GPL");
