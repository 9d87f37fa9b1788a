using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies.Tests.Contract;

public sealed class StaticContractTests : HookProgramContractTests
{
    protected override IHookProgram Create(HookProgramTarget target) => BuiltinPrograms.Create("static", target,
        ("enabled", "true"), ("hot_threshold", "500ms"), ("scan_size", "512MiB"), ("scan_period_min", "500ms"), ("scan_period_max", "30s"));
}
