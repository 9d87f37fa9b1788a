using System.Collections.Immutable;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Model;
using NumaActors.Kernel.Phases;

namespace NumaActors.Actors.Hooks;

/// <summary>
/// The contexts phase A will present to <c>task_numab_enabled</c> for each task, worked out before
/// the phase runs so the tasks can decide in parallel: for a task that phase D moved to another
/// node, the call of <c>update_scan_period</c> (still on the old node, old preferred node), then,
/// for a task that runs this tick, the call of <c>task_tick_numa</c> (after the move). Fault
/// statistics and RSS do not change between the end of phase C and these calls.
/// </summary>
public static class PhaseAContexts
{
    public static ImmutableArray<HookTaskContext> For(ProcessModel process, TaskState task, IReadOnlyList<TaskMoveResult> moves, long startMs, long rssPages)
    {
        var node = task.Node;
        var preferred = task.PreferredNid;
        var contexts = ImmutableArray.CreateBuilder<HookTaskContext>();
        foreach (var m in moves)
        {
            if (m.TaskId != task.Id) continue;
            if (m.Moved && m.NewNode != node)
            {
                contexts.Add(Context(process, task, node, preferred, startMs, rssPages));
                node = m.NewNode;
            }
            if (m.NewPreferredNode >= 0) preferred = m.NewPreferredNode;
        }
        if (task.Utilization > 0) contexts.Add(Context(process, task, node, preferred, startMs, rssPages));
        return contexts.ToImmutable();
    }

    private static HookTaskContext Context(ProcessModel process, TaskState task, int node, int preferred, long nowMs, long rssPages) => new(
        task.Id, process.Pid, process.CgroupId, node, preferred, nowMs * 1_000_000,
        task.HintFaultsLocalPages, task.HintFaultsRemotePages, task.PagesMigrated, rssPages);
}
