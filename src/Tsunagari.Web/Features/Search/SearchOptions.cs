namespace Tsunagari.Features.Search;

/// <summary>Settings of section "Search".</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
