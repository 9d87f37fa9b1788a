namespace NumaActors.Host.Output;

/// <summary>One chart of report.html: a heading, a sentence on how to read it, and the PNG bytes.</summary>
public sealed record ReportPlot(string Title, string Caption, byte[] Png);
