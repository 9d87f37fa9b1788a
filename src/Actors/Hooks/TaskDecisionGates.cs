using NumaActors.Kernel.Hooks;

namespace NumaActors.Actors.Hooks;

/// <summary>
/// The gates one process sees in phase A when its tasks decided <c>task_numab_enabled</c>
/// themselves: a call whose context a task decided is answered with that task's decision; any
/// other call (a context the task could not foresee) goes to the server's gates, which give the
/// same answer from the same registry. Everything else is the server's gates. Used by one actor
/// at a time; not shared.
/// </summary>
public sealed class TaskDecisionGates(INumabGates server, IReadOnlyDictionary<int, (HookTaskContext Context, bool Enabled)[]> decisions) : INumabGates
{
    public long Used { get; private set; }

    public long Missed { get; private set; }

    public bool TaskNumabEnabled(in HookTaskContext task)
    {
        if (decisions.TryGetValue(task.Pid, out var mine))
        {
            foreach (var (context, enabled) in mine)
            {
                if (context != task) continue;
                Used++;
                return enabled;
            }
        }
        Missed++;
        return server.TaskNumabEnabled(in task);
    }

    public bool ModeNormal => server.ModeNormal;

    public bool ModeTiering => server.ModeTiering;

    public uint HotThresholdMs(ulong cgroupId) => server.HotThresholdMs(cgroupId);

    public NumabOverrides Overrides(ulong cgroupId) => server.Overrides(cgroupId);
}
