namespace Tsunagari.Features.Search;

/// <summary>An entity the search index follows: saving one writes a <see cref="SearchChange"/> in the same transaction.</summary>
public interface ISearchable
{
    Guid Id { get; }
}
