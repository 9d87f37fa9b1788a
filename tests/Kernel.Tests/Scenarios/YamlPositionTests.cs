namespace NumaActors.Kernel.Tests.Scenarios;

public class YamlPositionTests
{
    [Fact]
    public void The_valid_base_scenario_loads_with_no_diagnostics()
    {
        var result = ScenarioTexts.Load(ScenarioTexts.Valid);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Scenario);
    }

    [Fact]
    public void Positions_are_one_based_line_and_column_of_the_offending_node()
    {
        // Line 19 is "    memory: 4GiB"; the value starts at column 13 (4 spaces + "memory: ").
        var result = ScenarioTexts.Load(ScenarioTexts.Valid.Replace("memory: 4GiB", "memory: 4GB"));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((19, 13), (d.Line, d.Column));
        Assert.StartsWith("test.yaml:19:13: error: memory: ", d.ToString());
        Assert.Null(result.Scenario);
    }
}
