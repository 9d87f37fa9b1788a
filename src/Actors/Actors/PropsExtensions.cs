using Akka.Actor;

namespace NumaActors.Actors.Actors;

internal static class PropsExtensions
{
    /// <summary>Runs the actor on <paramref name="dispatcher"/> when one is named (children do not inherit it).</summary>
    public static Props On(this Props props, string? dispatcher) => dispatcher is null ? props : props.WithDispatcher(dispatcher);
}
