using NumaActors.Kernel.Hooks;
using NumaActors.Policies.Tests.Bpf;

namespace NumaActors.Policies.Tests.Contract;

/// <summary>The proposal's demonstration object, made by the factory as a scenario's <c>kind: bpf</c> policy would be.</summary>
public sealed class BpfDemoContractTests : HookProgramContractTests
{
    protected override IHookProgram Create(HookProgramTarget target) =>
        BuiltinPrograms.Create("bpf", target with { ObjectPath = ExampleObject("numab_demo.o") });

    internal static string ExampleObject(string name) => Path.Combine(SimulatorHeaderTests.RepoRoot(), "examples", "policies", name);
}
