using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;
using Tsunagari.Features.Search;
using Tsunagari.Resources;

namespace Tsunagari.Features.OpenData;

public static class OpenDataSetup
{
    public static void AddOpenData(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ExportEvents>();
        builder.Services.AddScoped<ImportEvents>();
        builder.Services.AddScoped<HsdsDirectory>();
        builder.Services.AddSingleton<OpenDataFiles>();
    }

    /// <summary>Open data lives outside /api/v1: /opendata/events.csv, /opendata/organizations.json; the iCalendar feeds beside the pages.</summary>
    public static void MapOpenData(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var open = app.MapGroup("/opendata").WithTags("Open data").AllowAnonymous();
        open.MapGet("/events.csv", EventsCsv)
            .WithName(nameof(EventsCsv))
            .WithSummary("The Digital Agency standard event list CSV (32 columns, UTF-8 with BOM): one row per occurrence of published opportunities in the next 90 days; ?municipality=CODE narrows it.");
        open.MapGet("/organizations.json", OrganizationsJson)
            .WithName(nameof(OrganizationsJson))
            .WithSummary("Organizations and their published opportunities in the shape of Open Referral HSDS 3.0.");
        app.MapOpportunityCalendars();
        app.MapSearchCalendar();
    }

    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> EventsCsv(
        [FromQuery] string? municipality, HttpContext http, ExportEvents export, OpenDataFiles files, AppDbContext db, Japan japan,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(japan);
        ArgumentNullException.ThrowIfNull(l);
        IReadOnlyCollection<string>? codes = null;
        if (municipality is not null)
        {
            if (!LocalGovernmentCode.IsValid(municipality))
                return TypedResults.Problem(detail: l["「{0}」は全国地方公共団体コードではありません。6桁の数字で、6桁目は検査数字です。", municipality], statusCode: StatusCodes.Status400BadRequest);
            if (japan.Municipality(municipality) is not { } found)
                return TypedResults.Problem(detail: l["コード「{0}」の市区町村は見つかりません。", municipality], statusCode: StatusCodes.Status400BadRequest);
            codes = [found.Code, .. found.Wards.Select(w => w.Code)];
        }
        var baseUrl = BaseUrl(http);
        var path = await files.GetAsync($"events-{municipality ?? "all"}", baseUrl, await VersionAsync(db, cancellationToken),
            output => export.WriteAsync(codes, baseUrl, output, cancellationToken), cancellationToken);
        return TypedResults.PhysicalFile(path, "text/csv; charset=utf-8", "events.csv");
    }

    public static async Task<PhysicalFileHttpResult> OrganizationsJson(HttpContext http, HsdsDirectory directory, OpenDataFiles files, AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(files);
        var baseUrl = BaseUrl(http);
        var path = await files.GetAsync("organizations", baseUrl, await VersionAsync(db, cancellationToken),
            output => directory.WriteAsync(baseUrl, output, cancellationToken), cancellationToken);
        return TypedResults.PhysicalFile(path, "application/json; charset=utf-8");
    }

    private static Uri BaseUrl(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}");

    /// <summary>
    /// Every change to an organization or an opportunity writes a row to the search outbox in its transaction, so its
    /// newest id is the version of what the files show, on every node at once.
    /// </summary>
    private static async Task<long> VersionAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.SearchChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
}
