// SPDX-License-Identifier: GPL-2.0
/*
 * ddic_getopt against getopt(3C)'s long-name syntax, as the Device Driver
 * Tutorial's qotdctl uses it.  Built with -include ddic_libc.h (make check
 * row libc:getopt); built without it, glibc's getopt fails these cases.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *opts = "d:(device)g(get-size)s:(set-size)r(reinit)";
static int failed;

/* expect: run getopt over ARGV and compare with the string WANT ("s=100 g ."). */
static void expect(const char *what, int quiet, char **argv, const char *want,
		   int want_optind)
{
	char got[256] = "";
	int argc = 0, c;

	while (argv[argc])
		argc++;
	optind = 0;
	opterr = !quiet;
	while ((c = getopt(argc, argv, opts)) != -1) {
		size_t n = strlen(got);

		if (optarg)
			snprintf(got + n, sizeof(got) - n, "%c=%s ", c, optarg);
		else
			snprintf(got + n, sizeof(got) - n, "%c ", c);
	}
	strncat(got, ".", sizeof(got) - strlen(got) - 1);
	if (strcmp(got, want) || optind != want_optind) {
		printf("FAIL %s: got \"%s\" optind %d, want \"%s\" optind %d\n",
		       what, got, optind, want, want_optind);
		failed = 1;
	} else {
		printf("ok %s\n", what);
	}
}

#define A(...) ((char *[]){ "qotdctl", __VA_ARGS__, NULL })

int main(void)
{
	expect("long with separate argument", 0, A("--set-size", "100", "-g"),
	       "s=100 g .", 4);
	expect("long with =argument", 0, A("--set-size=50"), "s=50 .", 2);
	expect("long without argument", 0, A("--get-size"), "g .", 2);
	expect("short cluster and argument", 0, A("-s", "7", "-gr"),
	       "s=7 g r .", 4);
	expect("short attached argument", 0, A("-s7", "--reinit"), "s=7 r .", 3);
	expect("unknown long name", 1, A("--bogus", "-g"), "? g .", 3);
	expect("missing argument", 1, A("-g", "--device"), "g ? .", 3);
	expect("parentheses are not letters", 1, A("-("), "? .", 2);
	expect("stops at the first operand", 0, A("-g", "file", "-r"), "g .", 2);
	expect("-- ends the options", 0, A("-g", "--", "-r"), "g .", 3);
	return failed;
}
