using System.Diagnostics;
using BenchmarkDotNet.Running;
using NumaActors.Benchmarks;
using NumaActors.Kernel.Fleet;

// `alloc [WARMUP] [TICKS]`: step one bench server WARMUP ticks, then TICKS more, and print where the
// managed allocations of those TICKS come from.
// Anything else goes to BenchmarkDotNet (e.g. `--filter '*'`).
if (args.Length > 0 && args[0] == "alloc")
{
    int warmup = args.Length > 1 ? int.Parse(args[1]) : 300;
    int ticks = args.Length > 2 ? int.Parse(args[2]) : 300;
    BenchServer.Create(0); // JIT and statics first, so the line below counts one server only
    long startBytes = GC.GetAllocatedBytesForCurrentThread();
    ServerSimulation sim;
    using (var creation = new AllocationListener())
    {
        sim = BenchServer.Create(0);
        Console.WriteLine($"a new server: {GC.GetAllocatedBytesForCurrentThread() - startBytes:N0} bytes allocated");
        foreach (var (type, bytes) in creation.Top(5)) Console.WriteLine($"{bytes,12:N0} B  {type}");
    }
    for (int k = 0; k < warmup; k++) sim.Model.Step();
    long faultsBefore = sim.Model.TakeSnapshot().VmStat.NumaHintFaults;
    using var listener = new AllocationListener();
    long before = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    for (int k = 0; k < ticks; k++) sim.Model.Step();
    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    double seconds = clock.Elapsed.TotalSeconds;
    long faults = sim.Model.TakeSnapshot().VmStat.NumaHintFaults - faultsBefore;
    Console.WriteLine($"ticks {warmup + 1}..{warmup + ticks} in {seconds:0.00} s: {allocated / (double)ticks:N0} bytes per tick, " +
                      $"{faults:N0} hinting faults ({seconds * 1e9 / Math.Max(1, faults):0.0} ns each), {allocated / (double)Math.Max(1, faults):0.00} bytes per fault");
    foreach (var (type, bytes) in listener.Top(20)) Console.WriteLine($"{bytes / (double)ticks,12:N0} B/tick  {type}");
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(KernelHotPaths).Assembly).Run(args);
return 0;
