using NumaActors.Policies.Bpf.Layout;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary><c>numa-actors bpf header</c>: the C header of the simulator's layout.</summary>
public class SimulatorHeaderTests
{
    [Fact]
    public void The_committed_example_header_is_the_generated_one()
    {
        // examples/policies compile against numab_sim.h; it must not drift from the layout.
        var committed = File.ReadAllText(Path.Combine(RepoRoot(), "examples", "policies", "numab_sim.h"));
        Assert.Equal(SimulatorLayout.Default.CHeader(), committed);
    }

    [Fact]
    public void Header_states_each_member_at_the_simulators_offset()
    {
        var h = SimulatorLayout.Default.CHeader();
        Assert.Contains("\tint pid;\t/* 0 */\n", h);
        Assert.Contains("\tunsigned int in_iowait:1;\t/* bit 262 */\n", h);
        Assert.Contains("\tstruct mm_struct *mm;\t/* 40 */\n", h);
        Assert.Contains("\tunsigned long numa_faults_locality[3];\t/* 8 */\n", h);
        Assert.Contains("\tunsigned int hot_thresh;\t/* 8 */\n", h);
        Assert.Contains("};\t/* 128 bytes */\n", h);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NumaActors.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("repository root (NumaActors.sln) not found");
    }
}
