using System.Diagnostics;
using System.Text;

namespace NumaActors.Host.Tests.Cluster;

/// <summary>
/// One <c>numa-actors</c> process (the built numa-actors.dll under <c>dotnet</c>), its stdout and
/// stderr collected line by line. Killed (SIGKILL) on Dispose if still running.
/// </summary>
public sealed class MemberProcess : IDisposable
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "numa-actors.dll");
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    private MemberProcess(string name, string workingDirectory, IEnumerable<string> args)
    {
        Name = name;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Program);
        foreach (var a in args) start.ArgumentList.Add(a);
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string Output
    {
        get
        {
            lock (gate) return output.ToString();
        }
    }

    public bool HasExited => process.HasExited;

    public static MemberProcess Start(string name, string workingDirectory, params string[] args) => new(name, workingDirectory, args);

    /// <summary>Polls the output until a line matches; fails with everything seen so far after <paramref name="timeout"/> or at exit.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var exited = process.HasExited;
            if (exited) process.WaitForExit(); // drains the output readers
            var line = Lines().FirstOrDefault(match);
            if (line is not null) return line;
            if (exited || clock.Elapsed > timeout)
                throw new TimeoutException($"{Name}: no line with {what} after {clock.Elapsed.TotalSeconds:0} s (exited: {exited}); output:\n{Output}");
            await Task.Delay(50);
        }
    }

    public IEnumerable<string> Lines() => Output.Split('\n').Select(l => l.TrimEnd('\r'));

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} still running after {timeout.TotalSeconds:0} s; output:\n{Output}");
        }
        return process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill() => process.Kill();

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (gate) output.Append(line).Append('\n');
    }
}
