using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ImpactEvaluation;

/// <summary>The impact map page: built through its forms, its results checked against figures computed by hand.</summary>
public sealed class SroiPageTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Setup(HttpClient Admin, Guid OrganizationId, Guid ModelId, Guid IndicatorId, string Page);

    /// <summary>An organization's admin and a logic model of theirs with one indicator (the quantity of an outcome can come from it).</summary>
    private async Task<Setup> ModelAsync(string name)
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, name);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var model = new LogicModel(organizationId, name + "のロジックモデル", today.AddMonths(-6), today.AddMonths(6), founder, now);
        var output = model.AddElement(ElementKind.Output, "居場所の開催");
        db.LogicModels.Add(model);
        var indicator = new Indicator(model.Id, output.Id, "居場所の参加者数", IndicatorSource.Manual, now);
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return new(admin, organizationId, model.Id, indicator.Id, $"/impact/models/{model.Id}/sroi");
    }

    private static Dictionary<string, string> Outcome(string stakeholder, string name, string quantity, string proxy, string years,
        string deadweight = "0", string displacement = "0", string attribution = "0", string dropOff = "0")
    {
        return new()
        {
            ["Outcome.Stakeholder"] = stakeholder,
            ["Outcome.Name"] = name,
            ["Outcome.Quantity"] = quantity,
            ["Outcome.Proxy"] = proxy,
            ["Outcome.ProxySource"] = "",
            ["Outcome.DurationYears"] = years,
            ["Outcome.Deadweight"] = deadweight,
            ["Outcome.Displacement"] = displacement,
            ["Outcome.Attribution"] = attribution,
            ["Outcome.DropOff"] = dropOff,
            ["Outcome.Order"] = "",
        };
    }

    private static async Task SavedAsync(Task<HttpResponseMessage> post)
    {
        var response = await post;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.HtmlAsync()}");
    }

    private async Task<ImpactMap?> MapAsync(Guid modelId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImpactMaps.AsNoTracking().Include(m => m.Outcomes)
            .SingleOrDefaultAsync(m => m.LogicModelId == modelId);
    }

    [Fact]
    public async Task A_map_built_through_the_forms_shows_the_ratio_computed_by_hand()
    {
        var s = await ModelAsync("手計算の会");
        var empty = await (await s.Admin.GetAsync(new Uri(s.Page, UriKind.Relative))).HtmlAsync();
        Assert.Contains("まだインパクトマップがありません。", empty, StringComparison.Ordinal);
        Assert.Null(await MapAsync(s.ModelId));

        // Example (c) of SroiCalculationTests, typed as people type it: percents, thousands separators, full-width digits.
        await SavedAsync(s.Admin.PostFormAsync(s.Page, new() { ["Settings.DiscountRate"] = "5", ["Settings.PercentStep"] = "10", ["Settings.ProxyStep"] = "20" }, "Settings"));
        await SavedAsync(s.Admin.PostFormAsync(s.Page, new() { ["NewInvestment.Description"] = "助成金", ["NewInvestment.Amount"] = "150,000" }, "AddInvestment"));
        // Volunteer time: 50 hours × ¥1,000 an hour = ¥50,000; investment ¥200,000 in all.
        await SavedAsync(s.Admin.PostFormAsync(s.Page, new() { ["NewInvestment.Description"] = "ボランティアの時間", ["NewInvestment.Hours"] = "５０", ["NewInvestment.HourlyRate"] = "1,000円" }, "AddInvestment"));
        var first = Outcome("参加者", "孤立の解消", "10", "30,000", "2", deadweight: "20", attribution: "50", dropOff: "10");
        first["Outcome.IndicatorId"] = s.IndicatorId.ToString();
        await SavedAsync(s.Admin.PostFormAsync(s.Page, first, "SaveOutcome"));
        await SavedAsync(s.Admin.PostFormAsync(s.Page, Outcome("若者", "就労", "4", "100000", "1", displacement: "25"), "SaveOutcome"));

        var map = (await MapAsync(s.ModelId))!;
        Assert.Equal((0.05m, 0.1m, 0.2m), (map.DiscountRate, map.PercentStep, map.ProxyStep));
        Assert.Equal(200_000m, map.Investment);
        Assert.Equal(new InvestmentItem("ボランティアの時間", null, 50m, 1_000m), map.Investments[1]);
        var outcome = map.Outcomes.Single(o => o.Name == "孤立の解消");
        Assert.Equal((10m, 30_000m, 2, 0.2m, 0m, 0.5m, 0.1m, s.IndicatorId), (outcome.Quantity, outcome.Proxy!.Value, outcome.DurationYears, outcome.Deadweight, outcome.Displacement, outcome.Attribution, outcome.DropOff, outcome.IndicatorId!.Value));
        Assert.Equal([1, 2], map.Outcomes.OrderBy(o => o.Order).Select(o => o.Order));

        var html = await (await s.Admin.GetAsync(new Uri(s.Page, UriKind.Relative))).HtmlAsync();
        // By hand: PV = 400,000 + 108,000 ÷ 1.1025 = 497,959.18…; NPV 297,959.18…; ratio 2.4897… → 1 : 2.49;
        // payback 200,000 ÷ (420,000 ÷ 12) = 5.714… → 5.7 months.
        Assert.Contains("1 : 2.49", html, StringComparison.Ordinal);
        Assert.Contains("497,959円", html, StringComparison.Ordinal);
        Assert.Contains("297,959円", html, StringComparison.Ordinal);
        Assert.Contains("200,000円", html, StringComparison.Ordinal);
        Assert.Contains("5.7か月", html, StringComparison.Ordinal);
        Assert.Contains("50時間 × 時給 1,000円", html, StringComparison.Ordinal);
        Assert.Contains("（指標「居場所の参加者数」から）", html, StringComparison.Ordinal);
        // Year 2 of outcome 1: 108,000; discounted 97,959.18 → 97,959.
        Assert.Contains("108,000円", html, StringComparison.Ordinal);
        Assert.Contains("97,959円", html, StringComparison.Ordinal);
        // Sensitivity, outcome 1's attribution ± 10 points: at 40 % year 1 is 300,000 × 0.8 × 0.6 = 144,000 and year 2 129,600:
        // PV 144,000 ÷ 1.05 + 129,600 ÷ 1.1025 + 285,714.29 = 540,408.16 → 2.7020 → 1 : 2.70; at 60 % 96,000 and 86,400 → 455,510.20 → 1 : 2.28.
        Assert.Matches(@"<th scope=""row"">成果1の寄与率</th>\s*<td>40%</td>\s*<td>60%</td>\s*<td>1 : 2.70</td>\s*<td>1 : 2.28</td>", html);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"sroi-tornado-title\">", html, StringComparison.Ordinal);
        Assert.Contains("表示するときだけ丸めています", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_is_edited_and_removed_and_an_investment_removed()
    {
        var s = await ModelAsync("編集の会");
        await SavedAsync(s.Admin.PostFormAsync(s.Page, new() { ["NewInvestment.Description"] = "助成金", ["NewInvestment.Amount"] = "100000" }, "AddInvestment"));
        await SavedAsync(s.Admin.PostFormAsync(s.Page, Outcome("参加者", "孤立の解消", "10", "50000", "1", attribution: "12.5"), "SaveOutcome"));
        var id = (await MapAsync(s.ModelId))!.Outcomes.Single().Id;

        var edit = $"{s.Page}?outcome={id}";
        var form = await (await s.Admin.GetAsync(new Uri(edit, UriKind.Relative))).HtmlAsync();
        Assert.Contains("name=\"Outcome.Attribution\" value=\"12.5\"", form, StringComparison.Ordinal);
        var changed = Outcome("参加者", "孤立の解消", "20", "50000", "1");
        changed["Outcome.Id"] = id.ToString();
        await SavedAsync(s.Admin.PostFormAsync(edit, changed, "SaveOutcome"));
        var saved = (await MapAsync(s.ModelId))!.Outcomes.Single();
        Assert.Equal((id, 20m, 0m), (saved.Id, saved.Quantity, saved.Attribution));
        // 20 × 50,000 = 1,000,000 ÷ 1.035 = 966,183.57 ÷ 100,000 = 9.66.
        Assert.Contains("1 : 9.66", await (await s.Admin.GetAsync(new Uri(s.Page, UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        await SavedAsync(s.Admin.PostFormAsync(s.Page, new() { ["outcomeId"] = id.ToString() }, "RemoveOutcome"));
        await SavedAsync(s.Admin.PostFormAsync(s.Page, new() { ["index"] = "0" }, "RemoveInvestment"));
        var map = (await MapAsync(s.ModelId))!;
        Assert.Empty(map.Outcomes);
        Assert.Empty(map.Investments);
        var again = await s.Admin.PostFormAsync(s.Page, new() { ["outcomeId"] = id.ToString() }, "RemoveOutcome");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("その成果は見つかりません。", await again.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_outcome_creates_the_map_and_another_map_s_outcome_cannot_be_edited_from_here()
    {
        var s = await ModelAsync("最初の成果の会");
        await SavedAsync(s.Admin.PostFormAsync(s.Page, Outcome("参加者", "孤立の解消", "10", "50000", "1"), "SaveOutcome"));
        var map = (await MapAsync(s.ModelId))!;
        Assert.Equal(ImpactMap.DefaultDiscountRate, map.DiscountRate);
        var mine = Assert.Single(map.Outcomes);
        // No investment yet: the map says so instead of dividing by zero.
        Assert.Contains("投資額は0より大きくしてください。", await (await s.Admin.GetAsync(new Uri(s.Page, UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        var other = await ModelAsync("別の会");
        var tampered = Outcome("参加者", "書き換え", "1", "1", "1");
        tampered["Outcome.Id"] = mine.Id.ToString();
        var response = await other.Admin.PostFormAsync(other.Page, tampered, "SaveOutcome");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("その成果は見つかりません。", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal("孤立の解消", (await MapAsync(s.ModelId))!.Outcomes.Single().Name);
        Assert.Null(await MapAsync(other.ModelId));
    }

    [Fact]
    public async Task A_map_without_a_proxy_is_saved_and_says_what_is_missing_instead_of_results()
    {
        var s = await ModelAsync("代理指標を探す会");
        await SavedAsync(s.Admin.PostFormAsync(s.Page, new() { ["NewInvestment.Description"] = "助成金", ["NewInvestment.Amount"] = "100000" }, "AddInvestment"));
        await SavedAsync(s.Admin.PostFormAsync(s.Page, Outcome("参加者", "自己肯定感の向上", "10", "", "3"), "SaveOutcome"));

        Assert.Null((await MapAsync(s.ModelId))!.Outcomes.Single().Proxy);
        var html = await (await s.Admin.GetAsync(new Uri(s.Page, UriKind.Relative))).HtmlAsync();
        Assert.Contains("<strong>代理指標が未設定</strong>", html, StringComparison.Ordinal);
        Assert.Contains("このインパクトマップはまだ計算できません。", html, StringComparison.Ordinal);
        Assert.Contains("成果1「自己肯定感の向上」：代理指標が未設定です。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-sroi-ratio", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"img\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_messages_and_keeps_what_was_typed()
    {
        var s = await ModelAsync("入力ミスの会");
        var bad = Outcome("参加者", "", "-1", "abc", "51", deadweight: "120", displacement: "1e3", attribution: "12.34567", dropOff: "NaN");
        bad["Outcome.Order"] = "x";
        bad["Outcome.IndicatorId"] = Guid.NewGuid().ToString();
        var response = await s.Admin.PostFormAsync(s.Page, bad, "SaveOutcome");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("成果の名前を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("数量は0から1,000,000,000,000までで入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("代理指標（円）は数値で入力してください（例：1,200.5）。", html, StringComparison.Ordinal);
        Assert.Contains("期間（年）は1から50までの整数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("デッドウェイト（%）は0から100までで入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("置換効果（%）は数値で入力してください（例：1,200.5）。", html, StringComparison.Ordinal);
        Assert.Contains("寄与率（%）の小数点以下は4桁までです。", html, StringComparison.Ordinal);
        Assert.Contains("ドロップオフ（%）は数値で入力してください（例：1,200.5）。", html, StringComparison.Ordinal);
        Assert.Contains("順番は1から10000までの整数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("その指標はこのロジックモデルにありません。", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Outcome.Proxy\" value=\"abc\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Outcome.Attribution\" value=\"12.34567\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);

        var settings = await s.Admin.PostFormAsync(s.Page, new() { ["Settings.DiscountRate"] = "-1", ["Settings.PercentStep"] = "", ["Settings.ProxyStep"] = "9".PadRight(40, '9') }, "Settings");
        var settingsHtml = await settings.HtmlAsync();
        Assert.Contains("割引率（%）は0から100までで入力してください。", settingsHtml, StringComparison.Ordinal);
        Assert.Contains("割合を動かす幅（ポイント）を入力してください。", settingsHtml, StringComparison.Ordinal);
        Assert.Contains("代理指標を動かす幅（%）は数値で入力してください", settingsHtml, StringComparison.Ordinal);

        var both = await s.Admin.PostFormAsync(s.Page, new() { ["NewInvestment.Description"] = "助成金", ["NewInvestment.Amount"] = "1000", ["NewInvestment.Hours"] = "3" }, "AddInvestment");
        Assert.Contains("金額（円）か、時間と時給のどちらか一方を入力してください。", await both.HtmlAsync(), StringComparison.Ordinal);
        var halfTime = await s.Admin.PostFormAsync(s.Page, new() { ["NewInvestment.Description"] = "時間", ["NewInvestment.Hours"] = "3" }, "AddInvestment");
        Assert.Contains("時給（円）を入力してください。", await halfTime.HtmlAsync(), StringComparison.Ordinal);
        Assert.Null(await MapAsync(s.ModelId));
    }

    [Fact]
    public async Task Too_many_rows_are_refused_with_a_message()
    {
        var s = await ModelAsync("上限の会");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var map = new ImpactMap(s.ModelId, DateTimeOffset.UtcNow);
            for (var i = 0; i < ImpactMap.MaxInvestments; i++) map.Investments.Add(new($"助成金{i}", 1_000m, null, null));
            for (var i = 0; i < ImpactMap.MaxOutcomes; i++) map.Outcomes.Add(new ImpactOutcome(map.Id, i + 1) { Stakeholder = "参加者", Name = $"成果{i}", Quantity = 1, Proxy = 1 });
            db.ImpactMaps.Add(map);
            await db.SaveChangesAsync();
        }
        var investment = await s.Admin.PostFormAsync(s.Page, new() { ["NewInvestment.Description"] = "もう1件", ["NewInvestment.Amount"] = "1" }, "AddInvestment");
        Assert.Contains("投資の項目は30件までです。", await investment.HtmlAsync(), StringComparison.Ordinal);
        var outcome = await s.Admin.PostFormAsync(s.Page, Outcome("参加者", "51件目", "1", "1", "1"), "SaveOutcome");
        Assert.Contains("成果は50件までです。", await outcome.HtmlAsync(), StringComparison.Ordinal);
        var map2 = (await MapAsync(s.ModelId))!;
        Assert.Equal((ImpactMap.MaxInvestments, ImpactMap.MaxOutcomes), (map2.Investments.Count, map2.Outcomes.Count));
    }

    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true,
            $"{(int)response.StatusCode} {response.Headers.Location}");

    [Fact]
    public async Task Members_and_staff_see_only_admins_change_and_other_organizations_find_nothing()
    {
        var s = await ModelAsync("見る人の会");
        await SavedAsync(s.Admin.PostFormAsync(s.Page, new() { ["NewInvestment.Description"] = "助成金", ["NewInvestment.Amount"] = "100000" }, "AddInvestment"));
        await SavedAsync(s.Admin.PostFormAsync(s.Page, Outcome("参加者", "孤立の解消", "10", "50000", "1"), "SaveOutcome"));

        var email = $"member-{Guid.NewGuid():N}@example.jp";
        var member = await app.SignInAsync(Roles.Resident, email);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Users.SingleAsync(u => u.Email == email);
            db.Memberships.Add(new Membership(s.OrganizationId, account.Id, MembershipRole.Member, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var seen = await (await member.GetAsync(new Uri(s.Page, UriKind.Relative))).HtmlAsync();
        // 500,000 ÷ 1.035 ÷ 100,000 = 4.83.
        Assert.Contains("1 : 4.83", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=SaveOutcome", seen, StringComparison.Ordinal);
        var refused = await member.PostFormAsync(s.Page, Outcome("参加者", "勝手な成果", "1", "1", "1"), "SaveOutcome");
        AssertRefused(refused);

        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var staffView = await coordinator.GetAsync(new Uri(s.Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, staffView.StatusCode);
        Assert.Contains("1 : 4.83", await staffView.HtmlAsync(), StringComparison.Ordinal);
        var staffChange = await coordinator.PostFormAsync(s.Page, new() { ["index"] = "0" }, "RemoveInvestment");
        AssertRefused(staffChange);

        var (other, _) = await OpportunityData.OrgAdminAsync(app, "隣の会");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(s.Page, UriKind.Relative))).StatusCode);
        var resident = await app.SignInAsync(Roles.Resident);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(new Uri(s.Page, UriKind.Relative))).StatusCode);

        var map = (await MapAsync(s.ModelId))!;
        Assert.Single(map.Outcomes);
        Assert.Single(map.Investments);
    }
}
