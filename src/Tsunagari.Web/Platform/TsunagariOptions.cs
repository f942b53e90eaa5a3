namespace Tsunagari.Platform;

/// <summary>The deployment's settings, section "Tsunagari".</summary>
public sealed class TsunagariOptions
{
    public const string Section = "Tsunagari";

    /// <summary>Where the SQLite file, mail files and the search index live; relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The local government code of the prefecture this deployment serves (default 千葉県).</summary>
    public string Prefecture { get; set; } = "120006";

    /// <summary>Demo mode: demo data and accounts are created, and every page says it is a demo.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>Seed number of the demo directory: the same number gives the same organizations and opportunities.</summary>
    public int DemoSeed { get; set; } = 1;

    public bool MigrateOnStart { get; set; } = true;

    public string DataPath(params string[] parts) =>
        Path.GetFullPath(Path.Combine([DataDirectory, .. parts]));
}
