using System.Collections.Immutable;
using NumaActors.Kernel.Phases;
using NumaActors.Kernel.Rules;

namespace NumaActors.Kernel.Model;

/// <summary>
/// Phase D, per server: <c>task_numa_migrate</c>'s search (kernel-model.md §4.4) at node level
/// (§4.6): for each request in task-id order, try the preferred node, then (if nothing was found or
/// the task's group is spread) every other allowed CPU node that improves its weight; a plain move
/// when the destination has room under the imbalance rules, else the best swap partner by the
/// <c>task_numa_compare</c> arithmetic (SMALLIMP 30, 1/16 and 1/8 hysteresis).
/// </summary>
public sealed class TaskMoveResolver
{
    private readonly NumaTopology _topo;
    private readonly SortedDictionary<int, TaskPlacementInfo> _tasks = [];

    public TaskMoveResolver(NumaTopology topology) => _topo = topology;

    public void Publish(TaskPlacementInfo info) => _tasks[info.TaskId] = info;

    public void Forget(int taskId) => _tasks.Remove(taskId);

    /// <summary>Allowed imbalance of a node (<c>imb_numa_nr</c>): about the number of LLCs per node, taken as CPUs / 8.</summary>
    private int ImbNumaNr(int node) => Math.Max(1, _topo.Cpus[node] / 8);

    public ImmutableArray<TaskMoveResult> Resolve(IReadOnlyList<TaskPlacementInfo> published, IReadOnlyList<TaskMoveRequest> requests)
    {
        foreach (var p in published) Publish(p);
        var running = new int[_topo.NodeCount];
        foreach (var t in _tasks.Values) if (t.Running) running[t.Node]++;

        var results = new List<TaskMoveResult>();
        var touched = new HashSet<int>();
        foreach (var req in requests.OrderBy(r => r.TaskId))
        {
            if (touched.Contains(req.TaskId)) continue;
            int src = req.SrcNode;
            int bestNode = -1, partner = -1;
            long bestImp = 0;
            bool bestIsMove = false;
            void Consider(int dst)
            {
                long taskImp = req.TaskWeights[dst] - req.TaskWeights[src];
                long groupImp = req.GroupWeights[dst] - req.GroupWeights[src];
                long imp = req.Grouped ? groupImp : taskImp;
                bool spare = running[dst] < _topo.Cpus[dst];
                bool mayMove;
                if (spare)
                {
                    long imbalance = Math.Max(0, running[dst] + 1 - (running[src] - 1));
                    if (running[dst] <= ImbNumaNr(dst) && imbalance <= KernelConstants.NumaImbalanceMin) imbalance = 0;
                    mayMove = imbalance == 0;
                }
                else
                {
                    mayMove = !LoadTooImbalanced(running[src], running[dst], src, dst);
                }
                if (mayMove && imp >= bestImp && imp > 0 && (bestNode < 0 || imp > bestImp))
                {
                    bestNode = dst; partner = -1; bestImp = imp; bestIsMove = true;
                }
                if (spare) return; // swaps don't fix an imbalance
                foreach (var cur in _tasks.Values)
                {
                    if (cur.Node != dst || !cur.Running || touched.Contains(cur.TaskId)) continue;
                    if (!cur.AllowedNodes[src]) continue;
                    long swapImp = taskImp + cur.TaskWeights[src] - cur.TaskWeights[dst];
                    if (cur.PreferredNode == dst) swapImp -= swapImp / 16;
                    if (cur.PreferredNode == src) swapImp += swapImp / 8;
                    if (swapImp < KernelConstants.SmallImp || swapImp <= bestImp + 15) continue;
                    bestNode = dst; partner = cur.TaskId; bestImp = swapImp; bestIsMove = false;
                }
            }
            if (req.AllowedNodes[req.PreferredNode]) Consider(req.PreferredNode);
            if (bestNode < 0 || req.GroupSpread)
                foreach (int n in _topo.CpuNodes)
                {
                    if (n == src || n == req.PreferredNode || !req.AllowedNodes[n]) continue;
                    if (req.TaskWeights[n] - req.TaskWeights[src] < 0 && req.GroupWeights[n] - req.GroupWeights[src] < 0) continue;
                    Consider(n);
                }

            int newPreferred = req.Grouped ? (bestNode < 0 ? src : bestNode) : -1;
            if (bestNode < 0)
            {
                results.Add(new TaskMoveResult(req.TaskId, req.Pid, src, src, false, false, newPreferred)); // sched_stick_numa
                continue;
            }
            touched.Add(req.TaskId);
            var me = _tasks.TryGetValue(req.TaskId, out var mi) ? mi : null;
            if (bestIsMove)
            {
                running[src]--; running[bestNode]++;
                results.Add(new TaskMoveResult(req.TaskId, req.Pid, src, bestNode, true, false, newPreferred));
                if (me is not null) _tasks[req.TaskId] = me with { Node = bestNode };
            }
            else
            {
                var p = _tasks[partner];
                touched.Add(partner);
                results.Add(new TaskMoveResult(req.TaskId, req.Pid, src, bestNode, true, true, newPreferred));
                results.Add(new TaskMoveResult(p.TaskId, p.Pid, bestNode, src, true, true, -1));
                _tasks[partner] = p with { Node = src };
                if (me is not null) _tasks[req.TaskId] = me with { Node = bestNode };
            }
        }
        return [.. results];
    }

    /// <summary><c>load_too_imbalanced</c> with one unit of load per running task and CPUs as capacity.</summary>
    private bool LoadTooImbalanced(int srcLoad, int dstLoad, int src, int dst)
    {
        long srcCap = _topo.Cpus[src], dstCap = _topo.Cpus[dst];
        long before = Math.Abs((long)dstLoad * srcCap - (long)srcLoad * dstCap);
        long after = Math.Abs((long)(dstLoad + 1) * srcCap - (long)(srcLoad - 1) * dstCap);
        return after > before;
    }
}
