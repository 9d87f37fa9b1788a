namespace NumaActors.Actors.Engine;

/// <summary>A simulated server failed inside the actor engine; the message says why.</summary>
public sealed class ActorEngineException(string message) : Exception(message);
