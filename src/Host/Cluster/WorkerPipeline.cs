using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NumaActors.Actors.Cluster;
using NumaActors.Actors.Engine;
using NumaActors.Host.Cli;
using NumaActors.Host.Running;
using NumaActors.Kernel.Scenarios;
using static NumaActors.Actors.Messages.ClusterProtocol;

namespace NumaActors.Host.Cluster;

/// <summary>
/// <c>worker</c>: join the host, fetch its scenario, host a share of the server shards until the
/// host says the run is over (exit 0), or exit 1 when the host is lost or cannot be joined.
/// </summary>
public static class WorkerPipeline
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(CliConsole console, ClusterNodeSettings settings, CancellationToken cancel)
    {
        var finished = new TaskCompletionSource<FleetFinished>(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = Address.Parse(settings.SeedAddress);
        void Log(string line) => console.Error.WriteLine($"worker: {line}");

        using var node = ClusterNode.Build(settings, _ => FleetMember.ForWorker(host, Load, finished), Log);
        if (!await ClusterNode.TryStartAsync(node, settings, "worker", console, cancel)) return ExitCodes.RunFailed;
        var system = node.Services.GetRequiredService<ActorSystem>();
        var cluster = Akka.Cluster.Cluster.Get(system);
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberRemoved(() => removed.TrySetResult());

        if (!await ClusterNode.WaitUntilUpAsync(system, JoinTimeout, cancel))
        {
            console.Fail($"worker: could not join the host at {settings.SeedHost}:{settings.SeedPort} within {JoinTimeout.TotalSeconds:0} s " +
                "(is it running, and do both use the same --cert, or both --insecure?)");
            await node.StopAsync(CancellationToken.None);
            return ExitCodes.RunFailed;
        }
        Log($"joined {settings.SeedAddress} as {cluster.SelfAddress}");

        var first = await Task.WhenAny(finished.Task, removed.Task);
        if (first == finished.Task && finished.Task.IsCompletedSuccessfully)
        {
            var end = finished.Task.Result;
            await node.StopAsync(CancellationToken.None);
            if (end.Succeeded)
            {
                Log($"the host finished the run ({end.Message}); leaving");
                return ExitCodes.Success;
            }
            console.Fail($"worker: {end.Message}");
            return ExitCodes.RunFailed;
        }
        console.Fail($"worker: lost the host {settings.SeedAddress} before the run finished (it stopped or is unreachable, and this member was downed); exiting");
        await node.StopAsync(CancellationToken.None);
        return ExitCodes.RunFailed;
    }

    /// <summary>Builds the run from the host's scenario text exactly as the host did.</summary>
    private static FleetRun Load(string fileName, string baseDirectory, string text)
    {
        var loaded = ScenarioLoader.LoadText(text, fileName, baseDirectory, Catalogs.Policies);
        if (loaded.Scenario is null)
            throw new InvalidDataException(string.Join("; ", loaded.Diagnostics.Select(d => d.ToString())));
        return new FleetRun(loaded.Scenario, Catalogs.Programs, null, ActorEngineOptions.Default);
    }
}
