using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.ProBono.Challenges;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.ExpertSessions;

/// <summary>An organization's admin asks for a short expert session: the question, the skill, how, where and when.</summary>
[Authorize]
public sealed class NewExpertSessionModel(AppDbContext db, IAuthorizationService authorization, Japan japan, IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ExpertSessionInput Input { get; set; } = new();

    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<Municipality> Municipalities => ChallengeForm.Choices(japan, options.Value.Prefecture);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await ChallengeAccess.ManagedOrganizationAsync(db, authorization, User, id, cancellationToken);
        if (organization is null) return Forbid();
        OrganizationId = id;
        OrganizationName = organization.Name;
        Input = new ExpertSessionInput { Mode = nameof(WorkMode.Online), DurationMinutes = "60" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await ChallengeAccess.ManagedOrganizationAsync(db, authorization, User, id, cancellationToken);
        if (organization is null) return Forbid();
        OrganizationId = id;
        OrganizationName = organization.Name;
        var errors = new List<(string Key, string Message)>();
        var now = clock.GetUtcNow();
        var request = Input.Validate(japan, l, now, errors);
        if (request is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        var session = new ExpertSession(id, ChallengeAccess.AccountId(User), request.Topic, request.Skill, request.Mode, request.MunicipalityCode,
            request.Slots, request.DurationMinutes, now);
        db.ExpertSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/probono/expert-sessions/{session.Id}");
    }
}
