using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

/// <summary>A timeline event read without errors, with the node conflicts are reported at.</summary>
internal sealed record TimelineDraft(TimelineEvent Event, YamlNode Node);
