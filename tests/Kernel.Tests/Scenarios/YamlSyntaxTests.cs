using NumaActors.Kernel.Scenarios;

namespace NumaActors.Kernel.Tests.Scenarios;

/// <summary>Bad text of any kind becomes diagnostics, never an exception.</summary>
public class YamlSyntaxTests
{
    public static TheoryData<string> Garbage() =>
    [
        "",
        "   \n\n",
        "\0\0\0",
        "{{{{",
        "[1, 2",
        "key: 'unterminated",
        "- just\n- a\n- list",
        "42",
        "version: 1\n---\nversion: 1",
        "&a [*a]",
        "version: *nowhere",
        "fleet: !!binary AAAA",
        "? [complex, key]\n: value",
        "version: 1\nversion: 1",
        "\t- tab: indented",
        "%YAML 9.9\n---\nfoo: bar",
    ];

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_gives_errors_not_exceptions(string text)
    {
        var result = ScenarioTexts.Load(text);

        Assert.Null(result.Scenario);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Line >= 1 && d.Column >= 1);
    }

    [Fact]
    public void Every_truncation_of_a_valid_file_gives_errors_not_exceptions()
    {
        var text = ScenarioTexts.Valid;
        var workloadsAt = text.IndexOf("workloads:", StringComparison.Ordinal);
        for (var cut = 0; cut < text.Length - 1; cut += 3)
        {
            var part = text[..cut];
            var lines = part.Split('\n').Length;
            var result = ScenarioTexts.Load(part);

            // Without its workloads the scenario is incomplete, so every such cut must be an error...
            if (cut < workloadsAt) Assert.True(result.Scenario is null, $"cut at {cut} loaded");
            // ...and every error points inside the text that was given.
            Assert.True(result.Scenario is not null || result.Diagnostics.Any(d => d.IsError && d.Line <= lines + 1),
                $"cut at {cut}: {string.Join("; ", result.Diagnostics)}");
        }
    }

    [Fact]
    public void A_truncated_flow_mapping_is_reported_at_the_end_of_the_text()
    {
        // Line 20 is the access line; it is cut inside its flow mapping.
        var text = ScenarioTexts.Valid[..ScenarioTexts.Valid.IndexOf("pattern: zipf", StringComparison.Ordinal)];

        var d = Assert.Single(ScenarioTexts.Load(text).Diagnostics);

        Assert.StartsWith("YAML syntax", d.Message);
        Assert.True(d.Line >= 20, d.ToString());
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_the_second_key()
    {
        var d = Assert.Single(ScenarioTexts.Load(ScenarioTexts.Valid + "seed: 8\n").Diagnostics);

        Assert.Contains("Duplicate key", d.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((21, 1), (d.Line, d.Column)); // the base text has 20 lines
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic()
    {
        var result = ScenarioLoader.Load("/no/such/dir/scenario.yaml", FakePolicyCatalog.Instance);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("/no/such/dir/scenario.yaml", d.File);
        Assert.Contains("cannot read the scenario", d.Message, StringComparison.Ordinal);
    }
}
