using NumaActors.Kernel.Hooks;
using NumaActors.Policies.Bpf.Loading;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary>
/// Maps, globals, helpers and struct_ops of sample 3 (numab_maps) against the reference tool's
/// <c>bpfobj.py dump</c> and <c>bpfobj.py run OBJ --target sim_btf.o --calls 3
/// --task '{"numa_faults_locality":[100,900,0]}'</c> output (README §10).
/// </summary>
public class LoadedObjectTests
{
    [Fact]
    public void Maps_globals_and_struct_ops_are_decoded_as_the_reference_dump()
    {
        var obj = Load("numab_maps.o");
        var map = Assert.Single(obj.Maps).Definition;
        Assert.Equal(new BpfMapDefinition("cg_stats", BpfMapDefinition.TypeHash, 8, 24, 1024, 0), map);
        Assert.Equal([".rodata", ".data", ".bss"], obj.Globals.Select(g => g.Name));
        var rodata = obj.Globals[0];
        Assert.False(rodata.Writable);
        Assert.Equal(45, rodata.Image.Length);
        Assert.Contains(new BpfGlobalVariable("max_local_pct", 8, 4), rodata.Variables);
        Assert.Contains(new BpfGlobalVariable("nr_new_cgroups", 8, 8), obj.Globals[2].Variables);
        var ops = Assert.Single(obj.StructOps);
        Assert.Equal(new BpfStructOps("numab_ops", ".struct_ops.link", true, "numab_hook", 500, 1234, null, null, null, null), ops);
        Assert.Equal("GPL", obj.License);
        // numab_hook (71 insns) + local_pct (18) appended once = 89, as the reference links it.
        Assert.Equal(89, obj.Program("numab_hook")!.Insns.Count);
    }

    [Fact]
    public void Three_calls_give_the_reference_results_map_globals_and_trace()
    {
        var obj = Load("numab_maps.o");
        var trace = new List<string>();
        var instance = new BpfInstance(obj, new BpfHostServices(1, trace.Add));
        var hook = obj.Program("numab_hook")!;
        var results = new List<(int, long)>();
        for (var c = 0; c < 3; c++)
        {
            // The reference clock: 1 s + c x 4 ms.
            var task = new HookTaskContext(4242, 4242, 77, 0, 1, 1_000_000_000 + c * 4_000_000, 900, 100, 10, 1000);
            var r = instance.RunHook(hook, task);
            Assert.Null(r.Fault);
            results.Add((r.ReturnValue, r.Instructions));
        }

        Assert.Equal([(1, 39), (0, 75), (0, 75)], results);
        var (key, value) = Assert.Single(instance.Map("cg_stats")!.Entries());
        Assert.Equal(77UL, BitConverter.ToUInt64(key));
        Assert.Equal("00dc143c000000000300000000000000010000005a000000", Convert.ToHexStringLower(value));
        Assert.Equal("01000000", Convert.ToHexStringLower(instance.Globals[1]));
        Assert.Equal("03000000000000000100000000000000", Convert.ToHexStringLower(instance.Globals[2]));
        Assert.Equal(["numab: cg 77 pid 4242 local 90%", "numab: cg 77 pid 4242 local 90%"], trace);
    }

    [Fact]
    public void A_rodata_override_changes_the_policy_parameter_before_load()
    {
        // max_local_pct 80 -> 95: 90% local is no longer "local enough", so the map's enabled flag is returned.
        var obj = Load("numab_maps.o", new BpfLoadOptions { Rodata = new Dictionary<string, ulong> { ["max_local_pct"] = 95 } });
        var instance = new BpfInstance(obj, new BpfHostServices(1));
        var hook = obj.Program("numab_hook")!;
        var task = new HookTaskContext(4242, 4242, 77, 0, 1, 1_000_000_000, 900, 100, 10, 1000);
        Assert.Equal(1, instance.RunHook(hook, task).ReturnValue);
        Assert.Equal(1, instance.RunHook(hook, task).ReturnValue);
    }

    [Fact]
    public void An_override_of_an_unknown_rodata_variable_is_refused()
    {
        var r = BpfObjectLoader.Load(Fixture.Bytes("numab_maps.o"), new BpfLoadOptions { Rodata = new Dictionary<string, ulong> { ["nope"] = 1 } });
        Assert.Equal("no .rodata variable named 'nope' to set", Assert.Single(r.Errors).Message);
    }

    public static TheoryData<HookTaskContext> Tasks() => new()
    {
        CoreRelocationTests.Task(),
        CoreRelocationTests.Task(pid: 50),
        CoreRelocationTests.Task(preferred: 2),
        CoreRelocationTests.Task(local: 950, remote: 50),
        CoreRelocationTests.Task(nowNs: 5_000_000),
        CoreRelocationTests.Task(local: 0, remote: 0),
    };

    /// <summary>
    /// CO-RE simdirect oracle (README §9 test 3): the CO-RE build relocated to the simulator's
    /// layout behaves as the same source compiled straight against sim_layout.h.
    /// </summary>
    [Theory]
    [MemberData(nameof(Tasks))]
    public void Core_build_behaves_as_the_build_against_the_simulator_layout(HookTaskContext task)
    {
        foreach (var sample in new[] { "numab_core", "numab_maps" })
        {
            var core = Run(sample + ".o", task);
            var direct = Run(sample + ".simdirect.o", task);
            Assert.Equal(direct, core);
        }
    }

    private static string Run(string obj, HookTaskContext task)
    {
        var o = Load(obj);
        var trace = new List<string>();
        var instance = new BpfInstance(o, new BpfHostServices(1, trace.Add));
        var rcs = new List<int>();
        for (var c = 0; c < 3; c++)
            rcs.Add(instance.RunHook(o.Program("numab_hook")!, task with { NowNs = task.NowNs + c * 4_000_000 }).ReturnValue);
        var maps = instance.Maps.SelectMany(m => m.Entries()).Select(e => Convert.ToHexStringLower(e.Key) + "=" + Convert.ToHexStringLower(e.Value));
        return string.Join("|", rcs) + ";" + string.Join(",", maps) + ";" + string.Join(",", instance.Globals.Select(Convert.ToHexStringLower)) + ";" + string.Join(",", trace);
    }

    private static BpfObject Load(string name, BpfLoadOptions? options = null)
    {
        var r = BpfObjectLoader.Load(Fixture.Bytes(name), options);
        Assert.True(r.Succeeded, string.Join("; ", r.Errors));
        return r.Object!;
    }
}
