using System.CommandLine;
using NumaActors.Host.Commands;

namespace NumaActors.Host.Cli;

/// <summary>
/// The <c>numa-actors</c> command tree (CONTRACT.md §1). Bad command lines exit 2, like any bad input.
/// </summary>
public static class NumaActorsCommandLine
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand(
            "NumaActors: a fleet-scale simulator of Linux NUMA balancing with per-workload hook programs.");
        root.Add(PresetsCommand.Create(console));
        root.Add(TopologyCommand.Create(console));
        root.Add(ValidateCommand.Create(console));
        root.Add(RunCommand.Create(console));
        root.Add(HostCommand.Create(console));
        root.Add(WorkerCommand.Create(console));
        root.Add(ImportCommand.Create(console));
        root.Add(BpfCommand.Create(console));
        root.Add(BenchCommand.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool? interactive = null)
    {
        var console = new CliConsole(output, error, interactive ?? !Console.IsOutputRedirected);
        var root = Build(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) console.Fail(e.Message);
            error.WriteLine("Run 'numa-actors --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (IOException e)
        {
            console.Fail(e.Message);
            return ExitCodes.RunFailed;
        }
        catch (UnauthorizedAccessException e)
        {
            console.Fail(e.Message);
            return ExitCodes.RunFailed;
        }
    }
}
