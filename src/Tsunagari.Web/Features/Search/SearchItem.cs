using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Tsunagari.Features.Search;

/// <summary>One searchable thing as the index holds it: a published opportunity or an organization.</summary>
public sealed record SearchItem(
    Guid Id,
    string Type,
    string Title,
    string Description,
    string Organization,
    Guid OrganizationId,
    IReadOnlyList<string> MunicipalityCodes,
    IReadOnlyList<int> Fields,
    IReadOnlyList<string> Ways,
    string Kind,
    IReadOnlyList<string> Access,
    bool Online,
    IReadOnlyList<int> Days,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    long Next,
    DateTimeOffset Newest,
    bool Verified)
{
    public Document ToDocument()
    {
        var doc = new Document
        {
            new StringField(SearchFields.Id, Id.ToString("D"), Field.Store.YES),
            new StringField(SearchFields.Type, Type, Field.Store.YES),
            new TextField(SearchFields.Title, Title, Field.Store.YES),
            new TextField(SearchFields.Description, Description, Field.Store.YES),
            new TextField(SearchFields.Organization, Organization, Field.Store.YES),
            // A line break between the parts, so that no bigram spans two of them.
            new TextField(SearchFields.All, string.Join('\n', Title, Organization, Description), Field.Store.NO),
            new StringField(SearchFields.OrganizationId, OrganizationId.ToString("D"), Field.Store.YES),
            new NumericDocValuesField(SearchFields.Next, Next),
            new NumericDocValuesField(SearchFields.Newest, Newest.UtcTicks),
            new StoredField(SearchFields.Verified, Verified ? 1 : 0),
        };
        foreach (var code in MunicipalityCodes) Keyword(doc, SearchFields.Municipality, code);
        foreach (var field in Fields) Keyword(doc, SearchFields.Field, field.ToString(CultureInfo.InvariantCulture));
        foreach (var way in Ways) Keyword(doc, SearchFields.Way, way);
        if (Kind.Length > 0) Keyword(doc, SearchFields.Kind, Kind);
        foreach (var access in Access) Keyword(doc, SearchFields.Access, access);
        if (Online) Keyword(doc, SearchFields.Online, "true");
        foreach (var day in Days) doc.Add(new Int32Field(SearchFields.Day, day, Field.Store.NO));
        if (Start is { } start) doc.Add(new StoredField(SearchFields.Start, start.UtcTicks));
        if (End is { } end) doc.Add(new StoredField(SearchFields.End, end.UtcTicks));
        return doc;
    }

    /// <summary>A filterable, stored value that is also counted as a facet.</summary>
    private static void Keyword(Document doc, string field, string value)
    {
        doc.Add(new StringField(field, value, Field.Store.YES));
        doc.Add(new SortedSetDocValuesField(SearchFields.FacetField(field), new BytesRef(value)));
    }

    /// <summary>A Japan date as the day field holds it (yyyyMMdd).</summary>
    public static int DayNumber(DateOnly day) => (day.Year * 10000) + (day.Month * 100) + day.Day;
}
