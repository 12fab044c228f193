// SPDX-License-Identifier: GPL-2.0
/*
 * The porter's commands, one program called by several names (argv[0]):
 *
 *   add_drv [-f] [-i 'alias ...'] [-m 'minor mode owner group'] DRIVER|PATH.ko
 *   rem_drv DRIVER
 *   update_drv [-f] [-m 'minor mode owner group'] DRIVER
 *   update_drv -a|-d -i 'alias ...' DRIVER
 *   ddi_attach DRIVER
 *   ddi_modinfo [DRIVER]
 *   prtconf [-v] [-D]   the device tree, as Solaris's prtconf(8) prints it
 *
 * They talk to ddi_compat through /dev/ddi_modctl (ddi_compat/modctl.c):
 * reading it lists drivers, instances and nodes; writing "attach DRIVER"
 * or "detach DRIVER" attaches or detaches every instance.  Modules are
 * loaded with finit_module(2) (a path, or DRIVER.ko in a directory of
 * $DDI_MODULE_DIR, a colon-separated list, default /ddi/modules, the
 * guest's; make guest puts /ddi/port/modules first) or else modprobe(8)
 * (an installed module), and unloaded with delete_module(2).  A module ddi-port gave
 * the Linux name sol_<name> (its name is a Linux module's) is known by
 * either name: DRIVER.ko, else sol_DRIVER.ko, else modprobe of the alias
 * solaris-DRIVER; rem_drv unloads the Linux module the listing names.
 *
 * -i 'alias ...' (add_drv, update_drv -a or -d) adds or removes PCI
 * aliases ("pci1234,11e8", quoted or not, blank-separated): the control
 * device's "alias DRIVER ALIAS" and "unalias DRIVER ALIAS"; a loaded
 * driver then binds the functions the new alias names.  ddi_compat
 * keeps the aliases (with those of each driver's driver_aliases file)
 * until it unloads; there is no /etc/driver_aliases.
 *
 * Departures from Solaris (see docs/departures.md): -m applies the mode, owner and group to the
 * driver's nodes now present under /dev/pseudo (not remembered for nodes
 * made later; a udev rule does that on a real machine); update_drv
 * without -m re-attaches every instance (Solaris rereads driver.conf,
 * which ddi_compat embeds in the module at build time).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define CTL "/dev/ddi_modctl"
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const char *prog;

static void show_usage(void)
{
	if (!strcmp(prog, "add_drv"))
		fprintf(stderr, "usage: add_drv [-f] [-i 'alias ...'] [-m 'minor mode owner group'] DRIVER|PATH.ko\n");
	else if (!strcmp(prog, "update_drv"))
		fprintf(stderr, "usage: update_drv [-f] [-m 'minor mode owner group'] DRIVER\n       update_drv -a|-d -i 'alias ...' DRIVER\n");
	else if (!strcmp(prog, "ddi_modinfo"))
		fprintf(stderr, "usage: ddi_modinfo [DRIVER]\n");
	else if (!strcmp(prog, "prtconf"))
		fprintf(stderr, "usage: prtconf [-v] [-D]\n");
	else
		fprintf(stderr, "usage: %s DRIVER\n", prog);
	exit(2);
}

static int loaded(const char *mod)
{
	char path[256];

	snprintf(path, sizeof(path), "/sys/module/%s", mod);
	return access(path, F_OK) == 0;
}

static int run(const char *cmd, const char *arg)
{
	int st;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execlp(cmd, cmd, "-q", arg, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/*
 * find_module: DRIVER.ko, else sol_DRIVER.ko (a module whose name is a
 * Linux one's, ddi-port), in each directory of $DDI_MODULE_DIR (a
 * colon-separated list, default /ddi/modules) in turn, into @buf.
 */
static const char *find_module(const char *mod, char *buf, size_t len)
{
	const char *dirs = getenv("DDI_MODULE_DIR"), *d, *end;
	static const char *const forms[] = { "%.*s/%s.ko", "%.*s/sol_%s.ko" };
	size_t i;

	if (!dirs || !*dirs)
		dirs = "/ddi/modules";
	for (d = dirs; *d; d = *end ? end + 1 : end) {
		end = strchr(d, ':');
		if (!end)
			end = d + strlen(d);
		for (i = 0; i < ARRAY_SIZE(forms); i++) {
			snprintf(buf, len, forms[i], (int)(end - d), d, mod);
			if (end > d && access(buf, R_OK) == 0)
				return buf;
		}
	}
	return NULL;
}

