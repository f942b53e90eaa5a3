using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Calls;

/// <summary>
/// The trial-collaboration scheme, read-only and public: the calls (drafts are not found), one call's terms, rubric and
/// presentation session, and the adopted proposals with the decision's reasons and conditions. No person is named.
/// </summary>
public static class CallsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapCallsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/collaboration").WithTags("Collaboration").AllowAnonymous();
        group.MapGet("/calls", ListCollaborationCalls)
            .WithName(nameof(ListCollaborationCalls))
            .WithSummary("Calls of the trial-collaboration scheme, newest first; ?status=Open|Reviewing|Closed filters; 20 a page by default (?page=, ?pageSize= up to 100).");
        group.MapGet("/calls/{id:guid}", GetCollaborationCall)
            .WithName(nameof(GetCollaborationCall))
            .WithSummary("One call: its terms, rubric and public presentation session (drafts are not found).");
        group.MapGet("/proposals/adopted", ListAdoptedProposals)
            .WithName(nameof(ListAdoptedProposals))
            .WithSummary("Adopted proposals (with or without conditions), newest decision first, with the decision's reasons and conditions; no personal names.");
        return api;
    }

    public sealed record CallSummary(Guid Id, string Kind, string Title, string Theme, string Department, long BudgetCeiling,
        DateOnly StartsOn, DateOnly EndsOn, DateOnly Deadline, string Status, string Url);

    public sealed record CriterionItem(int Number, string Name, string Description, int MaxScore);

    public sealed record PresentationItem(DateTimeOffset At, string Place);

    public sealed record CallItem(Guid Id, string Kind, string Title, string Theme, string Description, string Department, long BudgetCeiling,
        DateOnly StartsOn, DateOnly EndsOn, DateOnly Deadline, string Status, Guid? InitiativeId, IReadOnlyList<CriterionItem> Criteria,
        int MaxTotal, PresentationItem? Presentation, string Url);

    public sealed record AdoptedProposal(Guid Id, Guid CallId, string Call, string Title, string Goal, string? Organization, long Budget,
        DateOnly StartsOn, DateOnly EndsOn, string Place, string? MunicipalityCode, string Decision, string Reasons, string Conditions, DateTimeOffset DecidedAt);

    public sealed record Paged<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);

    public static async Task<Results<Ok<Paged<CallSummary>>, ValidationProblem>> ListCollaborationCalls(
        [FromQuery] string? status, [FromQuery] string? page, [FromQuery] string? pageSize, HttpContext http, AppDbContext db,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(l);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CallStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (EnumNames.TryParse(status, out CallStatus s) && s != CallStatus.Draft) filter = s;
            else errors["status"] = [l["状態「{0}」は使えません。Open、Reviewing、Closed のいずれかです。", status]];
        }
        var (number, size) = Paging(page, pageSize, l, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var query = db.CollaborationCalls.AsNoTracking().Where(c => c.Status != CallStatus.Draft && (filter == null || c.Status == filter));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(c => c.CreatedAt).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        var items = rows.Select(c => new CallSummary(c.Id, c.Kind.ToString(), c.Title, c.Theme, c.Department, c.BudgetCeiling, c.StartsOn, c.EndsOn, c.Deadline,
            c.Status.ToString(), UrlOf(http, $"/collaboration/calls/{c.Id}"))).ToList();
        return TypedResults.Ok(new Paged<CallSummary>(total, number, size, items));
    }

    public static async Task<Results<Ok<CallItem>, ProblemHttpResult>> GetCollaborationCall(
        Guid id, HttpContext http, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(l);
        var c = await db.CollaborationCalls.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null || c.Status == CallStatus.Draft)
            return TypedResults.Problem(detail: l["ID「{0}」の募集は見つかりません。", id], statusCode: StatusCodes.Status404NotFound);
        var criteria = c.Criteria.OrderBy(x => x.Number).Select(x => new CriterionItem(x.Number, x.Name, x.Description, x.MaxScore)).ToList();
        var presentation = c.PresentationAt is { } at ? new PresentationItem(at, c.PresentationPlace) : null;
        return TypedResults.Ok(new CallItem(c.Id, c.Kind.ToString(), c.Title, c.Theme, c.Description, c.Department, c.BudgetCeiling, c.StartsOn, c.EndsOn,
            c.Deadline, c.Status.ToString(), c.InitiativeId, criteria, c.MaxTotal, presentation, UrlOf(http, $"/collaboration/calls/{c.Id}")));
    }

    public static async Task<Results<Ok<Paged<AdoptedProposal>>, ValidationProblem>> ListAdoptedProposals(
        [FromQuery] string? page, [FromQuery] string? pageSize, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(l);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size) = Paging(page, pageSize, l, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var adopted = db.CollaborationProposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Adopted || p.Status == ProposalStatus.AdoptedWithConditions);
        var total = await adopted.CountAsync(cancellationToken);
        var rows = await adopted
            .OrderByDescending(p => p.DecidedAt).ThenBy(p => p.Id)
            .Skip((number - 1) * size).Take(size)
            .Join(db.CollaborationCalls, p => p.CallId, c => c.Id, (p, c) => new { p, Call = c.Title })
            .GroupJoin(db.Organizations, x => x.p.OrganizationId, o => o.Id, (x, os) => new { x.p, x.Call, os })
            .SelectMany(x => x.os.DefaultIfEmpty(), (x, o) => new { x.p, x.Call, Organization = o == null ? null : o.Name })
            .ToListAsync(cancellationToken);
        var items = rows.Select(x => new AdoptedProposal(x.p.Id, x.p.CallId, x.Call, x.p.Title, x.p.Goal, x.Organization, x.p.Budget, x.p.StartsOn, x.p.EndsOn,
            x.p.Place, x.p.MunicipalityCode, x.p.Status.ToString(), x.p.DecisionReason, x.p.Conditions, x.p.DecidedAt!.Value)).ToList();
        return TypedResults.Ok(new Paged<AdoptedProposal>(total, number, size, items));
    }

    private static (int Page, int PageSize) Paging(string? page, string? pageSize, IStringLocalizer<SharedResource> l, Dictionary<string, string[]> errors)
    {
        var number = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1 || number > 100_000))
        {
            number = 1;
            errors["page"] = [l["ページ番号は1から{0}までの整数で指定してください。", 100_000]];
        }
        var size = DefaultPageSize;
        if (!string.IsNullOrEmpty(pageSize) && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            size = DefaultPageSize;
            errors["pageSize"] = [l["1ページの件数は1から{0}までの整数で指定してください。", MaxPageSize]];
        }
        return (number, size);
    }

    private static string UrlOf(HttpContext http, string path) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{path}";
}
