using NumaActors.Kernel.Hooks;

namespace NumaActors.Policies;

/// <summary>Builds one fresh program instance from validated parameters; called once per (server, cgroup).</summary>
public delegate IHookProgram HookProgramCreator(PolicyParams parameters, HookProgramTarget target);
