using System.Buffers.Binary;
using NumaActors.Kernel.Hooks;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Bpf.Layout;

/// <summary>
/// The hooked task as read-only VM regions in the simulator's layout (README §5.1): task_struct,
/// its mm_struct, css_set, cgroup and kernfs_node, linked by VM pointers, at the offsets CO-RE
/// patched (looked up by member name once, so a what-if layout without a member just lacks it).
/// <c>numa_faults_locality</c> is {remote, local, failed} as in the kernel. HookTaskContext has
/// no per-task CPU time, so <c>se.sum_exec_runtime</c> is the time since the start of the run (a
/// task that has run all along). The byte arrays are reused call after call: no allocation.
/// </summary>
internal sealed class TaskImage
{
    private readonly BpfRegion kn, cg, css, mm, task;
    private readonly int? knId, cgKn, cgLevel, cssRefcount, cssDflCgrp, mmOwner;
    private readonly int? pid, tgid, locality, taskMm, totalFaults, runtime, preferred, cgroups, comm, pagesMigrated;

    public TaskImage(SimulatorLayout layout)
    {
        BpfRegion Region(string name) => new(name, new byte[layout.Struct(name)?.Size ?? 0], writable: false);
        int? At(string type, string member) => layout.Struct(type)?.Member(member)?.ByteOffset;
        kn = Region("kernfs_node");
        cg = Region("cgroup");
        css = Region("css_set");
        mm = Region("mm_struct");
        task = Region("task_struct");
        knId = At("kernfs_node", "id");
        cgKn = At("cgroup", "kn");
        cgLevel = At("cgroup", "level");
        cssRefcount = At("css_set", "refcount");
        cssDflCgrp = At("css_set", "dfl_cgrp");
        mmOwner = At("mm_struct", "owner");
        pid = At("task_struct", "pid");
        tgid = At("task_struct", "tgid");
        locality = At("task_struct", "numa_faults_locality");
        taskMm = At("task_struct", "mm");
        totalFaults = At("task_struct", "total_numa_faults");
        runtime = At("task_struct", "se") + At("sched_entity", "sum_exec_runtime");
        preferred = At("task_struct", "numa_preferred_nid");
        cgroups = At("task_struct", "cgroups");
        comm = At("task_struct", "comm");
        pagesMigrated = At("task_struct", "numa_pages_migrated");
    }

    /// <summary>Maps the regions for this call and returns the task_struct pointer.</summary>
    public ulong Write(in HookTaskContext t, BpfMemory memory)
    {
        var knPtr = Map(memory, kn);
        var cgPtr = Map(memory, cg);
        var cssPtr = Map(memory, css);
        var mmPtr = Map(memory, mm);
        var taskPtr = Map(memory, task);

        U64(kn, knId, t.CgroupId);
        U64(cg, cgKn, knPtr);
        U32(cg, cgLevel, 1);
        U64(css, cssRefcount, 1);
        U64(css, cssDflCgrp, cgPtr);
        U64(mm, mmOwner, taskPtr);
        U32(task, pid, (uint)t.Pid);
        U32(task, tgid, (uint)t.Tgid);
        U64(task, locality, (ulong)t.NumaFaultsRemote);
        U64(task, locality + 8, (ulong)t.NumaFaultsLocal);
        U64(task, taskMm, mmPtr);
        U64(task, totalFaults, (ulong)t.NumaFaultsLocal + (ulong)t.NumaFaultsRemote);
        U64(task, runtime, (ulong)Math.Max(0, t.NowNs));
        U32(task, preferred, (uint)t.PreferredNode);
        U64(task, cgroups, cssPtr);
        U64(task, pagesMigrated, (ulong)t.NumaPagesMigrated);
        if (comm is { } c)
            WriteComm(task.Data.AsSpan(c, 16), t.Pid);
        return taskPtr;
    }

    // "task-<pid>", as a kernel thread would name itself; written without formatting to stay allocation-free.
    private static void WriteComm(Span<byte> dst, int pid)
    {
        "task-"u8.CopyTo(dst);
        Span<char> digits = stackalloc char[11];
        pid.TryFormat(digits, out var n);
        for (var i = 0; i < n && 5 + i < 15; i++)
            dst[5 + i] = (byte)digits[i];
    }

    private static ulong Map(BpfMemory memory, BpfRegion region)
    {
        Array.Clear(region.Data);
        return BpfMemory.Pointer(memory.AddTransient(region), 0);
    }

    private static void U64(BpfRegion r, int? at, ulong v)
    {
        if (at is { } o && o + 8 <= r.Length)
            BinaryPrimitives.WriteUInt64LittleEndian(r.Data.AsSpan(o), v);
    }

    private static void U32(BpfRegion r, int? at, uint v)
    {
        if (at is { } o && o + 4 <= r.Length)
            BinaryPrimitives.WriteUInt32LittleEndian(r.Data.AsSpan(o), v);
    }
}
