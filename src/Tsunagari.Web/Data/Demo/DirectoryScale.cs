using System.Globalization;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Data.Demo;

/// <summary>
/// How big a generated directory is: how many organizations, in what mix of kinds, how many opportunities and how many
/// residents. <see cref="Demo"/> is the small believable set; <see cref="Prefecture"/> is a prefecture the size of Chiba
/// in full use.
/// </summary>
public sealed record DirectoryScale(string Name, int Organizations, int Opportunities, IReadOnlyList<DirectoryScale.Share> Mix)
{
    /// <summary>Resident accounts generated beside the directory (<see cref="LoadResidents"/>); none in the demo, which has its demo accounts.</summary>
    public int Residents { get; init; }

    /// <summary>
    /// Sign-ups generated over three years for the residents (<see cref="LoadParticipation"/>); unless given, ten per
    /// resident, which is issue 4's 10,000,000 for the prefecture.
    /// </summary>
    public int? Participations { get; init; }

    public int ParticipationCount => Participations ?? (int)Math.Min(MaxCount, 10L * Residents);

    /// <summary>
    /// The Japan date the data set is generated as of (its history ends at that midnight); unless given, today. The same
    /// scale and date give the same data set.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>One kind of organization, the legal form its generated members get, and its weight in the mix.</summary>
    public sealed record Share(OrganizationKind Kind, LegalForm Form, int Weight);

    public static readonly DirectoryScale Demo = new("demo", 500, 3000,
    [
        new(OrganizationKind.NeighbourhoodAssociation, LegalForm.Unincorporated, 190),
        new(OrganizationKind.Npo, LegalForm.NpoCorporation, 170),
        new(OrganizationKind.Company, LegalForm.StockCompany, 40),
        new(OrganizationKind.SocialBusiness, LegalForm.LimitedLiabilityCompany, 30),
        new(OrganizationKind.RegionalFinancialInstitution, LegalForm.Cooperative, 15),
        new(OrganizationKind.EducationalInstitution, LegalForm.SchoolCorporation, 35),
        new(OrganizationKind.Government, LegalForm.LocalGovernment, 20),
    ]);

    /// <summary>Issue 4's figures: about 15,000 neighbourhood associations, 2,000 NPOs and 1,500 companies among 20,000.</summary>
    public static readonly DirectoryScale Prefecture = new("prefecture", 20_000, 200_000,
    [
        new(OrganizationKind.NeighbourhoodAssociation, LegalForm.Unincorporated, 15_000),
        new(OrganizationKind.Npo, LegalForm.NpoCorporation, 2_000),
        new(OrganizationKind.Company, LegalForm.StockCompany, 1_500),
        new(OrganizationKind.SocialBusiness, LegalForm.LimitedLiabilityCompany, 500),
        new(OrganizationKind.RegionalFinancialInstitution, LegalForm.Cooperative, 150),
        new(OrganizationKind.EducationalInstitution, LegalForm.SchoolCorporation, 650),
        new(OrganizationKind.Government, LegalForm.LocalGovernment, 200),
    ])
    { Residents = 1_000_000 };

    public static IReadOnlyList<DirectoryScale> All { get; } = [Demo, Prefecture];

    /// <summary>Largest override accepted: beyond it a run would take hours, which is more likely a typo.</summary>
    public const int MaxCount = 10_000_000;

    /// <summary>
    /// Reads <c>--scale demo|prefecture</c> (default demo) with optional <c>--organizations N</c>,
    /// <c>--opportunities N</c>, <c>--residents N</c> and <c>--participations N</c> (which may be 0), and <c>--as-of YYYY-MM-DD</c>;
    /// on failure <paramref name="error"/> says what is wrong.
    /// </summary>
    public static bool TryParse(IReadOnlyDictionary<string, string> options, out DirectoryScale scale, out string error)
    {
        ArgumentNullException.ThrowIfNull(options);
        scale = Demo;
        error = "";
        var name = options.GetValueOrDefault("scale", Demo.Name);
        var found = All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
        if (found is null)
        {
            error = $"Unknown scale '{name}'. Known: {string.Join(", ", All.Select(s => s.Name))}.";
            return false;
        }
        if (!TryCount(options, "organizations", found.Organizations, 1, out var organizations, ref error)
            || !TryCount(options, "opportunities", found.Opportunities, 1, out var opportunities, ref error)
            || !TryCount(options, "residents", found.Residents, 0, out var residents, ref error)
            || !TryCount(options, "participations", -1, 0, out var participations, ref error))
            return false;
        DateOnly? asOf = null;
        if (options.TryGetValue("as-of", out var date))
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                error = $"--as-of must be a date like 2026-11-29, not '{date}'.";
                return false;
            }
            asOf = parsed;
        }
        scale = found with { Organizations = organizations, Opportunities = opportunities, Residents = residents, Participations = participations < 0 ? null : participations, AsOf = asOf };
        return true;
    }

    private static bool TryCount(IReadOnlyDictionary<string, string> options, string key, int fallback, int min, out int count, ref string error)
    {
        count = fallback;
        if (!options.TryGetValue(key, out var text)) return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= min && count <= MaxCount) return true;
        error = $"--{key} must be a whole number from {min} to {MaxCount.ToString("N0", CultureInfo.InvariantCulture)}, not '{text}'.";
        return false;
    }

    /// <summary>
    /// How many organizations of each kind: the mix scaled to <see cref="Organizations"/> (largest remainders), with
    /// at least one of every kind when there are enough organizations for that.
    /// </summary>
    public IReadOnlyList<(OrganizationKind Kind, LegalForm Form, int Count)> KindCounts()
    {
        var total = Mix.Sum(s => (long)s.Weight);
        var exact = Mix.Select(s => (double)Organizations * s.Weight / total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var byRemainder = Enumerable.Range(0, Mix.Count).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).ToList();
        var left = Organizations - counts.Sum();
        for (var j = 0; j < left; j++) counts[byRemainder[j % byRemainder.Count]]++;
        // Rare kinds would round to none in a small set; borrow from the largest so every kind is there.
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0) continue;
            var largest = Array.IndexOf(counts, counts.Max());
            if (counts[largest] <= 1) break;
            counts[largest]--;
            counts[i]++;
        }
        return [.. Mix.Select((s, i) => (s.Kind, s.Form, counts[i]))];
    }
}
