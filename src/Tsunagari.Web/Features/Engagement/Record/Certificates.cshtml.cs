using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Engagement.Attendance;
using Tsunagari.Features.Opportunities;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Record;

/// <summary>An organization's admins issue certificates of activity to people who took part with it.</summary>
[Authorize]
public sealed class CertificatesModel(AppDbContext db, IAuthorizationService authorization, ReadRecord read, IssueCertificate issue, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Participants listed to choose from; the name filter narrows a long list.</summary>
    public const int MaxParticipants = 200;

    public sealed record Person(Guid Id, string Name);
    public sealed record Issued(Guid Id, string Number, string Holder, DateOnly From, DateOnly To, decimal Hours, DateTimeOffset IssuedAt);

    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<Person> Participants { get; private set; } = [];
    public Person? Chosen { get; private set; }
    public IReadOnlyList<ActivityRecord.Activity>? Activities { get; private set; }
    public IReadOnlyList<Issued> Certificates { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? NameQuery { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AccountId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (Chosen is not null && (From is not null || To is not null))
        {
            if (issue.CheckPeriod(From, To) is { } error) ModelState.AddModelError(nameof(From), error);
            else Activities = await read.ActivitiesAsync(Chosen.Id, id, From, To, cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (Chosen is null)
        {
            ModelState.AddModelError(nameof(AccountId), l["証明書を受け取る人を選んでください。"]);
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var issuer = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var outcome = await issue.RunAsync(id, Chosen.Id, From, To, Note, issuer, cancellationToken);
        if (outcome.Certificate is null)
        {
            ModelState.AddModelError(nameof(Note), outcome.Error!);
            if (issue.CheckPeriod(From, To) is null) Activities = await read.ActivitiesAsync(Chosen.Id, id, From, To, cancellationToken);
            return Page();
        }
        return Redirect($"/certificates/{outcome.Certificate.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await OpportunityAccess.OrganizationAsync(db, id, cancellationToken);
        if (organization is null) return NotFound();
        if (!await OpportunityAccess.CanManageAsync(authorization, User, organization)) return Forbid();
        OrganizationId = id;
        OrganizationName = organization.Name;
        // People who attended with the organization or whose hours it approved: the only ones it can certify.
        var attended = db.SignUps.Where(s => s.OrganizationId == id && s.CheckedInAt != null).Select(s => s.AccountId);
        var reported = db.HoursReports.Where(r => r.OrganizationId == id && r.Status == HoursReportStatus.Approved).Select(r => r.AccountId);
        var people = db.Users.AsNoTracking().Where(u => attended.Contains(u.Id) || reported.Contains(u.Id));
        if (!string.IsNullOrWhiteSpace(NameQuery))
        {
            // LIKE's wildcards in a name are meant literally.
            var pattern = "%" + NameQuery.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            people = people.Where(u => EF.Functions.Like(u.DisplayName, pattern, "\\"));
        }
        Participants = await people.OrderBy(u => u.DisplayName).Select(u => new Person(u.Id, u.DisplayName)).Take(MaxParticipants).ToListAsync(cancellationToken);
        if (AccountId is { } accountId)
            Chosen = Participants.FirstOrDefault(p => p.Id == accountId)
                ?? await db.Users.AsNoTracking().Where(u => u.Id == accountId && (attended.Contains(u.Id) || reported.Contains(u.Id)))
                    .Select(u => new Person(u.Id, u.DisplayName)).SingleOrDefaultAsync(cancellationToken);
        if (From is null && To is null && Chosen is not null)
        {
            // The last year is what people ask for most (school and job applications).
            To = OccurrenceTimes.JapanDate(clock.GetUtcNow());
            From = To.Value.AddYears(-1).AddDays(1);
        }
        Certificates = await db.Certificates.AsNoTracking().Where(c => c.OrganizationId == id).OrderByDescending(c => c.IssuedAt).Take(50)
            .Select(c => new Issued(c.Id, c.Number, c.HolderName, c.From, c.To, c.Hours, c.IssuedAt)).ToListAsync(cancellationToken);
        return null;
    }
}
