namespace Tsunagari.Features;

/// <summary>Data a feature loads on start. Seeds must be idempotent: they run on every start.</summary>
public interface ISeed
{
    /// <summary>Demo seeds run only in demo mode; the others (reference data such as default groupings) always run.</summary>
    bool IsDemo { get; }

    Task RunAsync();
}
