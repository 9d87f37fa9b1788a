using Spectre.Console;

namespace NumaActors.Host.Cli;

/// <summary>
/// Where a command writes: plain writers for data (so tests and pipes see exact text) and a
/// Spectre console over the same writer for tables and progress.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool interactive)
    {
        Out = output;
        Error = error;
        Interactive = interactive;
        Rich = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) Rich.Profile.Width = 160;
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }

    /// <summary>True when stdout is a terminal: progress bars and colour; false in pipes, CI and tests.</summary>
    public bool Interactive { get; }

    public IAnsiConsole Rich { get; }

    /// <summary>One user-facing error line; never a stack trace.</summary>
    public void Fail(string message) => Error.WriteLine($"numa-actors: error: {message}");
}
