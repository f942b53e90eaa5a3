namespace Tsunagari.Features.Funds.Donations;

/// <summary>
/// A way donors pay online. Built in: <see cref="BankTransferPayment"/>. Cash and in-kind gifts are not online: the
/// organization records them as received (<see cref="Donation.InHand"/>).
/// <para>
/// A card processor plugs in as another implementation, registered beside the built-in one, with a new
/// <see cref="DonationMethod"/> value (stored as a number: no schema change): <see cref="IsOffered"/> when the organization
/// has an account with the processor; <see cref="NextUrl"/> sends the donor to the processor's payment page with the
/// donation's id; and the processor's signed notification (a webhook endpoint of the plug-in) calls
/// <see cref="ConfirmDonation.RunAsync"/> with the processor's transaction id, which then records the ledger entry and the
/// receipt. Until that notification the donation stays expected: nothing is counted as received on the donor's word or
/// on a redirect back from the payment page. None is faked here.
/// </para>
/// </summary>
public interface IPaymentMethod
{
    DonationMethod Method { get; }

    /// <summary>Whether donors can pay the organization this way, given its donation settings (null when it has none).</summary>
    bool IsOffered(DonationSettings? settings);

    /// <summary>Where the donor goes once the donation is recorded as expected.</summary>
    string NextUrl(Donation donation);
}

/// <summary>Bank transfer (銀行振込): the donor is shown the account and the reference; the organization reconciles.</summary>
public sealed class BankTransferPayment : IPaymentMethod
{
    public DonationMethod Method => DonationMethod.BankTransfer;

    public bool IsOffered(DonationSettings? settings) => settings is { TakesTransfers: true };

    public string NextUrl(Donation donation)
    {
        ArgumentNullException.ThrowIfNull(donation);
        return $"/me/donations/{donation.Id}";
    }
}