/* modload: a module by path (finit_module) or by name (the module dirs, else modprobe). */
static int modload(const char *mod, const char *path)
{
	char buf[512];
	int fd, err;

	if (!path)
		path = find_module(mod, buf, sizeof(buf));
	if (!path) {
		snprintf(buf, sizeof(buf), "solaris-%s", mod);
		if (run("modprobe", buf) == 0)
			return 0;
		return run("modprobe", mod) == 0 ? 0 : -1;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "%s: no module %s: %s\n", prog, path, strerror(errno));
		return -1;
	}
	err = syscall(SYS_finit_module, fd, "", 0);
	if (err && errno == EEXIST)
		err = 0;
	if (err)
		fprintf(stderr, "%s: cannot load %s: %s (see dmesg)\n", prog, path,
			strerror(errno));
	close(fd);
	return err;
}

static int need_layer(void)
{
	if (!loaded("ddi_compat") && modload("ddi_compat", NULL)) {
		fprintf(stderr, "%s: cannot load ddi_compat\n", prog);
		return -1;
	}
	return 0;
}

/* control: write one command to /dev/ddi_modctl; -1 with errno. */
static int control(const char *verb, const char *drv)
{
	char buf[256];
	int fd, n, ret = 0;

	fd = open(CTL, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = snprintf(buf, sizeof(buf), "%s %s\n", verb, drv);
	if (write(fd, buf, n) != n)
		ret = -1;
	n = errno;
	close(fd);
	errno = n;
	return ret;
}

/*
 * names: the Solaris name (sol) and Linux module name (mod) of a loaded
 * Solaris module, driver or misc, known by either (ddi-port gives a
 * module whose name is a Linux module's the Linux name sol_<name>).  The
 * listing's lines: "driver NAME module MODULE ..." and "misc NAME module
 * MODULE ...".  SOL and MOD have 256 bytes.  -1 if none.
 */
static int names(const char *name, char *sol, char *mod)
{
	char line[1024], s[256], m[256];
	int ret = -1;
	FILE *f = fopen(CTL, "r");

	if (!f)
		return -1;
	while (ret && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "driver %255s module %255s", s, m) != 2 &&
		    sscanf(line, "misc %255s module %255s", s, m) != 2)
			continue;
		if (strcmp(s, name) && strcmp(m, name))
			continue;
		if (sol)
			snprintf(sol, 256, "%s", s);
		if (mod)
			snprintf(mod, 256, "%s", m);
		ret = 0;
	}
	fclose(f);
	return ret;
}

/* aliases: "alias"/"unalias" DRV for each blank-separated alias of LIST. */
static int aliases(const char *verb, const char *drv, const char *list)
{
	char *copy = strdup(list), *tok, *save = NULL, arg[320];
	int bad = 0;

	if (!copy)
		return -1;
	for (tok = strtok_r(copy, " \t\n", &save); tok;
	     tok = strtok_r(NULL, " \t\n", &save)) {
		size_t n;

		if (*tok == '"')
			tok++;
		n = strlen(tok);
		if (n && tok[n - 1] == '"')
			tok[--n] = '\0';
		if (!n)
			continue;
		snprintf(arg, sizeof(arg), "%s %s", drv, tok);
		if (control(verb, arg)) {
			fprintf(stderr, "%s: %s \"%s\" for %s: %s\n", prog, verb,
				tok, drv, errno == EEXIST ?
				"alias already in use by another driver" :
				strerror(errno));
			bad = 1;
		}
	}
	free(copy);
	return bad ? -1 : 0;
}

