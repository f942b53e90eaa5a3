using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Funds;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// A concluded social impact bond whose outcome payer and evaluator are the subject organization (its members enter
/// results, its admins approve payments); the provider and the intermediary are organizations of their own, so the
/// subject's admins do not distribute.
/// </summary>
public static class FundsSibSubjects
{
    public static async Task<Guid> CreateAsync(TestApp app, Guid organizationId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var provider = new Organization(OpportunityData.Profile("表の提供者"), founder, now);
        var intermediary = new Organization(OpportunityData.Profile("表の中間支援"), founder, now);
        db.Organizations.AddRange(provider, intermediary);
        var contract = new SibContract(new SibContractDetails("表のSIB", "", organizationId, provider.Id, intermediary.Id, organizationId,
            new DateOnly(2025, 4, 1), new DateOnly(2027, 3, 31), 10_000_000m, 2_000_000m, [new(null, "表の出資者", 5_000_000m)],
            [new("表の指標", "%", new DateOnly(2026, 3, 31), SibRule.Linear(0m, 100m, 8_000_000m))]), founder, now);
        contract.Conclude(now);
        db.SibContracts.Add(contract);
        await db.SaveChangesAsync();
        return contract.Id;
    }
}
