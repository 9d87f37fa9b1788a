using System.Collections.Immutable;
using Akka.Actor;
using NumaActors.Actors.Hooks;
using NumaActors.Actors.Messages;
using static NumaActors.Actors.Messages.CountersProtocol;
using static NumaActors.Actors.Messages.PolicyProtocol;
using static NumaActors.Actors.Messages.TaskMoveProtocol;

namespace NumaActors.Actors.Actors;

/// <summary>
/// One task (thread) of a process. It holds the hook snapshot its cgroup last published and makes
/// the task's <c>task_numab_enabled</c> decisions for phase A by calling the program locally; its
/// process then runs with those decisions. It also keeps the task's observable placement: node,
/// preferred node, moves and swaps. The task's fault statistics and scan state stay in the
/// process model (kernel-model.md §3.4: <c>task_numa_fault</c> runs inside the process's phase C).
/// A task with no hook call due receives nothing in a tick.
/// </summary>
public sealed class TaskActor : ReceiveActor
{
    private readonly int taskId;
    private HookSnapshot snapshot = HookSnapshot.None;
    private int node;
    private int preferred;
    private int moves;
    private int swaps;
    private long decisions;
    private long enabled;

    public TaskActor(int taskId, int node, int preferred)
    {
        this.taskId = taskId;
        this.node = node;
        this.preferred = preferred;
        Receive<PublishHook>(m => snapshot = m.Snapshot);
        Receive<DecideHook>(Decide);
        Receive<TaskMoved>(Moved);
        Receive<PreferredNodeChanged>(m => this.preferred = m.PreferredNode);
        Receive<GetTaskState>(_ => Sender.Tell(new TaskStateReply(taskId, this.node, this.preferred, moves, swaps, snapshot.Program?.Name, decisions, enabled)));
    }

    public static Props Props(int taskId, int node, int preferred) => Akka.Actor.Props.Create(() => new TaskActor(taskId, node, preferred));

    private void Decide(DecideHook m)
    {
        var answers = ImmutableArray.CreateBuilder<bool>(m.Contexts.Length);
        foreach (var context in m.Contexts)
        {
            var on = snapshot.Decide(in context);
            answers.Add(on);
            decisions++;
            if (on) enabled++;
        }
        Sender.Tell(new HookDecided(m.Tick, taskId, m.Contexts, answers.MoveToImmutable()));
    }

    private void Moved(TaskMoved m)
    {
        if (m.Result.Moved && m.Result.NewNode != node)
        {
            node = m.Result.NewNode;
            if (m.Result.Swapped) swaps++;
            else moves++;
        }
        if (m.Result.NewPreferredNode >= 0) preferred = m.Result.NewPreferredNode;
    }
}
