using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies.Tests.Contract;

/// <summary>The stateful example (a hash map per instance), with its threshold lowered so the contract's tasks cross it.</summary>
public sealed class BpfRemoteFaultsContractTests : HookProgramContractTests
{
    protected override IHookProgram Create(HookProgramTarget target) =>
        BuiltinPrograms.Create("bpf", target with { ObjectPath = BpfDemoContractTests.ExampleObject("numab_remote_faults.o") },
            ("min_remote_faults", "500"));
}
