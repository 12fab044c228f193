# SPDX-License-Identifier: GPL-2.0
#
# ddi_compat: Solaris DDI/DKI for Linux.
#
# On your own machine (an out-of-tree module, Documentation/kbuild/modules.rst):
#   make                  build ddi_compat.ko against KDIR
#                         (default /lib/modules/$(uname -r)/build)
#   make install          modules_install, then the Solaris headers,
#                         Module.symvers, ddi-port and the porter's commands
#   make modules_install  ddi_compat.ko only (INSTALL_MOD_PATH= as kbuild)
#   make port M=<dir> [KDIR=/path/to/kernel/tree] [O=outdir]
#                         build a Solaris driver directory against ddi_compat
#   make version          print the version (the file VERSION)
#
# The harness (QEMU guests on four kernels it downloads and builds):
#   make run     [KERNEL=stock-6.12]  build, boot a guest, show it working
#   make shell   [KERNEL=stock-6.12]  the same guest with an interactive shell
#   make check                        every test on all four kernels
#   make bench   [KERNEL=stock-6.12]  benchmarks -> build/bench/results.json
#   make modules KERNEL=name          ddi_compat + KUnit + bench, W=1 -Werror
#   make port    M=<dir> KERNEL=name [O=outdir]  port against a harness kernel
#   make guest   M=<dir> TEST=<script> [KERNEL=name] [QEMU_ARGS='-device edu']
#                                     run it in a guest (with DIR/qemu.args)
#   make preflight M=<dir>            list the Solaris interfaces it calls that
#                                     ddi_compat lacks (no compiler; make port runs it first)
#   make coverage                     regenerate docs/coverage.md (9F coverage)
#   make kernels                      prepare all four kernels in the cache
#   make clean
#
# Kernels: debug-6.12 debug-6.1 (Debian source, KUnit/KASAN/lockdep...)
# and stock-6.1 stock-6.12 (Debian's distribution kernels).

SCRIPTS := $(CURDIR)/scripts
DDIC_VERSION := $(shell cat $(CURDIR)/VERSION)

# KERNEL=<name> is the harness's shortcut; without it, kbuild against KDIR.
HARNESS_KERNEL := $(KERNEL)
KERNEL ?= stock-6.12
KREL_RUNNING := $(shell uname -r)
KDIR ?= /lib/modules/$(KREL_RUNNING)/build

# Where make install puts things (DESTDIR for staging, as usual).
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
SRCDIR ?= /usr/src/ddi_compat-$(DDIC_VERSION)

.PHONY: all modules modules_install install install-dev install-commands \
	commands run shell check bench port guest kernels deps clean version \
	kdir-check deb install-dev-tool install-commands-only

all: modules

version:
	@echo $(DDIC_VERSION)

