using System.Collections.Immutable;
using Akka.Actor;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Model;
using static NumaActors.Actors.Messages.PolicyProtocol;

namespace NumaActors.Actors.Actors;

/// <summary>
/// A server's cgroup actors, kept by its <see cref="ServerActor"/>: one per live process (its leaf
/// cgroup, with the process's tasks) in pid order, plus the inner cgroups that hook commands
/// created. Also the server's hook generation: when a hook changes, every cgroup is told to
/// publish a fresh snapshot to its tasks.
/// </summary>
internal sealed class ServerCgroups(NumabGates gates, string? dispatcher)
{
    private readonly SortedDictionary<int, (ProcessModel Process, IActorRef Actor)> leaves = [];
    private readonly Dictionary<ulong, IActorRef> inner = [];
    private int serial;

    /// <summary>Bumped by every hook change; phase A carries it so a cgroup refreshes before it runs.</summary>
    public int HookGeneration { get; private set; }

    /// <summary>The live processes' pids, ascending (the order phase A is asked in).</summary>
    public IEnumerable<int> Pids => leaves.Keys;

    /// <summary>The cgroup actor of the process <paramref name="pid"/>.</summary>
    public IActorRef this[int pid] => leaves[pid].Actor;

    public ImmutableSortedDictionary<int, IActorRef> ByPid() => leaves.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value.Actor);

    /// <summary>
    /// One cgroup actor per process of <paramref name="processes"/>: the actors of processes that
    /// are gone (scaled away, or replaced under the same pid) stop. Returns the pids that stopped.
    /// </summary>
    public List<int> Sync(IActorContext context, IReadOnlyList<ProcessModel> processes)
    {
        var live = processes.ToDictionary(p => p.Pid);
        var stopped = new List<int>();
        foreach (var (pid, (process, actor)) in leaves.ToList())
        {
            if (live.TryGetValue(pid, out var now) && ReferenceEquals(now, process)) continue;
            context.Stop(actor);
            leaves.Remove(pid);
            stopped.Add(pid);
        }
        foreach (var p in processes)
            if (!leaves.ContainsKey(p.Pid))
                leaves[p.Pid] = (p, context.ActorOf(CgroupActor.Props(p, p.CgroupId, gates, dispatcher), $"cgroup-{p.Pid}-{serial++}"));
        return stopped;
    }

    /// <summary>The actor a hook command for cgroup <paramref name="cgroupId"/> goes to: its process's, or an inner cgroup's (created on first use).</summary>
    public IActorRef For(IActorContext context, ulong cgroupId)
    {
        foreach (var (process, actor) in leaves.Values)
            if (process.CgroupId == cgroupId) return actor;
        if (!inner.TryGetValue(cgroupId, out var target))
            inner[cgroupId] = target = context.ActorOf(CgroupActor.Props(null, cgroupId, gates, dispatcher), $"cgroup-inner-{cgroupId}");
        return target;
    }

    /// <summary>A hook changed: a new generation, and every cgroup republishes to its tasks.</summary>
    public void RefreshHooks()
    {
        HookGeneration++;
        foreach (var (_, actor) in leaves.Values) actor.Tell(new RefreshHook(HookGeneration));
        foreach (var actor in inner.Values) actor.Tell(new RefreshHook(HookGeneration));
    }
}
