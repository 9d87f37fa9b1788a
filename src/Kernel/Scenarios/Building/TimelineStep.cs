using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

/// <summary>One timeline entry being written by <see cref="ScenarioBuilder.At"/>; each action returns the builder.</summary>
public readonly struct TimelineStep(ScenarioBuilder builder, TimeSpan at)
{
    public ScenarioBuilder Attach(string policy, string workload, bool hierarchical = false)
    {
        var body = ScenarioBuilder.AttachNode(workload, hierarchical);
        body.Children.Insert(0, new YamlScalarNode("policy"), new YamlScalarNode(policy));
        return builder.AddEvent(at, "attach", body);
    }

    public ScenarioBuilder Update(string policy, params (string Name, string Value)[] parameters) =>
        builder.AddEvent(at, "update", Flow(new YamlMappingNode(
            new YamlScalarNode("policy"), new YamlScalarNode(policy), new YamlScalarNode("params"), ScenarioBuilder.Params(parameters))));

    public ScenarioBuilder Detach(string policy, string workload) =>
        builder.AddEvent(at, "detach", Flow(YamlMaps.Map(("policy", policy), ("workload", workload))));

    /// <summary>Knob changes on one class, or on every class when <paramref name="className"/> is null.</summary>
    public ScenarioBuilder Sysctl(SysctlOverrides sysctl, string? className = null)
    {
        var body = ScenarioBuilder.Sysctl(sysctl);
        if (className is not null) body.Children.Insert(0, new YamlScalarNode("class"), new YamlScalarNode(className));
        return builder.AddEvent(at, "sysctl", body);
    }

    public ScenarioBuilder ScalePerServer(string workload, int perServer) =>
        builder.AddEvent(at, "scale", Flow(YamlMaps.Map(("workload", workload), ("per_server", perServer.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

    public ScenarioBuilder Phase(string workload, AccessChange access) =>
        builder.AddEvent(at, "phase", Flow(new YamlMappingNode(
            new YamlScalarNode("workload"), new YamlScalarNode(workload), new YamlScalarNode("access"), ScenarioBuilder.Access(access))));

    private static YamlMappingNode Flow(YamlMappingNode m)
    {
        m.Style = YamlDotNet.Core.Events.MappingStyle.Flow;
        return m;
    }
}
