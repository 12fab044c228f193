// SPDX-License-Identifier: GPL-2.0
/*
 * noshm.so: System V shared memory for fio on kernels built without it.
 *
 * fio keeps its job table in a System V shared memory segment
 * (shmget/shmat), even with --thread.  The debug kernels are built from
 * tinyconfig without CONFIG_SYSVIPC, where shmget fails with ENOSYS and
 * fio gives up.  Preloaded into fio (scripts/guest-tools.sh installs fio
 * behind a wrapper that does so), this library passes every call to the
 * kernel while the kernel has the calls, and otherwise emulates them with
 * anonymous shared mappings: a segment is mapped by its first shmat, the
 * mapping is shared with the processes fio forks, and shmdt unmaps it.
 * That is all fio asks of a segment; a second shmat of one segment would
 * get other memory, so this is no general replacement.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_SEGS	64
#define ID_BASE		0x4e5300	/* emulated ids: ID_BASE + slot */

static struct seg {
	size_t size;
	void *addr;
	int used;
	int removed;
} segs[MAX_SEGS];
static int emulate;

static struct seg *seg_of(int id)
{
	if (id < ID_BASE || id >= ID_BASE + MAX_SEGS || !segs[id - ID_BASE].used)
		return NULL;
	return &segs[id - ID_BASE];
}

static void seg_put(struct seg *s)
{
	if (s->removed && !s->addr)
		s->used = 0;
}

int shmget(key_t key, size_t size, int flags)
{
	long r;
	int i;

	if (!emulate) {
		r = syscall(SYS_shmget, key, size, flags);
		if (r >= 0 || errno != ENOSYS)
			return r;
		emulate = 1;
	}
	if (key != IPC_PRIVATE && !(flags & IPC_CREAT)) {
		errno = ENOENT;
		return -1;
	}
	for (i = 0; i < MAX_SEGS; i++) {
		if (!segs[i].used) {
			segs[i] = (struct seg){ .size = size, .used = 1 };
			return ID_BASE + i;
		}
	}
	errno = ENOSPC;
	return -1;
}

void *shmat(int id, const void *addr, int flags)
{
	struct seg *s;
	void *p;

	if (!emulate)
		return (void *)syscall(SYS_shmat, id, addr, flags);
	s = seg_of(id);
	if (!s || addr) {
		errno = EINVAL;
		return (void *)-1;
	}
	if (s->addr) {
		errno = EBUSY;
		return (void *)-1;
	}
	p = mmap(NULL, s->size, PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return (void *)-1;
	s->addr = p;
	return p;
}

int shmdt(const void *addr)
{
	int i;

	if (!emulate)
		return syscall(SYS_shmdt, addr);
	for (i = 0; i < MAX_SEGS; i++) {
		if (segs[i].used && segs[i].addr == addr) {
			munmap(segs[i].addr, segs[i].size);
			segs[i].addr = NULL;
			seg_put(&segs[i]);
			return 0;
		}
	}
	errno = EINVAL;
	return -1;
}

int shmctl(int id, int cmd, struct shmid_ds *buf)
{
	struct seg *s;

	if (!emulate)
		return syscall(SYS_shmctl, id, cmd, buf);
	s = seg_of(id);
	if (!s) {
		errno = EINVAL;
		return -1;
	}
	switch (cmd) {
	case IPC_RMID:
		s->removed = 1;
		seg_put(s);
		return 0;
	case IPC_STAT:
		if (buf) {
			*buf = (struct shmid_ds){ .shm_segsz = s->size };
			buf->shm_nattch = s->addr != NULL;
		}
		return 0;
	}
	errno = EINVAL;
	return -1;
}
