/*
 * Test fixture for scripts/preflight.py (never compiled): a driver header
 * whose macro calls a Solaris interface ddi_compat lacks.
 */
#ifndef	_FIXTURE_H
#define	_FIXTURE_H

#include <sys/types.h>

#define	FIXTURE_NAME_OK(s, n)	\
	(u8_validate((s), (n), NULL, U8_VALIDATE_ENTIRE, NULL) >= 0)

typedef struct fixture_state {
	dev_info_t	*fs_dip;
	kmutex_t	fs_lock;
	nvlist_t	*fs_nvl;
	int		(*pm_idle_component)(dev_info_t *, int);
	int		timeout;
} fixture_state_t;

#endif	/* _FIXTURE_H */
