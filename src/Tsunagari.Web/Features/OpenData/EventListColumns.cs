using System.Text;

namespace Tsunagari.Features.OpenData;

/// <summary>
/// The 32 columns, in order, of the Digital Agency's standard open data set 「イベント一覧」 (自治体標準オープンデータセット),
/// from event-list-columns.csv beside this file (copied from the project's shared reference, where the order was agreed
/// by four independent public implementations of the standard). Embedded in the build, so nothing is read from
/// outside the application at run time.
/// </summary>
public static class EventListColumns
{
    public const string ResourceName = "event-list-columns.csv";
    public const int Count = 32;

    // Indexes of the columns the platform reads and writes (the standard's order).
    public const int Code = 0, No = 1, PrefectureName = 2, MunicipalityName = 3, Title = 4, TitleKana = 5, TitleEnglish = 6,
        StartDate = 7, EndDate = 8, StartTime = 9, EndTime = 10, DateNotes = 11, Description = 12, FeeBasic = 13, FeeDetail = 14,
        ContactName = 15, ContactPhone = 16, ContactExtension = 17, Organizer = 18, VenueName = 19, Address = 20, AddressDetail = 21,
        Latitude = 22, Longitude = 23, Access = 24, Parking = 25, Capacity = 26, DeadlineDate = 27, DeadlineTime = 28,
        HowToApply = 29, Url = 30, Notes = 31;

    private static readonly Lazy<IReadOnlyList<string>> all = new(Load);

    public static IReadOnlyList<string> All => all.Value;

    /// <summary>
    /// Header names compared after NFKC normalization, so the full-width parentheses some municipalities use
    /// (料金（基本）) match the standard's half-width ones (料金(基本)); spaces around a name are ignored.
    /// </summary>
    public static string Normalize(string header) => (header ?? "").Trim().Normalize(NormalizationForm.FormKC);

    private static List<string> Load()
    {
        using var stream = typeof(EventListColumns).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        if (reader.ReadLine() != "index,column") throw new InvalidDataException($"Unexpected header in {ResourceName}.");
        var columns = new List<string>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0) continue;
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            columns.Add(line[(comma + 1)..]);
        }
        if (columns.Count != Count) throw new InvalidDataException($"{ResourceName} has {columns.Count} columns instead of {Count}.");
        return columns;
    }
}
