// SPDX-License-Identifier: GPL-2.0
/*
 * getopt(3C) as Solaris libc has it, for glibc programs: long option
 * names in parentheses after an option letter ("s:(set-size)").  Uses
 * glibc's optind, optarg, opterr and optopt.  Written from the getopt(3C)
 * manual page's description of the syntax.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Position inside a cluster of short options ("-gr"): 0 at a new word. */
static int go_pos;

/*
 * go_long: the option letter in OPTS whose "(name)" list holds NAME
 * (NAMELEN characters), or 0.  *HASARG is set from the ':' after it.
 */
static int go_long(const char *opts, const char *name, size_t namelen,
		   int *hasarg)
{
	const char *p = opts;
	int letter = 0;

	if (*p == ':')
		p++;
	while (*p) {
		if (*p == '(') {
			const char *end = strchr(p, ')');

			if (!end)
				return 0;
			if (letter && (size_t)(end - p - 1) == namelen &&
			    !strncmp(p + 1, name, namelen))
				return letter;
			p = end + 1;
			continue;
		}
		letter = *p++;
		*hasarg = *p == ':';
		if (*hasarg)
			p++;
	}
	return 0;
}

/* go_short: is C an option letter of OPTS?  *HASARG from its ':'. */
static int go_short(const char *opts, int c, int *hasarg)
{
	const char *p = opts;

	if (*p == ':')
		p++;
	while (*p) {
		if (*p == '(') {
			p = strchr(p, ')');
			if (!p)
				return 0;
			p++;
			continue;
		}
		if (*p == c && c != ':' && c != '(' && c != ')') {
			*hasarg = p[1] == ':';
			return 1;
		}
		p++;
		if (*p == ':')
			p++;
	}
	return 0;
}

int ddic_getopt(int argc, char *const argv[], const char *opts)
{
	int quiet = opts[0] == ':', hasarg = 0, c;
	const char *arg;

	if (optind == 0) {	/* glibc's way of asking for a fresh scan */
		optind = 1;
		go_pos = 0;
	}
	optarg = NULL;
	if (go_pos == 0) {
		if (optind >= argc || !argv[optind] || argv[optind][0] != '-' ||
		    argv[optind][1] == '\0')
			return -1;
		arg = argv[optind];
		if (!strcmp(arg, "--")) {
			optind++;
			return -1;
		}
		if (arg[1] == '-') {		/* --name, --name=value */
			const char *name = arg + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);

			optind++;
			c = go_long(opts, name, len, &hasarg);
			if (!c) {
				optopt = '-';
				if (opterr && !quiet)
					fprintf(stderr, "%s: illegal option -- %.*s\n",
						argv[0], (int)len, name);
				return '?';
			}
			optopt = c;
			if (!hasarg) {
				if (eq) {
					if (opterr && !quiet)
						fprintf(stderr, "%s: option takes no argument -- %.*s\n",
							argv[0], (int)len, name);
					return '?';
				}
				return c;
			}
			if (eq) {
				optarg = (char *)eq + 1;
			} else if (optind < argc) {
				optarg = argv[optind++];
			} else {
				if (opterr && !quiet)
					fprintf(stderr, "%s: option requires an argument -- %.*s\n",
						argv[0], (int)len, name);
				return quiet ? ':' : '?';
			}
			return c;
		}
		go_pos = 1;
	}
	arg = argv[optind];
	c = (unsigned char)arg[go_pos++];
	optopt = c;
	if (!go_short(opts, c, &hasarg)) {
		if (!arg[go_pos]) {
			optind++;
			go_pos = 0;
		}
		if (opterr && !quiet)
			fprintf(stderr, "%s: illegal option -- %c\n", argv[0], c);
		return '?';
	}
	if (!hasarg) {
		if (!arg[go_pos]) {
			optind++;
			go_pos = 0;
		}
		return c;
	}
	if (arg[go_pos]) {			/* -s10 */
		optarg = (char *)arg + go_pos;
		optind++;
	} else if (optind + 1 < argc) {		/* -s 10 */
		optarg = argv[optind + 1];
		optind += 2;
	} else {
		optind++;
		go_pos = 0;
		if (opterr && !quiet)
			fprintf(stderr, "%s: option requires an argument -- %c\n",
				argv[0], c);
		return quiet ? ':' : '?';
	}
	go_pos = 0;
	return c;
}
