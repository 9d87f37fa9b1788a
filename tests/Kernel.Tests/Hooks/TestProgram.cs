using NumaActors.Kernel.Hooks;

namespace NumaActors.Kernel.Tests.Hooks;

/// <summary>A hook program for tests: a fixed answer, a fixed hot threshold, and a count of numab_hook calls.</summary>
internal sealed class TestProgram(string name, bool answer = true, uint hotThresholdMs = 0) : IHookProgram
{
    public string Name { get; } = name;

    public int Calls { get; private set; }

    public bool HasNumabHook { get; init; } = true;

    public bool IsSleepable { get; init; }

    public bool NumabHook(in HookTaskContext task)
    {
        Calls++;
        return answer;
    }

    public NumabOverrides Overrides { get; } = new() { HotThresholdMs = hotThresholdMs };

    public void OnStatsWindow(in CgroupWindowStats stats) { }
}
