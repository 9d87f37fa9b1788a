using System.Collections.Immutable;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Rules;

namespace NumaActors.Kernel.Model;

/// <summary>Fault statistics, numa groups and task placement (kernel-model.md §3.4, §4.1–§4.4, §6).</summary>
public sealed partial class ProcessModel
{
    private GroupFaultView[] _groupViews = [];
    // The arrays behind each group's view, refilled in place every tick (groups change only in phase C).
    private long[][] _groupMem = [], _groupCpu = [];

    private void RefreshGroupViews()
    {
        if (_groupViews.Length != _groups.Count)
        {
            _groupViews = new GroupFaultView[_groups.Count];
            Array.Resize(ref _groupMem, _groups.Count);
            Array.Resize(ref _groupCpu, _groups.Count);
        }
        for (int g = 0; g < _groups.Count; g++)
        {
            var grp = _groups[g];
            if (grp is null) continue;
            var mem = _groupMem[g] ??= new long[_n];
            var cpu = _groupCpu[g] ??= new long[_n];
            for (int n = 0; n < _n; n++) { mem[n] = grp.MemFaults(n); cpu[n] = grp.CpuFaults(n); }
            _groupViews[g] = new GroupFaultView(mem, cpu);
        }
    }

    private NumaGroupShape? GroupShape(TaskState task)
    {
        if (task.Group < 0 || _groups[task.Group] is not { } g) return null;
        return new NumaGroupShape(g.Tasks, g.SharedFaults(), g.PrivateFaults());
    }

    /// <summary><c>task_numa_fault</c> (§3.4).</summary>
    private void TaskNumaFault(TickContext ctx, TaskState task, Cpupid last, int memNode, int pages, int flags)
    {
        if (!_statsEnabled[task.Index]) return;
        // Promotions don't feed task statistics (tiering mode or an invalid cpupid).
        if (!_topo.TopTier[memNode] && (ctx.Gates.ModeTiering || !last.IsSet)) return;
        task.Faults ??= new long[8 * _n];

        bool priv = !last.IsSet || last.Task == task.Index;
        if (!priv) TaskNumaGroup(task, last, ref priv);

        int cpuNode = task.Node;
        bool local = (flags & TnfFaultLocal) != 0;
        if (local) task.HintFaultsLocalPages += pages; else task.HintFaultsRemotePages += pages;
        if (!priv && !local && task.Group >= 0 && _groups[task.Group] is { ActiveNodes: > 1 } ng
            && ng.Active[cpuNode] && ng.Active[memNode])
            local = true;   // a settled multi-node group

        if (ctx.NowMs > task.MigrateRetryMs)
        {
            TaskNumaPlacement(ctx, task);
            NumaMigratePreferred(ctx, task);
        }
        if ((flags & TnfMigrated) != 0) task.PagesMigrated += pages;
        if ((flags & TnfMigrateFail) != 0) task.Locality[2] += pages;
        int p = priv ? 1 : 0;
        task.Faults[TaskState.Idx(TaskState.MemBuf, memNode, p, _n)] += pages;
        task.Faults[TaskState.Idx(TaskState.CpuBuf, cpuNode, p, _n)] += pages;
        task.Locality[local ? 1 : 0] += pages;
    }

