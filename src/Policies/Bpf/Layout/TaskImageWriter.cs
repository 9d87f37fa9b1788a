using System.Buffers.Binary;
using NumaActors.Kernel.Hooks;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Bpf.Layout;

/// <summary>
/// Serialises the hooked task into read-only VM regions in the simulator's layout (README §5.1):
/// task_struct, its mm_struct, css_set, cgroup and kernfs_node, linked by VM pointers, offsets
/// looked up by member name in <see cref="SimulatorLayout"/> so that they match what CO-RE patched.
/// <c>numa_faults_locality</c> is {remote, local, failed} as in the kernel; the simulator has no
/// per-task CPU time in <see cref="HookTaskContext"/>, so <c>se.sum_exec_runtime</c> is the time
/// since the start of the run (a task that has run all along).
/// </summary>
internal static class TaskImageWriter
{
    public static ulong Write(SimulatorLayout layout, in HookTaskContext task, BpfMemory memory)
    {
        var kn = new byte[layout.Struct("kernfs_node")!.Size];
        var cg = new byte[layout.Struct("cgroup")!.Size];
        var css = new byte[layout.Struct("css_set")!.Size];
        var mm = new byte[layout.Struct("mm_struct")!.Size];
        var ts = new byte[layout.TaskStruct.Size];
        var knPtr = Map(memory, "kernfs_node", kn);
        var cgPtr = Map(memory, "cgroup", cg);
        var cssPtr = Map(memory, "css_set", css);
        var mmPtr = Map(memory, "mm_struct", mm);
        var taskPtr = Map(memory, "task_struct", ts);

        Put(layout, "kernfs_node", kn, "id", task.CgroupId);
        Put(layout, "cgroup", cg, "kn", knPtr);
        Put(layout, "cgroup", cg, "level", 1);
        Put(layout, "css_set", css, "refcount", 1);
        Put(layout, "css_set", css, "dfl_cgrp", cgPtr);
        Put(layout, "mm_struct", mm, "owner", taskPtr);

        var t = layout.TaskStruct;
        Put(layout, "task_struct", ts, "pid", (ulong)task.Pid);
        Put(layout, "task_struct", ts, "tgid", (ulong)task.Tgid);
        if (t.Member("numa_faults_locality") is { } loc)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(ts.AsSpan(loc.ByteOffset), (ulong)task.NumaFaultsRemote);
            BinaryPrimitives.WriteUInt64LittleEndian(ts.AsSpan(loc.ByteOffset + 8), (ulong)task.NumaFaultsLocal);
        }

        Put(layout, "task_struct", ts, "mm", mmPtr);
        Put(layout, "task_struct", ts, "total_numa_faults", (ulong)(task.NumaFaultsLocal + task.NumaFaultsRemote));
        if (t.Member("se") is { } se && layout.Struct("sched_entity")!.Member("sum_exec_runtime") is { } runtime)
            BinaryPrimitives.WriteUInt64LittleEndian(ts.AsSpan(se.ByteOffset + runtime.ByteOffset), (ulong)Math.Max(0, task.NowNs));
        Put(layout, "task_struct", ts, "numa_preferred_nid", (ulong)task.PreferredNode);
        Put(layout, "task_struct", ts, "cgroups", cssPtr);
        Put(layout, "task_struct", ts, "numa_pages_migrated", (ulong)task.NumaPagesMigrated);
        var comm = System.Text.Encoding.ASCII.GetBytes($"task-{task.Pid}");
        if (t.Member("comm") is { } c)
            comm.AsSpan(0, Math.Min(comm.Length, 15)).CopyTo(ts.AsSpan(c.ByteOffset));
        return taskPtr;
    }

    private static ulong Map(BpfMemory memory, string name, byte[] bytes) =>
        BpfMemory.Pointer(memory.AddTransient(new BpfRegion(name, bytes, writable: false)), 0);

    private static void Put(SimulatorLayout layout, string type, byte[] image, string member, ulong value)
    {
        // A layout without the member (a what-if layout) simply has no such field to fill.
        if (layout.Struct(type)?.Member(member) is not { } m)
            return;
        var span = image.AsSpan(m.ByteOffset);
        if (m.Type.Size == 4)
            BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)value);
        else
            BinaryPrimitives.WriteUInt64LittleEndian(span, value);
    }
}
