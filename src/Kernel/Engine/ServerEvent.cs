using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Knobs;
using NumaActors.Kernel.Setup;

namespace NumaActors.Kernel.Engine;

/// <summary>
/// A timeline change for one server (CONTRACT.md §2 <c>timeline</c>), applied between ticks at the
/// first tick boundary at or after <see cref="AtMs"/>. Events of the same time apply in list order.
/// </summary>
public abstract record ServerEvent(long AtMs, int ServerId);

/// <summary><c>scale</c> up: a new workload instance (process) starts.</summary>
public sealed record AddProcessEvent(long AtMs, int ServerId, ProcessSetup Process) : ServerEvent(AtMs, ServerId);

/// <summary><c>scale</c> down: a process exits; its memory returns to the nodes.</summary>
public sealed record RemoveProcessEvent(long AtMs, int ServerId, int Pid) : ServerEvent(AtMs, ServerId);

/// <summary><c>phase</c>: a process's access model changes.</summary>
public sealed record SetAccessModelEvent(long AtMs, int ServerId, int Pid, AccessModel Access) : ServerEvent(AtMs, ServerId);

/// <summary><c>sysctl</c>: new knobs; <see cref="Gates"/> reflects the new mode (null = unchanged).</summary>
public sealed record SetKnobsEvent(long AtMs, int ServerId, NumaBalancingKnobs Knobs, INumabGates? Gates) : ServerEvent(AtMs, ServerId);

/// <summary><c>attach</c> / <c>update</c> / <c>detach</c>: the server's gates changed (the hook registry built new ones).</summary>
public sealed record SetGatesEvent(long AtMs, int ServerId, INumabGates Gates) : ServerEvent(AtMs, ServerId);