    /// <summary>
    /// <c>task_numa_group</c> (§4.3) for threads of one mm: the smaller group (ties: larger gid) joins the
    /// other; threads always join, so the fault stays shared.
    /// </summary>
    private void TaskNumaGroup(TaskState task, Cpupid last, ref bool priv)
    {
        if (task.Group < 0)
        {
            var g = new NumaGroup(task.Id, _n) { Tasks = 1 };
            if (task.Faults is { } tf)
            {
                for (int i = 0; i < 4 * _n; i++) g.Faults[i] = tf[i];
                g.Total = task.TotalFaults;
            }
            task.Group = _groups.Count;
            _groups.Add(g);
        }
        if (last.Task < 0 || last.Task >= _tasks.Length) return;
        var other = _tasks[last.Task];
        // The task running on the recorded CPU must still be the recorded one.
        if (other.Node != last.Node || other.Utilization <= 0) return;
        if (other.Group < 0 || other.Group == task.Group) return;
        var mine = _groups[task.Group]!;
        var theirs = _groups[other.Group]!;
        if (mine.Tasks > theirs.Tasks) return;
        if (mine.Tasks == theirs.Tasks && mine.Gid > theirs.Gid) return;
        priv = false; // same mm: join, and the sharing is real

        if (task.Faults is { } f)
        {
            for (int i = 0; i < 4 * _n; i++)
            {
                mine.Faults[i] -= f[i];
                theirs.Faults[i] += f[i];
            }
            mine.Total -= task.TotalFaults;
            theirs.Total += task.TotalFaults;
        }
        mine.Tasks--;
        theirs.Tasks++;
        if (mine.Tasks == 0) _groups[task.Group] = null;
        task.Group = other.Group;
    }

    /// <summary><c>task_numa_placement</c> (§4.1): decay, preferred node, group active nodes, scan period.</summary>
    private void TaskNumaPlacement(TickContext ctx, TaskState task)
    {
        if (task.ScanSeq == _scanSeq || task.Faults is null) return;
        task.ScanSeq = _scanSeq;
        var k = ScanKnobs(ctx);
        task.ScanPeriodMaxMs = ScanPeriod.Max(RssPages, k.Size, k.Min, k.Max, GroupShape(task));

        long totalFaults = task.Locality[0] + task.Locality[1];
        long nowNs = ctx.NowMs * 1_000_000;
        long runtime, period;
        if (task.LastPlacementRuntimeNs < 0)
        {
            runtime = (long)(task.Utilization * KernelConstants.LoadAvgMax);
            period = KernelConstants.LoadAvgMax;
        }
        else
        {
            runtime = task.RuntimeNs - task.LastPlacementRuntimeNs;
            period = nowNs - task.LastPlacementNs;
        }
        task.LastPlacementRuntimeNs = task.RuntimeNs;
        task.LastPlacementNs = nowNs;

        var g = task.Group >= 0 ? _groups[task.Group] : null;
        var f = task.Faults;
        long sharedTypes = 0, privateTypes = 0, maxFaults = 0;
        int maxNid = KernelConstants.NoNode;
        long cpuWeight = (runtime << 16) / (period + 1);
        for (int nid = 0; nid < _n; nid++)
        {
            long faults = 0, groupFaults = 0;
            for (int priv = 0; priv < 2; priv++)
            {
                int mem = TaskState.Idx(TaskState.Mem, nid, priv, _n), cpu = TaskState.Idx(TaskState.Cpu, nid, priv, _n);
                int membuf = TaskState.Idx(TaskState.MemBuf, nid, priv, _n), cpubuf = TaskState.Idx(TaskState.CpuBuf, nid, priv, _n);
                long diff = f[membuf] - f[mem] / 2;
                if (priv == 0) sharedTypes += f[membuf]; else privateTypes += f[membuf];
                f[membuf] = 0;
                long fWeight = cpuWeight * f[cpubuf] / (totalFaults + 1);
                long fDiff = fWeight - f[cpu] / 2;
                f[cpubuf] = 0;
                f[mem] += diff;
                f[cpu] += fDiff;
                task.TotalFaults += diff;
                faults += f[mem];
                if (g is not null)
                {
                    g.Faults[g.Idx(0, nid, priv)] += diff;
                    g.Faults[g.Idx(1, nid, priv)] += fDiff;
                    g.Total += diff;
                    groupFaults += g.Faults[g.Idx(0, nid, priv)];
                }
            }
            long score = g is null ? faults : groupFaults;
            if (score > maxFaults)
            {
                maxFaults = score;
                maxNid = nid;
            }
        }
        if (maxNid != KernelConstants.NoNode)
        {
            maxNid = _topo.NearestCpuNode(maxNid);
            if (g is not null)
            {
                g.CountActiveNodes();
                var gf = new long[_n];
                for (int n = 0; n < _n; n++) gf[n] = g.MemFaults(n);
                maxNid = PlacementScore.PreferredGroupNid(_topo, gf, g.Total, maxNid);
            }
        }
        if (maxFaults > 0 && maxNid != task.PreferredNid) task.PreferredNid = maxNid;

        UpdateTaskScanPeriod(ctx, task, sharedTypes, privateTypes);
        _placements.Add(PlacementInfo(task));
    }

