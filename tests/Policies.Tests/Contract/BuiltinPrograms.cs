using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies.Tests.Contract;

/// <summary>Makes built-in programs through the factory, as a scenario would.</summary>
internal static class BuiltinPrograms
{
    public static IHookProgram Create(string kind, HookProgramTarget target, params (string Key, string Value)[] parameters) =>
        HookProgramFactory.CreateBuiltin().Create(kind, parameters.ToDictionary(p => p.Key, p => p.Value), target);
}
