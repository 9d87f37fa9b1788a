using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Tests.Scenarios;

/// <summary>
/// Every shipped scenario (examples/*.yaml and the embedded default) loads with no error.
/// The preset-based ones need src/Topology's presets (amd-epyc-9654-2s-nps4, amd-epyc-1s-nps2,
/// tiered-2dram-2cxl, test-2node); until those land they fail with "unknown topology preset".
/// </summary>
public class ExampleScenarioTests
{
    public static TheoryData<string> ShippedScenarios()
    {
        var root = RepoPaths.Root;
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(root, "examples"), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, f));
        data.Add(Path.Combine("src", "Host", "Scenarios", "default.yaml"));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void Shipped_scenario_loads_with_no_errors(string relativePath)
    {
        var result = ScenarioLoader.Load(Path.Combine(RepoPaths.Root, relativePath), FakePolicyCatalog.Instance);

        Assert.True(result.Scenario is not null, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void The_brief_examples_exist()
    {
        foreach (var name in new[] { "epyc-mixed.yaml", "tiered.yaml", "timeline.yaml" })
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "examples", name)), name);
    }
}
