using NumaActors.Kernel.Reporting;

namespace NumaActors.Actors.Messages;

/// <summary>The caller ↔ <c>FleetCoordinator</c>: start the run, get the report (or why it failed).</summary>
public static class FleetProtocol
{
    public sealed record StartFleet
    {
        public static StartFleet Instance { get; } = new();
    }

    public sealed record FleetCompleted(SimulationReport Report);

    public sealed record FleetFailed(string Reason);
}
