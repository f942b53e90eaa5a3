using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration.Pilots;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>
/// The government view (staff only), by department and municipality: where the measures sit (㉗, ㉘, ㉙ × stage) and where
/// they are heading, as a matrix and a list (also as CSV), the calls in progress, and the pilots with their results (also
/// as CSV, with the final reports' results and the decisions' reasons).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class GovernmentModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, ExportInitiatives export,
    ExportPilots exportPilots, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxRows = 500;

    public sealed record Cell(InitiativeType Type, CollaborationStage? Stage, int Now, int Heading);

    public sealed record CallRow(Guid Id, string Title, CallKind Kind, string Department, DateOnly Deadline, CallStatus Status, int Proposals);

    public sealed record Pilot(Guid Id, string Title, DateTimeOffset StartedAt, PilotDecision? Decision, bool FinalReport);

    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }

    public InitiativeFilter Filter { get; private set; } = new();
    public IReadOnlyList<Cell> Matrix { get; private set; } = [];
    public IReadOnlyList<Initiative> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyDictionary<Guid, string> OrganizationNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<CallRow> Calls { get; private set; } = [];
    public IReadOnlyList<Pilot> Pilots { get; private set; } = [];
    public IReadOnlyList<string> Departments { get; private set; } = [];
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (Parse() is not { } filter) return Page();
        Filter = filter;
        var query = filter.Apply(db.Initiatives.AsNoTracking());
        Matrix = await MatrixAsync(query, cancellationToken);
        Total = await query.CountAsync(cancellationToken);
        Rows = await InitiativeList.Ordered(query).Take(MaxRows).ToListAsync(cancellationToken);
        OrganizationNames = await InitiativeList.OrganizationNamesAsync(db, Rows, cancellationToken);
        Calls = await CallsAsync(filter, cancellationToken);
        Pilots = await PilotsAsync(filter, cancellationToken);
        return Page();
    }

    /// <summary>The list as CSV, with the page's filters.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (Parse() is not { } filter)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }
        return File(await export.RunAsync(filter, cancellationToken), ExportInitiatives.ContentType, "initiatives.csv");
    }

    /// <summary>The pilots with their results (final report, decision and reasons) as CSV, with the page's filters.</summary>
    public async Task<IActionResult> OnGetPilotsCsvAsync(CancellationToken cancellationToken)
    {
        if (Parse() is not { } filter)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }
        return File(await exportPilots.RunAsync(filter, cancellationToken), ExportInitiatives.ContentType, "pilots.csv");
    }

    public string CsvLink => Link("Csv");

    public string PilotsCsvLink => Link("PilotsCsv");

    private string Link(string handler)
    {
        var query = Filter.ToQueryString();
        return $"/collaboration/government?handler={handler}{(query.Length > 0 ? "&" + query : "")}";
    }

    private InitiativeFilter? Parse()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = InitiativeFilter.Parse(null, null, Municipality, Department, null, null, null, l, errors);
        foreach (var (key, messages) in errors) ModelState.AddModelError(key, messages[0]);
        return filter;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Municipalities = japan.Prefecture(options.Value.Prefecture)?.Municipalities ?? [];
        var owners = await db.Initiatives.AsNoTracking().Where(i => i.OwnerKind == InitiativeOwnerKind.Department)
            .Select(i => i.OwnerName).Distinct().ToListAsync(cancellationToken);
        var posting = await db.CollaborationCalls.AsNoTracking().Select(c => c.Department).Distinct().ToListAsync(cancellationToken);
        Departments = [.. owners.Concat(posting).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>For each of the five places, how many initiatives are there now and how many are heading there.</summary>
    private static async Task<IReadOnlyList<Cell>> MatrixAsync(IQueryable<Initiative> query, CancellationToken cancellationToken)
    {
        var now = await query.GroupBy(i => new { i.Type, i.Stage }).Select(g => new { g.Key.Type, g.Key.Stage, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var heading = await query.Where(i => i.TargetType != null).GroupBy(i => new { i.TargetType, i.TargetStage })
            .Select(g => new { g.Key.TargetType, g.Key.TargetStage, Count = g.Count() }).ToListAsync(cancellationToken);
        return InitiativeText.Places.Select(p => new Cell(p.Type, p.Stage,
            now.Where(x => x.Type == p.Type && x.Stage == p.Stage).Sum(x => x.Count),
            heading.Where(x => x.TargetType == p.Type && x.TargetStage == p.Stage).Sum(x => x.Count))).ToList();
    }

    /// <summary>Open calls and calls under review, with the number of proposals submitted to each (drafts are the proposers' own).</summary>
    private async Task<IReadOnlyList<CallRow>> CallsAsync(InitiativeFilter filter, CancellationToken cancellationToken)
    {
        var calls = db.CollaborationCalls.AsNoTracking().Where(c => c.Status == CallStatus.Open || c.Status == CallStatus.Reviewing);
        if (filter.Department is { } department) calls = calls.Where(c => c.Department == department);
        var rows = await calls
            .Select(c => new CallRow(c.Id, c.Title, c.Kind, c.Department, c.Deadline, c.Status,
                db.CollaborationProposals.Count(p => p.CallId == c.Id && p.Status != ProposalStatus.Draft)))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(c => c.Deadline).ThenBy(c => c.Title, StringComparer.Ordinal)];
    }

    /// <summary>Pilots by the call's department and the proposal's municipality, newest first, with their decision and whether the final report is in.</summary>
    private async Task<IReadOnlyList<Pilot>> PilotsAsync(InitiativeFilter filter, CancellationToken cancellationToken)
    {
        var pilots = from p in db.CollaborationPilots.AsNoTracking()
                     join pr in db.CollaborationProposals on p.ProposalId equals pr.Id
                     join c in db.CollaborationCalls on pr.CallId equals c.Id
                     select new { Pilot = p, Proposal = pr, c.Department };
        if (filter.Department is { } department) pilots = pilots.Where(x => x.Department == department);
        if (filter.Municipality is { } code) pilots = pilots.Where(x => x.Proposal.MunicipalityCode == code);
        return await pilots.OrderByDescending(x => x.Pilot.StartedAt)
            .Select(x => new Pilot(x.Pilot.Id, x.Proposal.Title, x.Pilot.StartedAt, x.Pilot.Decision,
                db.PilotReports.Any(r => r.PilotId == x.Pilot.Id && r.Kind == PilotReportKind.Final)))
            .Take(MaxRows).ToListAsync(cancellationToken);
    }
}
