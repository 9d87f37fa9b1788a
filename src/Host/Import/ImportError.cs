namespace NumaActors.Host.Import;

/// <summary>One bad-input finding, printed as <c>FILE:LINE:COLUMN: error: MESSAGE</c> (CONTRACT.md §4).</summary>
public sealed record ImportError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: error: {Message}";
}
