# SPDX-License-Identifier: GPL-2.0
#
# ddi_compat: Solaris DDI/DKI for Linux.  The two commands a new machine
# needs are `make run` and `make check`; both install what they need.
#
#   make run     [KERNEL=stock-6.12]  build, boot a guest, show it working
#   make shell   [KERNEL=stock-6.12]  the same guest with an interactive shell
#   make check                        every test on all four kernels
#   make bench   [KERNEL=stock-6.12]  benchmarks -> build/bench/results.json
#   make modules [KERNEL=name | KDIR=/path/to/kernel/tree]
#   make port    M=<dir> [KERNEL=name] [O=outdir]  build a Solaris driver directory
#   make guest   M=<dir> TEST=<script> [KERNEL=name]  run it in a guest
#   make preflight M=<dir>            list the Solaris interfaces it calls that
#                                     ddi_compat lacks (no compiler; make port runs it first)
#   make coverage                     regenerate docs/coverage.md (9F coverage)
#   make kernels                      prepare all four kernels in the cache
#   make clean
#
# Kernels: debug-6.12 debug-6.1 (Debian source, KUnit/KASAN/lockdep...)
# and stock-6.1 stock-6.12 (Debian's distribution kernels).

KERNEL ?= stock-6.12
SCRIPTS := $(CURDIR)/scripts

.PHONY: all modules run shell check bench port guest kernels deps clean

all: modules

ifneq ($(KDIR),)
# Against any configured kernel tree: objects land beside the sources.
modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 modules
else
modules:
	$(SCRIPTS)/build.sh $(KERNEL)
endif

run:
	$(SCRIPTS)/run.sh $(KERNEL)

shell:
	$(SCRIPTS)/shell.sh $(KERNEL)

check:
	$(SCRIPTS)/check.sh

bench:
	$(SCRIPTS)/bench.sh $(KERNEL)

port:
	@test -n "$(M)" || { echo "usage: make port M=<dir> [KERNEL=name] [O=outdir]"; exit 2; }
	$(SCRIPTS)/port.sh $(M) $(KERNEL) $(or $(O),$(CURDIR)/build/$(KERNEL)/ported)

guest:
	@test -n "$(M)" -a -n "$(TEST)" || \
		{ echo "usage: make guest M=<dir> TEST=<script> [KERNEL=name]"; exit 2; }
	$(SCRIPTS)/guest-port.sh $(M) $(TEST) $(KERNEL)

preflight:
	@test -n "$(M)" || { echo "usage: make preflight M=<dir>"; exit 2; }
	$(SCRIPTS)/preflight.py $(M)

coverage:
	$(SCRIPTS)/coverage.py

.PHONY: preflight coverage

kernels:
	for k in debug-6.12 debug-6.1 stock-6.1 stock-6.12; do \
		$(SCRIPTS)/kernel.sh $$k >/dev/null || exit 1; done

deps:
	$(SCRIPTS)/deps.sh

clean:
	rm -rf build
	find . -name '*.o' -o -name '*.ko' -o -name '*.mod' -o -name '*.mod.c' \
		-o -name '.*.cmd' -o -name Module.symvers -o -name modules.order | \
		grep -v '^./.git' | xargs rm -f
