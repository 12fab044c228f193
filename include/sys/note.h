/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NOTE(9F)/_NOTE: annotations for source checkers (lint, warlock), e.g.
 * NOTE(MUTEX_PROTECTS_DATA(xx_lock, xx_count)) or _NOTE(ARGUNUSED(arg)).
 * They generate no code, as on Solaris.
 */
#ifndef _SYS_NOTE_H
#define _SYS_NOTE_H

#define _NOTE(s)
#define NOTE(s)

#endif /* _SYS_NOTE_H */
