namespace Tsunagari.Features.Funds;

/// <summary>
/// The only way to make ledger entries, so that every entry has a valid amount and every transfer has both sides. Callers
/// add the returned entries to the same unit of work as the change they record (a confirmed donation, a disbursement):
/// the unique index on (account, kind, source, flow) then refuses recording one source twice.
/// </summary>
public static class Ledger
{
    /// <summary>Money (or an in-kind gift) coming into an account from outside it.</summary>
    public static LedgerEntry Receive(LedgerAccount account, LedgerEntryKind kind, decimal amount, LedgerParty from, LedgerSource source, bool isMoney = true) =>
        new(account, LedgerFlow.In, kind, amount, isMoney, from, source, transferId: null);

    /// <summary>Money going out of an account to someone not on the platform's ledgers (an investor, a supplier).</summary>
    public static LedgerEntry Pay(LedgerAccount account, LedgerEntryKind kind, decimal amount, LedgerParty to, LedgerSource source) =>
        new(account, LedgerFlow.Out, kind, amount, isMoney: true, to, source, transferId: null);

    /// <summary>Money moving between two accounts on the platform: an entry out of one and an entry into the other, for the same amount.</summary>
    public static (LedgerEntry Out, LedgerEntry In) Transfer(LedgerAccount from, LedgerParty payer, LedgerAccount to, LedgerParty payee,
        LedgerEntryKind kind, decimal amount, LedgerSource source)
    {
        if (from == to) throw new ArgumentException("A transfer needs two different accounts.", nameof(to));
        var transferId = Guid.NewGuid();
        return (new LedgerEntry(from, LedgerFlow.Out, kind, amount, isMoney: true, payee, source, transferId),
            new LedgerEntry(to, LedgerFlow.In, kind, amount, isMoney: true, payer, source, transferId));
    }
}
