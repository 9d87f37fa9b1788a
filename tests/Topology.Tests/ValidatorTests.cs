namespace NumaActors.Topology.Tests;

public class ValidatorTests
{
    private const long GiB = 1L << 30;

    private static Machine TwoNodes(int[][]? distances = null, NumaNode? node0 = null, NumaNode? node1 = null) => new(
        "m",
        [node0 ?? new NumaNode(0, 4, 4 * GiB), node1 ?? new NumaNode(1, 4, 4 * GiB)],
        distances ?? [[10, 21], [21, 10]]);

    private static List<TopologyIssue> Errors(Machine m) => TopologyValidator.Validate(m).Where(i => i.Severity == IssueSeverity.Error).ToList();
    private static List<TopologyIssue> Warnings(Machine m) => TopologyValidator.Validate(m).Where(i => i.Severity == IssueSeverity.Warning).ToList();

    [Fact]
    public void A_well_formed_two_socket_machine_has_no_issues()
    {
        Assert.Empty(TopologyValidator.Validate(TwoNodes()));
    }

    [Fact]
    public void A_machine_without_nodes_is_an_error()
    {
        var issue = Assert.Single(TopologyValidator.Validate(new Machine("empty", [], [])));
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Contains("no nodes", issue.Message);
    }

    [Fact]
    public void Node_ids_outside_0_to_n_minus_1_are_reported_with_the_entry_and_the_missing_id()
    {
        var issues = Errors(TwoNodes(node1: new NumaNode(5, 4, 4 * GiB)));
        Assert.Contains(issues, i => i.NodeIndex == 1 && i.Message.Contains("has id 5") && i.Message.Contains("0..1"));
        Assert.Contains(issues, i => i.NodeIndex is null && i.Message == "no node has id 1; with 2 nodes the ids must be 0..1, each once");
    }

    [Fact]
    public void A_duplicate_node_id_names_both_entries()
    {
        var issues = Errors(TwoNodes(node1: new NumaNode(0, 4, 4 * GiB)));
        Assert.Contains(issues, i => i.NodeIndex == 1 && i.Message.Contains("node id 0 appears twice (entries 0 and 1)"));
        Assert.Contains(issues, i => i.Message.Contains("no node has id 1"));
    }

    [Fact]
    public void Nodes_listed_out_of_id_order_are_an_error_because_matrix_rows_follow_entries()
    {
        var issues = Errors(TwoNodes(node0: new NumaNode(1, 4, 4 * GiB), node1: new NumaNode(0, 4, 4 * GiB)));
        Assert.Equal([0, 1], issues.Select(i => i.NodeIndex!.Value));
        Assert.All(issues, i => Assert.Contains("id order", i.Message));
    }

    [Fact]
    public void Zero_memory_is_an_error_on_that_node()
    {
        var issue = Assert.Single(Errors(TwoNodes(node1: new NumaNode(1, 4, 0))));
        Assert.Equal(1, issue.NodeIndex);
        Assert.Equal("node 1 has memory 0 bytes; every node needs memory > 0", issue.Message);
    }

    [Fact]
    public void Negative_cpus_are_an_error_but_zero_cpus_is_a_memory_only_node()
    {
        var negative = Assert.Single(Errors(TwoNodes(node1: new NumaNode(1, -1, 4 * GiB))));
        Assert.Equal(1, negative.NodeIndex);
        Assert.Contains("-1 CPUs", negative.Message);
        Assert.Empty(TopologyValidator.Validate(TwoNodes(node1: new NumaNode(1, 0, 4 * GiB, MemoryTier.Slow))));
    }

    [Fact]
    public void A_machine_where_no_node_has_cpus_is_an_error()
    {
        var issue = Assert.Single(Errors(TwoNodes(node0: new NumaNode(0, 0, GiB), node1: new NumaNode(1, 0, GiB))));
        Assert.Contains("no node has CPUs", issue.Message);
    }

    [Fact]
    public void A_matrix_with_too_few_rows_or_a_short_row_is_reported_by_row()
    {
        var missingRow = Assert.Single(Errors(TwoNodes(distances: [[10, 21]])));
        Assert.Equal("the distance matrix has 1 row; expected 2, one per node", missingRow.Message);

        var shortRow = Assert.Single(Errors(TwoNodes(distances: [[10, 21], [21]])));
        Assert.Equal(1, shortRow.Row);
        Assert.Null(shortRow.Column);
        Assert.Contains("distance row 1 has 1 value; expected 2", shortRow.Message);
    }

