using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Funds;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// A fund held by the subject organization with an open programme, and a submitted, awarded application to it from
/// another organization (with an unpaid instalment): what the grant routes are asked about. The subject organization's
/// admins run the fund; its members have no part in the application.
/// </summary>
public sealed record FundsGrantsSubjects(Guid Fund, Guid Programme, Guid Application, Guid Award)
{
    public static async Task<FundsGrantsSubjects> CreateAsync(TestApp app, Guid organizationId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (_, applicantId) = await OpportunityData.OrgAdminAsync(app, "表の応募団体");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var today = JapanTime.Date(now);
        var fund = new Fund(organizationId, FundKind.General, "表の基金", now);
        db.Funds.Add(fund);
        var programme = new GrantProgramme(fund.Id, now)
        {
            Title = "表の助成",
            Budget = 1_000_000m,
            MaxPerGrant = 500_000m,
            OpensOn = today.AddDays(-1),
            ClosesOn = today.AddDays(30),
            Questions = ["目的"],
            Criteria = ["効果"],
        };
        programme.Open();
        db.GrantProgrammes.Add(programme);
        var founder = await db.Memberships.Where(m => m.OrganizationId == applicantId && m.Role == MembershipRole.Admin).Select(m => m.AccountId).FirstAsync();
        var application = new GrantApplication(programme.Id, applicantId, founder, "表の事業", now) { Summary = "概要", RequestedAmount = 100_000m, Answers = ["目的"] };
        application.Submit(now);
        application.Award(now);
        db.GrantApplications.Add(application);
        var award = new GrantAward(application, fund.Id, 100_000m, "", today, founder);
        db.GrantAwards.Add(award);
        db.GrantInstalments.Add(new GrantInstalment(award.Id, today, 100_000m));
        await db.SaveChangesAsync();
        return new(fund.Id, programme.Id, application.Id, award.Id);
    }
}
