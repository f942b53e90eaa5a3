namespace Tsunagari.Features.Search;

/// <summary>Names of the fields of the search index.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Type = "type";
    public const string Title = "title";
    public const string Description = "description";
    public const string Organization = "organization";

    /// <summary>Title, organization and description together (not stored): every word of a query must occur here.</summary>
    public const string All = "all";
    public const string OrganizationId = "organizationId";
    public const string Municipality = "municipality";
    public const string Field = "field";
    public const string Way = "way";
    public const string Kind = "kind";
    public const string Access = "access";
    public const string Online = "online";
    public const string Day = "day";
    public const string Start = "start";
    public const string End = "end";
    public const string Next = "next";
    public const string Newest = "newest";
    public const string Verified = "verified";

    public const string Opportunity = "opportunity";
    public const string OrganizationType = "organization";

    /// <summary>The fields counted as facets (doc values of the same name with a "$" prefix).</summary>
    public static readonly string[] Facets = [Municipality, Field, Way, Kind, Access, Online];

    public static string FacetField(string field) => "$" + field;
}
