using System.Collections.Immutable;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Model;
using NumaActors.Kernel.Observability;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Fleet;

/// <summary>
/// One server of the fleet under one arm: its cgroup tree, hook registry and gates, its kernel model,
/// and the scenario's timeline applied to it. Both engines drive servers through this type, so a
/// timeline rule is written once. Events apply at the first tick at or after their time.
/// </summary>
public sealed class ServerSimulation
{
    private readonly Scenario scenario;
    private readonly Arm arm;
    private readonly ServerPlan plan;
    private readonly IHookProgramSource programs;
    private readonly CgroupTree tree = new();
    private readonly HookRegistry registry;
    private readonly NumabGates gates;
    private readonly List<LiveInstance> live = [];
    private readonly Dictionary<ulong, string> programOwner = [];
    private readonly (PolicySpec Policy, IReadOnlyDictionary<string, string> Params, bool Hierarchical)?[] attachedTo;
    private readonly Scenarios.AccessModel[] access;
    private readonly VmStatCounters[] removedVmstat;
    private int nextEvent;

    public ServerSimulation(Scenario scenario, Arm arm, ServerPlan plan, IHookProgramSource programs)
    {
        this.scenario = scenario;
        this.arm = arm;
        this.plan = plan;
        this.programs = programs;
        var knobs = arm.Sysctl.ApplyTo(plan.Class.Knobs);
        registry = new HookRegistry(tree, scenario.HookResolution);
        gates = new NumabGates(registry, knobs);
        Model = new ServerModel(SetupMapping.Server(scenario, plan, knobs), gates);
        attachedTo = new (PolicySpec, IReadOnlyDictionary<string, string>, bool)?[scenario.Workloads.Length];
        access = [.. scenario.Workloads.Select(w => w.Access)];
        removedVmstat = [.. scenario.Workloads.Select(_ => VmStatCounters.Zero)];
        foreach (var instance in plan.Instances) Start(instance);
        foreach (var policy in scenario.AttachedPolicies(arm))
            Attach(policy, scenario.Workloads.IndexOf(scenario.FindWorkload(policy.Attach!.Workload)!), policy.Attach.Hierarchical, policy.Params);
    }

    public int ServerId => plan.ServerId;
    public ServerModel Model { get; }
    public long NowMs => Model.NowMs;
    public IReadOnlyList<LiveInstance> Instances => live;

    /// <summary>
    /// What the hook programs did during the ticks so far, for the report: the lines they printed,
    /// and every program that faulted at run time (a BPF program's bad access or exhausted
    /// budget), which is detached as a detach would. In cgroup id order; taken by <see cref="StartTick"/>.
    /// </summary>
    private IReadOnlyList<ProgramEvent> TakeProgramEvents()
    {
        List<(ulong Cgroup, IReadOnlyList<string> Lines, string? Fault)>? found = null;
        foreach (var (cgroup, _) in programOwner)
        {
            var program = registry.ProgramOf(cgroup);
            if (program is null) continue;
            var lines = program.TakePrintk();
            if (lines.Count > 0 || program.Fault is not null) (found ??= []).Add((cgroup, lines, program.Fault));
        }
        if (found is null) return [];
        found.Sort((a, b) => a.Cgroup.CompareTo(b.Cgroup));
        var events = new List<ProgramEvent>();
        foreach (var (cgroup, lines, fault) in found)
        {
            var policy = programOwner[cgroup];
            var workload = WorkloadOfCgroup(cgroup);
            foreach (var line in lines) events.Add(new ProgramEvent(NowMs, ProgramEvent.Printk, policy, workload, cgroup, line));
            if (fault is null) continue;
            events.Add(new ProgramEvent(NowMs, ProgramEvent.Fault, policy, workload, cgroup, fault));
            registry.Detach(cgroup);
            programOwner.Remove(cgroup);
        }
        return events;
    }

    /// <summary>Applies every timeline event due at the start of the next tick; returns (event index, outcome) pairs.</summary>
    private IReadOnlyList<(int Event, EventOutcome Outcome)> ApplyDueEvents()
    {
        List<(int, EventOutcome)>? outcomes = null;
        while (nextEvent < scenario.Timeline.Length && scenario.Timeline[nextEvent].At.TotalMilliseconds <= NowMs)
        {
            (outcomes ??= []).Add((nextEvent, Apply(scenario.Timeline[nextEvent])));
            nextEvent++;
        }
        return outcomes ?? (IReadOnlyList<(int, EventOutcome)>)[];
    }

