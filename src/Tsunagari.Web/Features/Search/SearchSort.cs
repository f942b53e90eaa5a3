namespace Tsunagari.Features.Search;

public enum SearchSort
{
    Relevance,

    /// <summary>Next occurrence first; past opportunities last.</summary>
    Date,

    /// <summary>Most recently published or registered first.</summary>
    Newest,
}
