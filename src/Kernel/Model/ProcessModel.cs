using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Observability;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Randomness;
using NumaActors.Kernel.Rules;
using NumaActors.Kernel.Setup;

namespace NumaActors.Kernel.Model;

/// <summary>
/// One process: its address space (mm: scan cursor, scan sequence, the per-VMA numab state of its
/// single anonymous VMA), its regions in flat arrays (structure of arrays), its tasks, numa groups
/// and memcg counters. The owner of phase A (scanner, accesses, hinting faults) and phase C
/// (migration results, <c>task_numa_fault</c>, placement, demotion shares) of <see cref="ServerModel"/>.
/// </summary>
public sealed partial class ProcessModel
{
    private readonly NumaTopology _topo;
    private readonly CostModel _costs;
    private readonly int _n;
    private readonly int _regionPages;
    private readonly int _folioPages;
    // Base pages one simulated hinting fault takes at most: one folio, or a fault grain of base pages.
    private readonly int _grainPages;
    private readonly DeterministicRandom _faultRng;
    private readonly DeterministicRandom _pickRng;

    // Regions (structure of arrays). Index r * N + n for per-node arrays, r * B + b for buckets.
    private readonly long[] _pagesOnNode;
    private readonly long[] _markedOnNode;
    private readonly long[] _resident;
    private readonly long[] _scanTimeMs;
    private readonly int[] _cpupidTask;
    private readonly int[] _cpupidNode;
    private readonly double[] _regionWeight;
    private readonly double[] _regionRate;
    private readonly int[] _regionOwner;
    private int _sharedRegions;
    private long _markedTotal;

    private readonly TaskState[] _tasks;
    private readonly List<NumaGroup?> _groups = [];
    private readonly bool[] _allowedMemNodes;

    // mm state (§2.1) and the VMA's numab state (§2.5).
    private long _nextScanMs;
    private int _scanCursor;
    private int _scanSeq;
    private bool _vmaStateCreated;
    private long _vmaNextScanMs;
    private int _vmaStartSeq;
    private int _vmaPrevSeq;
    private readonly ulong[] _pidsActive = new ulong[2];
    private long _pidsResetMs;

    private readonly VmStat _vmstat = new();

    public ProcessModel(ProcessSetup setup, int firstTaskId, NumaTopology topology, CostModel costs, long regionSizeBytes, ulong seed, int serverId, long nowMs, uint scanDelayMs, int faultGrainPages = 1)
    {
        Setup = setup;
        _topo = topology;
        _costs = costs;
        _n = topology.NodeCount;
        _regionPages = (int)Math.Max(1, regionSizeBytes / KernelConstants.PageSize);
        _folioPages = setup.TransparentHugePages ? Math.Min(KernelConstants.HugePagePages, _regionPages) : 1;
        // A THP folio is already coarser than any grain: the grain only groups base pages.
        _grainPages = _folioPages == 1 ? Math.Clamp(faultGrainPages, 1, _regionPages) : _folioPages;
        long totalPages = Math.Max(1, setup.MemoryBytes / KernelConstants.PageSize);
        RegionCount = (int)((totalPages + _regionPages - 1) / _regionPages);
        int r = RegionCount;
        _pagesOnNode = new long[r * _n];
        _markedOnNode = new long[r * _n];
        _resident = new long[r];
        _scanTimeMs = new long[r];
        _cpupidTask = new int[r * KernelConstants.CpupidBuckets];
        _cpupidNode = new int[r * KernelConstants.CpupidBuckets];
        Array.Fill(_cpupidTask, -1);
        Array.Fill(_cpupidNode, -1);
        _regionWeight = new double[r];
        _regionRate = new double[r];
        _regionOwner = new int[r];
        for (int i = 0; i < r; i++)
            _resident[i] = Math.Min(_regionPages, totalPages - (long)i * _regionPages);
        RssPages = totalPages;

        _allowedMemNodes = new bool[_n];
        for (int n = 0; n < _n; n++)
            _allowedMemNodes[n] = setup.CpusetNodes is not { } cs || cs.Contains(n) || (!_topo.HasCpus[n] && !_topo.TopTier[n]);

        _tasks = new TaskState[setup.Tasks];
        for (int t = 0; t < setup.Tasks; t++)
        {
            var task = new TaskState(firstTaskId + t, t, _n) { Utilization = setup.CpuUtilization };
            task.AllowedNodes = new bool[_n];
            for (int n = 0; n < _n; n++)
                task.AllowedNodes[n] = _topo.HasCpus[n] && (setup.CpusetNodes is not { } cs || cs.Contains(n));
            if (setup.PinNodes is { Length: > 0 } pins)
            {
                task.Pinned = true;
                Array.Clear(task.AllowedNodes);
                task.AllowedNodes[pins[t % pins.Length]] = true;
            }
            // init_numa_balancing: scan period starts at scan_delay; node_stamp 0 (§2.1 step 1).
            task.ScanPeriodMs = scanDelayMs;
            _tasks[t] = task;
        }
        _nextScanMs = nowMs + scanDelayMs;
        _faultRng = new DeterministicRandom(seed, (ulong)serverId, (ulong)setup.Pid, RandomPurpose.HintFaults);
        _pickRng = new DeterministicRandom(seed, (ulong)serverId, (ulong)setup.Pid, RandomPurpose.FaultAttribution);
        ApplyAccessModel(setup.Access);
    }

    public ProcessSetup Setup { get; private set; }
    public int Pid => Setup.Pid;
    public ulong CgroupId => Setup.CgroupId;
    public int RegionCount { get; }
    public int RegionPages => _regionPages;
    public IReadOnlyList<TaskState> Tasks => _tasks;
    public int ScanSeq => _scanSeq;
    public long NextScanMs => _nextScanMs;
    public VmStatCounters VmStat => _vmstat.ToCounters();

