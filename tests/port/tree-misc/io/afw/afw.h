/* SPDX-License-Identifier: GPL-2.0 */

#ifndef _AFW_H
#define	_AFW_H

extern dev_info_t *afw_dip;
extern int afw_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);

#endif	/* _AFW_H */
