namespace NumaActors.Kernel.Reporting;

/// <summary>How the run was made; the only block allowed to differ between engines and member counts.</summary>
public sealed record EngineInfo(string Kind, int Members, double WallSeconds, double ServerSecondsPerWallSecond);