    /// <summary>Resident pages (anon RSS); fixed for the life of the process.</summary>
    public long RssPages { get; }

    public long PagesOnNode(int node)
    {
        long s = 0;
        for (int i = 0; i < RegionCount; i++) s += _pagesOnNode[i * _n + node];
        return s;
    }

    public long RegionPagesOnNode(int region, int node) => _pagesOnNode[region * _n + node];

    public bool IsMemoryAllowed(int node) => _allowedMemNodes[node];

    /// <summary>Place a region's pages at start (setup only; the server has checked capacity).</summary>
    public void PlaceInitialPages(int region, int node, long pages)
    {
        _pagesOnNode[region * _n + node] += pages;
        _layoutDirty = true;
    }

    public long RegionResident(int region) => _resident[region];

    /// <summary>Which task touches a region first: its private owner, or task 0 for the shared slice.</summary>
    public int RegionFirstToucher(int region) => Math.Max(0, _regionOwner[region]);

    /// <summary>
    /// Turns the access model into per-region intensities (DESIGN.md: closed form, no per-access
    /// work): the first SharedFraction of the regions is touched by every task, the rest is cut into
    /// one private slice per task; inside a slice the pattern gives each region its weight.
    /// </summary>
    public void ApplyAccessModel(AccessModel access)
    {
        Setup = Setup with { Access = access };
        int r = RegionCount, t = _tasks.Length;
        _sharedRegions = t == 1 ? r : (int)Math.Round(Math.Clamp(access.SharedFraction, 0, 1) * r);
        int privateRegions = r - _sharedRegions;
        SliceWeights(0, _sharedRegions, access);
        for (int i = 0; i < _sharedRegions; i++) _regionOwner[i] = t == 1 ? 0 : -1;
        for (int k = 0; k < t; k++)
        {
            int start = _sharedRegions + (int)((long)privateRegions * k / t);
            int end = _sharedRegions + (int)((long)privateRegions * (k + 1) / t);
            SliceWeights(start, end, access);
            for (int i = start; i < end; i++) _regionOwner[i] = k;
        }
        RecomputeRates();
        _layoutDirty = true;
    }

    private void SliceWeights(int start, int end, AccessModel access)
    {
        int len = end - start;
        if (len <= 0) return;
        double sum = 0;
        int hot = Math.Max(1, (int)Math.Round(Math.Clamp(access.Skew, 0, 1) * len));
        for (int i = 0; i < len; i++)
        {
            double w = access.Pattern switch
            {
                AccessPattern.Zipf => 1.0 / Math.Pow(i + 1, Math.Max(0, access.Skew)),
                AccessPattern.Hotset => hot >= len ? 1.0 : i < hot ? AccessModel.HotsetAccessShare / hot : (1 - AccessModel.HotsetAccessShare) / (len - hot),
                _ => 1.0,
            };
            w *= (double)_resident[start + i] / _regionPages;
            _regionWeight[start + i] = w;
            sum += w;
        }
        for (int i = 0; i < len; i++) _regionWeight[start + i] /= sum;
    }

    /// <summary>Share of a task's accesses that go to the shared slice: its share of the memory it touches.</summary>
    private double SharedShare(int task)
    {
        if (_sharedRegions == RegionCount) return 1;
        int privateRegions = RegionCount - _sharedRegions;
        double own = (double)privateRegions / _tasks.Length;
        return _sharedRegions / (_sharedRegions + own);
    }

    private double TaskRate(TaskState task) => Setup.Access.RatePerTaskPerSecond * task.Utilization;

    /// <summary>Running sums of the tasks' access rates: who takes a fault in a shared region.</summary>
    private double[] _sharedTaskCumulative = [];

    private void RecomputeRates()
    {
        _sharedTaskCumulative = new double[_tasks.Length];
        double running = 0;
        for (int k = 0; k < _tasks.Length; k++) _sharedTaskCumulative[k] = running += TaskRate(_tasks[k]);
        double sharedRate = 0;
        for (int k = 0; k < _tasks.Length; k++) sharedRate += TaskRate(_tasks[k]) * SharedShare(k);
        for (int i = 0; i < RegionCount; i++)
        {
            int owner = _regionOwner[i];
            _regionRate[i] = owner < 0
                ? sharedRate * _regionWeight[i]
                : TaskRate(_tasks[owner]) * (_sharedRegions == RegionCount ? 1 : 1 - SharedShare(owner)) * _regionWeight[i];
        }
    }

    private HookTaskContext Context(TaskState task, long nowMs) => Context(task, task.Node, task.PreferredNid, nowMs);

    private HookTaskContext Context(TaskState task, int node, int preferred, long nowMs) => new(
        task.Id, Pid, CgroupId, node, preferred, nowMs * 1_000_000,
        task.HintFaultsLocalPages, task.HintFaultsRemotePages, task.PagesMigrated, RssPages);

    /// <summary>The scan knobs that apply to this process: the sysctls, or its cgroup's program overrides where set.</summary>
    private (uint Delay, uint Min, uint Max, uint Size) ScanKnobs(TickContext ctx)
    {
        var o = ctx.Gates.Overrides(CgroupId);
        return (o.ScanDelayMs ?? ctx.Knobs.ScanDelayMs, o.ScanPeriodMinMs ?? ctx.Knobs.ScanPeriodMinMs,
            o.ScanPeriodMaxMs ?? ctx.Knobs.ScanPeriodMaxMs, o.ScanSizeMb ?? ctx.Knobs.ScanSizeMb);
    }
}