# One line when the kernel tree is missing (a machine without headers).
kdir-check:
	$(if $(wildcard $(KDIR)/Makefile),,$(error ddi_compat: no kernel headers at $(KDIR): install linux-headers-$(KREL_RUNNING) (apt-get install linux-headers-$(KREL_RUNNING)), or build with KDIR=/path/to/kernel/tree or KERNEL=stock-6.12 (the harness's kernels)))

ifneq ($(HARNESS_KERNEL),)
modules:
	$(SCRIPTS)/build.sh $(KERNEL)
else
modules: kdir-check
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules
endif

INSTALL_MOD_PATH ?= $(DESTDIR)
modules_install: kdir-check
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_PATH=$(INSTALL_MOD_PATH) modules_install

# The porter's commands: one program (scripts/ddic-cmd.c), several names.
DDIC_COMMANDS := add_drv rem_drv update_drv ddi_attach ddi_modinfo prtconf
SBINDIR ?= $(PREFIX)/sbin
CFLAGS ?= -O2 -g
commands: build/commands/ddic-cmd
build/commands/ddic-cmd: scripts/ddic-cmd.c
	mkdir -p build/commands
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wall -Wextra $(LDFLAGS) -o $@ $<

KREL_KDIR = $(shell $(MAKE) -s --no-print-directory -C $(KDIR) kernelrelease 2>/dev/null)

# Everything a porter's own build needs, under $(SRCDIR) (the same tree
# the DKMS package installs): include/, the porting tool's glue generator,
# and Module.symvers per kernel release in $(SRCDIR)/<release>/.
install-dev: modules install-dev-tool
	install -d $(DESTDIR)$(SRCDIR)
	cp -r include libc $(DESTDIR)$(SRCDIR)/
	install -m 644 VERSION $(DESTDIR)$(SRCDIR)/VERSION
	install -d $(DESTDIR)$(SRCDIR)/$(KREL_KDIR)
	install -m 644 Module.symvers $(DESTDIR)$(SRCDIR)/$(KREL_KDIR)/Module.symvers

# ddi-port, pointed at $(SRCDIR).
install-dev-tool:
	install -d $(DESTDIR)$(BINDIR)
	sed 's|^ddic_root=.*|ddic_root=$(SRCDIR)|' $(SCRIPTS)/ddi-port \
		>$(DESTDIR)$(BINDIR)/ddi-port
	chmod 755 $(DESTDIR)$(BINDIR)/ddi-port

install-commands: commands install-commands-only
install-commands-only:
	install -d $(DESTDIR)$(SBINDIR)
	install -m 755 build/commands/ddic-cmd $(DESTDIR)$(SBINDIR)/add_drv
	for c in $(filter-out add_drv,$(DDIC_COMMANDS)); do \
		ln -sf add_drv $(DESTDIR)$(SBINDIR)/$$c || exit 1; done

install: modules modules_install install-dev install-commands

run:
	$(SCRIPTS)/run.sh $(KERNEL)

shell:
	QEMU_ARGS='$(QEMU_ARGS)' $(SCRIPTS)/shell.sh $(KERNEL)

check:
	$(SCRIPTS)/check.sh

bench:
	$(SCRIPTS)/bench.sh $(KERNEL)

# KERNEL=name: a harness kernel; otherwise KDIR (default: the running one).
# The scripts run their own makes: M= and O= of this command line must not
# reach the kernel's Makefile through MAKEFLAGS (O= is kbuild's output tree).
NOMAKEFLAGS := env -u MAKEFLAGS -u MFLAGS -u MAKEOVERRIDES
ifneq ($(HARNESS_KERNEL),)
port:
	@test -n "$(M)" || { echo "usage: make port M=<dir> [KERNEL=name | KDIR=tree] [O=outdir]"; exit 2; }
	$(NOMAKEFLAGS) DDI_USER=1 $(SCRIPTS)/port.sh $(M) $(KERNEL) $(or $(O),$(CURDIR)/build/$(KERNEL)/ported)
else
port: kdir-check
	@test -n "$(M)" || { echo "usage: make port M=<dir> [KERNEL=name | KDIR=tree] [O=outdir]"; exit 2; }
	$(NOMAKEFLAGS) DDI_USER=1 $(SCRIPTS)/port.sh $(M) $(abspath $(KDIR)) $(or $(O),$(CURDIR)/build/kdir/ported)
endif

guest:
	@test -n "$(M)" -a -n "$(TEST)" || \
		{ echo "usage: make guest M=<dir> TEST=<script> [KERNEL=name]"; exit 2; }
	QEMU_ARGS='$(QEMU_ARGS)' $(SCRIPTS)/guest-port.sh $(M) $(TEST) $(KERNEL)

preflight:
	@test -n "$(M)" || { echo "usage: make preflight M=<dir>"; exit 2; }
	$(SCRIPTS)/preflight.py $(M)

coverage:
	$(SCRIPTS)/coverage.py

.PHONY: preflight coverage

kernels:
	for k in debug-6.12 debug-6.1 stock-6.1 stock-6.12 kcsan-6.12; do \
		$(SCRIPTS)/kernel.sh $$k >/dev/null || exit 1; done

deps:
	$(SCRIPTS)/deps.sh

# The Debian packages ddi-compat-dkms and ddi-compat-utils (debian/).
deb:
	$(SCRIPTS)/ddic-deb.sh

clean:
	rm -rf build
	find . -name '*.o' -o -name '*.ko' -o -name '*.mod' -o -name '*.mod.c' \
		-o -name '.*.cmd' -o -name Module.symvers -o -name modules.order | \
		grep -v '^./.git' | xargs rm -f
