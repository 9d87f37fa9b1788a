namespace NumaActors.Host.Tests;

public sealed class BpfCommandTests : IDisposable
{
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Header_prints_the_committed_numab_sim_h_so_it_never_drifts()
    {
        var run = CliRun.Of("bpf", "header");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(RepoPaths.Of("examples", "policies", "numab_sim.h")), run.Out);
    }

    [Fact]
    public void Inspect_shows_programs_maps_globals_struct_ops_and_the_disassembly()
    {
        var run = CliRun.Of("bpf", "inspect", BpfObjects.RemoteFaults);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("numab_hook               section struct_ops/numab_hook", run.Out);
        Assert.Contains("cg_numa_stats            hash         key 8 B, value 32 B, max_entries 4096", run.Out);
        Assert.Contains("min_remote_faults", run.Out);
        Assert.Contains("numab_remote_faults (struct bpf_numab_ops in .struct_ops.link, link mode)", run.Out);
        Assert.Contains("Disassembly of section struct_ops/numab_hook:", run.Out);
        Assert.Contains("85 00 00 00 01 00 00 00\tcall 1", run.Out);   // bpf_map_lookup_elem, as llvm-objdump writes it
    }

    [Fact]
    public void Inspect_of_a_malformed_object_gives_its_specific_error_and_exit_2()
    {
        File.WriteAllBytes(dir.Of("short.o"), File.ReadAllBytes(BpfObjects.Demo)[..40]);
        var run = CliRun.Of("bpf", "inspect", dir.Of("short.o"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("truncated ELF: 40 bytes, the ELF64 header alone needs 64 (ENOEXEC)", run.Err);
        Assert.Equal("", run.Out);
    }
}
