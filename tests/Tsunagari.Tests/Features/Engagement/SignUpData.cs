using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Opportunities;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

/// <summary>Opportunities with sign-up rules, and reading sign-ups and notifications back, for the sign-up tests.</summary>
public static class SignUpData
{
    public static async Task<Guid> OpportunityAsync(
        TestApp app, Guid organizationId, int? capacity, bool approval = false, string[]? questions = null, string? rule = null,
        DateTimeOffset? start = null, DateTimeOffset? deadline = null, OpportunityStatus status = OpportunityStatus.Published)
    {
        ArgumentNullException.ThrowIfNull(app);
        var details = OpportunityData.Details("海辺の清掃", start ?? DateTimeOffset.UtcNow.AddDays(7), rule) with { Capacity = capacity, ApplicationDeadline = deadline };
        var id = await OpportunityData.AddAsync(app, organizationId, details, status);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var opportunity = await db.Opportunities.SingleAsync(o => o.Id == id);
        opportunity.SetSignUpRules(approval, questions ?? [], DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return id;
    }

    public static async Task<List<SignUp>> SignUpsAsync(TestApp app, Guid opportunityId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SignUps.AsNoTracking().Where(s => s.OpportunityId == opportunityId).ToListAsync();
    }

    public static async Task<List<Notification>> NotificationsAsync(TestApp app, Guid accountId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking().Where(n => n.AccountId == accountId).ToListAsync();
    }

    public static async Task<Guid> AccountIdAsync(TestApp app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A signed-in resident and their account id.</summary>
    public static async Task<(HttpClient Browser, Guid AccountId)> ResidentAsync(TestApp app, string? culture = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"resident-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Tsunagari.Features.Accounts.Roles.Resident, email);
        if (culture is not null) browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return (browser, await AccountIdAsync(app, email));
    }
}
