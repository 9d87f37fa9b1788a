namespace NumaActors.Kernel.Hooks;

/// <summary>
/// One server's cgroup v2 hierarchy, by path (<c>/kubepods/burstable/redis-0</c>).
/// Ids model kernfs inode numbers: the root is 1 and every new cgroup gets the next number, never
/// reused after removal, so the same sequence of creations gives the same ids on every run.
/// Not thread-safe for writes: the engines change the tree between ticks only.
/// </summary>
public sealed class CgroupTree
{
    public const ulong RootId = 1;

    // Indexed by id; null for id 0 and for removed cgroups. Parents always have smaller ids than children.
    private readonly List<CgroupNode?> nodes = [null];
    private readonly Dictionary<string, ulong> idsByPath = new(StringComparer.Ordinal);

    public CgroupTree()
    {
        nodes.Add(new CgroupNode("/", Parent: 0, Depth: 0));
        idsByPath.Add("/", RootId);
    }

    /// <summary>Raised after a cgroup is created or removed (the cgroup's id and the change).</summary>
    public event Action<ulong, CgroupChange>? Changed;

    /// <summary>Number of live cgroups, the root included.</summary>
    public int Count => idsByPath.Count;

    /// <summary>One past the largest id ever given: a bound for arrays indexed by id.</summary>
    public ulong IdBound => (ulong)nodes.Count;

    /// <summary>Live cgroup ids in ascending order (so every parent precedes its children).</summary>
    public IEnumerable<ulong> Ids
    {
        get
        {
            for (var id = RootId; id < IdBound; id++)
                if (nodes[(int)id] is not null) yield return id;
        }
    }

    public bool Exists(ulong id) => id < IdBound && nodes[(int)id] is not null;

    public bool TryGetId(string path, out ulong id) => idsByPath.TryGetValue(Normalize(path), out id);

    /// <summary>The cgroup's path; throws for an id that does not exist (a caller bug, not user input).</summary>
    public string PathOf(ulong id) => Node(id).Path;

    /// <summary>The parent's id, or 0 for the root.</summary>
    public ulong ParentOf(ulong id) => Node(id).Parent;

    /// <summary>Depth below the root (the root is 0, <c>/kubepods</c> is 1).</summary>
    public int DepthOf(ulong id) => Node(id).Depth;

    /// <summary>Children in ascending id order.</summary>
    public IReadOnlyList<ulong> ChildrenOf(ulong id) => Node(id).Children;

    /// <summary>A leaf has no child cgroups. Leafness is not stable: creating a child turns a leaf into an inner cgroup.</summary>
    public bool IsLeaf(ulong id) => Node(id).Children.Count == 0;

    /// <summary>
    /// <c>mkdir -p</c>: returns the id of <paramref name="path"/>, creating it and any missing
    /// intermediate cgroups (in order from the root, so ids are deterministic). An existing path is
    /// not an error. EINVAL for a malformed path.
    /// </summary>
    public HookResult GetOrCreate(string path, out ulong id)
    {
        id = 0;
        if (!TryValidate(path, out var normalized, out var error)) return HookResult.Fail(Errno.EINVAL, error);
        if (idsByPath.TryGetValue(normalized, out id)) return HookResult.Ok;

        var parent = RootId;
        var prefix = "";
        foreach (var segment in normalized.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            prefix += "/" + segment;
            if (!idsByPath.TryGetValue(prefix, out var existing))
            {
                existing = (ulong)nodes.Count;
                var parentNode = Node(parent);
                nodes.Add(new CgroupNode(prefix, parent, parentNode.Depth + 1));
                parentNode.Children.Add(existing);
                idsByPath.Add(prefix, existing);
                Changed?.Invoke(existing, CgroupChange.Created);
            }
            parent = existing;
        }
        id = parent;
        return HookResult.Ok;
    }

    /// <summary>
    /// <c>rmdir</c>: ENOENT for an unknown id, EBUSY while it has children (as the kernel refuses
    /// to remove a non-empty cgroup), EINVAL for the root.
    /// </summary>
    public HookResult Remove(ulong id)
    {
        if (!Exists(id)) return HookResult.Fail(Errno.ENOENT, $"no cgroup with id {id}");
        if (id == RootId) return HookResult.Fail(Errno.EINVAL, "the root cgroup cannot be removed");
        var node = Node(id);
        if (node.Children.Count > 0)
            return HookResult.Fail(Errno.EBUSY, $"cgroup {node.Path} has {node.Children.Count} child cgroup(s); remove them first");

        Node(node.Parent).Children.Remove(id);
        idsByPath.Remove(node.Path);
        nodes[(int)id] = null;
        Changed?.Invoke(id, CgroupChange.Removed);
        return HookResult.Ok;
    }

    private CgroupNode Node(ulong id) =>
        Exists(id) ? nodes[(int)id]! : throw new ArgumentOutOfRangeException(nameof(id), id, "no such cgroup");

    private static string Normalize(string path) =>
        path.Length > 1 && path.EndsWith('/') ? path[..^1] : path;

    private static bool TryValidate(string? path, out string normalized, out string error)
    {
        normalized = "";
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            error = $"cgroup path '{path}' must start with '/' (e.g. /kubepods/burstable/redis-0)";
            return false;
        }
        normalized = Normalize(path);
        if (normalized == "/") { error = ""; return true; }
        foreach (var segment in normalized[1..].Split('/'))
        {
            if (segment.Length == 0) { error = $"cgroup path '{path}' has an empty name between two '/'"; return false; }
            if (segment is "." or "..") { error = $"cgroup path '{path}' may not contain '.' or '..'"; return false; }
            if (segment.Any(char.IsWhiteSpace) || segment.Any(char.IsControl))
            {
                error = $"cgroup name '{segment}' in '{path}' contains white space or a control character";
                return false;
            }
        }
        error = "";
        return true;
    }

    private sealed record CgroupNode(string Path, ulong Parent, int Depth)
    {
        public List<ulong> Children { get; } = [];
    }
}
