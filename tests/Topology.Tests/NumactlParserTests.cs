using NumaActors.Topology.Parsing;

namespace NumaActors.Topology.Tests;

public class NumactlParserTests
{
    private const long MiB = 1L << 20;

    private static Machine Load(string fixture)
    {
        var result = TopologyFile.Load(Fixture.Path(fixture));
        Assert.Empty(result.Errors);
        return result.Machine!;
    }

    private static TopologyLoadResult Parse(string text) => NumactlHardwareParser.Parse("test.numactl", text, "test");

    [Fact]
    public void Two_socket_intel_c5n()
    {
        var m = Load("intel-xeon-2s-c5n.numactl");
        Assert.Equal("intel-xeon-2s-c5n", m.Name);
        // node 0: CPUs 0-17 and 36-53 = 18 + 18
        Assert.Equal([36, 36], m.Nodes.Select(n => n.Cpus));
        Assert.Equal([94590 * MiB, 94710 * MiB], m.Nodes.Select(n => n.MemoryBytes));
        Assert.Equal([[10, 21], [21, 10]], m.Distances.Select(r => r.ToArray()));
        Assert.All(m.Nodes, n => Assert.Equal(MemoryTier.Fast, n.Tier));
        Assert.Empty(TopologyValidator.Validate(m));
    }

    [Fact]
    public void Two_socket_epyc_nps1_with_numactl_trailing_spaces()
    {
        var m = Load("amd-epyc-9375f-2s-nps1.numactl");
        Assert.Equal([32, 32], m.Nodes.Select(n => n.Cpus));
        Assert.Equal([773271 * MiB, 774028 * MiB], m.Nodes.Select(n => n.MemoryBytes));
        Assert.Equal([[10, 32], [32, 10]], m.Distances.Select(r => r.ToArray()));
    }

    [Fact]
    public void Eight_node_epyc_nps4()
    {
        var m = Load("amd-epyc-7413-2s-nps4.numactl");
        Assert.Equal(8, m.NodeCount);
        Assert.Equal(Enumerable.Range(0, 8), m.Nodes.Select(n => n.Id));
        // 2 x 24 cores x 2 threads = 96 CPUs, 12 per node
        Assert.All(m.Nodes, n => Assert.Equal(12, n.Cpus));
        Assert.Equal(new long[] { 64069, 64508, 64508, 64496, 64508, 64508, 64456, 64502 }.Select(mb => mb * MiB), m.Nodes.Select(n => n.MemoryBytes));
        Assert.Equal([10, 12, 12, 12, 32, 32, 32, 32], m.Distances[0].ToArray());
        Assert.Equal([32, 32, 32, 32, 12, 12, 12, 10], m.Distances[7].ToArray());
        Assert.Empty(TopologyValidator.Validate(m));
    }

    [Fact]
    public void Cxl_machine_has_two_cpu_less_nodes_in_the_slow_tier()
    {
        var m = Load("intel-spr-2s-cxl.numactl");
        // node 0: CPUs 0-51 and 104-155 = 52 + 52
        Assert.Equal([104, 104, 0, 0], m.Nodes.Select(n => n.Cpus));
        Assert.Equal([MemoryTier.Fast, MemoryTier.Fast, MemoryTier.Slow, MemoryTier.Slow], m.Nodes.Select(n => n.Tier));
        Assert.Equal([64167 * MiB, 64472 * MiB, 65536 * MiB, 131072 * MiB], m.Nodes.Select(n => n.MemoryBytes));
        Assert.Equal([[10, 21, 14, 24], [21, 10, 24, 14], [14, 24, 10, 26], [24, 14, 26, 10]], m.Distances.Select(r => r.ToArray()));
        Assert.Empty(TopologyValidator.Validate(m));
    }

    [Fact]
    public void Xeon_max_hbm_nodes_have_no_cpus_and_fall_under_the_cpu_less_rule()
    {
        var m = Load("intel-xeon-max-2s-hbm-flat.numactl");
        // node 0: CPUs 0-51 and 104-155 = 52 + 52
        Assert.Equal([104, 104, 0, 0], m.Nodes.Select(n => n.Cpus));
        Assert.Equal([515524 * MiB, 514994 * MiB, 65536 * MiB, 65536 * MiB], m.Nodes.Select(n => n.MemoryBytes));
        // The documented rule (CpuLessTierRule) reads every CPU-less node as slow, HBM included.
        Assert.Equal([MemoryTier.Fast, MemoryTier.Fast, MemoryTier.Slow, MemoryTier.Slow], m.Nodes.Select(n => n.Tier));
        Assert.Equal([13, 23, 10, 23], m.Distances[2].ToArray());
        Assert.Empty(TopologyValidator.Validate(m));
    }

    [Fact]
    public void Truncated_output_names_the_last_line_and_what_is_missing()
    {
        var result = TopologyFile.Load(Fixture.Path("truncated-epyc-nps4.numactl"));
        Assert.Null(result.Machine);
        var error = Assert.Single(result.Errors);
        Assert.Equal(31, error.Line);
        // line 31 is "  3:  12  12  12  10  32  32  32  32", 36 characters; the error sits just past its end
        Assert.Equal(37, error.Column);
        Assert.Equal("the file ends after 4 of 8 distance rows (is the output truncated?)", error.Message);
        Assert.EndsWith("truncated-epyc-nps4.numactl:31:37: error: the file ends after 4 of 8 distance rows (is the output truncated?)", error.ToString());
    }

