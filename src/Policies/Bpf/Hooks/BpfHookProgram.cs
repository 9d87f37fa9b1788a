using NumaActors.Kernel.Hooks;
using NumaActors.Policies.Bpf.Layout;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Bpf.Hooks;

/// <summary>
/// A real BPF object as a hook program (issue 8): one instance per cgroup per server, with its own
/// maps and globals. <c>numab_hook</c> runs in the interpreter on the task's image; its
/// <c>hot_thresh</c> and the simulator's scan extensions come from the struct_ops values. After a
/// fault the program answers "no balancing" (README §6 rule 10) and <see cref="Fault"/> tells the
/// server to detach it and report the event. Calls are serialised: a hierarchical attach shares
/// one instance among the cgroups below it, which an engine may run in parallel.
/// </summary>
public sealed class BpfHookProgram : IHookProgram
{
    private readonly BpfInstance instance;
    private readonly BpfNumabPolicy policy;
    private readonly Lock gate = new();
    private readonly List<string> printk = [];
    private int printed;

    /// <summary>Lines of <c>bpf_printk</c> one instance may leave in the report; a chatty program would flood it.</summary>
    public const int MaxPrintkLines = 100;

    public BpfHookProgram(BpfNumabPolicy policy, BpfHostServices services, string? name = null, SimulatorLayout? layout = null)
    {
        this.policy = policy;
        // Without a sink of its own, the instance keeps its printk lines for the report (TakePrintk).
        instance = new BpfInstance(policy.Object, services.Trace is null ? services with { Trace = Keep } : services, layout);
        Name = name ?? $"bpf:{policy.Ops.Variable}";
        var o = policy.Ops;
        Overrides = new NumabOverrides
        {
            HotThresholdMs = o.HotThresh,
            ScanSizeMb = o.ScanSizeMb,
            ScanPeriodMinMs = o.ScanPeriodMinMs,
            ScanPeriodMaxMs = o.ScanPeriodMaxMs,
            ScanDelayMs = o.ScanDelayMs,
        };
    }

    public string Name { get; }

    public NumabOverrides Overrides { get; }

    /// <summary>The first run-time fault; non-null means the program must be detached.</summary>
    public BpfRunFault? RunFault { get; private set; }

    public string? Fault => RunFault?.ToString();

    /// <summary>Maps, writable globals and the random stream change with every call.</summary>
    public bool HookKeepsState => true;

    public long Calls { get; private set; }

    public long InstructionsExecuted { get; private set; }

    /// <summary>The instance's maps and globals, for reports and tests.</summary>
    public BpfInstance Instance => instance;

    public bool NumabHook(in HookTaskContext task)
    {
        lock (gate)
        {
            if (RunFault is not null)
                return false;
            Calls++;
            var r = instance.RunHook(policy.Hook, task);
            InstructionsExecuted += r.Instructions;
            if (r.Fault is not null)
            {
                RunFault = new BpfRunFault(Name, task.CgroupId, task.Pid, task.NowNs, r.Fault);
                return false;
            }

            return r.ReturnValue != 0;
        }
    }

    public IReadOnlyList<string> TakePrintk()
    {
        lock (gate)
        {
            if (printk.Count == 0)
                return [];
            var lines = printk.ToArray();
            printk.Clear();
            return lines;
        }
    }

    private void Keep(string line)
    {
        if (++printed <= MaxPrintkLines)
            printk.Add(line);
        else if (printed == MaxPrintkLines + 1)
            printk.Add($"(further bpf_printk lines of this instance are not recorded: more than {MaxPrintkLines})");
    }

    /// <summary>The proposal's struct_ops has no statistics callback; a BPF policy keeps its own state in maps.</summary>
    public void OnStatsWindow(in CgroupWindowStats stats)
    {
    }
}
