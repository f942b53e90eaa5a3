using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Opportunities;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

/// <summary>Participation records made straight in the database, as the sign-up and attendance parts would make them.</summary>
public static class JourneyData
{
    public static DateTimeOffset Japan(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(9));

    public static async Task<Guid> PersonAsync(TestApp app, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (account, _) = await app.CreateAccountAsync($"{name}-{Guid.NewGuid():N}@example.jp", Roles.Resident);
        return account.Id;
    }

    public static async Task<Guid> OpportunityAsync(TestApp app, Guid organizationId, string municipality = OpportunityData.ChuoWard) =>
        await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("道のりの活動", DateTimeOffset.UtcNow.AddDays(3), municipality: municipality));

    /// <summary>Attended sign-ups of one person, one per date (each its own occurrence).</summary>
    public static async Task AttendAsync(TestApp app, Guid opportunityId, Guid accountId, params DateTimeOffset[] dates)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(dates);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organizationId = (await db.Opportunities.FindAsync(opportunityId))!.OrganizationId;
        foreach (var at in dates)
        {
            var occurrence = DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(9)).DateTime);
            db.SignUps.Add(new SignUp(opportunityId, organizationId, accountId, occurrence, at) { Status = SignUpStatus.Confirmed, CheckedInAt = at, CheckInMethod = CheckInMethod.Roster, Hours = 2 });
        }
        await db.SaveChangesAsync();
    }

    public static UpdateJourneys Update(AppDbContext db, DateTimeOffset now, JourneyOptions? options = null) =>
        new(db, Options.Create(options ?? new JourneyOptions()), new JourneyClock(now));

    public static async Task UpdateAllAsync(TestApp app, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        await Update(scope.ServiceProvider.GetRequiredService<AppDbContext>(), now).UpdateAllAsync();
    }
}