    [Fact]
    public void Output_cut_inside_the_node_list_reports_the_missing_size_the_node_count_and_the_end()
    {
        var text = string.Join('\n', File.ReadLines(Fixture.Path("amd-epyc-7413-2s-nps4.numactl")).Take(11));
        var result = Parse(text);
        Assert.Null(result.Machine);
        var errors = result.Errors.Select(e => (e.Line, e.Column, e.Message)).ToList();
        Assert.Contains((11, 1, "node 3 has no 'node 3 size:' line"), errors);
        // "available: " is 11 characters, so the count starts in column 12
        Assert.Contains((1, 12, "8 nodes declared here but 4 listed"), errors);
        Assert.Contains(errors, e => e.Line == 11 && e.Message.StartsWith("the file ends before the node distance table"));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Garbage_gives_one_error_at_the_first_line_and_no_exception()
    {
        var result = TopologyFile.Load(Fixture.Path("garbage-lscpu.numactl"));
        Assert.Null(result.Machine);
        var error = Assert.Single(result.Errors);
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("expected 'available: N nodes (...)'", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    [InlineData("\0\u00ff\u0001binary")]
    public void Empty_or_binary_input_is_an_error_not_an_exception(string text)
    {
        var result = Parse(text);
        Assert.Null(result.Machine);
        Assert.Single(result.Errors);
    }

    private const string Good =
        "available: 2 nodes (0-1)\n" +
        "node 0 cpus: 0 1 2 3\n" +
        "node 0 size: 4096 MB\n" +
        "node 0 free: 1000 MB\n" +
        "node 1 cpus:\n" +
        "node 1 size: 8192 MB\n" +
        "node 1 free: 8000 MB\n" +
        "node distances:\n" +
        "node   0   1\n" +
        "  0:  10  20\n" +
        "  1:  20  10\n";

    [Fact]
    public void A_bad_distance_value_is_reported_at_its_column()
    {
        var result = Parse(Good.Replace("  1:  20  10", "  1:  2x  10"));
        var error = Assert.Single(result.Errors);
        // "  1:  " is 6 characters, so the value starts in column 7 of line 11
        Assert.Equal((11, 7), (error.Line, error.Column));
        Assert.Equal("distance '2x' is not a whole number", error.Message);
    }

    [Fact]
    public void A_short_or_long_distance_row_is_reported()
    {
        var shortRow = Assert.Single(Parse(Good.Replace("  0:  10  20", "  0:  10")).Errors);
        Assert.Equal(10, shortRow.Line);
        Assert.Contains("the row has 1 distance; expected 2", shortRow.Message);

        var longRow = Assert.Single(Parse(Good.Replace("  0:  10  20", "  0:  10  20  30")).Errors);
        // the third value starts after "  0:  10  20  ", in column 15
        Assert.Equal((10, 15), (longRow.Line, longRow.Column));
    }

    [Fact]
    public void Rows_out_of_order_unknown_lines_and_trailing_text_are_each_reported()
    {
        var text = Good.Replace("node 0 free: 1000 MB", "node 0 frob: 1000 MB").Replace("  0:  10  20", "  1:  10  20") + "extra\n";
        var errors = Parse(text).Errors.Select(e => (e.Line, e.Message)).ToList();
        Assert.Contains((4, "expected 'node N cpus:', 'node N size:', 'node N free:' or 'node distances:'"), errors);
        Assert.Contains((10, "distance row for node 1 where the row for node 0 was expected"), errors);
        Assert.Contains((12, "unexpected text after the distance table"), errors);
    }

    [Fact]
    public void A_size_that_is_not_in_MB_is_an_error()
    {
        var error = Assert.Single(Parse(Good.Replace("node 1 size: 8192 MB", "node 1 size: <not available>")).Errors);
        Assert.Equal((6, 14), (error.Line, error.Column));
    }

    [Fact]
    public void A_header_that_disagrees_with_the_node_list_is_an_error()
    {
        var errors = Parse(Good.Replace("node   0   1", "node   0   2")).Errors;
        Assert.Contains(errors, e => e.Line == 9 && e.Message.Contains("for nodes [0, 2] but the nodes listed above are [0, 1]"));
    }

    [Fact]
    public void A_broken_header_is_one_error_not_one_per_following_row()
    {
        var error = Assert.Single(Parse(Good.Replace("node   0   1", "nodes: 0 1")).Errors);
        Assert.Equal((9, 1), (error.Line, error.Column));
        Assert.StartsWith("expected the distance table header", error.Message);
    }

    [Fact]
    public void A_line_that_is_not_a_row_inside_the_table_is_reported_once()
    {
        var error = Assert.Single(Parse(Good.Replace("  1:  20  10", "  garbage here")).Errors);
        Assert.Equal((11, 3), (error.Line, error.Column));
        Assert.Equal("expected the distance row '1: ...' of node 1", error.Message);
    }

    [Fact]
    public void No_distance_information_is_an_error()
    {
        var text = Good[..Good.IndexOf("node distances:", StringComparison.Ordinal)] + "No distance information available.\n";
        var error = Assert.Single(Parse(text).Errors);
        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void Crlf_line_endings_and_the_cpu_compress_form_parse_like_the_plain_form()
    {
        var plain = Parse(Good).Machine!;
        var crlf = Parse(Good.Replace("\n", "\r\n").Replace("node 0 cpus: 0 1 2 3", "node 0 cpus: 0-3 (4)")).Machine!;
        Assert.Equal(plain, crlf);
        Assert.Equal([4, 0], crlf.Nodes.Select(n => n.Cpus));
        Assert.Equal(MemoryTier.Slow, crlf.Nodes[1].Tier);
    }

    [Fact]
    public void More_nodes_than_declared_is_an_error_at_the_extra_node()
    {
        var error = Assert.Single(Parse(Good.Replace("available: 2 nodes", "available: 1 nodes")).Errors);
        Assert.Equal(5, error.Line);
        Assert.Equal("node 1 is more than the 1 node declared on line 1", error.Message);
    }
}
