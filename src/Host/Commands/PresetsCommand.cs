using System.CommandLine;
using NumaActors.Host.Cli;
using NumaActors.Host.Output;
using NumaActors.Topology;

namespace NumaActors.Host.Commands;

/// <summary><c>presets</c>: the built-in machines with nodes, CPUs, memory and distances.</summary>
public static class PresetsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("presets", "List the built-in topology presets with nodes, CPUs, memory and distances.");
        command.SetAction(_ =>
        {
            foreach (var machine in Presets.All)
            {
                MachineTable.Write(console, machine);
                console.Out.WriteLine();
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
