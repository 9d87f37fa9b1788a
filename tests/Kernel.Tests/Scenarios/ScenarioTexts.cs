using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Tests.Scenarios;

/// <summary>A small valid scenario with an inline machine, and helpers to load variants of it.</summary>
internal static class ScenarioTexts
{
    // Line numbers matter to tests that point into it: line 1 is "version: 1".
    public const string Valid = """
        version: 1
        name: test
        seed: 7
        duration: 60s
        fleet:
          - class: small
            count: 2
            topology:
              nodes:
                - { id: 0, cpus: 8, memory: 16GiB }
                - { id: 1, cpus: 8, memory: 16GiB }
                - { id: 2, cpus: 0, memory: 32GiB, tier: slow }
              distances: [[10, 21, 30], [21, 10, 30], [30, 30, 10]]
        workloads:
          - name: cache
            class: small
            per_server: 1
            tasks: 4
            memory: 4GiB
            access: { rate: 1000000/s, pattern: zipf }

        """;

    public static ScenarioLoadResult Load(string yaml) =>
        ScenarioLoader.LoadText(yaml, "test.yaml", AppContext.BaseDirectory, FakePolicyCatalog.Instance);

    public static Scenario LoadOk(string yaml)
    {
        var result = Load(yaml);
        Assert.True(result.Scenario is not null, string.Join("\n", result.Diagnostics));
        return result.Scenario!;
    }
}
