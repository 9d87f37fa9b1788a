using System.Collections.Immutable;
using NumaActors.Kernel.Model;
using NumaActors.Kernel.Phases;

namespace NumaActors.Actors.Tick;

/// <summary>
/// One server tick in flight on the actor engine: whom each barrier still waits for, and every
/// answer filed in canonical order (processes by pid, nodes by id) whatever order it arrived in.
/// Plain state, no actors: the server actor sends what it returns and files what comes back.
/// A process that asked the nodes nothing brings its phase C with its phase A and is not asked
/// again; a node whose phase B would change nothing is not asked at all.
/// </summary>
public sealed class TickRound
{
    private readonly ServerModel model;
    private readonly int[] pids;
    private readonly ImmutableArray<ImmutableArray<MigrationRequest>>[] requests;
    private readonly ProcessPhaseCOutput?[] processOutputs;
    private readonly NodePhaseBOutput[] nodeOutputs;
    private int awaiting;

    /// <param name="pids">The live processes, ascending.</param>
    public TickRound(ServerModel model, TickContext context, int[] pids)
    {
        this.model = model;
        this.pids = pids;
        Context = context;
        requests = new ImmutableArray<ImmutableArray<MigrationRequest>>[pids.Length];
        processOutputs = new ProcessPhaseCOutput?[pids.Length];
        nodeOutputs = new NodePhaseBOutput[model.Nodes.Count];
        awaiting = pids.Length;
    }

    public TickContext Context { get; }

    public long Tick => Context.TickIndex;

    /// <summary>Whether the current phase has every answer it waits for.</summary>
    public bool PhaseComplete => awaiting == 0;

    /// <summary>Phase A: the processes to ask, in pid order.</summary>
    public ReadOnlySpan<int> Pids => pids;

    /// <summary>Files a process's phase A (and its phase C, when it ran with it). True when it was the last.</summary>
    public bool ScanAndFaultsDone(int pid, ImmutableArray<ImmutableArray<MigrationRequest>> requestsByNode, ProcessPhaseCOutput? phaseC)
    {
        var i = PhaseRouting.PidIndex(pids, pid);
        requests[i] = requestsByNode;
        processOutputs[i] = phaseC;
        return --awaiting == 0;
    }

    /// <summary>
    /// Phase B: the nodes to ask, with last tick's transfers that name them and this tick's requests
    /// for them (per process, pid order). An idle node's output is its current view: its actor is not
    /// running, so its model can be read, as timeline events write it.
    /// </summary>
    public List<(int Node, ImmutableArray<PageTransfer> Transfers, ImmutableArray<ImmutableArray<MigrationRequest>> Requests)> StartPhaseB()
    {
        var perNode = PhaseRouting.RequestsByNode(nodeOutputs.Length, requests);
        var transfersByNode = model.RouteTransfers(model.PendingTransfers);
        var asks = new List<(int, ImmutableArray<PageTransfer>, ImmutableArray<ImmutableArray<MigrationRequest>>)>(nodeOutputs.Length);
        for (var n = 0; n < nodeOutputs.Length; n++)
        {
            if (NodeModel.PhaseBIsIdle(Context, transfersByNode[n].Count, perNode[n].Length))
                nodeOutputs[n] = model.Nodes[n].IdlePhaseBOutput;
            else
                asks.Add((n, [.. transfersByNode[n]], perNode[n]));
        }
        awaiting = asks.Count;
        return asks;
    }

    /// <summary>Files a node's phase B. True when it was the last.</summary>
    public bool MigrationsResolved(int nodeId, NodePhaseBOutput output)
    {
        nodeOutputs[nodeId] = output;
        return --awaiting == 0;
    }

    /// <summary>Phase C: the processes still to ask, with their results and every demotion demand of the tick.</summary>
    public List<(int Pid, ImmutableArray<MigrationResult> Results, ImmutableArray<DemotionDemand> Demotions)> StartPhaseC()
    {
        var results = PhaseRouting.ResultsByPid(nodeOutputs, pids);
        var demotions = PhaseRouting.Demotions(nodeOutputs);
        var asks = new List<(int, ImmutableArray<MigrationResult>, ImmutableArray<DemotionDemand>)>(pids.Length);
        for (var i = 0; i < pids.Length; i++)
            if (processOutputs[i] is null) asks.Add((pids[i], results[i], demotions));
        awaiting = asks.Count;
        return asks;
    }

    /// <summary>Files a process's phase C. True when it was the last.</summary>
    public bool MigrationResultsApplied(int pid, ProcessPhaseCOutput output)
    {
        processOutputs[PhaseRouting.PidIndex(pids, pid)] = output;
        return --awaiting == 0;
    }

    /// <summary>Phase D and the model's end of tick: the task moves each process applies at its next phase A.</summary>
    public Dictionary<int, ImmutableArray<TaskMoveResult>> Finish()
    {
        var views = ImmutableArray.CreateBuilder<NodeView>(nodeOutputs.Length);
        foreach (var o in nodeOutputs) views.Add(o.View);
        var outputs = new ProcessPhaseCOutput[processOutputs.Length];
        for (var i = 0; i < outputs.Length; i++)
            outputs[i] = processOutputs[i] ?? throw new InvalidOperationException($"tick {Tick}: process {pids[i]} has no phase C output");
        return PhaseRouting.MovesByPid(model.FinishTick(views.MoveToImmutable(), outputs));
    }
}
