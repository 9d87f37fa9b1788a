using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Rules;

namespace NumaActors.Kernel.Model;

/// <summary>The scanner: <c>task_tick_numa</c> and <c>task_numa_work</c> (kernel-model.md §2).</summary>
public sealed partial class ProcessModel
{
    private const long TwoTicksNs = 8_000_000; // 2 scheduler ticks at HZ=250

    /// <summary>
    /// §2.1 step 2, for a task whose runtime just advanced: returns true when the task's scan
    /// period elapsed (in its own CPU time) and the mm is due, i.e. <c>task_numa_work</c> runs.
    /// </summary>
    private bool TaskTickNuma(TaskState task, long nowMs, (uint Delay, uint Min, uint Max, uint Size) k)
    {
        if (task.RuntimeNs <= task.NodeStampNs + task.ScanPeriodMs * 1_000_000) return false;
        if (task.NodeStampNs == 0) task.ScanPeriodMs = ScanPeriod.Start(RssPages, k.Size, k.Min, GroupShape(task));
        task.NodeStampNs += task.ScanPeriodMs * 1_000_000;
        return nowMs >= _nextScanMs;
    }

    /// <summary>§2.1 step 3 and §2.2: one scan pass by <paramref name="task"/>. Returns the CPU time it cost in ns.</summary>
    private double TaskNumaWork(TaskState task, TickContext ctx, (uint Delay, uint Min, uint Max, uint Size) k)
    {
        long now = ctx.StartMs;
        int memNodes = 0;
        for (int n = 0; n < _n; n++) if (_allowedMemNodes[n]) memNodes++;
        // ~v6.16: cpuset.mems of exactly one node → nothing to balance.
        if (Setup.CpusetNodes is { Length: 1 } && memNodes == 1) return 0;
        if (now < _nextScanMs) return 0;
        if (task.ScanPeriodMs == 0)
        {
            task.ScanPeriodMs = ScanPeriod.Start(RssPages, k.Size, k.Min, GroupShape(task));
            task.ScanPeriodMaxMs = ScanPeriod.Max(RssPages, k.Size, k.Min, k.Max, GroupShape(task));
        }
        // At most one scanner per mm per period.
        _nextScanMs = now + task.ScanPeriodMs;
        task.NodeStampNs += TwoTicksNs;

        double cost = ScanPass(task, ctx, k);
        // Throttle scanning to ~3% of the thread's runtime (32 × the time the scan took).
        task.NodeStampNs += (long)(KernelConstants.ScanRuntimePushBack * cost);
        return cost;
    }

    private double ScanPass(TaskState task, TickContext ctx, (uint Delay, uint Min, uint Max, uint Size) k)
    {
        long now = ctx.StartMs;
        var budget = new ScanBudget(k.Size);
        int cursor = _scanCursor;
        if (cursor >= RegionCount)
        {
            // The cursor ran past the last VMA: reset_ptenuma_scan, start over.
            ResetPteNumaScan();
            cursor = 0;
        }

        // Lazily created per-VMA state (§2.4 step 4, §2.5).
        if (!_vmaStateCreated)
        {
            _vmaStateCreated = true;
            _vmaStartSeq = _scanSeq;
            _vmaNextScanMs = now + k.Delay;
            _pidsResetMs = _vmaNextScanMs + 4L * k.Delay;
            _vmaPrevSeq = _scanSeq - 1;
        }
        double cost = 0;
        bool skip = false;
        if (_scanSeq != 0 && now < _vmaNextScanMs) skip = true;                     // scan_delay
        if (now > _pidsResetMs)
        {
            _pidsActive[0] = _pidsActive[1];
            _pidsActive[1] = 0;
            _pidsResetMs = now + 4L * k.Delay;                                         // VMA_PID_RESET_PERIOD
        }
        if (!skip && _vmaPrevSeq == _scanSeq) skip = true;                          // seq_completed
        if (!skip && !VmaIsAccessed(task, cursor)) skip = true;                     // pid_inactive
        if (skip)
        {
            _scanCursor = RegionCount;
            ResetPteNumaScan();
            return 0;
        }

        bool tiering = ctx.Gates.ModeTiering, normal = ctx.Gates.ModeNormal;
        long changedTotal = 0, hugeTotal = 0, skippedPages = 0;
        while (cursor < RegionCount)
        {
            // A chunk spans `pages` of budget rounded up to the region (2 MiB) grain (§2.2).
            int span = (int)Math.Max(1, (budget.Pages + _regionPages - 1) / _regionPages);
            int end = Math.Min(RegionCount, cursor + span);
            long changed = 0;
            for (int r = cursor; r < end; r++) changed += MarkRegion(r, task, now, tiering, normal, ref hugeTotal);
            long spanPages = (long)(end - cursor) * _regionPages;
            budget.Charge(spanPages, changed);
            if (changed == 0) skippedPages += spanPages;
            changedTotal += changed;
            cursor = end;
            if (budget.Exhausted) break;
        }
        if (cursor >= RegionCount && !budget.Exhausted)
        {
            // Ran off the last VMA: the VMA is covered and the sequence completes.
            _vmaPrevSeq = _scanSeq;
            ResetPteNumaScan();
            cursor = 0;
        }
        _scanCursor = cursor;
        _vmstat.NumaPteUpdates += changedTotal;
        _vmstat.NumaHugePteUpdates += hugeTotal;
        double pteCost = _folioPages > 1 ? hugeTotal * _costs.PteUpdateNs : changedTotal * _costs.PteUpdateNs;
        cost += pteCost + skippedPages / 256.0 * _costs.ScanSkipNsPerMiB;
        return cost;
    }

    private void ResetPteNumaScan()
    {
        _scanSeq++;
        _scanCursor = 0;
    }

    /// <summary><c>vma_is_accessed</c> (§2.5).</summary>
    private bool VmaIsAccessed(TaskState task, int cursor)
    {
        if (_scanSeq - _vmaStartSeq < 2) return true;
        ulong bit = 1UL << PidBucket(task.Id);
        if (((_pidsActive[0] | _pidsActive[1]) & bit) != 0) return true;
        if (_scanSeq > _vmaPrevSeq + _tasks.Length) return true;
        return cursor > 0;
    }

    private static int PidBucket(int pid) => (int)(((uint)pid * 0x61C88647u) >> 26); // hash_32(pid, 6)

    /// <summary>
    /// <c>change_prot_numa</c> on one region (§2.3, §2.6): marks every resident, not yet marked page
    /// that passes the per-folio filters; returns the base pages changed.
    /// </summary>
    private long MarkRegion(int r, TaskState scanner, long now, bool tiering, bool normal, ref long huge)
    {
        long changed = 0;
        bool singleThreadedPrivate = _tasks.Length == 1;
        for (int n = 0; n < _n; n++)
        {
            int i = r * _n + n;
            long fresh = _pagesOnNode[i] - _markedOnNode[i];
            if (fresh <= 0) continue;
            if (_topo.TopTier[n] && !normal) continue;                  // tiering-only mode leaves DRAM alone
            if (singleThreadedPrivate && n == scanner.Node) continue;   // already local for the only thread
            if (tiering && !_topo.TopTier[n]) _scanTimeMs[r] = now;     // folio_xchg_access_time
            _markedOnNode[i] += fresh;
            _markedTotal += fresh;
            changed += fresh;
            if (_folioPages > 1) huge += fresh / _folioPages;
        }
        return changed;
    }
}
