#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# dkms-postbuild.sh DKMS_TREE NAME VERSION KERNELVER ARCH: dkms.conf's
# POST_BUILD, run in the DKMS build directory.  DKMS keeps only the
# modules it built; this keeps Module.symvers beside them, in
# DKMS_TREE/NAME/VERSION/KERNELVER/ARCH/, where ddi-port looks for it
# (driver modules built on ddi_compat need its symbol CRCs).
[ $# -eq 5 ] || { echo "usage: dkms-postbuild.sh DKMS_TREE NAME VERSION KERNELVER ARCH" >&2; exit 2; }
dest=$1/$2/$3/$4/$5
[ -s Module.symvers ] || { echo "dkms-postbuild.sh: no Module.symvers in $(pwd)" >&2; exit 1; }
mkdir -p "$dest" && cp Module.symvers "$dest/Module.symvers"
