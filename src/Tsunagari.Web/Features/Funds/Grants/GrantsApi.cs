using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>
/// Awarded grants in the 360Giving Data Standard's JSON form (a package: <c>{"grants": [...]}</c>), public and read-only.
/// Identifiers: a grant is <c>360G-tsunagari-</c> followed by the award's id; an organization with a corporate number
/// (法人番号) is <c>JP-COR-</c> and the number (org-id.guide's list for Japanese corporations), any other one
/// <c>360G-tsunagari-org-</c> and its id on the platform. A deployment that registers its own 360Giving prefix replaces
/// <see cref="GrantPrefix"/>.
/// </summary>
public static class GrantsApi
{
    public const string GrantPrefix = "360G-tsunagari-";
    public const string OrganizationPrefix = "360G-tsunagari-org-";
    public const string CorporateNumberPrefix = "JP-COR-";

    public static RouteGroupBuilder MapGrantsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/funds/grants/360giving", ListGrants360Giving).WithTags("Funds").AllowAnonymous()
            .WithName(nameof(ListGrants360Giving))
            .WithSummary("Every awarded grant in the 360Giving Data Standard (JSON package): identifier (360G-tsunagari-{awardId}), title, description, currency JPY, amountAwarded, awardDate, recipientOrganization and fundingOrganization (id JP-COR-{corporate number} or 360G-tsunagari-org-{id}, name), grantProgramme.");
        return api;
    }

    public sealed record Organization360(string Id, string Name);

    public sealed record Programme360(string Code, string Title);

    public sealed record Grant360(string Identifier, string Title, string Description, string Currency, decimal AmountAwarded, string AwardDate,
        IReadOnlyList<Organization360> RecipientOrganization, IReadOnlyList<Organization360> FundingOrganization, IReadOnlyList<Programme360> GrantProgramme);

    public sealed record Package360(IReadOnlyList<Grant360> Grants);

    public static async Task<Ok<Package360>> ListGrants360Giving(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from a in db.GrantAwards.AsNoTracking()
                          join app in db.GrantApplications on a.ApplicationId equals app.Id
                          join p in db.GrantProgrammes on a.ProgrammeId equals p.Id
                          join f in db.Funds on a.FundId equals f.Id
                          join holder in db.Organizations on f.HolderOrganizationId equals holder.Id
                          join recipient in db.Organizations on a.OrganizationId equals recipient.Id
                          orderby a.AwardedOn, a.Title
                          select new
                          {
                              a.Id,
                              a.Title,
                              app.Summary,
                              a.Amount,
                              a.AwardedOn,
                              ProgrammeId = p.Id,
                              Programme = p.Title,
                              HolderId = holder.Id,
                              Holder = holder.Name,
                              HolderNumber = holder.CorporateNumber,
                              RecipientId = recipient.Id,
                              Recipient = recipient.Name,
                              RecipientNumber = recipient.CorporateNumber,
                          }).ToListAsync(cancellationToken);
        var grants = rows.Select(r => new Grant360(GrantPrefix + r.Id, r.Title, r.Summary.Length > 0 ? r.Summary : r.Title, "JPY", r.Amount,
            YenInput.Date(r.AwardedOn),
            [new(OrganizationId(r.RecipientId, r.RecipientNumber), r.Recipient)],
            [new(OrganizationId(r.HolderId, r.HolderNumber), r.Holder)],
            [new(GrantPrefix + "programme-" + r.ProgrammeId, r.Programme)])).ToList();
        return TypedResults.Ok(new Package360(grants));
    }

    public static string OrganizationId(Guid id, string? corporateNumber) =>
        string.IsNullOrEmpty(corporateNumber) ? OrganizationPrefix + id : CorporateNumberPrefix + corporateNumber;
}