    /// <summary>
    /// The start of every tick, in both engines: the programs' events are taken first (a faulted
    /// program is detached), then the timeline events due are applied.
    /// </summary>
    public TickStart StartTick()
    {
        var programEvents = TakeProgramEvents();
        return new TickStart(programEvents, ApplyDueEvents());
    }

    /// <summary><see cref="StartTick"/>, then one tick of the kernel model (the sequential path).</summary>
    public TickStart Tick()
    {
        var start = StartTick();
        Model.Step();
        return start;
    }

    /// <summary>Figures since the previous sample, per workload, for time-series row <paramref name="row"/>.</summary>
    public ServerSample Sample(int row)
    {
        var snapshot = Model.TakeSnapshot();
        var nodeSlots = snapshot.Nodes.Length;
        var figures = new IntervalFigures?[scenario.Workloads.Length];
        foreach (var p in snapshot.Processes)
        {
            var w = WorkloadOf(p.Pid);
            (figures[w] ??= new IntervalFigures(nodeSlots)).AddProcess(p);
        }
        for (var w = 0; w < figures.Length; w++)
        {
            if (removedVmstat[w] == VmStatCounters.Zero) continue;
            var f = figures[w] ??= new IntervalFigures(nodeSlots);
            f.Vmstat = f.Vmstat.Add(removedVmstat[w]);
        }
        return new ServerSample(ServerId, row, [.. figures], snapshot.VmStat);
    }

    /// <summary>The workload whose instance (or hierarchical parent) the cgroup is.</summary>
    private string WorkloadOfCgroup(ulong cgroup)
    {
        foreach (var i in live)
            if (i.CgroupId == cgroup) return scenario.Workloads[i.WorkloadIndex].Name;
        for (var w = 0; w < attachedTo.Length; w++)
            if (attachedTo[w] is { Hierarchical: true } && Hosts(w) &&
                tree.TryGetId(FleetLayout.HierarchicalTarget(scenario.Workloads[w]), out var parent) && parent == cgroup)
                return scenario.Workloads[w].Name;
        return tree.PathOf(cgroup);
    }

    private static int WorkloadOf(int pid) => (pid - FleetLayout.FirstPid) / FleetLayout.PidsPerWorkload;

