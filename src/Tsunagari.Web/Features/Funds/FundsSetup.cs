using Tsunagari.Features.Funds.Sib;

namespace Tsunagari.Features.Funds;

/// <summary>Money that circulates (資金循環): donations, funds and grant programmes, social impact bonds, and the one ledger.</summary>
public static class FundsSetup
{
    public static void AddFunds(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Donations
        services.AddSingleton<Donations.IPaymentMethod, Donations.BankTransferPayment>();
        services.AddScoped<Donations.ConfirmDonation>();
        services.AddScoped<Donations.ReconcileStatement>();
        services.AddScoped<Accounts.IPersonalData, Donations.DonationsPersonalData>();
        services.AddScoped<ISeed, Data.Demo.DemoDonations>();
        // Grants
        services.AddScoped<ISeed, Data.Demo.DemoGrants>();
        // Social impact bonds
        services.AddScoped<ISeed, Data.Demo.DemoSib>();
        // Ledger
        services.AddOptions<Ledgers.LedgerOptions>().BindConfiguration(Ledgers.LedgerOptions.Section);
        services.AddScoped<Ledgers.LedgerStatements>();
        services.AddScoped<Ledgers.CommunitySupport>();
    }

    public static void MapFundsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        Grants.GrantsApi.MapGrantsApi(api);
        api.MapSibApi();
    }
}
