using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

/// <summary>Organizations, opportunities, participants and their sign-ups, made straight in the database for the attendance tests.</summary>
public static class AttendanceData
{
    public sealed record Occasion(HttpClient Admin, Guid OrganizationId, Guid OpportunityId);

    /// <summary>An organization with an admin and a one-off opportunity that started half an hour ago (its code is valid now).</summary>
    public static async Task<Occasion> EventAsync(TestApp app, string name, DateTimeOffset? start = null, string? rule = null)
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, name);
        var opportunityId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details(name + "の活動", start ?? DateTimeOffset.UtcNow.AddMinutes(-30), rule));
        return new(admin, organizationId, opportunityId);
    }

    /// <summary>A signed-in resident named <paramref name="name"/>.</summary>
    public static async Task<(HttpClient Browser, Guid AccountId)> PersonAsync(TestApp app, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"person-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = await db.Users.SingleAsync(u => u.Email == email);
        account.DisplayName = name;
        await db.SaveChangesAsync();
        return (browser, account.Id);
    }

    public static async Task<Guid> SignUpAsync(TestApp app, Occasion e, Guid accountId, SignUpStatus status = SignUpStatus.Confirmed, DateOnly? occurrence = null, int? seat = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(e);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var signUp = new SignUp(e.OpportunityId, e.OrganizationId, accountId, occurrence ?? SignUp.WholeOpportunity, DateTimeOffset.UtcNow)
        {
            Status = status,
            Seat = status == SignUpStatus.Confirmed ? seat ?? await db.SignUps.CountAsync(s => s.OpportunityId == e.OpportunityId) + 1 : null,
        };
        db.SignUps.Add(signUp);
        await db.SaveChangesAsync();
        return signUp.Id;
    }

    public static async Task<SignUp> FindAsync(TestApp app, Guid signUpId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SignUps.AsNoTracking().SingleAsync(s => s.Id == signUpId);
    }

    public static async Task<T> DbAsync<T>(TestApp app, Func<AppDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
