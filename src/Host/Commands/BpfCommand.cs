using System.CommandLine;
using NumaActors.Host.Cli;
using NumaActors.Policies.Bpf;
using NumaActors.Policies.Bpf.Layout;

namespace NumaActors.Host.Commands;

/// <summary>
/// <c>bpf header</c>: the C header of the simulator's task/mm/cgroup layout, for policies built
/// without CO-RE; <c>bpf inspect OBJ</c>: what the loader makes of an object, and its disassembly.
/// </summary>
public static class BpfCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("bpf", "Tools for BPF policies (kind: bpf): the simulator's C header, and what the loader makes of an object.");
        command.Add(Header(console));
        command.Add(Inspect(console));
        return command;
    }

    private static Command Header(CliConsole console)
    {
        var command = new Command("header", "Print the C header of the simulator's task/mm/cgroup layout (numab_sim.h), for policies built without CO-RE.");
        command.SetAction(_ =>
        {
            console.Out.Write(SimulatorLayout.Default.CHeader());
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Inspect(CliConsole console)
    {
        var file = new Argument<string>("OBJ") { Description = "A BPF object file (clang -O2 -g -target bpf -c policy.bpf.c)." };
        var command = new Command("inspect", "Load a BPF object and print its programs, maps, globals, struct_ops values and LLVM-syntax disassembly.") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var (text, errors) = BpfInspector.InspectFile(path);
            if (text is null)
            {
                foreach (var e in errors) console.Fail($"{path}: {e}");
                return ExitCodes.BadInput;
            }
            console.Out.Write(text);
            return ExitCodes.Success;
        });
        return command;
    }
}
