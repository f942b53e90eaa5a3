using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>The donor's donations and monthly plans: change a plan's amount, pause, resume or stop it (stopping needs a ticked confirmation).</summary>
[Authorize]
public sealed class MyDonationsModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "MyDonationsMessage";

    public sealed record Line(Donation Donation, string Title);

    public sealed record PlanLine(DonationPlan Plan, string Title);

    public IReadOnlyList<PlanLine> Plans { get; private set; } = [];
    public IReadOnlyList<Line> Donations { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>The plan a form was about, for its error messages.</summary>
    public Guid? FormPlan { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData[MessageKey] as string;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostChangeAmountAsync(Guid planId, string? amount, CancellationToken cancellationToken) =>
        ChangeAsync(planId, async plan =>
        {
            var errors = new List<(string Key, string Message)>();
            if (YenText.Parse(amount, "amount", "毎月の金額", l, errors) is not { } yen)
            {
                foreach (var (_, message) in errors) ModelState.AddModelError($"amount-{planId}", message);
                return false;
            }
            plan.ChangeAmount(yen, clock.GetUtcNow());
            var month = DonationPlan.MonthOf(JapanTime.Date(clock.GetUtcNow()));
            foreach (var instalment in await db.Donations.Where(d => d.PlanId == planId && d.Status == DonationStatus.Expected && d.InstalmentMonth >= month).ToListAsync(cancellationToken))
                instalment.ChangeExpectedAmount(yen);
            TempData[MessageKey] = "毎月の金額を変更しました。";
            return true;
        }, cancellationToken);

    public Task<IActionResult> OnPostPauseAsync(Guid planId, CancellationToken cancellationToken) =>
        ChangeAsync(planId, plan => Task.FromResult(Done(plan.Pause(clock.GetUtcNow()), planId, "毎月の寄附を休止しました。休止中の月の分は作られません。")), cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(Guid planId, CancellationToken cancellationToken) =>
        ChangeAsync(planId, plan => Task.FromResult(Done(plan.Resume(JapanTime.Date(clock.GetUtcNow()), clock.GetUtcNow()), planId, "毎月の寄附を再開しました。")), cancellationToken);

    public Task<IActionResult> OnPostStopAsync(Guid planId, bool confirmStop, CancellationToken cancellationToken) =>
        ChangeAsync(planId, async plan =>
        {
            if (!confirmStop)
            {
                ModelState.AddModelError($"stop-{planId}", l["停止するには、確認の欄にチェックを入れてください。"]);
                return false;
            }
            if (!Done(plan.Stop(clock.GetUtcNow()), planId, "毎月の寄附を停止しました。まだ入金していない月の分は取りやめになりました。")) return false;
            foreach (var instalment in await db.Donations.Where(d => d.PlanId == planId && d.Status == DonationStatus.Expected).ToListAsync(cancellationToken))
                instalment.Cancel();
            return true;
        }, cancellationToken);

    private bool Done(bool changed, Guid planId, string message)
    {
        if (changed) TempData[MessageKey] = message;
        else ModelState.AddModelError($"plan-{planId}", l["いまの状態ではその操作はできません。"]);
        return changed;
    }

    /// <summary>Applies a change to one of the donor's own plans (anyone else's is not found), after making its due instalments.</summary>
    private async Task<IActionResult> ChangeAsync(Guid planId, Func<DonationPlan, Task<bool>> change, CancellationToken cancellationToken)
    {
        var me = DonationsAccess.AccountId(User);
        var mine = db.DonationPlans.Where(p => p.Id == planId && p.DonorId == me);
        await DonationInstalments.MakeDueAsync(db, mine, JapanTime.Date(clock.GetUtcNow()), clock.GetUtcNow(), cancellationToken);
        if (await mine.SingleOrDefaultAsync(cancellationToken) is not { } plan) return NotFound();
        if (!await change(plan))
        {
            FormPlan = planId;
            await LoadAsync(cancellationToken);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = DonationsAccess.AccountId(User);
        await DonationInstalments.MakeDueAsync(db, db.DonationPlans.Where(p => p.DonorId == me), JapanTime.Date(clock.GetUtcNow()), clock.GetUtcNow(), cancellationToken);
        var plans = await db.DonationPlans.AsNoTracking().Where(p => p.DonorId == me).OrderBy(p => p.Status).ThenByDescending(p => p.CreatedAt).ToListAsync(cancellationToken);
        var donations = await db.Donations.AsNoTracking().Where(d => d.DonorId == me).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.InstalmentMonth).Take(500).ToListAsync(cancellationToken);
        var titles = await TitlesAsync(plans.Select(p => (p.Target, p.OrganizationId, p.CampaignId, p.FundId)).Concat(donations.Select(d => (d.Target, d.OrganizationId, d.CampaignId, d.FundId))), cancellationToken);
        Plans = plans.Select(p => new PlanLine(p, titles(p.Target, p.OrganizationId, p.CampaignId, p.FundId))).ToList();
        Donations = donations.Select(d => new Line(d, titles(d.Target, d.OrganizationId, d.CampaignId, d.FundId))).ToList();
    }

    /// <summary>The names of what was given to, in three queries whatever the number of donations.</summary>
    private async Task<Func<DonationTarget, Guid, Guid?, Guid?, string>> TitlesAsync(IEnumerable<(DonationTarget, Guid, Guid?, Guid?)> targets, CancellationToken cancellationToken)
    {
        var list = targets.ToList();
        var organizations = list.Select(t => t.Item2).Distinct().ToList();
        var campaigns = list.Select(t => t.Item3).OfType<Guid>().Distinct().ToList();
        var funds = list.Select(t => t.Item4).OfType<Guid>().Distinct().ToList();
        var names = await db.Organizations.Where(o => organizations.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var campaignNames = await db.Campaigns.Where(c => campaigns.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var fundNames = await db.Funds.Where(f => funds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        return (target, organization, campaign, fund) => target switch
        {
            DonationTarget.Campaign => campaignNames.GetValueOrDefault(campaign!.Value, ""),
            DonationTarget.Fund => fundNames.GetValueOrDefault(fund!.Value, ""),
            _ => names.GetValueOrDefault(organization, ""),
        };
    }
}