    private EventOutcome Apply(TimelineEvent e) => e switch
    {
        AttachPolicyEvent a => Attach(scenario.FindPolicy(arm, a.Policy)!, IndexOf(a.Workload), a.Hierarchical, scenario.FindPolicy(arm, a.Policy)!.Params),
        UpdatePolicyEvent u => Update(scenario.FindPolicy(u.Policy)!, arm.ParamsOf(u.Policy, u.MergedParams)),
        DetachPolicyEvent d => Detach(d.Policy, IndexOf(d.Workload)),
        SysctlEvent s => Sysctl(s),
        ScaleEvent s => Scale(s),
        PhaseEvent p => Phase(p),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "unknown timeline event"),
    };

    private int IndexOf(string workload) => scenario.Workloads.IndexOf(scenario.FindWorkload(workload)!);

    private bool Hosts(int w) => scenario.Workloads[w].Class == plan.Class.Name;

    private EventOutcome Attach(PolicySpec policy, int w, bool hierarchical, IReadOnlyDictionary<string, string> parameters)
    {
        if (!Hosts(w)) return EventOutcome.None;
        var outcome = EventOutcome.None;
        foreach (var cgroup in AttachTargets(w, hierarchical))
        {
            var result = registry.Attach(cgroup, NewProgram(policy, parameters, cgroup),
                hierarchical ? HookAttachOptions.HierarchicalLink : HookAttachOptions.Default);
            if (result.IsOk) programOwner[cgroup] = policy.Name;
            outcome = outcome.With(result);
        }
        if (outcome.Applied > 0) attachedTo[w] = (policy, parameters, hierarchical);
        return outcome;
    }

    private EventOutcome Update(PolicySpec policy, IReadOnlyDictionary<string, string> parameters)
    {
        var outcome = EventOutcome.None;
        foreach (var (cgroup, owner) in programOwner.OrderBy(kv => kv.Key))
        {
            if (owner != policy.Name) continue;
            outcome = outcome.With(registry.Update(cgroup, NewProgram(policy, parameters, cgroup)));
        }
        for (var w = 0; w < attachedTo.Length; w++)
            if (attachedTo[w] is { } a && a.Policy.Name == policy.Name) attachedTo[w] = a with { Params = parameters };
        return outcome;
    }

    private EventOutcome Detach(string policyName, int w)
    {
        if (!Hosts(w) || attachedTo[w] is not { } a || a.Policy.Name != policyName) return EventOutcome.None;
        var outcome = EventOutcome.None;
        foreach (var cgroup in AttachTargets(w, a.Hierarchical))
        {
            if (!programOwner.TryGetValue(cgroup, out var owner) || owner != policyName) continue;
            outcome = outcome.With(registry.Detach(cgroup));
            programOwner.Remove(cgroup);
        }
        attachedTo[w] = null;
        return outcome;
    }

    private EventOutcome Sysctl(SysctlEvent e)
    {
        if (e.Class is not null && e.Class != plan.Class.Name) return EventOutcome.None;
        var knobs = e.Sysctl.ApplyTo(gates.Knobs);
        gates.SetKnobs(knobs);
        Model.SetKnobs(knobs);
        return EventOutcome.None.Plus(1);
    }

    private EventOutcome Scale(ScaleEvent e)
    {
        var w = IndexOf(e.Workload);
        if (!Hosts(w)) return EventOutcome.None;
        var want = FleetLayout.InstancesOn(e.PerServer, e.Servers, plan.IndexInClass, plan.Class.Count);
        var mine = live.Where(i => i.WorkloadIndex == w).OrderBy(i => i.Index).ToList();
        var changed = 0;
        for (var index = mine.Count == 0 ? 0 : mine[^1].Index + 1; mine.Count + changed < want; index++, changed++)
        {
            var started = Start(FleetLayout.Instance(scenario, w, index));
            if (attachedTo[w] is { Hierarchical: false } a)
            {
                var result = registry.Attach(started.CgroupId, NewProgram(a.Policy, a.Params, started.CgroupId));
                if (result.IsOk) programOwner[started.CgroupId] = a.Policy.Name;
            }
        }
        for (var k = mine.Count - 1; k >= want; k--, changed++) Stop(mine[k]);
        return EventOutcome.None.Plus(changed);
    }

    private EventOutcome Phase(PhaseEvent e)
    {
        var w = IndexOf(e.Workload);
        access[w] = e.Access.ApplyTo(access[w]);
        if (!Hosts(w)) return EventOutcome.None;
        var changed = 0;
        foreach (var i in live.Where(i => i.WorkloadIndex == w))
            if (Model.SetAccessModel(i.Pid, SetupMapping.Access(access[w]))) changed++;
        return EventOutcome.None.Plus(changed);
    }

    private LiveInstance Start(InstancePlan instance)
    {
        var created = tree.GetOrCreate(instance.CgroupPath, out var cgroup);
        if (!created.IsOk) throw new InvalidOperationException($"cgroup {instance.CgroupPath}: {created}");
        var setup = SetupMapping.Process(scenario, instance, cgroup) with { Access = SetupMapping.Access(access[instance.WorkloadIndex]) };
        Model.AddProcess(setup);
        var started = new LiveInstance(instance.WorkloadIndex, instance.Index, instance.Pid, cgroup);
        live.Add(started);
        return started;
    }

    private void Stop(LiveInstance instance)
    {
        var process = Model.Processes.First(p => p.Pid == instance.Pid);
        removedVmstat[instance.WorkloadIndex] = removedVmstat[instance.WorkloadIndex].Add(process.VmStat);
        Model.RemoveProcess(instance.Pid);
        if (programOwner.Remove(instance.CgroupId)) registry.Detach(instance.CgroupId);
        tree.Remove(instance.CgroupId);
        live.Remove(instance);
    }

    private IEnumerable<ulong> AttachTargets(int w, bool hierarchical)
    {
        if (hierarchical)
        {
            tree.GetOrCreate(FleetLayout.HierarchicalTarget(scenario.Workloads[w]), out var parent);
            return [parent];
        }
        return live.Where(i => i.WorkloadIndex == w).OrderBy(i => i.Index).Select(i => i.CgroupId).ToImmutableArray();
    }

    private IHookProgram NewProgram(PolicySpec policy, IReadOnlyDictionary<string, string> parameters, ulong cgroup) =>
        programs.Create(policy, parameters, ServerId, cgroup, scenario.Seed);
}
