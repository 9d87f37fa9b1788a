using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies.Tests.Contract;

public sealed class AlwaysContractTests : HookProgramContractTests
{
    protected override IHookProgram Create(HookProgramTarget target) => BuiltinPrograms.Create("always", target);
}
