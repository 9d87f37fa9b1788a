using NumaActors.Kernel.Scenarios;
using NumaActors.Topology;

namespace NumaActors.Kernel.Tests.Scenarios;

/// <summary>
/// Topology issues found by the validator are reported at the YAML node they are about. The validator
/// is replaced here by a fixed list of issues so the mapping is checked on its own.
/// </summary>
public class TopologyIssueMappingTests
{
    private static ScenarioLoadResult LoadWith(params TopologyIssue[] issues) =>
        ScenarioLoader.LoadText(ScenarioTexts.Valid, "test.yaml", AppContext.BaseDirectory, FakePolicyCatalog.Instance, null, _ => issues);

    [Fact]
    public void A_node_issue_points_at_that_node_entry()
    {
        // Line 11 is "        - { id: 1, ... }"; the entry's flow mapping starts at column 11.
        var d = Assert.Single(LoadWith(new TopologyIssue(IssueSeverity.Error, "node 1: memory must be > 0", NodeIndex: 1)).Diagnostics);

        Assert.Equal((11, 11, DiagnosticSeverity.Error), (d.Line, d.Column, d.Severity));
        Assert.Equal("node 1: memory must be > 0", d.Message);
    }

    [Fact]
    public void A_matrix_cell_issue_points_at_that_cell()
    {
        // Line 13 is "      distances: [[10, 21, 30], [21, 10, 30], [30, 30, 10]]"; row 1 starts at column 33 and its third cell, "30", is at column 42.
        var d = Assert.Single(LoadWith(new TopologyIssue(IssueSeverity.Warning, "asymmetric", Row: 1, Column: 2)).Diagnostics);

        Assert.Equal((13, 42, DiagnosticSeverity.Warning), (d.Line, d.Column, d.Severity));
    }

    [Fact]
    public void A_row_issue_points_at_the_row()
    {
        // Row 2 "[30, 30, 10]" starts at column 47 of line 13.
        var d = Assert.Single(LoadWith(new TopologyIssue(IssueSeverity.Error, "row 2 is short", Row: 2)).Diagnostics);

        Assert.Equal((13, 47), (d.Line, d.Column));
    }

    [Fact]
    public void Topology_errors_reject_the_scenario_but_warnings_do_not()
    {
        Assert.Null(LoadWith(new TopologyIssue(IssueSeverity.Error, "bad")).Scenario);
        Assert.NotNull(LoadWith(new TopologyIssue(IssueSeverity.Warning, "odd")).Scenario);
    }

    [Fact]
    public void An_issue_with_no_location_points_at_the_distance_matrix()
    {
        var d = Assert.Single(LoadWith(new TopologyIssue(IssueSeverity.Error, "no node has CPUs")).Diagnostics);

        Assert.Equal((13, 18), (d.Line, d.Column));
    }
}
