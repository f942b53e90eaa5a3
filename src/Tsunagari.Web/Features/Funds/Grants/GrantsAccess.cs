using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>
/// Who may do what in funds and grant programmes: a fund is run by the admins of its holder organization; an
/// application is written by the admins of the applying organization (its members read it); a programme's reviewers
/// read its submitted applications. Staff have no special rights here: grant-making is the holder's own business.
/// </summary>
public static class GrantsAccess
{
    public sealed record OrganizationOption(Guid Id, string Name);

    public static Guid AccountId(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static Task<bool> IsAdminAsync(AppDbContext db, Guid accountId, Guid organizationId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().AnyAsync(m => m.AccountId == accountId && m.OrganizationId == organizationId && m.Role == MembershipRole.Admin, cancellationToken);

    public static Task<bool> IsMemberAsync(AppDbContext db, Guid accountId, Guid organizationId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().AnyAsync(m => m.AccountId == accountId && m.OrganizationId == organizationId, cancellationToken);

    /// <summary>The organizations the person administers: those they may hold funds for or apply for.</summary>
    public static async Task<IReadOnlyList<OrganizationOption>> AdministeredAsync(AppDbContext db, Guid accountId, CancellationToken cancellationToken) =>
        await (from m in db.Memberships.AsNoTracking()
               where m.AccountId == accountId && m.Role == MembershipRole.Admin
               join o in db.Organizations on m.OrganizationId equals o.Id
               orderby o.Name
               select new OrganizationOption(o.Id, o.Name)).ToListAsync(cancellationToken);

    /// <summary>The money (not in-kind) a fund holds: everything in less everything out on its ledger.</summary>
    public static async Task<decimal> BalanceAsync(AppDbContext db, Guid fundId, CancellationToken cancellationToken)
    {
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.Owner == LedgerOwner.Fund && e.OwnerId == fundId && e.IsMoney)
            .Select(e => new { e.Flow, e.Amount }).ToListAsync(cancellationToken);
        return entries.Sum(e => e.Flow == LedgerFlow.In ? e.Amount : -e.Amount);
    }
}

/// <summary>Amounts and dates as the grant forms take and show them.</summary>
public static class YenInput
{
    /// <summary>The amount, or null with the message to show (<see cref="YenText"/>, labelled 「金額」).</summary>
    public static decimal? Parse(string? value, IStringLocalizer<SharedResource> l, out string? message) => YenText.Parse(value, "金額", l, out message);

    public static string Format(decimal amount) => amount.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A date as the date input sends it.</summary>
    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100 ? date : null;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
