using Tsunagari.Platform;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>
/// The ledger entries of a social impact bond, made with <see cref="Ledger"/> and added by the caller in the same save as
/// the change they record; the contract is each entry's project, so that the flow of money shows where it went.
/// Investments go into the intermediary's account; payments are transfers from the payer to the intermediary;
/// distributions are transfers to investor organizations or payments to outside investors.
/// </summary>
public static class SibLedger
{
    /// <summary>Every investor's money into the intermediary's account, when the contract is concluded.</summary>
    public static IEnumerable<LedgerEntry> Investments(SibContract contract, Func<Guid, string> name, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(name);
        var intermediary = contract.IntermediaryOrganizationId;
        foreach (var investor in contract.Investors.OrderBy(i => i.Number))
        {
            var source = Source(contract, investor.LedgerSourceId, now, "SIB出資：" + investor.Name);
            if (investor.OrganizationId is { } organization)
            {
                var (o, i) = Ledger.Transfer(LedgerAccount.OfOrganization(organization), LedgerParty.Organization(organization, name(organization)),
                    LedgerAccount.OfOrganization(intermediary), LedgerParty.Organization(intermediary, name(intermediary)), LedgerEntryKind.SibInvestment, investor.Amount, source);
                yield return o;
                yield return i;
            }
            else
            {
                yield return Ledger.Receive(LedgerAccount.OfOrganization(intermediary), LedgerEntryKind.SibInvestment, investor.Amount, LedgerParty.Outside(investor.Name), source);
            }
        }
    }

    /// <summary>An approved payment from the payer to the intermediary (nothing for a line that earned nothing).</summary>
    public static IEnumerable<LedgerEntry> Payment(SibContract contract, SibPayment payment, string line, Func<Guid, string> name)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(name);
        if (payment.Amount == 0) yield break;
        var (payer, intermediary) = (contract.PayerOrganizationId, contract.IntermediaryOrganizationId);
        var (o, i) = Ledger.Transfer(LedgerAccount.OfOrganization(payer), LedgerParty.Organization(payer, name(payer)),
            LedgerAccount.OfOrganization(intermediary), LedgerParty.Organization(intermediary, name(intermediary)), LedgerEntryKind.SibPayment, payment.Amount,
            Source(contract, payment.Id, payment.ApprovedAt, "SIB成果連動支払：" + line));
        yield return o;
        yield return i;
    }

    /// <summary>An investor's share of a distribution, out of the intermediary's account.</summary>
    public static IEnumerable<LedgerEntry> Distribution(SibContract contract, SibDistribution share, Func<Guid, string> name)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(share);
        ArgumentNullException.ThrowIfNull(name);
        var investor = contract.Investors.Single(i => i.Number == share.InvestorNumber);
        var intermediary = contract.IntermediaryOrganizationId;
        var source = Source(contract, share.Id, share.DistributedAt, "SIB償還：" + investor.Name);
        if (investor.OrganizationId is { } organization)
        {
            var (o, i) = Ledger.Transfer(LedgerAccount.OfOrganization(intermediary), LedgerParty.Organization(intermediary, name(intermediary)),
                LedgerAccount.OfOrganization(organization), LedgerParty.Organization(organization, name(organization)), LedgerEntryKind.SibDistribution, share.Amount, source);
            yield return o;
            yield return i;
        }
        else
        {
            yield return Ledger.Pay(LedgerAccount.OfOrganization(intermediary), LedgerEntryKind.SibDistribution, share.Amount, LedgerParty.Outside(investor.Name), source);
        }
    }

    private static LedgerSource Source(SibContract contract, Guid id, DateTimeOffset at, string description) =>
        new(id, JapanTime.Date(at), at, description, new LedgerProject(contract.Id, contract.Title));
}
