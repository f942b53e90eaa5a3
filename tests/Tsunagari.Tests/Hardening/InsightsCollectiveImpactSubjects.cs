using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.Insights;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// A collective impact initiative whose backbone is the subject organization, which is also its partner (so its admins
/// manage, submit and record activities, and its members read the dashboard), with one shared indicator.
/// </summary>
public static class InsightsCollectiveImpactSubjects
{
    public static async Task<Guid> CreateAsync(TestApp app, Guid organizationId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var start = new DateOnly(now.Year, 1, 1).AddYears(-1);
        var model = new LogicModel(organizationId, "表のネットワーク", start, start.AddYears(3), founder, now) { Subject = LogicModelSubject.Programme };
        var outcome = model.AddElement(ElementKind.MediumTermOutcome, "表の目標");
        var indicator = new Indicator(model.Id, outcome.Id, "表の指標", IndicatorSource.Manual, now) { Unit = "人" };
        var initiative = new CollectiveInitiative("表のネットワーク", organizationId, model.Id, start, founder, now) { Problem = "表の課題", Goal = "表の目標" };
        db.AddRange(model, indicator, initiative);
        db.AddRange(new CollectiveIndicator(initiative.Id, indicator.Id, 1), new CollectivePartner(initiative.Id, organizationId, "表の役割", start));
        await db.SaveChangesAsync();
        return initiative.Id;
    }
}
