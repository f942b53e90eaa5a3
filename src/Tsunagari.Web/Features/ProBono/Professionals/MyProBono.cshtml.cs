using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.ProBono.Challenges;
using Tsunagari.Features.ProBono.ExpertSessions;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Professionals;

/// <summary>
/// A resident's pro bono: opting in with their skills and availability, stepping back (kept inactive or deleted), and
/// answering the team proposals and the expert sessions sent to them.
/// </summary>
[Authorize]
public sealed class MyProBonoModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, RespondToProposal respond,
    AnswerExpertSession answerSession, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "ProBonoMessage";

    public sealed record Proposal(Guid Id, Guid ChallengeId, string Title, string OrganizationName, string Role, AssignmentResponse Response,
        string DeclineReason, DateTimeOffset? SentAt, ChallengeStatus ChallengeStatus, Guid? ProjectId);

    public sealed record OrganizationChoice(Guid Id, string Name);

    public sealed record Session(Guid Id, string Topic, string OrganizationName, string Skill, WorkMode Mode, ExpertSessionStatus Status,
        DateTimeOffset? StartsAt, int DurationMinutes, int DonatedMinutes);

    [BindProperty]
    public ProBonoProfileInput Input { get; set; } = new();

    /// <summary>Searches organizations to mark as conflicts (a GET, so that it works without JavaScript).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public bool Exists { get; private set; }
    public bool Active { get; private set; }
    public IReadOnlyList<Proposal> Proposals { get; private set; } = [];
    public IReadOnlyList<Session> Sessions { get; private set; } = [];

    /// <summary>The minutes of every expert session the person gave (held).</summary>
    public int DonatedMinutes { get; private set; }
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];
    public IReadOnlyList<OrganizationChoice> Organizations { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = ChallengeAccess.AccountId(User);
        var profile = await db.ProBonoProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == me, cancellationToken);
        var resident = profile is null ? await db.ResidentProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == me, cancellationToken) : null;
        Input = ProBonoProfileInput.From(profile, resident);
        Message = TempData[MessageKey] as string;
        await LoadAsync(profile, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var me = ChallengeAccess.AccountId(User);
        var profile = await db.ProBonoProfiles.SingleOrDefaultAsync(p => p.AccountId == me, cancellationToken);
        var isNew = profile is null;
        profile ??= new ProBonoProfile(me, clock.GetUtcNow());
        var chosen = Input.Conflicts.Distinct().Take(100).ToList();
        var known = (await db.Organizations.AsNoTracking().Where(o => chosen.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        var errors = new List<(string Key, string Message)>();
        if (Input.Conflicts.Count > 100) errors.Add((nameof(Input.Conflicts), l["団体は{0}件まで選べます。", 100]));
        if (!Input.TryApply(profile, japan, known, l, errors, clock.GetUtcNow()) || errors.Count > 0)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            db.ChangeTracker.Clear();
            await LoadAsync(isNew ? null : await db.ProBonoProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == me, cancellationToken), cancellationToken);
            return Page();
        }
        if (isNew) db.ProBonoProfiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = "プロボノの登録内容を保存しました。";
        return RedirectToPage();
    }

    /// <summary>Steps back from pro bono: the profile is kept inactive, or deleted when the person asks.</summary>
    public async Task<IActionResult> OnPostOptOutAsync(bool delete, CancellationToken cancellationToken)
    {
        var me = ChallengeAccess.AccountId(User);
        var profile = await db.ProBonoProfiles.SingleOrDefaultAsync(p => p.AccountId == me, cancellationToken);
        if (profile is null) return RedirectToPage();
        if (delete) db.ProBonoProfiles.Remove(profile);
        else
        {
            profile.Active = false;
            profile.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = delete ? "プロボノの登録を削除しました。" : "プロボノの登録を休止しました。";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid assignmentId, CancellationToken cancellationToken) => AnswerAsync(assignmentId, true, null, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid assignmentId, string? reason, CancellationToken cancellationToken) => AnswerAsync(assignmentId, false, reason, cancellationToken);

    public Task<IActionResult> OnPostAcceptSessionAsync(Guid sessionId, CancellationToken cancellationToken) =>
        AnswerSessionAsync(sessionId, true, null, cancellationToken);

    public Task<IActionResult> OnPostDeclineSessionAsync(Guid sessionId, string? reason, CancellationToken cancellationToken) =>
        AnswerSessionAsync(sessionId, false, reason, cancellationToken);

    private Task<IActionResult> AnswerSessionAsync(Guid sessionId, bool accept, string? reason, CancellationToken cancellationToken) =>
        ShowAnswerAsync(answerSession.RunAsync(ChallengeAccess.AccountId(User), sessionId, accept, reason, cancellationToken),
            accept ? "相談の依頼を承諾しました。" : "相談の依頼を辞退しました。", cancellationToken);

    private Task<IActionResult> AnswerAsync(Guid assignmentId, bool accept, string? reason, CancellationToken cancellationToken) =>
        ShowAnswerAsync(respond.RunAsync(ChallengeAccess.AccountId(User), assignmentId, accept, reason, cancellationToken),
            accept ? "提案を承諾しました。" : "提案を辞退しました。", cancellationToken);

    /// <summary>An answer to a team proposal or an expert session: done (with its message), refused with the reason, or not found.</summary>
    private async Task<IActionResult> ShowAnswerAsync(Task<(bool Found, string? Error)> answer, string done, CancellationToken cancellationToken)
    {
        var (found, error) = await answer;
        if (!found) return NotFound();
        if (error is not null)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("reason", error);
            await OnGetAsync(cancellationToken);
            return Page();
        }
        TempData[MessageKey] = done;
        return RedirectToPage();
    }

    private async Task LoadAsync(ProBonoProfile? profile, CancellationToken cancellationToken)
    {
        var me = ChallengeAccess.AccountId(User);
        Exists = profile is not null;
        Active = profile?.Active == true;
        Municipalities = ChallengeForm.Choices(japan, options.Value.Prefecture);
        Proposals = await (from a in db.RoundAssignments.AsNoTracking()
                           where a.AccountId == me && a.SentAt != null
                           join c in db.Challenges on a.ChallengeId equals c.Id
                           join o in db.Organizations on c.OrganizationId equals o.Id
                           orderby a.SentAt descending
                           let project = a.Response == AssignmentResponse.Accepted ? db.ProBonoProjects.Where(p => p.ChallengeId == c.Id).Select(p => (Guid?)p.Id).FirstOrDefault() : null
                           select new Proposal(a.Id, c.Id, c.Title, o.Name, a.Role, a.Response, a.DeclineReason, a.SentAt, c.Status, project))
                          .Take(50).ToListAsync(cancellationToken);
        Sessions = await (from s in db.ExpertSessions.AsNoTracking()
                          where s.ProfessionalId == me
                          join o in db.Organizations on s.OrganizationId equals o.Id
                          orderby s.StartsAt descending
                          select new Session(s.Id, s.Topic, o.Name, s.Skill, s.Mode, s.Status, s.StartsAt, s.DurationMinutes, s.DonatedMinutes))
                         .Take(50).ToListAsync(cancellationToken);
        DonatedMinutes = await db.ExpertSessions.AsNoTracking().Where(s => s.ProfessionalId == me && s.Status == ExpertSessionStatus.Held)
            .SumAsync(s => s.DonatedMinutes, cancellationToken);
        var chosen = Input.Conflicts;
        var query = Query?.Trim() ?? "";
        Organizations = await db.Organizations.AsNoTracking()
            .Where(o => chosen.Contains(o.Id) || (query.Length > 0 && o.Name.Contains(query)))
            .OrderBy(o => o.Name).Take(50 + chosen.Count).Select(o => new OrganizationChoice(o.Id, o.Name)).ToListAsync(cancellationToken);
    }
}
