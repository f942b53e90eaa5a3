using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>The registry, read-only and public: active initiatives with filters and paging, and one initiative with its history.</summary>
public static class InitiativesApi
{
    /// <summary>An initiative as the API shows it: enums by name, ㉗/㉘/㉙ also as the seed's number.</summary>
    public sealed record Item(
        Guid Id, string Title, string Summary, string OwnerKind, string Owner, Guid? OrganizationId,
        IReadOnlyList<string> Municipalities, IReadOnlyList<int> Fields, IReadOnlyList<int> Challenges, IReadOnlyList<int> Pathways,
        int Type, string TypeName, string? Stage, int? TargetType, string? TargetStage, DateOnly? TargetDate,
        int? RoleAssessment, string RoleAssessmentNote, DateTimeOffset? EndedAt, DateTimeOffset UpdatedAt, string Url);

    public sealed record Change(int? FromType, string? FromStage, int ToType, string? ToStage, bool Ended, bool PilotContinued, string Reason, DateTimeOffset ChangedAt);

    public sealed record Detail(Item Initiative, IReadOnlyList<Change> History);

    public sealed record Page(int Total, int PageNumber, int PageSize, IReadOnlyList<Item> Items);

    public static RouteGroupBuilder MapInitiativesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/initiatives", ListInitiatives).WithTags("Collaboration").AllowAnonymous()
            .WithName(nameof(ListInitiatives))
            .WithSummary("Active initiatives of the registry, most recently updated first; ?type=27|28|29, ?stage=1-3 or SupportingActors|Pilot|System, ?municipality=CODE (initiatives for the whole prefecture included), ?department=NAME, ?page, ?pageSize (≤100).")
            .Produces<Page>()
            .ProducesValidationProblem();
        api.MapGet("/initiatives/{id:guid}", GetInitiative).WithTags("Collaboration").AllowAnonymous()
            .WithName(nameof(GetInitiative))
            .WithSummary("One initiative (ended ones too) with the history of its type and stage, registration first.")
            .Produces<Detail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<Results<Ok<Page>, ValidationProblem>> ListInitiatives(
        [FromQuery] string? type, [FromQuery] string? stage, [FromQuery] string? municipality, [FromQuery] string? department,
        [FromQuery] string? page, [FromQuery] string? pageSize,
        AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(l);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = InitiativeFilter.Parse(type, stage, municipality, department, null, null, null, l, errors);
        var number = Whole(page, 1, 10_000, "page", l["ページは1から{0}までの整数で指定してください。", 10_000], errors);
        var size = Whole(pageSize, 1, InitiativeList.MaxPageSize, "pageSize", l["1ページの件数は1から{0}までの整数で指定してください。", InitiativeList.MaxPageSize], errors, InitiativeList.PageSize);
        if (filter is null || errors.Count > 0) return TypedResults.ValidationProblem(errors, detail: l["入力内容を確認してください。"]);
        var (items, total) = await InitiativeList.PageAsync(db, filter, number, size, cancellationToken);
        var names = await InitiativeList.OrganizationNamesAsync(db, items, cancellationToken);
        return TypedResults.Ok(new Page(total, number, size, items.Select(i => ToItem(i, names)).ToList()));
    }

    public static async Task<Results<Ok<Detail>, ProblemHttpResult>> GetInitiative(
        Guid id, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(l);
        var initiative = await db.Initiatives.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (initiative is null) return TypedResults.Problem(detail: l["取組・施策が見つかりません。"], statusCode: StatusCodes.Status404NotFound);
        var names = await InitiativeList.OrganizationNamesAsync(db, [initiative], cancellationToken);
        var changes = await db.InitiativeChanges.AsNoTracking().Where(c => c.InitiativeId == id).ToListAsync(cancellationToken);
        var history = changes.OrderBy(c => c.FromType is null ? 0 : 1).ThenBy(c => c.ChangedAt)
            .Select(c => new Change((int?)c.FromType, c.FromStage?.ToString(), (int)c.ToType, c.ToStage?.ToString(), c.Ended, c.PilotContinued, c.Reason, c.ChangedAt))
            .ToList();
        return TypedResults.Ok(new Detail(ToItem(initiative, names), history));
    }

    private static Item ToItem(Initiative i, IReadOnlyDictionary<Guid, string> names) => new(
        i.Id, i.Title, i.Summary, i.OwnerKind.ToString(), InitiativeList.Owner(i, names), i.OrganizationId,
        i.Municipalities, i.Fields, i.Challenges, i.Pathways,
        (int)i.Type, i.Type.ToString(), i.Stage?.ToString(), (int?)i.TargetType, i.TargetStage?.ToString(), i.TargetDate,
        i.RoleAssessment, i.RoleAssessmentNote, i.EndedAt, i.UpdatedAt, $"/collaboration/initiatives/{i.Id}");

    private static int Whole(string? text, int min, int max, string key, string message, Dictionary<string, string[]> errors, int fallback = 1)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors[key] = [message];
        return fallback;
    }
}
