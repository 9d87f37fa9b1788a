using NumaActors.Policies.Bpf;
using NumaActors.Policies.Bpf.Loading;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary><c>numa-actors bpf inspect OBJ</c>.</summary>
public class BpfInspectorTests
{
    [Fact]
    public void Inspect_shows_programs_maps_globals_struct_ops_and_the_llvm_disassembly()
    {
        var (text, errors) = BpfInspector.InspectFile(Fixture.PathOf("numab_maps.o"));
        Assert.Empty(errors);
        Assert.Contains("  numab_hook               section struct_ops/numab_hook           89 insns (with local_pct)\n", text);
        Assert.Contains("  cg_stats                 hash         key 8 B, value 24 B, max_entries 1024\n", text);
        Assert.Contains("    +0    min_runtime_ns                 8 B = 10000000\n", text);
        Assert.Contains("    +12   ____numab_hook.____fmt        33 B = \"numab: cg %llu pid %d local %u%%\"\n", text);
        Assert.Contains("    hot_thresh         = 500\n", text);
        Assert.Contains("    cgroup_id          = 1234 (ignored: the scenario's attach decides)\n", text);
        Assert.Contains("  .text insn 0 FieldByteOffset task_struct.numa_faults_locality: 96 -> 8\n", text);
        var objdump = Fixture.Text("numab_maps.objdump.txt").Replace("out/numab_maps.o", Fixture.PathOf("numab_maps.o"), StringComparison.Ordinal);
        Assert.EndsWith(objdump, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_of_a_refused_object_gives_its_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"numa-actors-inspect-{Guid.NewGuid():N}.o");
        File.WriteAllBytes(path, Fixture.Bytes("numab_maps.o")[..100]);
        try
        {
            var (text, errors) = BpfInspector.InspectFile(path);
            Assert.Null(text);
            Assert.StartsWith("truncated ELF", Assert.Single(errors).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Inspect_of_a_missing_file_is_an_error()
    {
        var (_, errors) = BpfInspector.InspectFile("/nonexistent/policy.o");
        Assert.Equal("ENOENT", Assert.Single(errors).Errno);
    }

    [Fact]
    public void Plain_struct_ops_is_shown_as_such()
    {
        var p = new ObjectPatcher("numab_maps.o").ReplaceString(".rel.struct_ops.link", ".rel.struct_ops");
        var loaded = BpfObjectLoader.Load(p.Bytes);
        Assert.Contains("numab_ops (struct bpf_numab_ops in .struct_ops, plain mode: attach gives EOPNOTSUPP)", BpfInspector.Describe(loaded.Object!, "x.o"));
    }
}
