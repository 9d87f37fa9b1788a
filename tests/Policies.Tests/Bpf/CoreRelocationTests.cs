using System.Text.RegularExpressions;
using NumaActors.Kernel.Hooks;
using NumaActors.Policies.Bpf.Layout;
using NumaActors.Policies.Bpf.Loading;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary>
/// CO-RE against the simulator's layout (README §4): the old -> new values equal
/// <c>bpfobj.py core OBJ sim_btf.o</c>, and a missing field reads as "not exists" or poisons.
/// </summary>
public partial class CoreRelocationTests
{
    [GeneratedRegex("""^\s+(\S+)\s+insn\s+(\d+) (\S+)\s+(\S+)\s+"[^"]*": local (-?\d+) -> target (\S+)""")]
    private static partial Regex GoldenLine();

    [Theory]
    [InlineData("numab_core.o", "numab_core.core.txt", null)]
    [InlineData("numab_maps.o", "numab_maps.core.txt", null)]
    [InlineData("numab_core.o", "numab_core.nonid.core.txt", "numa_preferred_nid")]
    [InlineData("numab_core.o", "numab_core.nopm.core.txt", "numa_pages_migrated")]
    public void Relocations_equal_the_reference_resolver(string obj, string golden, string? dropped)
    {
        var layout = dropped is null ? SimulatorLayout.Default : SimulatorLayout.Default.WithoutMember("task_struct", dropped);
        var loaded = BpfObjectLoader.Load(Fixture.Bytes(obj), layout: layout);
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Errors));
        var expected = Fixture.Text(golden).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => GoldenLine().Match(l))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value} {m.Groups[4].Value} {m.Groups[5].Value} -> {(m.Groups[6].Value == "UNRESOLVED" ? "poisoned" : m.Groups[6].Value)}")
            .ToList();
        var actual = loaded.Object!.CoreRelocations
            .Select(c => $"{c.Relo.Section} {c.Relo.InsnOffset / 8} {Golden(c.Relo.Kind)} {c.Field} {c.LocalValue} -> {(c.Poisoned ? "poisoned" : c.TargetValue)}")
            .ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unguarded_load_of_a_field_the_simulator_lacks_faults_when_executed()
    {
        var layout = SimulatorLayout.Default.WithoutMember("task_struct", "numa_preferred_nid");
        var loaded = BpfObjectLoader.Load(Fixture.Bytes("numab_core.o"), layout: layout);
        Assert.True(loaded.Succeeded);
        Assert.Contains(loaded.Object!.Warnings, w => w.Contains("numa_preferred_nid", StringComparison.Ordinal));
        var instance = new BpfInstance(loaded.Object, new BpfHostServices(1), layout);
        var result = instance.RunHook(loaded.Object.Program("numab_hook")!, Task());
        Assert.Equal("executed an unresolved CO-RE instruction at insn 48", result.Fault);
    }

    [Fact]
    public void A_guarded_load_of_a_missing_field_is_skipped_and_the_program_still_decides()
    {
        // bpf_core_field_exists(p->numa_pages_migrated) becomes 0, so the poisoned load is never run.
        var layout = SimulatorLayout.Default.WithoutMember("task_struct", "numa_pages_migrated");
        var loaded = BpfObjectLoader.Load(Fixture.Bytes("numab_core.o"), layout: layout);
        var instance = new BpfInstance(loaded.Object!, new BpfHostServices(1), layout);
        var result = instance.RunHook(loaded.Object!.Program("numab_hook")!, Task());
        Assert.Null(result.Fault);
        Assert.Equal(1, result.ReturnValue);
    }

    [Fact]
    public void A_field_of_another_unsigned_width_changes_the_loads_size()
    {
        // numa_pages_migrated as a 4-byte unsigned int at the same offset: "LDX.dw off=128" becomes "LDX.w off=112".
        var layout = SimulatorLayout.Default.WithMemberType("task_struct", "numa_pages_migrated", SimType.Int("unsigned int", 4, false));
        var loaded = BpfObjectLoader.Load(Fixture.Bytes("numab_core.o"), layout: layout);
        var insn = loaded.Object!.Program("numab_hook")!.Insns[19];
        Assert.Equal(0x61, insn.Opcode);
        Assert.Equal(112, insn.Off);
    }

    [Fact]
    public void A_field_that_turns_signed_cannot_be_resized_and_is_poisoned()
    {
        var layout = SimulatorLayout.Default.WithMemberType("task_struct", "numa_pages_migrated", SimType.Int("int", 4, true));
        var loaded = BpfObjectLoader.Load(Fixture.Bytes("numab_core.o"), layout: layout);
        Assert.Contains(loaded.Object!.CoreRelocations, c => c.Field == "task_struct.numa_pages_migrated" && c.Poisoned);
    }

    internal static HookTaskContext Task(int pid = 4242, int preferred = 1, long local = 700, long remote = 300, long nowNs = 1_000_000_000) =>
        new(pid, pid, 77, 0, preferred, nowNs, local, remote, 10, 1000);

    private static string Golden(Policies.Bpf.Btf.BtfCoreReloKind kind) => kind switch
    {
        Policies.Bpf.Btf.BtfCoreReloKind.FieldByteOffset => "FIELD_BYTE_OFFSET",
        Policies.Bpf.Btf.BtfCoreReloKind.FieldByteSize => "FIELD_BYTE_SIZE",
        Policies.Bpf.Btf.BtfCoreReloKind.FieldExists => "FIELD_EXISTS",
        Policies.Bpf.Btf.BtfCoreReloKind.FieldSigned => "FIELD_SIGNED",
        Policies.Bpf.Btf.BtfCoreReloKind.FieldLShiftU64 => "FIELD_LSHIFT_U64",
        Policies.Bpf.Btf.BtfCoreReloKind.FieldRShiftU64 => "FIELD_RSHIFT_U64",
        Policies.Bpf.Btf.BtfCoreReloKind.EnumValue => "ENUMVAL_VALUE",
        _ => kind.ToString(),
    };
}
