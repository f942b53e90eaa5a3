using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Recommendations;

/// <summary>
/// Open opportunities ranked for one person (see <see cref="RankOpportunities"/> for the terms), with the reasons in
/// the request's language. Two queries per call (the profile, the person's sign-ups with their opportunities' fields);
/// the ranking runs over the in-memory <see cref="RecommendationSnapshot"/>.
/// </summary>
public sealed class Recommend(RecommendationSnapshot snapshot, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxCount = 50;

    public sealed record Reason(string Code, IReadOnlyList<string> Keys, string Text);

    public sealed record Item(Guid Id, string Title, string Organization, string MunicipalityCode, bool Online, DateTimeOffset Next, float Score, IReadOnlyList<Reason> Reasons);

    /// <param name="ProfileEmpty">No profile, or nothing in it yet: the page asks the person to fill it in.</param>
    public sealed record Result(bool ProfileEmpty, IReadOnlyList<Item> Items);

    public async Task<Result> RunAsync(Guid accountId, int count, CancellationToken cancellationToken)
    {
        var profile = await db.ResidentProfiles.AsNoTracking().Where(p => p.AccountId == accountId)
            .Select(p => new { p.MunicipalityCode, p.Interests, p.Skills, p.Availability, p.PreferredWays, p.AccessibilityNeeds })
            .FirstOrDefaultAsync(cancellationToken);
        var signUps = await (
            from s in db.SignUps.AsNoTracking()
            where s.AccountId == accountId
            join o in db.Opportunities on s.OpportunityId equals o.Id
            select new { s.OpportunityId, s.OrganizationId, Attended = s.CheckedInAt != null, o.Fields }).ToListAsync(cancellationToken);
        var attended = signUps.Where(s => s.Attended).ToList();
        var seeker = new Seeker
        {
            Interests = profile?.Interests ?? [],
            Skills = profile?.Skills ?? [],
            Availability = profile?.Availability ?? default,
            MunicipalityCode = profile?.MunicipalityCode,
            CityCode = profile?.MunicipalityCode is { } code ? Regions.Japan.Shared.Municipality(code)?.ParentCode : null,
            PreferredWays = profile?.PreferredWays ?? [],
            Needs = profile?.AccessibilityNeeds ?? default,
            AttendedFields = [.. attended.SelectMany(s => s.Fields).Distinct()],
            AttendedOrganizations = [.. attended.Select(s => s.OrganizationId).Distinct()],
            SignedUp = [.. signUps.Select(s => s.OpportunityId).Distinct()],
        };
        var current = await snapshot.GetAsync(cancellationToken);
        var open = current.Open;
        var ranked = RankOpportunities.Top(open, seeker, Math.Clamp(count, 1, MaxCount), clock.GetUtcNow());
        var items = ranked.Select(r => new Item(
            open.Ids[r.Index], open.Titles[r.Index], open.OrganizationNames[r.Index], open.MunicipalityCodes[r.Index], open.Online[r.Index],
            new DateTimeOffset(open.StartTicks[r.Index], TimeSpan.Zero), MathF.Round(r.Score, 2),
            [.. r.Reasons.Select(reason => new Reason(reason.Code, reason.Keys, ReasonText.For(reason, current.Ways, l)))])).ToList();
        var empty = profile is null || (profile.Interests.Count == 0 && profile.Skills.Count == 0 && profile.Availability == default
            && string.IsNullOrEmpty(profile.MunicipalityCode) && profile.PreferredWays.Count == 0 && profile.AccessibilityNeeds == default);
        return new Result(empty, items);
    }
}
