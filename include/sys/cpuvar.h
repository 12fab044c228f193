/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/cpuvar.h>: how many CPUs there are.  ncpus counts the CPUs online
 * now and max_ncpus those there can be; both read Linux's counts at the
 * moment of use.  struct cpu and the CPU pointer are not provided;
 * CPU_SEQID is the running CPU's number.
 */
#ifndef _SYS_CPUVAR_H
#define _SYS_CPUVAR_H

#include <sys/types.h>
#include <sys/thread.h>

#define ncpus		((int)num_online_cpus())
#define ncpus_online	((int)num_online_cpus())
#define max_ncpus	((int)nr_cpu_ids)
#define boot_ncpus	((int)num_present_cpus())
#define CPU_SEQID	((int)raw_smp_processor_id())

#endif /* _SYS_CPUVAR_H */
