using NumaActors.Host.Cli;

namespace NumaActors.Host.Tests;

/// <summary>Runs the numa-actors command line in-process, capturing what a user would see.</summary>
public sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = NumaActorsCommandLine.RunAsync(args, output, error, interactive: false).GetAwaiter().GetResult();
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
