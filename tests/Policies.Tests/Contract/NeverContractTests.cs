using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies.Tests.Contract;

public sealed class NeverContractTests : HookProgramContractTests
{
    protected override IHookProgram Create(HookProgramTarget target) => BuiltinPrograms.Create("never", target);
}
