using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

internal sealed partial class ScenarioReader
{
    /// <summary>
    /// One program per cgroup: a second attach fails with EBUSY in the proposal, and a program is replaced
    /// with update. Checked per arm, first for the start-up attaches and then through the timeline in time
    /// order (events at the same time keep file order). Each offending entry is reported once.
    /// A detach is a no-op in an arm where the policy is not attached to the workload at that time (arms
    /// differ in what they attach); it is an error only when no arm has it attached then.
    /// </summary>
    private void CheckAttachConflicts(bool armsGiven)
    {
        var reported = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var detachHits = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var events = _timeline.OrderBy(e => e.Event.At).ToList();
        foreach (var arm in _arms)
        {
            var attached = new Dictionary<string, string>(StringComparer.Ordinal); // workload -> policy
            var armNote = armsGiven ? $" in arm '{arm.Arm.Name}'" : "";
            var start = arm.Arm.PolicyNames is null
                ? _policies.Where(p => p.Model?.Attach is not null).Select(p => (p, p.AttachNode!))
                : arm.Arm.PolicyNames.Value.Select((n, i) => (_policies.First(p => p.Name == n), arm.PolicyNodes[i]))
                    .Where(x => x.Item1.Model?.Attach is not null);
            foreach (var (policy, at) in start)
            {
                var workload = policy.Model!.Attach!.Workload;
                if (attached.TryGetValue(workload, out var holder))
                {
                    if (reported.Add(at))
                        Diagnostics.Error(at, $"policy '{policy.Name}' cannot attach to workload '{workload}'{armNote}: policy '{holder}' is already attached (EBUSY); use update to replace it");
                    continue;
                }
                attached[workload] = policy.Name!;
            }
            foreach (var (e, node) in events)
            {
                switch (e)
                {
                    case AttachPolicyEvent a when attached.TryGetValue(a.Workload, out var holder):
                        if (reported.Add(node))
                            Diagnostics.Error(node, $"at {Fmt(a.At)} policy '{a.Policy}' cannot attach to workload '{a.Workload}'{armNote}: policy '{holder}' is already attached (EBUSY); use update to replace it");
                        break;
                    case AttachPolicyEvent a:
                        attached[a.Workload] = a.Policy;
                        break;
                    case DetachPolicyEvent d when attached.TryGetValue(d.Workload, out var holder) && holder == d.Policy:
                        attached.Remove(d.Workload);
                        detachHits.Add(node);
                        break;
                }
            }
        }
        foreach (var (e, node) in events)
            if (e is DetachPolicyEvent d && !detachHits.Contains(node))
                Diagnostics.Error(node, $"at {Fmt(d.At)} policy '{d.Policy}' is not attached to workload '{d.Workload}'{(armsGiven ? " in any arm" : "")}, so it cannot be detached");
    }
}
