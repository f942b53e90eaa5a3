using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Funds;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Funds;

/// <summary>
/// Social impact bonds over HTTP: the planning API (the worked example of <see cref="SibSettlementTests"/>, bad bodies),
/// and a contract's life — written by the payer's admin, concluded (investments on the ledger), results entered by the
/// evaluator only, payments approved by the payer only and never past the cap, repaid by the intermediary pro rata with
/// returns — with the refusals on the way and nothing saved from bad input.
/// </summary>
public sealed class SibTests(TestApp app) : IClassFixture<TestApp>
{
    private const string SettleUrl = "/api/v1/funds/sib/settle";

    private const string KobeShaped = """
        { "cap": 34060000, "fixedPayment": 15000000,
          "outcomes": [
            { "indicator": "プログラム修了率", "unit": "%", "measuredOn": "2018-03-31",
              "rule": { "kind": "step", "steps": [{ "threshold": 60, "amount": 1000000 }, { "threshold": 80, "amount": 2000000 }] } },
            { "indicator": "生活習慣改善率", "unit": "%", "measuredOn": "2018-09-30",
              "rule": { "kind": "step", "steps": [{ "threshold": 40, "amount": 1000000 }, { "threshold": 60, "amount": 2000000 }] } },
            { "indicator": "腎機能低下抑制率", "unit": "%", "measuredOn": "2020-03-31",
              "rule": { "kind": "linear", "lower": 50, "upper": 90, "maxAmount": 15060000 } } ],
          "results": [85, 55, 70] }
        """;

