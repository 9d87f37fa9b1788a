using System.Diagnostics;
using NumaActors.Host.Cli;
using NumaActors.Kernel.Fleet;
using Spectre.Console;

namespace NumaActors.Host.Output;

/// <summary>
/// Shows a run's progress: a Spectre progress bar on a terminal; in a pipe or CI a plain line at
/// most every two seconds, and then only when the run has moved a whole percent or a minute has
/// passed (and at each arm's end), so an hour's run logs about a hundred lines, not thousands
/// (<see cref="ProgressLine"/>: each says about how long is left).
/// </summary>
public static class ProgressDisplay
{
    public static T Run<T>(CliConsole console, Kernel.Scenarios.Scenario scenario, Func<IProgress<RunProgress>, T> work)
    {
        if (!console.Interactive) return work(new PlainProgress(console.Error));
        T result = default!;
        console.Rich.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var bar = ctx.AddTask($"simulating {Markup.Escape(scenario.Name)}", maxValue: 1);
                result = work(new Progress<RunProgress>(p =>
                {
                    bar.Description = $"arm {Markup.Escape(p.Arm)} ({p.ArmIndex + 1}/{p.Arms}): {p.ServersDone}/{p.Servers} servers";
                    bar.Value = p.Fraction;
                }));
                bar.Value = 1;
            });
        return result;
    }

    private sealed class PlainProgress(TextWriter writer) : IProgress<RunProgress>
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private double lastPrinted = double.NegativeInfinity;
        private double lastPercent = double.NegativeInfinity;

        public void Report(RunProgress p)
        {
            var now = clock.Elapsed.TotalSeconds;
            var percent = 100 * p.Fraction;
            var due = now - lastPrinted >= 2 && (percent - lastPercent >= 1 || now - lastPrinted >= 60);
            if (!due && p.ServersDone != p.Servers) return;
            lastPrinted = now;
            lastPercent = percent;
            writer.WriteLine(ProgressLine.Format(p, now));
        }
    }
}
