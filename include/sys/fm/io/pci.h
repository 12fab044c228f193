/* SPDX-License-Identifier: GPL-2.0 */
/* <sys/fm/io/pci.h>: the PCI ereport classes and payload names. */
#ifndef _SYS_FM_IO_PCI_H
#define _SYS_FM_IO_PCI_H

#define PCI_ERROR_SUBCLASS	"pci"
#define PCI_SEC_ERROR_SUBCLASS	"sec"

#define PCI_DET_PERR		"dpe"
#define PCI_MDPE		"mdpe"
#define PCI_REC_SERR		"rserr"
#define PCI_SIG_SERR		"sserr"
#define PCI_MA			"ma"
#define PCI_REC_TA		"rta"
#define PCI_SIG_TA		"sta"
#define PCI_DTO			"dto"
#define PCI_TARG_MDPE		"target-mdpe"
#define PCI_TARG_MA		"target-ma"
#define PCI_TARG_REC_TA		"target-rta"
#define PCI_NR			"nr"

#define PCI_CONFIG_STATUS	"pci-status"
#define PCI_CONFIG_COMMAND	"pci-command"
#define PCI_SEC_CONFIG_STATUS	"pci-sec-status"
#define PCI_BCNTRL		"pci-bdg-ctrl"
#define PCI_PA			"pci-pa"

#endif /* _SYS_FM_IO_PCI_H */
