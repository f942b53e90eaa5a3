using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Funds;
using Tsunagari.Features.Funds.Grants;

namespace Tsunagari.Tests.Features.Funds;

/// <summary>The grants demo: a community fund's programme through award, payment and report, an open call, and the dormant-deposit tier.</summary>
public sealed class GrantsDemoTests(GrantsDemoTests.DemoApp app) : IClassFixture<GrantsDemoTests.DemoApp>
{
    public sealed class DemoApp : TestApp
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Tsunagari:Demo"] = "true";
    }

    [Fact]
    public async Task The_demo_has_a_fund_through_award_payment_and_report_an_open_call_and_a_dormant_deposit_tier()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cancellationToken = TestContext.Current.CancellationToken;
        var general = await db.Funds.SingleAsync(f => f.Kind == FundKind.General, cancellationToken);
        var dormant = await db.Funds.SingleAsync(f => f.Kind == FundKind.DormantDeposit, cancellationToken);
        var awards = await db.GrantAwards.ToListAsync(cancellationToken);
        Assert.Equal(2, awards.Count);
        Assert.NotNull(awards.Single(a => a.FundId == dormant.Id).LogicModelId);
        var paid = await db.GrantInstalments.Where(i => i.PaidOn != null).Select(i => i.Id).ToListAsync(cancellationToken);
        Assert.Equal(2, paid.Count);
        Assert.Equal(4, await db.LedgerEntries.CountAsync(e => e.Kind == LedgerEntryKind.Grant && paid.Contains(e.SourceId), cancellationToken));
        Assert.True(await db.GrantReports.AnyAsync(cancellationToken));
        Assert.True(await db.LedgerEntries.AnyAsync(e => e.OwnerId == dormant.Id && e.Kind == LedgerEntryKind.ExternalGrant, cancellationToken));
        Assert.True(await db.LedgerEntries.AnyAsync(e => e.OwnerId == dormant.Id && e.Kind == LedgerEntryKind.EvaluationCost, cancellationToken));
        Assert.True(await GrantsAccess.BalanceAsync(db, general.Id, cancellationToken) >= 0);
        Assert.True(await GrantsAccess.BalanceAsync(db, dormant.Id, cancellationToken) >= 0);

        var browser = app.CreateBrowser();
        var open = await (await browser.GetAsync(new Uri("/programmes", UriKind.Relative), cancellationToken)).HtmlAsync();
        Assert.Contains("防災と見守りの担い手づくり助成 2027", open, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri($"/funds/{dormant.Id}?culture=en", UriKind.Relative), cancellationToken)).StatusCode);
        var export = await browser.GetFromJsonAsync<JsonElement>("/api/v1/funds/grants/360giving", cancellationToken);
        Assert.Equal(2, export.GetProperty("grants").GetArrayLength());
    }
}
