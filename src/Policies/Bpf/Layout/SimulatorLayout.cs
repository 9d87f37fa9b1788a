namespace NumaActors.Policies.Bpf.Layout;

/// <summary>
/// The simulator's own task/mm/cgroup layout, fields named as the kernel names them (README §4:
/// "the simulator's target BTF need not be BTF"). CO-RE records resolve against it, the task image
/// handed to a hook is serialised in it, and <see cref="CHeader"/> prints it for users who compile
/// without CO-RE. The offsets are those of the spec's <c>sim_layout.h</c>, so its simdirect
/// objects are an oracle for the relocator; <c>bpf_numab_ops</c> adds the simulator's scan
/// extensions after the proposal's members.
/// </summary>
public sealed class SimulatorLayout
{
    private readonly Dictionary<string, SimType> structs;
    private readonly Dictionary<string, SimType> enums;

    private SimulatorLayout(IReadOnlyList<SimType> structList, IReadOnlyList<SimType> enumList)
    {
        Structs = structList;
        Enums = enumList;
        structs = structList.ToDictionary(s => s.Name);
        enums = enumList.ToDictionary(e => e.Name);
    }

    public static SimulatorLayout Default { get; } = Build();

    /// <summary>Struct types in dependency order.</summary>
    public IReadOnlyList<SimType> Structs { get; }

    public IReadOnlyList<SimType> Enums { get; }

    public SimType? Struct(string name) => structs.GetValueOrDefault(name);

    public SimType? Enum(string name) => enums.GetValueOrDefault(name);

    public SimType TaskStruct => structs["task_struct"];

    public SimType NumabOps => structs["bpf_numab_ops"];

    /// <summary>
    /// This layout without one member (what-if: a kernel that lacks the field); CO-RE then reads it
    /// as "not exists" or poisons the insn (README §4 step 6).
    /// </summary>
    public SimulatorLayout WithoutMember(string structName, string member) => new(
        Structs.Select(s => s.Name == structName ? s with { Members = s.Members.Where(m => m.Name != member).ToList() } : s).ToList(),
        Enums);

    /// <summary>This layout with one member's type replaced (what-if: a kernel where the field has another width).</summary>
    public SimulatorLayout WithMemberType(string structName, string member, SimType type) => new(
        Structs.Select(s => s.Name == structName
            ? s with { Members = s.Members.Select(m => m.Name == member ? m with { Type = type } : m).ToList() }
            : s).ToList(),
        Enums);

    /// <summary>The C header of this layout (<c>numa-actors bpf header</c>).</summary>
    public string CHeader() => SimulatorHeaderWriter.Write(this);

    private static SimulatorLayout Build()
    {
        var s32 = SimType.Int("int", 4, true);
        var u32 = SimType.Int("unsigned int", 4, false);
        var u64 = SimType.Int("__u64", 8, false);
        var ulong_ = SimType.Int("unsigned long", 8, false);
        var char_ = SimType.Int("char", 1, true);
        SimType Fwd(string name) => new(name, SimTypeKind.Struct, 0);
        SimType Ptr(string name) => SimType.PointerTo(Fwd(name));
        SimType St(string name, int size, params SimMember[] m) => new(name, SimTypeKind.Struct, size) { Members = m };
        SimMember M(string name, SimType t, int byteOffset) => new(name, t, byteOffset * 8);

        var kernfs = St("kernfs_node", 16, M("flags", u64, 0), M("id", u64, 8));
        var cgroup = St("cgroup", 40, M("kn", Ptr("kernfs_node"), 0), M("pad", SimType.ArrayOf(u64, 3), 8), M("level", s32, 32));
        var cssSet = St("css_set", 16, M("refcount", u64, 0), M("dfl_cgrp", Ptr("cgroup"), 8));
        var mm = St("mm_struct", 32,
            M("numa_scan_seq", s32, 0), M("pad0", s32, 4), M("owner", Ptr("task_struct"), 8),
            M("numa_scan_offset", ulong_, 16), M("numa_next_scan", ulong_, 24));
        var se = St("sched_entity", 24, M("vruntime", u64, 0), M("sum_exec_runtime", u64, 8), M("exec_start", u64, 16));
        var task = St("task_struct", 128,
            M("pid", s32, 0), M("tgid", s32, 4),
            M("numa_faults_locality", SimType.ArrayOf(ulong_, 3), 8),
            new SimMember("pad_bits", u32, 256, 5), new SimMember("sched_reset_on_fork", u32, 261, 1), new SimMember("in_iowait", u32, 262, 1),
            M("mm", SimType.PointerTo(mm), 40), M("total_numa_faults", ulong_, 48), M("se", se, 56),
            M("numa_preferred_nid", s32, 80), M("numa_scan_period", u32, 84), M("cgroups", SimType.PointerTo(cssSet), 88),
            M("comm", SimType.ArrayOf(char_, 16), 96), M("numa_pages_migrated", ulong_, 112), M("__state", u32, 120));
        var hook = new SimType("numab_hook", SimTypeKind.FuncPtr, 8);
        var ops = St("bpf_numab_ops", 32,
            M("numab_hook", hook, 0), M("hot_thresh", u32, 8), M("cgroup_id", s32, 12),
            M("scan_size_mb", u32, 16), M("scan_period_min_ms", u32, 20), M("scan_period_max_ms", u32, 24), M("scan_delay_ms", u32, 28));
        var stats = new SimType("numa_faults_stats", SimTypeKind.Enum, 4)
        {
            Enumerators = [("NUMA_MEM", 0), ("NUMA_CPU", 1), ("NUMA_MEMBUF", 2), ("NUMA_CPUBUF", 3)],
        };
        return new SimulatorLayout([kernfs, cgroup, cssSet, mm, se, task, ops], [stats]);
    }
}