    private static Task<HttpResponseMessage> SettleAsync(HttpClient client, string json) =>
        client.PostAsync(new Uri(SettleUrl, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<Dictionary<string, string[]>> ProblemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_planning_api_returns_each_line_and_the_total_for_anyone_and_saves_nothing()
    {
        int contracts;
        await using (var scope = app.Scope()) contracts = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SibContracts.CountAsync();
        var response = await SettleAsync(app.CreateBrowser(), KobeShaped);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var lines = body.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["fixed", "outcome", "outcome", "outcome"], lines.Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal([15_000_000m, 2_000_000m, 1_000_000m, 7_530_000m], lines.Select(l => l.GetProperty("paid").GetDecimal()));
        Assert.Equal("腎機能低下抑制率", lines[3].GetProperty("indicator").GetString());
        Assert.Equal(25_530_000m, body.GetProperty("total").GetDecimal());
        Assert.Equal(34_060_000m, body.GetProperty("worstCase").GetDecimal());
        Assert.False(body.GetProperty("capApplied").GetBoolean());
        await using (var scope = app.Scope()) Assert.Equal(contracts, await scope.ServiceProvider.GetRequiredService<AppDbContext>().SibContracts.CountAsync());

        // Every result at its best and a lower cap: the final line is cut so that the total is the cap.
        var capped = await SettleAsync(app.CreateBrowser(), KobeShaped.Replace("34060000", "30000000", StringComparison.Ordinal).Replace("[85, 55, 70]", "[100, 100, 100]", StringComparison.Ordinal));
        var cappedBody = await capped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30_000_000m, cappedBody.GetProperty("total").GetDecimal());
        Assert.True(cappedBody.GetProperty("capApplied").GetBoolean());
        Assert.Equal(11_000_000m, cappedBody.GetProperty("lines")[3].GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task Bad_bodies_are_problems_keyed_by_json_path_never_a_server_error()
    {
        var client = app.CreateBrowser();
        var wrong = await ProblemsAsync(await SettleAsync(client, """
            { "fixedPayment": 1.5, "outcomes": [
                { "indicator": "", "rule": { "kind": "step", "steps": [{ "threshold": 60, "amount": 2000 }, { "threshold": 50, "amount": 1000 }] } },
                { "indicator": "率", "rule": { "kind": "curve" } },
                { "indicator": "率", "rule": { "kind": "linear", "lower": 9, "upper": 3, "maxAmount": -1 } } ],
              "results": [1, 2, 3, 4] }
            """));
        Assert.Contains("cap", wrong.Keys);
        Assert.Contains("fixedPayment", wrong.Keys);
        Assert.Contains("outcomes[0].indicator", wrong.Keys);
        Assert.Contains("outcomes[0].rule.steps[1].threshold", wrong.Keys);
        Assert.Contains("outcomes[0].rule.steps[1].amount", wrong.Keys);
        Assert.Contains("outcomes[1].rule.kind", wrong.Keys);
        Assert.Contains("outcomes[2].rule.upper", wrong.Keys);
        Assert.Contains("outcomes[2].rule.maxAmount", wrong.Keys);
        Assert.Contains("results", wrong.Keys);
        Assert.Contains("段階表の閾値は上の行より大きくしてください。", wrong["outcomes[0].rule.steps[1].threshold"]);

        Assert.Contains("body", (await ProblemsAsync(await SettleAsync(client, "{ not json"))).Keys);
        Assert.Contains("cap", (await ProblemsAsync(await SettleAsync(client, """{ "cap": "lots" }"""))).Keys);
        Assert.Contains("outcomes[0].measuredOn", (await ProblemsAsync(await SettleAsync(client, """{ "cap": 1, "outcomes": [{ "measuredOn": "spring" }] }"""))).Keys);
        Assert.Contains("results[1]", (await ProblemsAsync(await SettleAsync(client, """{ "cap": 1, "results": [1, "x"] }"""))).Keys);
        var english = app.CreateBrowser("en");
        var fixedAbove = await ProblemsAsync(await SettleAsync(english, KobeShaped.Replace("15000000", "99999999", StringComparison.Ordinal)));
        Assert.Contains("The fixed payment is above the payment cap.", fixedAbove["fixedPayment"]);
    }

    private sealed record Parties(HttpClient Payer, Guid PayerId, HttpClient Intermediary, Guid IntermediaryId, Guid ProviderId,
        HttpClient EvaluatorAdmin, Guid EvaluatorId, HttpClient EvaluatorMember, Guid BankId, HttpClient Bank);

    private async Task<Parties> PartiesAsync()
    {
        var (payer, payerId) = await OpportunityData.OrgAdminAsync(app, "つなぎ市役所");
        var (intermediary, intermediaryId) = await OpportunityData.OrgAdminAsync(app, "中間支援NPO");
        var (_, providerId) = await OpportunityData.OrgAdminAsync(app, "保健指導の会社");
        var (evaluatorAdmin, evaluatorId) = await OpportunityData.OrgAdminAsync(app, "評価の大学");
        var (bank, bankId) = await OpportunityData.OrgAdminAsync(app, "地域銀行");
        var email = $"evaluator-{Guid.NewGuid():N}@example.jp";
        var member = await app.SignInAsync(Roles.Resident, email);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Memberships.Add(new Membership(evaluatorId, await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(), MembershipRole.Member, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return new(payer, payerId, intermediary, intermediaryId, providerId, evaluatorAdmin, evaluatorId, member, bankId, bank);
    }

    private static Dictionary<string, string> ContractForm(Parties p) => new()
    {
        ["Input.Title"] = "重症化予防SIB",
        ["Input.Payer"] = p.PayerId.ToString(),
        ["Input.Provider"] = p.ProviderId.ToString(),
        ["Input.Intermediary"] = p.IntermediaryId.ToString(),
        ["Input.Evaluator"] = p.EvaluatorId.ToString(),
        ["Input.StartsOn"] = "2017-07-01",
        ["Input.EndsOn"] = "2020-03-31",
        ["Input.Cap"] = "34,060,000",
        ["Input.FixedPayment"] = "１５,０００,０００円",
        ["Input.Investors[0].OrganizationId"] = p.BankId.ToString(),
        ["Input.Investors[0].Amount"] = "10,000,000",
        // Empty rows are posted too (the form always has them) and ignored.
        ["Input.Investors[1].Name"] = "",
        ["Input.Investors[2].Name"] = "個人投資家A",
        ["Input.Investors[2].Amount"] = "5000000",
        ["Input.Investors[3].Name"] = "財団B",
        ["Input.Investors[3].Amount"] = "3,000,000円",
        ["Input.Outcomes[0].Indicator"] = "プログラム修了率",
        ["Input.Outcomes[0].Unit"] = "%",
        ["Input.Outcomes[0].MeasuredOn"] = "2018-03-31",
        ["Input.Outcomes[0].Kind"] = "Step",
        ["Input.Outcomes[0].Steps[0].Threshold"] = "60",
        ["Input.Outcomes[0].Steps[0].Amount"] = "1,000,000",
        ["Input.Outcomes[0].Steps[1].Threshold"] = "80",
        ["Input.Outcomes[0].Steps[1].Amount"] = "2,000,000",
        ["Input.Outcomes[1].Indicator"] = "生活習慣改善率",
        ["Input.Outcomes[1].Unit"] = "%",
        ["Input.Outcomes[1].MeasuredOn"] = "2018-09-30",
        ["Input.Outcomes[1].Kind"] = "Step",
        ["Input.Outcomes[1].Steps[0].Threshold"] = "40",
        ["Input.Outcomes[1].Steps[0].Amount"] = "1,000,000",
        ["Input.Outcomes[1].Steps[1].Threshold"] = "60",
        ["Input.Outcomes[1].Steps[1].Amount"] = "2,000,000",
        ["Input.Outcomes[2].Indicator"] = "",
        ["Input.Outcomes[3].Indicator"] = "腎機能低下抑制率",
        ["Input.Outcomes[3].Unit"] = "%",
        ["Input.Outcomes[3].MeasuredOn"] = "2020-03-31",
        ["Input.Outcomes[3].Kind"] = "Linear",
        ["Input.Outcomes[3].Lower"] = "50",
        ["Input.Outcomes[3].Upper"] = "90",
        ["Input.Outcomes[3].MaxAmount"] = "15,060,000",
    };

    /// <summary>Forbidden: the cookie scheme sends the person to the access-denied page.</summary>
    private static void Refused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static Guid ContractId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/sib/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/sib/".Length..]);
    }

    private async Task<(SibContract Contract, List<LedgerEntry> Entries)> LoadAsync(Guid id)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var contract = await db.SibContracts.AsNoTracking().SingleAsync(c => c.Id == id);
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.ProjectId == id).ToListAsync();
        return (contract, entries);
    }

    [Fact]
    public async Task A_contract_goes_from_draft_to_results_approval_and_repayment_with_every_yen_on_the_ledger()
    {
        var p = await PartiesAsync();
        var id = ContractId(await p.Payer.PostFormAsync("/sib/new", ContractForm(p)));
        var page = await (await p.Payer.GetAsync(new Uri($"/sib/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("34,060,000円", page, StringComparison.Ordinal);
        Assert.Contains("地域銀行", page, StringComparison.Ordinal);

        // Results wait for the conclusion, and the conclusion for its confirmation.
        var early = await p.EvaluatorMember.PostFormAsync($"/sib/{id}/results", new() { ["Number"] = "1", ["Result"] = "85" }, "Record");
        Assert.Contains("結果は契約の締結後に入力できます。", await early.HtmlAsync(), StringComparison.Ordinal);
        var unconfirmed = await p.Payer.PostFormAsync($"/sib/{id}", new(), "Conclude");
        Assert.Contains("確認のチェックを入れてください。", await unconfirmed.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await p.Intermediary.PostFormAsync($"/sib/{id}", new() { ["confirm"] = "true" }, "Conclude")).StatusCode);
        var (concluded, invested) = await LoadAsync(id);
        Assert.Equal(SibContractStatus.Concluded, concluded.Status);
        // Bank: a transfer (out of the bank, into the intermediary); the two outsiders: receipts into the intermediary.
        Assert.Equal(18_000_000m, invested.Where(e => e.OwnerId == p.IntermediaryId && e.Kind == LedgerEntryKind.SibInvestment).Sum(e => e.BalanceChange));
        Assert.Equal(-10_000_000m, invested.Where(e => e.OwnerId == p.BankId).Sum(e => e.BalanceChange));
        Assert.Equal(HttpStatusCode.Redirect, (await p.Payer.GetAsync(new Uri($"/sib/{id}/edit", UriKind.Relative))).StatusCode);

        // Only the evaluator's members enter results: the payer's admin is refused, a bad number is a message.
        Refused(await p.Payer.PostFormAsync($"/sib/{id}/results", new() { ["Number"] = "1", ["Result"] = "100" }, "Record"));
        var bad = await p.EvaluatorMember.PostFormAsync($"/sib/{id}/results", new() { ["Number"] = "1", ["Result"] = "八十五" }, "Record");
        Assert.Contains("測定結果は数値で入力してください", await bad.HtmlAsync(), StringComparison.Ordinal);
        foreach (var (number, result) in new[] { ("1", "85"), ("2", "55"), ("3", "７０") })
            Assert.Equal(HttpStatusCode.Redirect, (await p.EvaluatorMember.PostFormAsync($"/sib/{id}/results", new() { ["Number"] = number, ["Result"] = result, ["Note"] = "測定票" }, "Record")).StatusCode);

        // Only the payer's admins approve; each approval asks for its confirmation.
        Refused(await p.EvaluatorAdmin.PostFormAsync($"/sib/{id}/payments", new() { ["line"] = "0", ["confirm"] = "true" }, "Approve"));
        var noConfirm = await p.Payer.PostFormAsync($"/sib/{id}/payments", new() { ["line"] = "0" }, "Approve");
        Assert.Contains("承認は取り消せません。", await noConfirm.HtmlAsync(), StringComparison.Ordinal);
        foreach (var line in new[] { "0", "1", "2", "3" })
            Assert.Equal(HttpStatusCode.Redirect, (await p.Payer.PostFormAsync($"/sib/{id}/payments", new() { ["line"] = line, ["confirm"] = "true" }, "Approve")).StatusCode);
        var twice = await p.Payer.PostFormAsync($"/sib/{id}/payments", new() { ["line"] = "3", ["confirm"] = "true" }, "Approve");
        Assert.Contains("この支払はすでに承認されています。", await twice.HtmlAsync(), StringComparison.Ordinal);
        var (paid, paidEntries) = await LoadAsync(id);
        Assert.Equal(25_530_000m, paid.Paid);
        Assert.Equal(-25_530_000m, paidEntries.Where(e => e.OwnerId == p.PayerId).Sum(e => e.BalanceChange));
        // A result whose payment was approved is what was paid for: it can no longer change.
        var late = await p.EvaluatorMember.PostFormAsync($"/sib/{id}/results", new() { ["Number"] = "3", ["Result"] = "90" }, "Record");
        Assert.Contains("結果は変えられません。", await late.HtmlAsync(), StringComparison.Ordinal);

        // The intermediary repays pro rata: 14,183,333 / 7,091,667 / 4,255,000 (see the settlement tests).
        Refused(await p.Payer.PostFormAsync($"/sib/{id}/payments", new() { ["confirm"] = "true" }, "Distribute"));
        Assert.Equal(HttpStatusCode.Redirect, (await p.Intermediary.PostFormAsync($"/sib/{id}/payments", new() { ["confirm"] = "true" }, "Distribute")).StatusCode);
        var (repaid, entries) = await LoadAsync(id);
        Assert.Equal([14_183_333m, 7_091_667m, 4_255_000m], repaid.Distributions.OrderBy(d => d.InvestorNumber).Select(d => d.Amount));
        Assert.Equal(4_183_333m, entries.Where(e => e.OwnerId == p.BankId).Sum(e => e.BalanceChange));
        Assert.Equal(18_000_000m, entries.Where(e => e.OwnerId == p.IntermediaryId).Sum(e => e.BalanceChange));
        // Every transfer has both sides, for the same amount.
        Assert.All(entries.Where(e => e.TransferId is not null).GroupBy(e => e.TransferId), g => Assert.Equal(0m, g.Sum(e => e.BalanceChange)));
        var payments = await (await p.Bank.GetAsync(new Uri($"/sib/{id}/payments", UriKind.Relative))).HtmlAsync();
        Assert.Contains("14,183,333", payments, StringComparison.Ordinal);
        Assert.Contains("41.8", payments, StringComparison.Ordinal);
        var nothingLeft = await p.Intermediary.PostFormAsync($"/sib/{id}/payments", new() { ["confirm"] = "true" }, "Distribute");
        Assert.Contains("償還できる承認済みの支払がありません。", await nothingLeft.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_terms_come_back_with_their_messages_and_nothing_is_saved()
    {
        var p = await PartiesAsync();
        int before;
        await using (var scope = app.Scope()) before = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SibContracts.CountAsync();
        var form = ContractForm(p);
        form["Input.Cap"] = "三千万";
        form["Input.FixedPayment"] = "1.5";
        form["Input.Intermediary"] = p.PayerId.ToString();
        form["Input.Outcomes[0].Steps[1].Threshold"] = "50";
        form["Input.Outcomes[3].Upper"] = "40";
        form["Input.Investors[0].Amount"] = "-5";
        var response = await p.Payer.PostFormAsync("/sib/new", form);
        var html = await response.HtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("支払上限額は「10,000」のように数字で入力してください", html, StringComparison.Ordinal);
        Assert.Contains("固定支払額は1円単位で入力してください", html, StringComparison.Ordinal);
        Assert.Contains("中間支援組織は成果連動支払者とは別の団体にしてください", html, StringComparison.Ordinal);
        Assert.Contains("段階表の閾値は上の行より大きくしてください。", html, StringComparison.Ordinal);
        Assert.Contains("目標値は下限値より大きくしてください。", html, StringComparison.Ordinal);
        Assert.Contains("出資額は1円以上にしてください。", html, StringComparison.Ordinal);
        Assert.Contains("id=\"step-threshold-0-1\" name=\"Input.Outcomes[0].Steps[1].Threshold\" value=\"50\" inputmode=\"decimal\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"三千万\"", html, StringComparison.Ordinal);

        // Someone who administers neither the payer nor the intermediary cannot write their contract.
        var (outsider, _) = await OpportunityData.OrgAdminAsync(app, "関係ない会");
        var foreign = await outsider.PostFormAsync("/sib/new", ContractForm(p));
        Assert.Contains("契約をつくれるのは、成果連動支払者か中間支援組織の団体の管理者です。", await foreign.HtmlAsync(), StringComparison.Ordinal);
        await using (var scope = app.Scope()) Assert.Equal(before, await scope.ServiceProvider.GetRequiredService<AppDbContext>().SibContracts.CountAsync());
    }

    [Fact]
    public async Task Outsiders_do_not_see_a_contract_staff_see_it_but_change_nothing_and_the_list_shows_a_partys_contracts()
    {
        var p = await PartiesAsync();
        var id = ContractId(await p.Payer.PostFormAsync("/sib/new", ContractForm(p)));
        var (outsider, _) = await OpportunityData.OrgAdminAsync(app, "無関係の会");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri($"/sib/{id}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(id.ToString(), await (await outsider.GetAsync(new Uri("/sib", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains(id.ToString(), await (await p.Bank.GetAsync(new Uri("/sib", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        var coordinator = await app.SignInAsync(Roles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(new Uri($"/sib/{id}/payments", UriKind.Relative))).StatusCode);
        Refused(await coordinator.PostFormAsync($"/sib/{id}", new() { ["confirm"] = "true" }, "Conclude"));

        // The draft's terms change through the edit page, in English too.
        var edit = ContractForm(p);
        edit["Input.Title"] = "改めたSIB";
        Assert.Equal(HttpStatusCode.Redirect, (await p.Payer.PostFormAsync($"/sib/{id}/edit", edit)).StatusCode);
        var (changed, _) = await LoadAsync(id);
        Assert.Equal("改めたSIB", changed.Title);
        p.Payer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await (await p.Payer.GetAsync(new Uri($"/sib/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("Most the payer can pay (worst case)", page, StringComparison.Ordinal);
        Assert.Contains("Outcome payer", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_contract_is_shaped_like_kobes_with_its_mid_term_payments_repaid_once()
    {
        await app.SignInAsync(Roles.Resident, "orgadmin@example.jp");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var admin = await db.Users.Where(u => u.Email == "orgadmin@example.jp").Select(u => u.Id).SingleAsync();
        foreach (var (name, kind) in new[] { ("デモ市", OrganizationKind.Government), ("デモ提供NPO", OrganizationKind.Npo), ("デモ中間NPO", OrganizationKind.Npo),
            ("デモ大学", OrganizationKind.EducationalInstitution), ("デモ銀行", OrganizationKind.RegionalFinancialInstitution) })
        {
            db.Organizations.Add(new Organization(new OrganizationProfile(name, "でも", kind, LegalForm.Other, null, false, ["121002"], [1], "", "", null, "", "", "", []), admin, DateTimeOffset.UtcNow));
        }
        await db.SaveChangesAsync();

        var seed = new Tsunagari.Data.Demo.DemoSib(db, TimeProvider.System);
        await seed.RunAsync();
        await seed.RunAsync();

        var contract = await db.SibContracts.AsNoTracking().SingleAsync(c => c.Title == Tsunagari.Data.Demo.DemoSib.Title);
        Assert.Equal(34_060_000m, contract.Cap);
        Assert.Equal(34_060_000m, SibSettlement.Settle(contract.Terms, []).WorstCase);
        Assert.Equal(3, contract.Outcomes.Count);
        Assert.Null(contract.Outcomes.Single(o => o.Number == 3).Result);
        Assert.Equal(18_000_000m, contract.Paid);
        Assert.Equal(18_000_000m, contract.Distributed);
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.ProjectId == contract.Id).ToListAsync();
        // In: 18,000,000 invested and 18,000,000 paid; out: 18,000,000 repaid.
        Assert.Equal(18_000_000m, entries.Where(e => e.OwnerId == contract.IntermediaryOrganizationId).Sum(e => e.BalanceChange));
        Assert.Equal(-18_000_000m, entries.Where(e => e.OwnerId == contract.PayerOrganizationId).Sum(e => e.BalanceChange));
    }
}
