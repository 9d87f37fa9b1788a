using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies.Tests.Contract;

public sealed class AdaptiveHotThresholdContractTests : HookProgramContractTests
{
    // A budget the contract's windows cross in both directions, so the loop actually moves.
    protected override IHookProgram Create(HookProgramTarget target) => BuiltinPrograms.Create("adaptive-hot-threshold", target, ("budget", "16MiB/s"));
}
