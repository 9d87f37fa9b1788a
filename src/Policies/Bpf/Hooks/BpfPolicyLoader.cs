using NumaActors.Policies.Bpf.Layout;
using NumaActors.Policies.Bpf.Loading;

namespace NumaActors.Policies.Bpf.Hooks;

/// <summary>
/// Loads an object as a <c>kind: bpf</c> policy: the object loader, then the proposal's struct_ops
/// rules (README §2.3, §6 rule 7): a <c>bpf_numab_ops</c> registration must exist, be in link mode
/// (plain <c>.struct_ops</c> gives EOPNOTSUPP as the RFC's link-only registration does), have a
/// <c>numab_hook</c> (RFC <c>validate</c>: EINVAL), and that hook must not be sleepable (RFC
/// <c>check_member</c>).
/// </summary>
public static class BpfPolicyLoader
{
    public static BpfPolicyLoadResult LoadFile(string path, BpfLoadOptions? options = null, string? opsVariable = null) =>
        FromResult(BpfObjectLoader.LoadFile(path, options), opsVariable);

    public static BpfPolicyLoadResult Load(byte[] bytes, BpfLoadOptions? options = null, string? opsVariable = null, SimulatorLayout? layout = null) =>
        FromResult(BpfObjectLoader.Load(bytes, options, layout), opsVariable);

    public static BpfPolicyLoadResult FromResult(BpfLoadResult loaded, string? opsVariable = null)
    {
        if (!loaded.Succeeded)
            return new BpfPolicyLoadResult(null, loaded.Errors);
        var obj = loaded.Object!;
        var errors = new List<BpfLoadError>();
        var candidates = obj.StructOps.Where(o => opsVariable is null || o.Variable == opsVariable).ToList();
        if (candidates.Count == 0)
        {
            var what = opsVariable is null ? "no struct bpf_numab_ops in .struct_ops.link" : $"no struct_ops variable named '{opsVariable}'";
            return Fail("ENOENT", $"{what}: the object has no NUMA balancing hook to attach");
        }

        if (candidates.Count > 1)
            return Fail("EINVAL", $"the object registers {candidates.Count} bpf_numab_ops ({string.Join(", ", candidates.Select(c => c.Variable))}); name the one to attach");
        var ops = candidates[0];
        if (!ops.Link)
            return Fail("EOPNOTSUPP", $"struct_ops '{ops.Variable}' is in '{ops.Section}': bpf_numab_ops registers in link mode only; use SEC(\".struct_ops.link\")");
        if (ops.NumabHook is null)
            return Fail("EINVAL", $"struct_ops '{ops.Variable}' has no numab_hook: the member is required");
        var hook = obj.Program(ops.NumabHook);
        if (hook is null)
            return Fail("EINVAL", $"struct_ops '{ops.Variable}': numab_hook '{ops.NumabHook}' is not an entry program");
        if (hook.IsSleepable)
            return Fail("EINVAL", $"struct_ops '{ops.Variable}': numab_hook points at '{hook.Name}' in sleepable section '{hook.Section}'; bpf_numab_ops does not allow sleepable programs");
        if (!hook.Section.StartsWith("struct_ops/", StringComparison.Ordinal))
            return Fail("EINVAL", $"struct_ops '{ops.Variable}': numab_hook '{hook.Name}' is in section '{hook.Section}', not a struct_ops program");
        var warnings = new List<string>(obj.Warnings);
        if (ops.CgroupId != 0)
            warnings.Add($"struct_ops '{ops.Variable}' names cgroup id {ops.CgroupId}; ignored, the scenario's attach decides the cgroup");
        return new BpfPolicyLoadResult(new BpfNumabPolicy(obj, ops, hook, warnings), errors);

        static BpfPolicyLoadResult Fail(string errno, string message) => new(null, [new BpfLoadError(errno, message)]);
    }
}
