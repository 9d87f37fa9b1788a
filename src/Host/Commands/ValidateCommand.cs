using System.CommandLine;
using NumaActors.Host.Cli;
using NumaActors.Host.Running;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Host.Commands;

/// <summary><c>validate SCENARIO</c>: parse and check, print <c>ok</c> or every error; run nothing.</summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("SCENARIO") { Description = "Scenario file (YAML, schema version 1)." };
        var command = new Command("validate", "Parse and check a scenario; print 'ok' or every error found.") { file };
        command.SetAction(parse =>
        {
            var loaded = ScenarioInput.Load(parse.GetValue(file), Catalogs.Policies);
            return Report(console, loaded) is null ? ExitCodes.BadInput : Ok(console);
        });
        return command;
    }

    /// <summary>Prints diagnostics (errors and warnings) to stderr; returns the scenario when there is no error.</summary>
    public static Scenario? Report(CliConsole console, ScenarioLoadResult loaded)
    {
        foreach (var d in loaded.Diagnostics) console.Error.WriteLine(d.ToString());
        return loaded.Scenario;
    }

    private static int Ok(CliConsole console)
    {
        console.Out.WriteLine("ok");
        return ExitCodes.Success;
    }
}
