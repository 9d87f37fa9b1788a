using NumaActors.Kernel.Hooks;

namespace NumaActors.Kernel.Fleet;

/// <summary>What one timeline event did on one server: cgroups or processes changed, and refusals (e.g. EBUSY).</summary>
public readonly record struct EventOutcome(int Applied, int Refused, Errno FirstRefusal, string RefusalMessage)
{
    public static EventOutcome None { get; } = new(0, 0, Errno.None, "");

    public EventOutcome With(HookResult result) => result.IsOk
        ? this with { Applied = Applied + 1 }
        : this with
        {
            Refused = Refused + 1,
            FirstRefusal = Refused == 0 ? result.Errno : FirstRefusal,
            RefusalMessage = Refused == 0 ? result.Message : RefusalMessage,
        };

    public EventOutcome Plus(int applied) => this with { Applied = Applied + applied };
}
