using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using NumaActors.Host.Running;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Host.Tests;

/// <summary>Runs examples/decide.yaml once (20 s simulated instead of 60) for the tests below.</summary>
public sealed class DecideRunFixture : IDisposable
{
    private readonly TempDir dir = new();

    public DecideRunFixture()
    {
        Run = CliRun.Of("run", RepoPaths.Of("examples", "decide.yaml"), "--duration", "20s", "--engine", "sequential", "--out", dir.Of("out"));
    }

    public CliRun Run { get; }

    public string Out(string name) => dir.Of(Path.Combine("out", name));

    public void Dispose() => dir.Dispose();
}

/// <summary>
/// The decision outputs of a real run: the latency-sensitive and the batch workload get different
/// settings, the recommended policies load back into the scenario, and report.html stands alone.
/// </summary>
public sealed partial class DecideExampleTests(DecideRunFixture run) : IClassFixture<DecideRunFixture>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [GeneratedRegex("^data:image/png;base64,(.+)$")]
    private static partial Regex PngDataUri();

    [Fact]
    public void The_latency_sensitive_and_the_batch_workload_get_different_settings()
    {
        Assert.True(run.Run.ExitCode == 0, run.Run.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(run.Out("recommendations.json")));
        var byName = doc.RootElement.GetProperty("workloads").EnumerateArray().ToDictionary(w => w.GetProperty("name").GetString()!);

        var kv = byName["kv"];
        var batch = byName["batch"];
        Assert.True(kv.GetProperty("latency_sensitive").GetBoolean());
        Assert.False(batch.GetProperty("latency_sensitive").GetBoolean());
        Assert.True(kv.GetProperty("within_budget").GetBoolean());
        Assert.True(batch.GetProperty("within_budget").GetBoolean());
        Assert.NotEqual(kv.GetProperty("setting").GetString(), batch.GetProperty("setting").GetString());
        Assert.True(kv.GetProperty("locality_gain").GetDouble() > 0);
        Assert.True(batch.GetProperty("locality_gain").GetDouble() > 0);
        Assert.Contains("recommendations (budget", run.Run.Out);
    }

    [Fact]
    public void The_recommended_policies_validate_when_pasted_into_the_scenario()
    {
        Assert.True(run.Run.ExitCode == 0, run.Run.Err);
        var scenario = File.ReadAllLines(RepoPaths.Of("examples", "decide.yaml")).ToList();
        var from = scenario.FindIndex(l => l.StartsWith("policies:", StringComparison.Ordinal));
        var to = scenario.FindIndex(l => l.StartsWith("outputs:", StringComparison.Ordinal));
        // Replace policies: and arms: with the block, as its header says.
        var pasted = string.Join('\n', scenario.Take(from).Append(File.ReadAllText(run.Out("recommended-policies.yaml"))).Concat(scenario.Skip(to)));

        var loaded = ScenarioLoader.LoadText(pasted, "pasted.yaml", RepoPaths.Of("examples"), Catalogs.Policies);

        Assert.True(loaded.Scenario is not null, string.Join("\n", loaded.Diagnostics));
        var attached = loaded.Scenario!.AttachedPolicies(Assert.Single(loaded.Scenario.Arms)).ToDictionary(p => p.Attach!.Workload);
        Assert.Equal(["batch", "kv"], attached.Keys.Order());
        Assert.NotEqual(attached["kv"].Params["hot_threshold"], attached["batch"].Params["hot_threshold"]);
    }

    [Fact]
    public void Report_html_is_well_formed_and_every_image_is_an_embedded_png()
    {
        Assert.True(run.Run.ExitCode == 0, run.Run.Err);
        var text = File.ReadAllText(run.Out("report.html"));
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var html = XDocument.Load(reader);

        var images = html.Descendants("img").ToList();
        // Fleet locality, cost, gain against cost, migrations, promotions, and one stall chart for kv.
        Assert.Equal(6, images.Count);
        foreach (var img in images)
        {
            var match = PngDataUri().Match(img.Attribute("src")!.Value);
            Assert.True(match.Success, "image source is not an embedded PNG");
            var png = Convert.FromBase64String(match.Groups[1].Value);
            Assert.Equal(PngSignature, png.Take(8));
            Assert.False(string.IsNullOrWhiteSpace(img.Attribute("alt")?.Value));
        }
        Assert.DoesNotContain("http://", text);
        Assert.DoesNotContain("https://", text);
        Assert.DoesNotContain("<script", text);
        // The recommendation table is in the report too.
        Assert.Contains(html.Descendants("h2"), h => h.Value == "Recommendations");
    }

    [Fact]
    public void A_budget_that_is_not_a_share_is_bad_input()
    {
        var bad = CliRun.Of("run", RepoPaths.Of("examples", "decide.yaml"), "--budget", "150%");

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--budget", bad.Err);
    }
}