    /// <summary><c>update_task_scan_period</c> (§6.1).</summary>
    private void UpdateTaskScanPeriod(TickContext ctx, TaskState task, long shared, long priv)
    {
        var k = ScanKnobs(ctx);
        long min = ScanPeriod.Min(RssPages, k.Size, k.Min);
        long max = ScanPeriod.Max(RssPages, k.Size, k.Min, k.Max, GroupShape(task));
        long period = ScanPeriod.Update(task.ScanPeriodMs, min, max,
            task.Locality[0], task.Locality[1], task.Locality[2], shared, priv, out bool clear, out bool delayMm);
        task.ScanPeriodMs = period;
        if (delayMm) _nextScanMs = ctx.NowMs + period;
        if (clear) Array.Clear(task.Locality);
    }

    /// <summary><c>numa_migrate_preferred</c> → <c>task_numa_migrate</c> (§4.4): the request for phase D.</summary>
    private void NumaMigratePreferred(TickContext ctx, TaskState task)
    {
        if (task.PreferredNid == KernelConstants.NoNode || task.Faults is null) return;
        task.MigrateRetryMs = ctx.NowMs + Math.Min(1000, task.ScanPeriodMs / 16);
        if (task.Node == task.PreferredNid) return;
        int allowed = 0;
        foreach (bool a in task.AllowedNodes) if (a) allowed++;
        if (allowed <= 1)
        {
            // No NUMA sched domain to balance in: the preferred node becomes the current one.
            if (Setup.CpusetNodes is { Length: 1 }) task.PreferredNid = task.Node;
            return;
        }
        if (!task.AllowedNodes[task.PreferredNid]) return;
        var g = task.Group >= 0 ? _groups[task.Group] : null;
        _moveRequests.Add(new TaskMoveRequest(task.Id, Pid, task.Node, task.PreferredNid, g is not null, g is { ActiveNodes: > 1 },
            TaskWeights(task), GroupWeights(task, g), [.. task.AllowedNodes]));
    }

    private ImmutableArray<long> TaskWeights(TaskState task)
    {
        var faults = new long[_n];
        for (int n = 0; n < _n; n++) faults[n] = task.MemFaults(n);
        return Weights(task, faults, task.TotalFaults);
    }

    private ImmutableArray<long> GroupWeights(TaskState task, NumaGroup? g)
    {
        if (g is null) return TaskWeights(task);
        var faults = new long[_n];
        for (int n = 0; n < _n; n++) faults[n] = g.MemFaults(n);
        return Weights(task, faults, g.Total);
    }

    /// <summary>
    /// Weight of every node as <c>task_numa_migrate</c> would see it from the task's node: node n
    /// scored with dist(src, n); the source itself with dist(src, preferred) as the kernel does.
    /// </summary>
    private ImmutableArray<long> Weights(TaskState task, long[] faults, long total)
    {
        int src = task.Node;
        var w = new long[_n];
        for (int n = 0; n < _n; n++)
        {
            int dist = n != src ? _topo.Distance(src, n)
                : task.PreferredNid >= 0 && task.PreferredNid != src ? _topo.Distance(src, task.PreferredNid)
                : _topo.MaxDistance;
            w[n] = PlacementScore.Weight(_topo, faults, total, n, dist);
        }
        return [.. w];
    }

    private TaskPlacementInfo PlacementInfo(TaskState task) =>
        new(task.Id, Pid, task.Node, task.PreferredNid, TaskWeights(task), [.. task.AllowedNodes], task.Utilization > 0);

    /// <summary>What phase D needs of every task at start (and after a scale): node, preference, weights.</summary>
    public ImmutableArray<TaskPlacementInfo> PlacementInfos() => [.. _tasks.Select(PlacementInfo)];
}
