using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Tests.Features.Opportunities;

/// <summary>Organizations with an admin, and opportunities, made straight in the database for tests.</summary>
public static class OpportunityData
{
    /// <summary>Chiba City's 中央区 (a ward) and Funabashi.</summary>
    public const string ChuoWard = "121011", Funabashi = "122041";

    public static OrganizationProfile Profile(string name) =>
        new(name, "てすと", OrganizationKind.Npo, LegalForm.NpoCorporation, null, false, ["121002"], [1], "地域をつなぐ", "", null, "info@example.jp", "", "", []);

    /// <summary>A signed-in resident who is the admin of a new organization.</summary>
    public static async Task<(HttpClient Browser, Guid OrganizationId)> OrgAdminAsync(TestApp app, string organizationName = "つながり子ども食堂", string? culture = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"org-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        if (culture is not null) browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = await db.Users.SingleAsync(u => u.Email == email);
        var organization = new Organization(Profile(organizationName), account.Id, DateTimeOffset.UtcNow);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return (browser, organization.Id);
    }

    public static OpportunityDetails Details(
        string title, DateTimeOffset start, string? rule = null, IReadOnlyList<DateOnly>? exceptions = null, string municipality = ChuoWard, bool online = false) =>
        new(title, "**みんなで**楽しく。", [2, 13], [1, 3], municipality, online, online ? "" : "中央公民館", online ? "" : "千葉市中央区1-1",
            online ? null : 35.6, online ? null : 140.1, start, start.AddHours(2), rule, exceptions ?? [], 20, null, 500m,
            "info@example.jp", "043-000-0000", ["ja", "en"], 6, 80, AccessibilityFeatures.Wheelchair | AccessibilityFeatures.EasyJapanese);

    public static async Task<Guid> AddAsync(TestApp app, Guid organizationId, OpportunityDetails details, OpportunityStatus status = OpportunityStatus.Published)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var opportunity = new Opportunity(organizationId, details, now);
        if (status != OpportunityStatus.Draft) opportunity.Publish(now);
        if (status == OpportunityStatus.Closed) opportunity.Close(now);
        if (status == OpportunityStatus.Cancelled) opportunity.Cancel("雨天のため", now);
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync();
        return opportunity.Id;
    }

    public static async Task<Opportunity?> FindAsync(TestApp app, Guid id)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id);
    }

    /// <summary>Next Saturday at 10:00 Japan time, as UTC.</summary>
    public static DateTimeOffset NextSaturday()
    {
        var japan = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tsunagari.Platform.JapanTime.Zone).Date.AddDays(1);
        while (japan.DayOfWeek != DayOfWeek.Saturday) japan = japan.AddDays(1);
        return new DateTimeOffset(japan.AddHours(10), TimeSpan.FromHours(9)).ToUniversalTime();
    }
}
