// SPDX-License-Identifier: GPL-2.0
/* Fixture for NumaActors: every helper the simulator serves, an ARRAY map and
 * map deletion, on the simulator's own layout (numab_sim.h, no CO-RE).
 * Build: clang-14 -O2 -g -target bpf -I../../../../../examples/policies -c helpers.bpf.c -o ../helpers.o */
#include "numab_sim.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char _license[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} seen SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} small SEC(".maps");

__u64 out[8];

SEC("struct_ops/numab_hook")
int BPF_PROG(numab_hook, struct task_struct *p)
{
	__u32 k = 3, v = 1, k2 = 9;
	__u64 *slot;

	out[0] = bpf_get_prandom_u32();
	out[1] = bpf_get_numa_node_id();
	out[2] = bpf_get_current_pid_tgid();
	out[3] = bpf_get_current_cgroup_id();
	out[4] = bpf_ktime_get_boot_ns();
	slot = bpf_map_lookup_elem(&seen, &k);
	if (slot)
		*slot += 1;
	out[5] = bpf_map_update_elem(&small, &k, &v, BPF_ANY);
	out[6] = bpf_map_update_elem(&small, &k, &v, BPF_NOEXIST);		/* -EEXIST */
	bpf_map_update_elem(&small, &k2, &v, BPF_ANY);
	v = 7;
	out[7] = bpf_map_update_elem(&small, &v, &v, BPF_ANY);		/* full: -E2BIG */
	bpf_map_delete_elem(&small, &k2);
	bpf_printk("five %d %u %x %s %llu", p->pid, 42, 255, "str", out[1]);	/* > 3 args: trace_vprintk */
	return p->pid & 1;
}

SEC(".struct_ops.link")
struct bpf_numab_ops helpers_ops = {
	.numab_hook = (void *)numab_hook,
	.scan_size_mb = 128,
	.scan_period_min_ms = 500,
};
