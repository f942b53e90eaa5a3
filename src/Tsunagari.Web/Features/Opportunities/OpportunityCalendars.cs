using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Regions;
using Tsunagari.Resources;

namespace Tsunagari.Features.Opportunities;

/// <summary>
/// iCalendar feeds of public opportunities: one, an organization's, a municipality's. Times are in TZID Asia/Tokyo
/// with its VTIMEZONE, recurring ones carry their RRULE and EXDATEs, and the UID is stable so calendars update in place.
/// </summary>
public static class OpportunityCalendars
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static void MapOpportunityCalendars(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("").WithTags("Calendars").AllowAnonymous();
        group.MapGet("/opportunities/{id:guid}.ics", OpportunityFeed).WithSummary("One public opportunity as iCalendar.");
        group.MapGet("/organizations/{id:guid}/opportunities.ics", OrganizationFeed).WithSummary("An organization's public opportunities as iCalendar.");
        group.MapGet("/regions/{code}/opportunities.ics", MunicipalityFeed).WithSummary("Public opportunities in a municipality (and its wards) as iCalendar.");
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> OpportunityFeed(Guid id, HttpContext http, AppDbContext db, Japan japan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var items = await PublicAsync(db.Opportunities.Where(o => o.Id == id), cancellationToken);
        if (items.Count == 0) return TypedResults.NotFound();
        return File(items, http, japan, $"{id}.ics");
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> OrganizationFeed(Guid id, HttpContext http, AppDbContext db, Japan japan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Organizations.AnyAsync(o => o.Id == id, cancellationToken)) return TypedResults.NotFound();
        var items = await PublicAsync(db.Opportunities.Where(o => o.OrganizationId == id), cancellationToken);
        return File(items, http, japan, "opportunities.ics");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> MunicipalityFeed(
        string code, HttpContext http, AppDbContext db, Japan japan, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(japan);
        ArgumentNullException.ThrowIfNull(l);
        if (!LocalGovernmentCode.IsValid(code))
            return TypedResults.Problem(detail: l["「{0}」は全国地方公共団体コードではありません。6桁の数字で、6桁目は検査数字です。", code], statusCode: StatusCodes.Status400BadRequest);
        if (japan.Municipality(code) is not { } municipality)
            return TypedResults.Problem(detail: l["コード「{0}」の市区町村は見つかりません。", code], statusCode: StatusCodes.Status404NotFound);
        var codes = new[] { municipality.Code }.Concat(municipality.Wards.Select(w => w.Code)).ToList();
        var items = await PublicAsync(db.Opportunities.Where(o => codes.Contains(o.MunicipalityCode)), cancellationToken);
        return File(items, http, japan, "opportunities.ics");
    }

    private static async Task<List<Opportunity>> PublicAsync(IQueryable<Opportunity> query, CancellationToken cancellationToken) =>
        await query.AsNoTracking()
            .Where(o => o.Status == OpportunityStatus.Published || o.Status == OpportunityStatus.Closed || o.Status == OpportunityStatus.Cancelled)
            .OrderBy(o => o.StartsAt)
            .Take(2000)
            .ToListAsync(cancellationToken);

    private static FileContentHttpResult File(List<Opportunity> items, HttpContext http, Japan japan, string name)
    {
        var baseUrl = new Uri($"{http.Request.Scheme}://{http.Request.Host}");
        var text = Serialize(items, baseUrl, japan);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), ContentType, name);
    }

    public static string Serialize(IEnumerable<Opportunity> opportunities, Uri baseUrl, Japan japan)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        ArgumentNullException.ThrowIfNull(japan);
        var calendar = new Calendar { ProductId = "-//Tsunagari//Opportunities//JA" };
        calendar.AddTimeZone(Recurrence.TimeZoneId);
        foreach (var o in opportunities)
        {
            var e = Recurrence.ToEvent(o);
            e.Summary = o.Title;
            e.Description = MarkdownHtml.PlainText(o.Description);
            e.Url = new Uri(baseUrl, $"/opportunities/{o.Id}");
            e.Location = Location(o, japan);
            e.Status = o.Status == OpportunityStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed;
            e.LastModified = Recurrence.Utc(o.UpdatedAt);
            e.DtStamp = Recurrence.Utc(o.UpdatedAt);
            if (o.Latitude is { } lat && o.Longitude is { } lon) e.GeographicLocation = new Ical.Net.DataTypes.GeographicLocation(lat, lon);
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Location(Opportunity o, Japan japan)
    {
        var parts = new List<string>();
        if (o.VenueName.Length > 0) parts.Add(o.VenueName);
        if (o.VenueAddress.Length > 0) parts.Add(o.VenueAddress);
        else if (japan.Municipality(o.MunicipalityCode) is { } m && !o.IsOnline) parts.Add(m.Name);
        if (o.IsOnline) parts.Add("Online");
        return string.Join(", ", parts);
    }
}
