using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>
/// One initiative, public: what it is, where it sits in the seed's framework, the government's role for its type with the
/// owner's self-assessment, and its history. Those who may edit it move its type or stage, end it, and assess the role
/// here; each of those asks for what the domain requires (a reason, a level) and shows it as a message when missing.
/// </summary>
[AllowAnonymous]
public sealed class InitiativeModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "InitiativeMessage";

    public sealed record Pilot(Guid Id, string Title, DateTimeOffset StartedAt, PilotDecision? Decision);

    public sealed record Meeting(Guid Id, string Title, DateTimeOffset StartsAt);

    public sealed class MoveInput
    {
        public string? Type { get; set; }
        public string? Stage { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class AssessInput
    {
        public string? Level { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    [BindProperty]
    public string? EndReason { get; set; }

    [BindProperty]
    public AssessInput Assess { get; set; } = new();

    public Initiative Item { get; private set; } = null!;
    public string Owner { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public IReadOnlyList<InitiativeChange> History { get; private set; } = [];
    public IReadOnlyList<Pilot> Pilots { get; private set; } = [];
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is { } missing) return missing;
        Message = TempData[MessageKey] as string;
        if (Item.RoleAssessment is { } level) Assess = new AssessInput { Level = level.ToString(System.Globalization.CultureInfo.InvariantCulture), Note = Item.RoleAssessmentNote };
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await EditorAsync(id, cancellationToken) is { } refused) return refused;
        var type = InitiativeFilter.ParseType(Move.Type);
        var stage = string.IsNullOrWhiteSpace(Move.Stage) ? null : InitiativeFilter.ParseStage(Move.Stage);
        var reason = Move.Reason?.Trim() ?? "";
        if (type is null) ModelState.AddModelError("Move.Type", l["移る先の型（㉗・㉘・㉙）を選んでください。"]);
        else if (type == InitiativeType.Together && stage is null) ModelState.AddModelError("Move.Stage", l["㉙に移るときは段階を選んでください。"]);
        else if (type != InitiativeType.Together && !string.IsNullOrWhiteSpace(Move.Stage)) ModelState.AddModelError("Move.Stage", l["段階を選べるのは㉙の取組だけです。"]);
        else if (type == Item.Type && stage == Item.Stage) ModelState.AddModelError("Move.Type", l["この取組はすでにその型と段階にあります。"]);
        if (reason.Length == 0) ModelState.AddModelError("Move.Reason", l["型や段階を変える理由を入力してください。理由のない変更は記録できません。"]);
        else if (reason.Length > Initiative.MaxReasonLength) ModelState.AddModelError("Move.Reason", l["{0}は{1}文字以内で入力してください。", l["理由"], Initiative.MaxReasonLength]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        db.InitiativeChanges.Add(Item.Move(type!.Value, stage, reason, CollaborationAccess.AccountId(User), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "型と段階を変更しました。");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await EditorAsync(id, cancellationToken) is { } refused) return refused;
        var reason = EndReason?.Trim() ?? "";
        if (reason.Length == 0) ModelState.AddModelError(nameof(EndReason), l["取組を終える理由を入力してください。"]);
        else if (reason.Length > Initiative.MaxReasonLength) ModelState.AddModelError(nameof(EndReason), l["{0}は{1}文字以内で入力してください。", l["理由"], Initiative.MaxReasonLength]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        db.InitiativeChanges.Add(Item.End(reason, CollaborationAccess.AccountId(User), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "取組を終了しました。");
    }

    public async Task<IActionResult> OnPostAssessAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await EditorAsync(id, cancellationToken) is { } refused) return refused;
        var note = Assess.Note?.Trim() ?? "";
        if (!int.TryParse(Assess.Level, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level)
            || level is < InitiativeText.MinAssessment or > InitiativeText.MaxAssessment)
            ModelState.AddModelError("Assess.Level", l["自己評価を4つの中から選んでください。"]);
        if (note.Length > Initiative.MaxReasonLength) ModelState.AddModelError("Assess.Note", l["{0}は{1}文字以内で入力してください。", l["メモ"], Initiative.MaxReasonLength]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        Item.AssessRole(level, note, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "自己評価を保存しました。");
    }

    private async Task<IActionResult?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var initiative = await db.Initiatives.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (initiative is null) return NotFound();
        Item = initiative;
        CanEdit = initiative.IsActive && await InitiativeAccess.CanEditAsync(db, authorization, User, initiative, cancellationToken);
        return null;
    }

    /// <summary>The initiative when the person may change it (signed in, staff or its organization's admin, and it has not ended).</summary>
    private async Task<IActionResult?> EditorAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is { } missing) return missing;
        if (!await InitiativeAccess.CanEditAsync(db, authorization, User, Item, cancellationToken)) return CollaborationAccess.Refusal(this);
        if (!Item.IsActive) ModelState.AddModelError("", l["終了した取組は変更できません。"]);
        return null;
    }

    /// <summary>Back to the page with a message (its Japanese key, shown in the reader's language).</summary>
    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"/collaboration/initiatives/{id}");
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        var id = Item.Id;
        Owner = InitiativeList.Owner(Item, await InitiativeList.OrganizationNamesAsync(db, [Item], cancellationToken));
        History = await db.InitiativeChanges.AsNoTracking().Where(c => c.InitiativeId == id).ToListAsync(cancellationToken);
        // Registration first, then by date (the registration shares its time with the initiative's creation).
        History = [.. History.OrderBy(c => c.FromType is null ? 0 : 1).ThenBy(c => c.ChangedAt)];
        Pilots = await db.CollaborationPilots.AsNoTracking().Where(p => p.InitiativeId == id)
            .Join(db.CollaborationProposals, p => p.ProposalId, pr => pr.Id, (p, pr) => new Pilot(p.Id, pr.Title, p.StartedAt, p.Decision))
            .ToListAsync(cancellationToken);
        Meetings = await db.DialogueMeetings.AsNoTracking().Where(m => m.InitiativeId == id)
            .Join(db.Opportunities, m => m.OpportunityId, o => o.Id, (m, o) => new { m.Id, o.Title, o.StartsAt, o.Status })
            .Where(x => x.Status != OpportunityStatus.Draft)
            .Select(x => new Meeting(x.Id, x.Title, x.StartsAt))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
