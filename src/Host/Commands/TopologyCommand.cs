using System.CommandLine;
using NumaActors.Host.Cli;
using NumaActors.Topology;

namespace NumaActors.Host.Commands;

/// <summary><c>topology FILE</c>: numactl --hardware output or a sysfs node dump, printed as scenario YAML.</summary>
public static class TopologyCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "numactl --hardware output, or a copy of /sys/devices/system/node (a directory with nodeN/ folders)",
        };
        var command = new Command("topology", "Read a machine's NUMA topology and print it as scenario YAML.") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                console.Error.WriteLine($"{path}:1:1: error: no such file or directory");
                return ExitCodes.BadInput;
            }
            var loaded = TopologyFile.Load(path);
            foreach (var e in loaded.Errors) console.Error.WriteLine(e.ToString());
            if (loaded.Machine is null || loaded.Errors.Count > 0) return ExitCodes.BadInput;

            var issues = TopologyValidator.Validate(loaded.Machine);
            foreach (var issue in issues)
                console.Error.WriteLine($"{path}: {(issue.Severity == IssueSeverity.Error ? "error" : "warning")}: {issue.Message}");
            if (issues.Any(i => i.Severity == IssueSeverity.Error)) return ExitCodes.BadInput;

            console.Out.Write(TopologyYaml.ToScenarioYaml(loaded.Machine));
            return ExitCodes.Success;
        });
        return command;
    }
}
