/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/note.h>: NOTE(9F)/_NOTE annotations for static analysers; they
 * compile to nothing.
 */
#ifndef _SYS_NOTE_H
#define _SYS_NOTE_H

#include <sys/types.h>

#ifndef NOTE
#define NOTE(s)
#endif
#ifndef _NOTE
#define _NOTE(s)
#endif

#endif /* _SYS_NOTE_H */
