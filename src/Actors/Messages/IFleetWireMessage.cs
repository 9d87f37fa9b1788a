namespace NumaActors.Actors.Messages;

/// <summary>Marks a message that crosses processes; the serializer binding targets this interface.</summary>
public interface IFleetWireMessage;
