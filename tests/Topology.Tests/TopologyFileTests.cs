namespace NumaActors.Topology.Tests;

public class TopologyFileTests
{
    [Fact]
    public void A_path_that_does_not_exist_is_an_error_not_an_exception()
    {
        var result = TopologyFile.Load(Fixture.Path("no-such-file.numactl"));
        Assert.Null(result.Machine);
        var error = Assert.Single(result.Errors);
        Assert.Contains("no such file or directory", error.Message);
    }

    [Fact]
    public void A_file_is_read_as_numactl_output_and_a_directory_as_sysfs()
    {
        Assert.Equal("intel-spr-2s-cxl", TopologyFile.Load(Fixture.Path("intel-spr-2s-cxl.numactl")).Machine!.Name);
        Assert.Equal("sysfs-intel-spr-2s-cxl", TopologyFile.Load(Fixture.Path("sysfs-intel-spr-2s-cxl") + Path.DirectorySeparatorChar).Machine!.Name);
    }
}
