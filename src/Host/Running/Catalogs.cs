using NumaActors.Kernel.Fleet;
using NumaActors.Policies;

namespace NumaActors.Host.Running;

/// <summary>The policy kinds this build knows, and the programs it can make from them.</summary>
public static class Catalogs
{
    private static readonly HookProgramFactory Factory = HookProgramFactory.CreateBuiltin();

    public static PolicyCatalog Policies => Factory.Catalog;

    public static IHookProgramSource Programs { get; } = new ScenarioHookPrograms(Factory);
}
