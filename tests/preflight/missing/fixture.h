/*
 * Test fixture for scripts/preflight.py (never compiled): a driver header
 * whose macro calls a Solaris interface ddi_compat lacks, and which, as
 * illumos's headers do, wraps its contents in extern "C" for C++ and
 * defines a helper of its own (fixture_le16, not to be listed).
 */
#ifndef	_FIXTURE_H
#define	_FIXTURE_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

static inline uint16_t
fixture_le16(uint16_t v)
{
	return (LE_16(v));
}

#define	FIXTURE_NAME_OK(s, n)	\
	(u8_validate((s), (n), NULL, U8_VALIDATE_ENTIRE, NULL) >= 0)

typedef struct fixture_state {
	dev_info_t	*fs_dip;
	kmutex_t	fs_lock;
	nvlist_t	*fs_nvl;
	int		(*pm_idle_component)(dev_info_t *, int);
	int		timeout;
} fixture_state_t;

#ifdef __cplusplus
}
#endif

#endif	/* _FIXTURE_H */
