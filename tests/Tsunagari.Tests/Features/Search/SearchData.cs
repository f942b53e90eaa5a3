using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Search;

namespace Tsunagari.Tests.Features.Search;

/// <summary>Organizations and opportunities written straight to the database, then indexed.</summary>
public static class SearchData
{
    public static async Task<Organization> OrganizationAsync(TestApp app, string name, OrganizationKind kind = OrganizationKind.Npo, string municipality = "121002")
    {
        var (account, _) = await app.CreateAccountAsync($"founder-{Guid.NewGuid():N}@example.jp");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var profile = new OrganizationProfile(name, "", kind, LegalForm.Unincorporated, null, false, [municipality], [1], "", "", null, "", "", "", []);
        var organization = new Organization(profile, account.Id, DateTimeOffset.UtcNow);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization;
    }

    public static OpportunityDetails Details(string title, DateTimeOffset start, string municipality = "121002", IReadOnlyList<int>? fields = null,
        IReadOnlyList<int>? ways = null, AccessibilityFeatures access = AccessibilityFeatures.None, bool online = false, string? rule = null, string description = "") =>
        new(title, description, fields ?? [1], ways ?? [1], municipality, online, "会場", "", null, null, start, start.AddHours(2), rule, [], null, null, null, "", "", ["ja"], null, null, access);

    public static async Task<Opportunity> OpportunityAsync(TestApp app, Guid organizationId, OpportunityDetails details, bool publish = true)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var opportunity = new Opportunity(organizationId, details, DateTimeOffset.UtcNow);
        if (publish) opportunity.Publish(DateTimeOffset.UtcNow);
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync();
        return opportunity;
    }

    public static Task<int> CatchUpAsync(TestApp app) => app.Services.GetRequiredService<SearchIndex>().CatchUpAsync();
}
