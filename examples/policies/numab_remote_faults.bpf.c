// SPDX-License-Identifier: GPL-2.0
/* A stateful policy: keep per-cgroup statistics in a hash map and turn NUMA
 * balancing on for a cgroup only once its tasks have seen enough remote NUMA
 * hinting faults, and a large enough remote share, to make migration pay.
 * Once on, it stays on (hysteresis: balancing costs scan faults, flapping
 * would pay that cost twice).
 *
 * The fields are read with CO-RE (preserve_access_index), so the same object
 * also loads against another layout with these member names.
 * Tune without recompiling: the loader may set the .rodata knobs
 * (min_remote_faults, min_remote_pct) before load, as a libbpf skeleton does.
 */
#pragma clang attribute push (__attribute__((preserve_access_index)), apply_to = record)
#include "numab_sim.h"
#pragma clang attribute pop
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char _license[] SEC("license") = "GPL";

const volatile __u64 min_remote_faults = 1000;	/* remote faults seen before switching on */
const volatile __u32 min_remote_pct = 30;	/* ... and at least this share of all faults */

struct cg_numa_stats {
	__u64 calls;		/* hook calls for this cgroup */
	__u64 max_remote;	/* largest remote-fault count seen on one task */
	__u64 enabled_at_ns;	/* when balancing was switched on (0 = off) */
	__u32 enabled;
	__u32 last_remote_pct;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);			/* cgroup id */
	__type(value, struct cg_numa_stats);
} cg_numa_stats SEC(".maps");

SEC("struct_ops/numab_hook")
int BPF_PROG(numab_hook, struct task_struct *p)
{
	__u64 cgid = p->cgroups->dfl_cgrp->kn->id;
	__u64 remote = p->numa_faults_locality[0];
	__u64 local = p->numa_faults_locality[1];
	struct cg_numa_stats *st, zero = {};

	st = bpf_map_lookup_elem(&cg_numa_stats, &cgid);
	if (!st) {
		bpf_map_update_elem(&cg_numa_stats, &cgid, &zero, BPF_NOEXIST);
		st = bpf_map_lookup_elem(&cg_numa_stats, &cgid);
		if (!st)
			return 0;
	}
	st->calls++;
	if (remote > st->max_remote)
		st->max_remote = remote;
	if (remote + local)
		st->last_remote_pct = remote * 100 / (remote + local);
	if (!st->enabled && st->max_remote >= min_remote_faults &&
	    st->last_remote_pct >= min_remote_pct) {
		st->enabled = 1;
		st->enabled_at_ns = bpf_ktime_get_ns();
		bpf_printk("numab: cgroup %llu balancing on, %llu remote faults", cgid, remote);
	}
	return st->enabled;
}

SEC(".struct_ops.link")
struct bpf_numab_ops numab_remote_faults = {
	.numab_hook = (void *)numab_hook,
};
