using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>
/// Reconciles an organization's bank statement: each row's reference is looked for in its memo, then in the payer's name;
/// the row confirms the oldest donation still expected with that reference and the same amount (a monthly plan's
/// instalments share its reference). A row whose transaction id was used before, or whose reference has nothing left
/// expected, is refused as already reconciled. Everything matched is saved at once.
/// </summary>
public sealed class ReconcileStatement(AppDbContext db, ConfirmDonation confirm)
{
    public sealed record Outcome(int Line, DateOnly? Date, decimal? Amount, string Payer, string? Reference, string Result, Guid? DonationId);

    public async Task<List<Outcome>> RunAsync(Guid organizationId, BankStatement.Row[] rows, Guid by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var references = rows.Select(r => DonationReferences.Find(r.Reference) ?? DonationReferences.Find(r.Payer)).ToList();
        var wanted = references.OfType<string>().Distinct().ToList();
        var donations = await db.Donations.Where(d => d.OrganizationId == organizationId && wanted.Contains(d.Reference)).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.TransactionId).Where(t => t.Length > 0).Distinct().ToList();
        var usedIds = (await db.Donations.Where(d => d.OrganizationId == organizationId && d.BankTransactionId != null && ids.Contains(d.BankTransactionId))
            .Select(d => d.BankTransactionId!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var outcomes = new List<Outcome>();
        for (var i = 0; i < rows.Length; i++)
        {
            var (row, reference) = (rows[i], references[i]);
            var (result, donation) = Match(row, reference, donations, usedIds);
            if (donation is not null)
            {
                await confirm.RunAsync(donation, row.Date, by, row.TransactionId, cancellationToken);
                if (row.TransactionId.Length > 0) usedIds.Add(row.TransactionId);
            }
            outcomes.Add(new Outcome(row.Line, row.Date, row.Amount, row.Payer, reference, result, donation?.Id));
        }
        await db.SaveChangesAsync(cancellationToken);
        return outcomes;
    }

    private static (string Result, Donation? Donation) Match(BankStatement.Row row, string? reference, List<Donation> donations, HashSet<string> usedIds)
    {
        if (row.TransactionId.Length > 0 && usedIds.Contains(row.TransactionId)) return ("この取引は照合済みです", null);
        if (reference is null) return ("照合番号が見つかりません", null);
        var same = donations.Where(d => d.Reference == reference).ToList();
        if (same.Count == 0) return ("この照合番号の寄附はありません", null);
        var expected = same.Where(d => d.Status == DonationStatus.Expected).OrderBy(d => d.InstalmentMonth).ThenBy(d => d.CreatedAt).ToList();
        if (expected.Count == 0) return ("この照合番号の寄附は照合済みです", null);
        return expected.FirstOrDefault(d => d.Amount == row.Amount) is { } match ? ("照合しました", match) : ("金額が寄附の申込みと違います", null);
    }
}
