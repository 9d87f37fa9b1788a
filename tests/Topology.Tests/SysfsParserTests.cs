namespace NumaActors.Topology.Tests;

public sealed class SysfsParserTests : IDisposable
{
    private const long KiB = 1024;
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "numa-actors-sysfs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
    }

    /// <summary>A writable copy of the fixture directory, to break one file at a time.</summary>
    private string CopyOfFixture()
    {
        var source = Fixture.Path("sysfs-intel-spr-2s-cxl");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_scratch, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return _scratch;
    }

    [Fact]
    public void The_sysfs_copy_gives_nodes_cpus_memory_tiers_and_distances()
    {
        var result = TopologyFile.Load(Fixture.Path("sysfs-intel-spr-2s-cxl"));
        Assert.Empty(result.Errors);
        var m = result.Machine!;
        Assert.Equal("sysfs-intel-spr-2s-cxl", m.Name);
        // cpulist 0-51,104-155 = 52 + 52; the two CXL nodes have an empty cpulist
        Assert.Equal([104, 104, 0, 0], m.Nodes.Select(n => n.Cpus));
        Assert.Equal([65707008 * KiB, 66019328 * KiB, 67108864 * KiB, 134217728 * KiB], m.Nodes.Select(n => n.MemoryBytes));
        Assert.Equal([MemoryTier.Fast, MemoryTier.Fast, MemoryTier.Slow, MemoryTier.Slow], m.Nodes.Select(n => n.Tier));
        Assert.Equal([24, 14, 26, 10], m.Distances[3].ToArray());
        Assert.Empty(TopologyValidator.Validate(m));
    }

    [Fact]
    public void The_sysfs_copy_and_the_numactl_output_of_the_same_machine_give_equal_machines()
    {
        var sysfs = TopologyFile.Load(Fixture.Path("sysfs-intel-spr-2s-cxl")).Machine;
        var numactl = TopologyFile.Load(Fixture.Path("intel-spr-2s-cxl.numactl")).Machine;
        Assert.Equal(numactl, sysfs);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var dir = CopyOfFixture();
        File.Delete(Path.Combine(dir, "node1", "meminfo"));
        var result = TopologyFile.Load(dir);
        Assert.Null(result.Machine);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Path.Combine(dir, "node1", "meminfo"), error.File);
        Assert.Equal("missing file", error.Message);
    }

    [Fact]
    public void A_bad_cpulist_is_reported_at_its_column()
    {
        var dir = CopyOfFixture();
        File.WriteAllText(Path.Combine(dir, "node0", "cpulist"), "0-51,10x-155\n");
        var error = Assert.Single(TopologyFile.Load(dir).Errors);
        Assert.EndsWith(Path.Combine("node0", "cpulist"), error.File);
        // "0-51," is 5 characters, so the bad range starts in column 6
        Assert.Equal((1, 6), (error.Line, error.Column));
    }

    [Fact]
    public void A_distance_line_with_the_wrong_count_is_an_error()
    {
        var dir = CopyOfFixture();
        File.WriteAllText(Path.Combine(dir, "node2", "distance"), "14 24 10\n");
        var error = Assert.Single(TopologyFile.Load(dir).Errors);
        Assert.EndsWith(Path.Combine("node2", "distance"), error.File);
        Assert.Equal("the line has 3 distances; expected 4, one per nodeN directory", error.Message);
    }

    [Fact]
    public void A_meminfo_without_MemTotal_or_about_another_node_is_an_error_at_the_right_line()
    {
        var dir = CopyOfFixture();
        File.WriteAllText(Path.Combine(dir, "node0", "meminfo"), "Node 0 MemFree:        63738880 kB\nNode 0 MemUsed:         1968128 kB\n");
        File.WriteAllText(Path.Combine(dir, "node1", "meminfo"), "Node 1 MemFree:        1 kB\nNode 5 MemTotal:       66019328 kB\n");
        var errors = TopologyFile.Load(dir).Errors;
        Assert.Equal(2, errors.Count);
        Assert.Equal((2, "no 'Node 0 MemTotal: X kB' line"), (errors[0].Line, errors[0].Message));
        Assert.Equal((2, 6), (errors[1].Line, errors[1].Column));
        Assert.Contains("about node 5", errors[1].Message);
    }

    [Fact]
    public void A_directory_without_node_directories_is_an_error()
    {
        Directory.CreateDirectory(_scratch);
        var error = Assert.Single(TopologyFile.Load(_scratch).Errors);
        Assert.Contains("no nodeN directories", error.Message);
    }
}
