namespace NumaActors.Host.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData]
    [InlineData("presets")]
    [InlineData("topology")]
    [InlineData("validate")]
    [InlineData("run")]
    public void Help_works_on_every_command(params string[] command)
    {
        var run = CliRun.Of([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public void An_unknown_command_is_bad_input()
    {
        var run = CliRun.Of("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("frobnicate", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void A_missing_argument_is_bad_input()
    {
        var run = CliRun.Of("topology");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Required argument missing", run.Err);
    }

    [Fact]
    public void A_bad_option_value_is_bad_input()
    {
        var run = CliRun.Of("run", "--engine", "quantum");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("quantum", run.Err);
    }
}
