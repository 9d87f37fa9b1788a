using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Reporting;

namespace NumaActors.Actors.Cluster;

/// <summary>What a <see cref="FleetHost"/> hands back to the <c>host</c> command: log lines, progress, the report, and when the workers know the run is over.</summary>
public sealed class FleetHostOutput(Action<string> log, IProgress<RunProgress>? progress, Action<ArmReport>? armCompleted = null)
{
    public IProgress<RunProgress>? Progress { get; } = progress;

    /// <summary>Receives each arm's report as soon as every server of that arm has finished.</summary>
    public Action<ArmReport>? ArmCompleted { get; } = armCompleted;

    public TaskCompletionSource<SimulationReport> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource WorkersNotified { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Log(string line) => log(line);
}
