using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QRCoder;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>
/// The organization's roster of one occurrence: check people in and out, enter hours, show the attendance code and its
/// QR code at the venue. One small form per row, so it works on a phone without JavaScript.
/// </summary>
[Authorize]
public sealed class RosterModel(
    AppDbContext db,
    IAuthorizationService authorization,
    RecordAttendance record,
    IssueCheckInCode codes,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    private const string MessageKey = "RosterMessage";

    public sealed record Row(Guid SignUpId, Guid AccountId, string Name, int? Seat, SignUpStatus Status,
        DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt, CheckInMethod? Method, decimal? Hours);

    public Opportunity Opportunity { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<OccurrenceTimes.Occurrence> Occurrences { get; private set; } = [];
    public OccurrenceTimes.Occurrence? Occurrence { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public CheckInCode? Code { get; private set; }
    public string CheckInUrl { get; private set; } = "";
    public string? Message { get; private set; }

    /// <summary>yyyy-MM-dd, the occurrence of a recurring opportunity; the nearest when absent.</summary>
    [BindProperty(SupportsGet = true, Name = "occurrence")]
    public string? OccurrenceText { get; set; }

    [BindProperty]
    public Guid SignUpId { get; set; }

    [BindProperty]
    public decimal? Hours { get; set; }

    public bool Recurring => OccurrenceTimes.IsRecurring(Opportunity);

    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (TempData[MessageKey] is string message) Message = message;
        return Page();
    }

    /// <summary>The QR code of the attendance code's URL, as a PNG for the venue's screen or a print-out.</summary>
    public async Task<IActionResult> OnGetQrAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (Code is null) return NotFound();
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(CheckInUrl, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(10);
        Response.Headers.CacheControl = "private, no-store";
        return File(png, "image/png");
    }

    public async Task<IActionResult> OnPostCodeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (Occurrence is null) return Fail(l["この日には活動がありません。"]);
        if (await codes.RunAsync(Opportunity, Occurrence.Date, cancellationToken) is null) return Fail(l["出欠コードを発行できませんでした。もう一度お試しください。"]);
        return Done(id, l["出欠コードを発行しました。"]);
    }

    public Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => record.CheckInAsync(s, CheckInMethod.Roster, cancellationToken), "{0}さんを出席にしました。", cancellationToken);

    public Task<IActionResult> OnPostCheckOutAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => record.CheckOutAsync(s, cancellationToken), "{0}さんを退出にしました。", cancellationToken);

    public Task<IActionResult> OnPostHoursAsync(Guid id, CancellationToken cancellationToken)
    {
        // Hours that are not a number failed binding: they are refused like any other wrong hours.
        var hours = ModelState.IsValid ? Hours : null;
        return ChangeAsync(id, s => record.SetHoursAsync(s, hours, cancellationToken), "{0}さんの時間を記録しました。", cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Func<SignUp, Task<string?>> change, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var signUp = await db.SignUps.SingleOrDefaultAsync(s => s.Id == SignUpId && s.OpportunityId == id, cancellationToken);
        if (signUp is null) return Fail(l["この活動の申し込みが見つかりません。"]);
        var name = Rows.FirstOrDefault(r => r.SignUpId == signUp.Id)?.Name
            ?? await db.Users.AsNoTracking().Where(u => u.Id == signUp.AccountId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        ModelState.Clear();
        if (await change(signUp) is { } error) return Fail(error);
        OccurrenceText = signUp.Occurrence == SignUp.WholeOpportunity ? OccurrenceText : DateText(signUp.Occurrence);
        return Done(id, l[done, name]);
    }

    private PageResult Fail(string error)
    {
        ModelState.AddModelError("", error);
        return Page();
    }

    private RedirectToPageResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return RedirectToPage(new { id, occurrence = OccurrenceText });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null) return NotFound();
        var organization = await OpportunityAccess.OrganizationAsync(db, opportunity.OrganizationId, cancellationToken);
        if (!await OpportunityAccess.CanManageAsync(authorization, User, organization))
            return opportunity.IsPublic ? Forbid() : NotFound();
        Opportunity = opportunity;
        OrganizationName = organization!.Name;
        var now = clock.GetUtcNow();
        Occurrences = OccurrenceTimes.Around(opportunity, now);
        if (DateOnly.TryParseExact(OccurrenceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen))
        {
            Occurrence = OccurrenceTimes.Of(opportunity, chosen);
            if (Occurrence is not null && !Occurrences.Any(o => o.Date == Occurrence.Date)) Occurrences = [.. Occurrences.Append(Occurrence).OrderBy(o => o.Start)];
        }
        else
        {
            Occurrence = OccurrenceTimes.Nearest(Occurrences, now);
        }
        if (Occurrence is null) return null;
        var date = Occurrence.Date;
        var signUps = db.SignUps.AsNoTracking().Where(s => s.OpportunityId == id && (s.Status == SignUpStatus.Confirmed || s.CheckedInAt != null));
        // A one-off's sign-ups may name the whole opportunity or its date.
        if (date != SignUp.WholeOpportunity) signUps = signUps.Where(s => s.Occurrence == date);
        Rows = await (from s in signUps
                      join a in db.Users on s.AccountId equals a.Id
                      orderby s.Seat, a.DisplayName
                      select new Row(s.Id, s.AccountId, a.DisplayName, s.Seat, s.Status, s.CheckedInAt, s.CheckedOutAt, s.CheckInMethod, s.Hours))
                     .ToListAsync(cancellationToken);
        Code = await codes.FindAsync(id, date, cancellationToken);
        if (Code is not null) CheckInUrl = $"{Request.Scheme}://{Request.Host}/checkin?code={Code.Code}";
        return null;
    }
}
