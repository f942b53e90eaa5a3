using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.ProBono.Challenges;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Proposals;

/// <summary>
/// Anyone signed in starts a proposal to an open call before its deadline, for themselves or for an organization they
/// administer. It is saved as a draft; attachments, co-proposers and submission are on the proposal's page.
/// </summary>
[Authorize]
public sealed class ProposeModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public CollaborationCall Call { get; private set; } = null!;
    public IReadOnlyList<ProposalForm.OrganizationOption> Organizations { get; private set; } = [];
    public ProposalForm Form => new(Input, Call, Organizations, ChallengeForm.Choices(japan, options.Value.Prefecture), ModelState);

    /// <summary>Whether the call takes proposals now: open, and its deadline (a Japan date) not passed.</summary>
    public bool TakesProposals { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        Input = ProposalInput.For(Call);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        if (!TakesProposals)
        {
            ModelState.AddModelError("", l["この募集は提案を受け付けていません（締切日を過ぎたか、募集が公開中ではありません）。"]);
            return Page();
        }
        var errors = new List<(string Key, string Message)>();
        var details = Input.Validate(Call, [], Organizations.Select(o => o.Id).ToHashSet(), japan, l, errors);
        if (details is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        var proposal = new CollaborationProposal(id, CollaborationAccess.AccountId(User), details, clock.GetUtcNow());
        db.CollaborationProposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        TempData[ProposalModel.MessageKey] = "提案を下書きとして保存しました。資料を添付し、内容を確かめてから提出してください。";
        return Redirect($"/collaboration/proposals/{proposal.Id}");
    }

    /// <summary>The call (a draft is not found), whether it takes proposals, and the person's organizations.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var call = await db.CollaborationCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null || call.Status == CallStatus.Draft) return NotFound();
        Call = call;
        TakesProposals = call.Status == CallStatus.Open && JapanTime.Date(clock.GetUtcNow()) <= call.Deadline;
        Organizations = await ProposalForm.AdministeredAsync(db, CollaborationAccess.AccountId(User), cancellationToken);
        return null;
    }
}
