using NumaActors.Kernel.Hooks;
using NumaActors.Policies.Bpf.Layout;
using NumaActors.Policies.Bpf.Loading;

namespace NumaActors.Policies.Bpf.Vm;

/// <summary>
/// One running copy of a loaded object: its own memory, globals (copied from the images) and
/// maps, so state is per instance (per server, per cgroup) and results stay deterministic.
/// </summary>
public sealed class BpfInstance
{
    private readonly BpfMemory memory = new();
    private readonly BpfRuntimeHelpers helpers;
    private readonly BpfInterpreter interpreter;
    private readonly TaskImage taskImage;
    private readonly BpfRegion hookContext = new("ctx", new byte[8], writable: false);
    private readonly BpfMap[] maps;
    private readonly long budget;

    public BpfInstance(BpfObject obj, BpfHostServices services, SimulatorLayout? layout = null)
    {
        Object = obj;
        taskImage = new TaskImage(layout ?? SimulatorLayout.Default);
        budget = services.InstructionBudget;
        helpers = new BpfRuntimeHelpers(services);
        interpreter = new BpfInterpreter(memory, helpers);
        var globals = new List<byte[]>();
        foreach (var g in obj.Globals)
        {
            var image = (byte[])g.Image.Clone();
            globals.Add(image);
            if (memory.AddPersistent(new BpfRegion(g.Name, image, g.Writable)) != g.RegionId)
                throw new InvalidOperationException("region ids out of step with the loader");
        }

        maps = new BpfMap[obj.Maps.Count];
        for (var i = 0; i < maps.Length; i++)
        {
            var m = obj.Maps[i];
            var map = maps[i] = new BpfMap(m.Definition, memory);
            if (memory.AddPersistent(new BpfRegion($"map {m.Definition.Name}", [], false, map)) != m.HandleRegionId)
                throw new InvalidOperationException("region ids out of step with the loader");
        }

        Globals = globals;
        Maps = maps;
    }

    public BpfObject Object { get; }

    /// <summary>The live bytes of each global section, in <see cref="BpfObject.Globals"/> order.</summary>
    public IReadOnlyList<byte[]> Globals { get; }

    public IReadOnlyList<BpfMap> Maps { get; }

    public BpfMap? Map(string name) => Maps.FirstOrDefault(m => m.Definition.Name == name);

    /// <summary>Runs a plain-context program: r1 points at <paramref name="ctx"/> (written back when writable).</summary>
    public BpfRunResult RunWithContext(BpfProgram program, byte[] ctx, bool writable, BpfCallSite site = default)
    {
        helpers.Site = site;
        var ptr = BpfMemory.Pointer(memory.AddTransient(new BpfRegion("ctx", ctx, writable)), 0);
        return Finish(interpreter.Run(program, ptr, budget));
    }

    /// <summary>
    /// Runs a struct_ops program for <paramref name="task"/>: r1 = ctx = <c>u64 args[1]</c>, read-only,
    /// holding the task pointer (README §2.3).
    /// </summary>
    public BpfRunResult RunHook(BpfProgram program, in HookTaskContext task)
    {
        helpers.Site = new BpfCallSite(task.NowNs, task.Pid, task.Tgid, task.CgroupId, task.Node, 0);
        var taskPtr = taskImage.Write(task, memory);
        BitConverter.TryWriteBytes(hookContext.Data, taskPtr);
        var ctx = BpfMemory.Pointer(memory.AddTransient(hookContext), 0);
        return Finish(interpreter.Run(program, ctx, budget));
    }

    private BpfRunResult Finish(BpfRunResult result)
    {
        memory.ClearTransient();
        foreach (var m in maps)
            m.EndCall();
        return result;
    }
}
