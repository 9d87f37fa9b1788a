using System.Collections.Immutable;
using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Setup;
using NumaActors.Kernel.Tests.Support;

namespace NumaActors.Kernel.Tests.Setup;

public class SetupValidatorTests
{
    [Fact]
    public void A_valid_setup_has_no_errors()
    {
        var setup = new ServerSetup(0, TestMachines.TwoNode(), NumaBalancingKnobs.KernelDefaults,
            [Sim.Process(1, 64 * Sim.MiB, InitialPlacement.FirstTouch, tasks: 2)]);
        Assert.Empty(SetupValidator.Validate(setup));
    }

    [Fact]
    public void Each_problem_is_named_with_its_process()
    {
        var setup = new ServerSetup(3, TestMachines.Tiered(Sim.GiB, Sim.GiB), NumaBalancingKnobs.KernelDefaults,
        [
            Sim.Process(1, 64 * Sim.MiB, InitialPlacement.OnNode(4), tasks: 0),
            Sim.Process(1, 64 * Sim.MiB, InitialPlacement.FirstTouch, pin: [1]) with { CpusetNodes = ImmutableArray.Create(1) },
        ]);
        var errors = SetupValidator.Validate(setup);
        Assert.Contains("server 3, process 1: tasks must be at least 1, got 0", errors);
        Assert.Contains("server 3, process 1: initial memory node:4 does not exist (nodes 0..1)", errors);
        Assert.Contains("server 3, process 1: pid used twice", errors);
        Assert.Contains("server 3, process 1: cpuset has no node with CPUs", errors);
        Assert.Contains("server 3, process 1: pin node 1 is not a node with CPUs", errors);
    }
}
