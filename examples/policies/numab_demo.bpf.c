// SPDX-License-Identifier: GPL-2.0
/* The proposal's own demonstration: attached to one workload's cgroup, turn
 * NUMA balancing on for its tasks (whatever the global numa_balancing sysctl
 * says) and give that workload its own hot threshold for tiered memory.
 *
 * Run it in a scenario:  policies: { demo: { kind: bpf, object: policies/numab_demo.o } }
 * Build:                 ./build.sh   (clang -O2 -g -target bpf -c numab_demo.bpf.c)
 */
#include "numab_sim.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char _license[] SEC("license") = "GPL";

SEC("struct_ops/numab_hook")
int BPF_PROG(numab_hook, struct task_struct *p)
{
	return 1;	/* every task of the attached cgroup is balanced */
}

SEC(".struct_ops.link")
struct bpf_numab_ops numab_demo = {
	.numab_hook = (void *)numab_hook,
	.hot_thresh = 500,	/* ms: pages touched within 500 ms of the scan count as hot */
};
