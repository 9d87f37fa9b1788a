namespace NumaActors.Kernel.Hooks;

/// <summary>
/// One server's hook programs by cgroup: the simulator's <c>memcg-&gt;bpf_numab</c> pointers and
/// <c>bpf_numab_enabled_key</c> (kernel-model.md §9.2), with the proposal's lifecycle
/// (attach, update, detach) and the scenario's <see cref="HookResolution"/>.
/// <para>
/// Writes (lifecycle calls, tree changes) happen between ticks on one thread. Each lifecycle call
/// or removal rebuilds the resolution snapshot (the program that applies to every cgroup) and
/// publishes it with one reference store, as RCU does; a new cgroup only fills its own reserved
/// slot. <see cref="Resolve"/> then reads an array slot, so the per-tick and per-fault gates never
/// walk the hierarchy and never allocate (this is the stateful, precomputed variant of the walk;
/// <see cref="LookupSteps"/> tells the cost model what the stateless kernel walk would read).
/// </para>
/// </summary>
public sealed class HookRegistry
{
    private readonly Dictionary<ulong, Attachment> attachments = [];
    private volatile ResolutionSnapshot snapshot = ResolutionSnapshot.Empty;

    public HookRegistry(CgroupTree tree, HookResolution resolution = HookResolution.Leaf)
    {
        if (!Enum.IsDefined(resolution)) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, null);
        Tree = tree;
        Resolution = resolution;
        tree.Changed += OnTreeChanged;
        Rebuild();
    }

    public CgroupTree Tree { get; }

    public HookResolution Resolution { get; }

    /// <summary>
    /// Programs registered through attach and not yet detached: the count behind the static key
    /// <c>bpf_numab_enabled_key</c>. Update does not change it (kernel-model.md §9.2).
    /// </summary>
    public int AttachedCount { get; private set; }

    /// <summary>Cgroups that hold a program of their own, in ascending id order.</summary>
    public IReadOnlyList<ulong> CgroupsWithProgram => snapshot.Holders;

    /// <summary>
    /// Attach <paramref name="program"/> to the cgroup (<c>reg</c>). Checks, in the kernel's order:
    /// <c>validate</c>/<c>check_member</c> (no <c>numab_hook</c> or a sleepable one: EINVAL), link
    /// mode only (EOPNOTSUPP), the cgroup exists (ENOENT), one program per cgroup (EBUSY, nothing
    /// changes), then the leaf rule (an inner cgroup needs <see cref="HookAttachOptions.Hierarchical"/>, else EINVAL).
    /// On success the static key count goes up by one.
    /// </summary>
    public HookResult Attach(ulong cgroupId, IHookProgram? program, HookAttachOptions? options = null)
    {
        options ??= HookAttachOptions.Default;
        var refused = CheckProgram(program);
        if (!refused.IsOk) return refused;
        if (!options.ViaLink)
            return HookResult.Fail(Errno.EOPNOTSUPP, "bpf_numab_ops registers through a bpf_link only (link mode); plain struct_ops registration is not supported");
        if (!Tree.Exists(cgroupId)) return HookResult.Fail(Errno.ENOENT, $"no cgroup with id {cgroupId}");
        var path = Tree.PathOf(cgroupId);
        if (attachments.TryGetValue(cgroupId, out var existing))
            return HookResult.Fail(Errno.EBUSY, $"cgroup {path} already has program '{existing.Program.Name}' (one program per cgroup); use update to replace it");
        refused = CheckLeaf(cgroupId, options);
        if (!refused.IsOk) return refused;

        attachments.Add(cgroupId, new Attachment(program!, Registered: true));
        AttachedCount++;
        Rebuild();
        return HookResult.Ok;
    }

    /// <summary>
    /// Replace the cgroup's program (<c>update</c>): atomic for readers, and, as in the proposal,
    /// unconditional: it installs the program even when none was attached, without counting it in
    /// the static key. EINVAL for an invalid program, ENOENT for an unknown cgroup; the leaf rule
    /// applies only when the cgroup had no program (replacing keeps the attach's decision).
    /// </summary>
    public HookResult Update(ulong cgroupId, IHookProgram? program, HookAttachOptions? options = null)
    {
        options ??= HookAttachOptions.Default;
        var refused = CheckProgram(program);
        if (!refused.IsOk) return refused;
        if (!Tree.Exists(cgroupId)) return HookResult.Fail(Errno.ENOENT, $"no cgroup with id {cgroupId}");
        var registered = attachments.TryGetValue(cgroupId, out var existing);
        if (!registered)
        {
            refused = CheckLeaf(cgroupId, options);
            if (!refused.IsOk) return refused;
        }

        attachments[cgroupId] = new Attachment(program!, Registered: registered && existing.Registered);
        Rebuild();
        return HookResult.Ok;
    }

    /// <summary>
    /// Remove the cgroup's program (<c>unreg</c>): ENOENT if the cgroup is unknown or has none.
    /// The static key count goes down only for a program that attach registered.
    /// </summary>
    public HookResult Detach(ulong cgroupId)
    {
        if (!Tree.Exists(cgroupId)) return HookResult.Fail(Errno.ENOENT, $"no cgroup with id {cgroupId}");
        if (!attachments.Remove(cgroupId, out var removed))
            return HookResult.Fail(Errno.ENOENT, $"cgroup {Tree.PathOf(cgroupId)} has no program to detach");
        if (removed.Registered) AttachedCount--;
        Rebuild();
        return HookResult.Ok;
    }

    /// <summary><see cref="Attach(ulong, IHookProgram?, HookAttachOptions?)"/> by path; ENOENT names the path.</summary>
    public HookResult Attach(string cgroupPath, IHookProgram? program, HookAttachOptions? options = null) =>
        ByPath(cgroupPath, id => Attach(id, program, options));

    /// <summary><see cref="Update(ulong, IHookProgram?, HookAttachOptions?)"/> by path; ENOENT names the path.</summary>
    public HookResult Update(string cgroupPath, IHookProgram? program, HookAttachOptions? options = null) =>
        ByPath(cgroupPath, id => Update(id, program, options));

    /// <summary><see cref="Detach(ulong)"/> by path; ENOENT names the path.</summary>
    public HookResult Detach(string cgroupPath) => ByPath(cgroupPath, Detach);

    /// <summary>The cgroup's own program (what its <c>bpf_numab</c> pointer holds), or null.</summary>
    public IHookProgram? ProgramOf(ulong cgroupId) =>
        attachments.TryGetValue(cgroupId, out var a) ? a.Program : null;

    /// <summary>
    /// The program that decides for a task whose memcg is <paramref name="cgroupId"/>, under
    /// <see cref="Resolution"/>; null if none (or the cgroup is unknown). Allocation-free.
    /// </summary>
    public IHookProgram? Resolve(ulong cgroupId)
    {
        var s = snapshot;
        return cgroupId < (ulong)s.Programs.Length ? s.Programs[cgroupId] : null;
    }

    /// <summary>The id of the cgroup whose program <see cref="Resolve"/> returns, or 0 if none.</summary>
    public ulong ResolveHolder(ulong cgroupId)
    {
        var s = snapshot;
        return cgroupId < (ulong)s.HolderIds.Length ? s.HolderIds[cgroupId] : 0;
    }

    /// <summary>
    /// How many memcgs the kernel would read to resolve a task of this cgroup, so the cost model
    /// can charge the stateless upward walk (field-notes §1.3, §1.6) per lookup. Leaf: 1, the own
    /// memcg only. Nearest: from the cgroup up to the holder, both included, or up to the root when
    /// there is none. Topmost: every level up to the root, since only the root ends the search.
    /// 0 for an unknown cgroup. Allocation-free.
    /// </summary>
    public int LookupSteps(ulong cgroupId)
    {
        if (!Tree.Exists(cgroupId)) return 0;
        var depth = Tree.DepthOf(cgroupId);
        var holder = ResolveHolder(cgroupId);
        return Resolution switch
        {
            HookResolution.Leaf => 1,
            HookResolution.Nearest => holder != 0 ? depth - Tree.DepthOf(holder) + 1 : depth + 1,
            _ => depth + 1,
        };
    }

    private HookResult ByPath(string cgroupPath, Func<ulong, HookResult> operation) =>
        Tree.TryGetId(cgroupPath ?? "", out var id) ? operation(id) : HookResult.Fail(Errno.ENOENT, $"no cgroup {cgroupPath}");

    private static HookResult CheckProgram(IHookProgram? program)
    {
        if (program is null || !program.HasNumabHook)
            return HookResult.Fail(Errno.EINVAL, $"program '{program?.Name}' has no numab_hook; bpf_numab_ops requires it");
        if (program.IsSleepable)
            return HookResult.Fail(Errno.EINVAL, $"program '{program.Name}' has a sleepable numab_hook; its call sites run under RCU and cannot sleep");
        return HookResult.Ok;
    }

    private HookResult CheckLeaf(ulong cgroupId, HookAttachOptions options)
    {
        if (options.Hierarchical || Tree.IsLeaf(cgroupId)) return HookResult.Ok;
        return HookResult.Fail(Errno.EINVAL,
            $"cgroup {Tree.PathOf(cgroupId)} is not a leaf (it has {Tree.ChildrenOf(cgroupId).Count} child cgroup(s)); " +
            "the proposal attaches to leaf cgroups only; say hierarchical: true to attach to an inner cgroup");
    }

    private void OnTreeChanged(ulong cgroupId, CgroupChange change)
    {
        if (change == CgroupChange.Created)
        {
            // A new cgroup has no program and no children: under Leaf it gets nothing, under
            // Nearest/Topmost its parent's answer. Its slot was reserved by the last rebuild and no
            // reader can have looked it up yet, so filling it in place keeps creation O(1).
            var s = snapshot;
            if (cgroupId < (ulong)s.HolderIds.Length)
            {
                var holder = Resolution == HookResolution.Leaf ? 0 : s.HolderIds[Tree.ParentOf(cgroupId)];
                s.HolderIds[cgroupId] = holder;
                s.Programs[cgroupId] = holder == 0 ? null : attachments[holder].Program;
                return;
            }
        }
        // A removed cgroup's link goes with it (the link becomes defunct).
        else if (attachments.Remove(cgroupId, out var removed) && removed.Registered)
            AttachedCount--;
        Rebuild();
    }

    private void Rebuild()
    {
        // Spare slots for cgroups created later (ids only grow), so creation needs no rebuild.
        var capacity = Math.Max(16UL, Tree.IdBound * 2);
        var programs = new IHookProgram?[capacity];
        var holders = new ulong[capacity];
        foreach (var id in Tree.Ids)
        {
            // Ids ascend from the root, so the parent's answer is already known.
            var own = attachments.ContainsKey(id) ? id : 0;
            var parent = id == CgroupTree.RootId ? 0 : holders[Tree.ParentOf(id)];
            holders[id] = Resolution switch
            {
                HookResolution.Leaf => own,
                HookResolution.Nearest => own != 0 ? own : parent,
                _ => parent != 0 ? parent : own,
            };
            programs[id] = holders[id] == 0 ? null : attachments[holders[id]].Program;
        }
        var withProgram = attachments.Keys.Order().ToArray();
        snapshot = new ResolutionSnapshot(programs, holders, withProgram);
    }

    private readonly record struct Attachment(IHookProgram Program, bool Registered);

    private sealed record ResolutionSnapshot(IHookProgram?[] Programs, ulong[] HolderIds, ulong[] Holders)
    {
        public static ResolutionSnapshot Empty { get; } = new([], [], []);
    }
}