/* listing: the driver's block of the listing (all of it if drv is NULL). */
static int listing(const char *drv, int quiet)
{
	char line[1024], sol[256];
	int show = 0, found = 0;
	FILE *f;

	if (drv && !names(drv, sol, NULL))
		drv = sol;	/* known by its Linux module name */
	f = fopen(CTL, "r");
	if (!f) {
		if (!quiet)
			fprintf(stderr, "%s: ddi_compat is not loaded (%s: %s)\n",
				prog, CTL, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		if (!drv) {
			fputs(line, stdout);
			continue;
		}
		if (!strncmp(line, "driver ", 7) || !strncmp(line, "misc ", 5)) {
			size_t n = strlen(drv), at = line[0] == 'm' ? 5 : 7;

			show = !strncmp(line + at, drv, n) && line[at + n] == ' ';
			found |= show;
		} else if (line[0] != ' ') {
			show = 0;
		}
		if (show && !quiet)
			fputs(line, stdout);
	}
	fclose(f);
	if (drv && !found) {
		if (!quiet)
			fprintf(stderr, "%s: driver %s is not loaded\n", prog, drv);
		return -1;
	}
	return 0;
}

/*
 * idof: a user or group id by number or by name from FILE (/etc/passwd,
 * /etc/group) read directly: static programs have no NSS.  -1 if unknown.
 */
static long idof(const char *file, const char *name)
{
	char line[512], *end;
	long id = strtol(name, &end, 10);
	size_t n = strlen(name);
	FILE *f;

	if (*name && !*end)
		return id;
	if (!strcmp(name, "root"))
		return 0;
	f = fopen(file, "r");
	if (!f)
		return -1;
	id = -1;
	while (fgets(line, sizeof(line), f)) {
		char *p;

		if (strncmp(line, name, n) || line[n] != ':')
			continue;
		p = strchr(line + n + 1, ':');
		if (p)
			id = strtol(p + 1, NULL, 10);
		break;
	}
	fclose(f);
	return id;
}

/* perms: -m 'minor mode owner group' on the driver's /dev/pseudo nodes. */
static int perms(const char *drv, const char *spec)
{
	char minor[128], owner[64], group[64], pat[256];
	unsigned int mode;
	long uid, gid;
	struct dirent *de;
	int n = 0, bad = 0;
	DIR *d;

	if (sscanf(spec, "%127s %o %63s %63s", minor, &mode, owner, group) != 4) {
		fprintf(stderr, "%s: -m wants 'minor mode owner group', got '%s'\n",
			prog, spec);
		return -1;
	}
	uid = idof("/etc/passwd", owner);
	gid = idof("/etc/group", group);
	if (uid < 0 || gid < 0) {
		fprintf(stderr, "%s: -m: unknown owner or group in '%s'\n", prog, spec);
		return -1;
	}
	d = opendir("/dev/pseudo");
	if (!d)
		return 0;
	snprintf(pat, sizeof(pat), "%s@*:%s", drv, minor);
	while ((de = readdir(d))) {
		char path[512];

		if (fnmatch(pat, de->d_name, 0))
			continue;
		snprintf(path, sizeof(path), "/dev/pseudo/%s", de->d_name);
		if (chmod(path, mode) ||
		    chown(path, uid, gid)) {
			fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
			bad = 1;
		}
		n++;
	}
	closedir(d);
	if (!n)
		fprintf(stderr, "%s: -m: no node of %s matches '%s' now\n", prog, drv, minor);
	return bad ? -1 : 0;
}

static int do_add(int argc, char **argv)
{
	const char *mspec = NULL, *arg, *alist = NULL;
	char name[256], *path = NULL, *dot;
	int c;

	while ((c = getopt(argc, argv, "fi:m:b:n")) != -1) {
		switch (c) {
		case 'i':
			alist = optarg;
			break;
		case 'm':
			mspec = optarg;
			break;
		case 'f':
		case 'n':
			break;
		default:
			show_usage();
		}
	}
	if (optind != argc - 1)
		show_usage();
	arg = argv[optind];
	if (strchr(arg, '/') || strstr(arg, ".ko")) {
		path = strdup(arg);
		snprintf(name, sizeof(name), "%s", basename(path));
		dot = strstr(name, ".ko");
		if (dot)
			*dot = '\0';
		free(path);
		path = (char *)arg;
	} else {
		snprintf(name, sizeof(name), "%s", arg);
	}
	if (need_layer())
		return 1;
	if (loaded(name) && listing(name, 1) == 0) {
		fprintf(stderr, "%s: (%s) already in use as a driver\n", prog, name);
		return 1;
	}
	if (alist && aliases("alias", name, alist))
		return 1;
	if (modload(name, path)) {
		if (!path)
			fprintf(stderr, "%s: cannot load %s (see dmesg)\n", prog, name);
		return 1;
	}
	names(name, name, NULL);	/* the Solaris name, if loaded by path */
	if (mspec && perms(name, mspec))
		return 1;
	return listing(name, 0) ? 1 : 0;
}

/*
 * prtconf [-v] [-D]: the device tree as Solaris's prtconf(8) prints it,
 * from the read-only /proc/driver/ddic_devinfo (ddi_compat/props.c):
 * lines "N<depth> <node>" and, for -v, "P<depth> <property line>".  -D
 * adds each instance's driver name.
 */
#define DEVINFO "/proc/driver/ddic_devinfo"

static int do_prtconf(int argc, char **argv)
{
	char line[1024], mem[256];
	int c, verbose = 0, withdrv = 0;
	unsigned long kb = 0;
	struct utsname u;
	FILE *f, *mi;

	while ((c = getopt(argc, argv, "Dv")) != -1) {
		if (c == 'D')
			withdrv = 1;
		else if (c == 'v')
			verbose = 1;
		else
			show_usage();
	}
	f = fopen(DEVINFO, "r");
	if (!f) {
		fprintf(stderr, "%s: ddi_compat is not loaded (%s: %s)\n",
			prog, DEVINFO, strerror(errno));
		return 1;
	}
	uname(&u);
	mi = fopen("/proc/meminfo", "r");
	while (mi && fgets(mem, sizeof(mem), mi))
		if (sscanf(mem, "MemTotal: %lu", &kb) == 1)
			break;
	if (mi)
		fclose(mi);
	printf("System Configuration:  ddi_compat  %s\n", u.machine);
	printf("Memory size: %lu Megabytes\n", kb / 1024);
	printf("System Peripherals (Software Nodes):\n\n");
	while (fgets(line, sizeof(line), f)) {
		char *text = strchr(line, ' ');
		int depth = atoi(line + 1), i;

		if (!text || (line[0] != 'N' && line[0] != 'P'))
			continue;
		if (line[0] == 'P' && !verbose)
			continue;
		text++;
		text[strcspn(text, "\n")] = '\0';
		for (i = 0; i < depth; i++)
			fputs("    ", stdout);
		fputs(text, stdout);
		if (line[0] == 'N' && withdrv && depth == 2)
			printf(" (driver name: %.*s)", (int)strcspn(text, ","), text);
		putchar('\n');
	}
	fclose(f);
	return 0;
}

static int do_rem(const char *drv)
{
	char sol[256], mod[256];

	if (!names(drv, sol, mod))
		drv = sol;
	else
		snprintf(mod, sizeof(mod), "%s", drv);
	if (control("detach", drv)) {
		if (errno == ENOENT || errno == ENXIO)
			fprintf(stderr, "%s: driver %s is not loaded\n", prog, drv);
		else if (errno == EBUSY || errno == EAGAIN)
			fprintf(stderr, "%s: cannot unload %s: Device busy\n", prog, drv);
		else
			fprintf(stderr, "%s: cannot detach %s: %s\n", prog, drv,
				strerror(errno));
		return 1;
	}
	if (syscall(SYS_delete_module, mod, O_NONBLOCK)) {
		if (errno == EWOULDBLOCK || errno == EBUSY)
			fprintf(stderr, "%s: cannot unload %s: Device busy\n", prog, drv);
		else
			fprintf(stderr, "%s: cannot unload %s: %s\n", prog, drv,
				strerror(errno));
		return 1;
	}
	return 0;
}

static int do_update(int argc, char **argv)
{
	const char *mspec = NULL, *drv, *alist = NULL;
	int c, add = 0, del = 0;

	while ((c = getopt(argc, argv, "fm:ai:d")) != -1) {
		switch (c) {
		case 'm':
			mspec = optarg;
			break;
		case 'f':
			break;
		case 'a':
			add = 1;
			break;
		case 'd':
			del = 1;
			break;
		case 'i':
			alist = optarg;
			break;
		default:
			show_usage();
		}
	}
	if (optind != argc - 1 || add + del > 1 || (add + del) != !!alist)
		show_usage();
	drv = argv[optind];
	if (alist) {
		if (need_layer())
			return 1;
		return aliases(add ? "alias" : "unalias", drv, alist) ? 1 : 0;
	}
	if (listing(drv, 0))
		return 1;
	if (mspec)
		return perms(drv, mspec) ? 1 : 0;
	if (control("detach", drv) || control("attach", drv)) {
		fprintf(stderr, "%s: cannot reattach %s: %s\n", prog, drv,
			errno == EBUSY ? "Device busy" : strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char *self = strdup(argv[0]);

	prog = self ? basename(self) : "ddic-cmd";
	/* ddic-cmd NAME ARGS... runs NAME (for an install without links). */
	if (!strcmp(prog, "ddic-cmd") && argc > 1) {
		prog = argv[1];
		argc--;
		argv++;
	}
	if (!strcmp(prog, "add_drv"))
		return do_add(argc, argv);
	if (!strcmp(prog, "update_drv"))
		return do_update(argc, argv);
	if (!strcmp(prog, "prtconf"))
		return do_prtconf(argc, argv);
	if (!strcmp(prog, "ddi_modinfo")) {
		if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
			show_usage();
		return listing(argc == 2 ? argv[1] : NULL, 0) ? 1 : 0;
	}
	if (argc != 2 || argv[1][0] == '-')
		show_usage();
	if (!strcmp(prog, "rem_drv"))
		return do_rem(argv[1]);
	if (!strcmp(prog, "ddi_attach")) {
		if (control("attach", argv[1])) {
			fprintf(stderr, "%s: cannot attach %s: %s\n", prog, argv[1],
				strerror(errno));
			return 1;
		}
		return 0;
	}
	fprintf(stderr, "ddic-cmd: called as %s; one of add_drv rem_drv update_drv ddi_attach ddi_modinfo prtconf\n",
		prog);
	return 2;
}
