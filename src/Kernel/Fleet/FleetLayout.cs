using System.Collections.Immutable;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Fleet;

/// <summary>
/// Where everything of a scenario runs. Server ids are global and follow the class order of the
/// file (class 0's servers first). A workload with <c>per_server: K</c> has instances 0..K-1 on every
/// server of its class; one with <c>servers: N</c> has instance 0 on N servers spread evenly over the
/// class (server k gets one when ⌊(k+1)N/count⌋ &gt; ⌊kN/count⌋). Instance i of a workload has the leaf
/// cgroup <c>TEMPLATE-i</c>. Pids are per server, in workload then instance order, from
/// <see cref="FirstPid"/>; instances added later by <c>scale</c> take the next pids.
/// </summary>
public static class FleetLayout
{
    public const int FirstPid = 1000;

    /// <summary>Pids reserved per workload so that a scale-up never collides with another workload's pids.</summary>
    public const int PidsPerWorkload = 100_000;

    public static ImmutableArray<ServerPlan> Plan(Scenario scenario)
    {
        var servers = ImmutableArray.CreateBuilder<ServerPlan>();
        var id = 0;
        foreach (var cls in scenario.Fleet)
        {
            for (var k = 0; k < cls.Count; k++)
            {
                var instances = ImmutableArray.CreateBuilder<InstancePlan>();
                for (var w = 0; w < scenario.Workloads.Length; w++)
                {
                    var workload = scenario.Workloads[w];
                    if (workload.Class != cls.Name) continue;
                    var count = InstancesOn(workload.PerServer, workload.Servers, k, cls.Count);
                    for (var i = 0; i < count; i++) instances.Add(Instance(scenario, w, i));
                }
                servers.Add(new ServerPlan(id++, cls, k, instances.ToImmutable()));
            }
        }
        return servers.ToImmutable();
    }

    /// <summary>How many instances of a workload server <paramref name="k"/> of its class holds.</summary>
    public static int InstancesOn(int? perServer, int? servers, int k, int classCount)
    {
        if (perServer is { } p) return p;
        var n = Math.Min(servers ?? 0, classCount);
        return (long)(k + 1) * n / classCount > (long)k * n / classCount ? 1 : 0;
    }

    public static InstancePlan Instance(Scenario scenario, int workloadIndex, int index) =>
        new(workloadIndex, index, FirstPid + workloadIndex * PidsPerWorkload + index,
            CgroupPath(scenario.Workloads[workloadIndex], index));

    public static string CgroupPath(Workload workload, int index) => $"{workload.CgroupTemplate.TrimEnd('/')}-{index}";

    /// <summary>The cgroup a hierarchical attach targets: the parent of the workload's instance cgroups.</summary>
    public static string HierarchicalTarget(Workload workload)
    {
        var template = workload.CgroupTemplate.TrimEnd('/');
        var slash = template.LastIndexOf('/');
        return slash <= 0 ? "/" : template[..slash];
    }
}
