using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

/// <summary>An arm read without errors, with the node of each listed policy for conflict reports.</summary>
internal sealed record ArmDraft(Arm Arm, YamlNode Node, ImmutableArray<YamlNode> PolicyNodes);