    [Fact]
    public void The_diagonal_must_be_10_and_each_bad_cell_is_reported_at_its_row_and_column()
    {
        var issues = Errors(TwoNodes(distances: [[11, 21], [21, 9]]));
        Assert.Equal(2, issues.Count);
        Assert.Equal((0, 0), (issues[0].Row, issues[0].Column));
        Assert.Equal((1, 1), (issues[1].Row, issues[1].Column));
        Assert.Equal("distance[0][0] is 11; a node's distance to itself must be 10", issues[0].Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(0)]
    [InlineData(256)]
    public void Off_diagonal_values_outside_11_to_254_are_errors(int bad)
    {
        var issue = Assert.Single(Errors(TwoNodes(distances: [[10, bad], [21, 10]])));
        Assert.Equal((0, 1), (issue.Row, issue.Column));
        Assert.Contains("must be 11..254", issue.Message);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(254)]
    public void Off_diagonal_values_at_the_ends_of_the_range_are_accepted(int d)
    {
        Assert.Empty(TopologyValidator.Validate(TwoNodes(distances: [[10, d], [d, 10]])));
    }

    [Fact]
    public void Unreachable_255_is_a_warning_next_to_a_cpu_less_node()
    {
        // The shape of the 2P Bergamo + CXL table of field-notes §3.7: the CXL row reads 255 255 10.
        var m = new Machine("bergamo-cxl",
            [new NumaNode(0, 128, 64 * GiB), new NumaNode(1, 128, 64 * GiB), new NumaNode(2, 0, 64 * GiB, MemoryTier.Slow)],
            [[10, 32, 60], [32, 10, 50], [255, 255, 10]]);
        Assert.Empty(Errors(m));
        // One warning per 255 cell; the 60/255 and 50/255 pairs are not reported again as asymmetric.
        var warnings = Warnings(m);
        Assert.Equal(2, warnings.Count);
        Assert.Equal((2, 0), (warnings[0].Row, warnings[0].Column));
        Assert.Equal("distance[2][0] is 255 (unreachable); accepted because node 2 has no CPUs", warnings[0].Message);
        Assert.Equal((2, 1), (warnings[1].Row, warnings[1].Column));
    }

    [Fact]
    public void Unreachable_255_between_two_cpu_nodes_is_an_error()
    {
        var issues = TopologyValidator.Validate(TwoNodes(distances: [[10, 255], [255, 10]]));
        Assert.Equal(2, issues.Count);
        Assert.All(issues, i => Assert.Equal(IssueSeverity.Error, i.Severity));
        Assert.Equal([(0, 1), (1, 0)], issues.Select(i => (i.Row!.Value, i.Column!.Value)));
        Assert.Contains("which both have CPUs", issues[0].Message);
    }

    [Fact]
    public void An_asymmetric_matrix_is_accepted_with_one_warning_per_pair()
    {
        var m = TwoNodes(distances: [[10, 21], [31, 10]]);
        Assert.Empty(Errors(m));
        var warning = Assert.Single(Warnings(m));
        Assert.Equal((0, 1), (warning.Row, warning.Column));
        Assert.Equal("distance[0][1] is 21 but distance[1][0] is 31; an asymmetric matrix is accepted as firmware reports it", warning.Message);
    }

    [Fact]
    public void All_problems_are_reported_not_just_the_first()
    {
        var m = new Machine("bad", [new NumaNode(0, 0, 0), new NumaNode(0, 0, GiB)], [[9, 300], [21, 10]]);
        var messages = Errors(m).Select(i => i.Message).ToList();
        // duplicate id, missing id 1, zero memory, no CPUs, bad diagonal, out-of-range distance = 6 errors
        Assert.Equal(6, messages.Count);
    }

    [Fact]
    public void A_latency_matrix_of_the_wrong_shape_or_with_non_positive_values_is_an_error()
    {
        var wrongShape = new Machine("m", [new NumaNode(0, 4, GiB), new NumaNode(1, 4, GiB)], [[10, 21], [21, 10]], [[100, 200]]);
        Assert.Contains(Errors(wrongShape), i => i.Message.Contains("latency matrix has 1 row;"));
        var negative = new Machine("m", [new NumaNode(0, 4, GiB), new NumaNode(1, 4, GiB)], [[10, 21], [21, 10]], [[100, -1], [200, 100]]);
        var issue = Assert.Single(Errors(negative));
        Assert.Equal((0, 1), (issue.Row, issue.Column));
    }
}
