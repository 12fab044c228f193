// SPDX-License-Identifier: GPL-2.0
/* 6.12: kunit_vm_mmap(), a user mapping for a KUnit test's thread. */
#include <kunit/test.h>
#include <linux/mman.h>

unsigned long ddic_probe(struct kunit *test);
unsigned long ddic_probe(struct kunit *test)
{
	return kunit_vm_mmap(test, NULL, 0, 4096, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, 0);
}
