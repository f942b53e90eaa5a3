using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Tests.Features.Opportunities;
using Tsunagari.Tests.Features.ProBono;

namespace Tsunagari.Tests.Features.Collaboration.Initiatives;

/// <summary>The public list and API (filters, paging), and the government view: matrix, list, CSV, calls and pilots.</summary>
public sealed partial class ViewsTests(TestApp app) : IClassFixture<TestApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static string Unique(string name) => $"{name}{Guid.NewGuid():N}"[..(name.Length + 8)];

    private static List<string[]> ParseCsv(string text)
    {
        using var csv = CsvHelper.CsvReader.FromText(text, new CsvHelper.CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        return rows;
    }

    [Fact]
    public async Task The_public_list_filters_and_pages()
    {
        var owner = Unique("ページの部");
        for (var n = 0; n < 23; n++)
            await InitiativeData.AddAsync(app, InitiativeData.Details($"一覧の取組{n:00}", owner: owner), InitiativeType.ByGovernment);
        var tagged = await InitiativeData.AddAsync(app,
            InitiativeData.Details("タグの取組", owner: owner, municipalities: [InitiativeData.Funabashi], challenges: [12], pathways: [26], targetType: InitiativeType.Together, targetStage: CollaborationStage.Pilot),
            InitiativeType.Together, CollaborationStage.SupportingActors);
        var browser = app.CreateBrowser();

        var first = await (await browser.GetAsync(Url($"/collaboration/initiatives?owner={owner}"))).HtmlAsync();
        Assert.Equal(20, RowLinks().Count(first));
        Assert.Contains("1 / 2 ページ", first, StringComparison.Ordinal);
        var second = await (await browser.GetAsync(Url($"/collaboration/initiatives?owner={owner}&page=2"))).HtmlAsync();
        Assert.Equal(4, RowLinks().Count(second));

        foreach (var query in new[] { "type=29", "stage=SupportingActors", $"municipality={InitiativeData.Funabashi}", "challenge=12", "pathway=26" })
        {
            var html = await (await browser.GetAsync(Url($"/collaboration/initiatives?owner={owner}&{query}"))).HtmlAsync();
            Assert.Equal([$"/collaboration/initiatives/{tagged}"], RowLinks().Matches(html).Select(m => m.Groups[1].Value));
        }
        var row = await (await browser.GetAsync(Url($"/collaboration/initiatives?owner={owner}&type=29"))).HtmlAsync();
        Assert.Contains("㉙ 主体の支援", row, StringComparison.Ordinal);
        Assert.Contains("㉙ 協働の試行 (2099-03-31まで)", row, StringComparison.Ordinal);
        Assert.Contains("船橋市", row, StringComparison.Ordinal);

        var bad = await browser.GetAsync(Url("/collaboration/initiatives?type=30&challenge=99"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var message = await bad.HtmlAsync();
        Assert.Contains("型は27・28・29のどれかで指定してください。", message, StringComparison.Ordinal);
        Assert.Contains("課題は1から24までの番号で指定してください。", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_lists_with_filters_and_paging_shows_one_with_its_history_and_answers_bad_requests_with_problems()
    {
        var department = Unique("API課");
        for (var n = 0; n < 12; n++)
            await InitiativeData.AddAsync(app, InitiativeData.Details($"APIの取組{n:00}", owner: department), InitiativeType.ByResidents);
        var pilot = await InitiativeData.AddAsync(app, InitiativeData.Details("APIの試行", owner: department, municipalities: []), InitiativeType.Together, CollaborationStage.Pilot);
        var client = app.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives?department={Uri.EscapeDataString(department)}&pageSize=5&page=3");
        Assert.Equal(13, page.GetProperty("total").GetInt32());
        Assert.Equal(3, page.GetProperty("items").GetArrayLength());
        var together = await client.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives?department={Uri.EscapeDataString(department)}&type=29&stage=2");
        var item = Assert.Single(together.GetProperty("items").EnumerateArray());
        Assert.Equal(pilot.ToString(), item.GetProperty("id").GetString());
        Assert.Equal("Pilot", item.GetProperty("stage").GetString());
        // Whole-prefecture initiatives are in every municipality's list.
        var chiba = await client.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives?department={Uri.EscapeDataString(department)}&municipality={InitiativeData.Funabashi}");
        Assert.Equal(1, chiba.GetProperty("total").GetInt32());

        var one = await client.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{pilot}");
        Assert.Equal("APIの試行", one.GetProperty("initiative").GetProperty("title").GetString());
        var registration = Assert.Single(one.GetProperty("history").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, registration.GetProperty("fromType").ValueKind);
        Assert.Equal(29, registration.GetProperty("toType").GetInt32());

        var unknown = await client.GetAsync(Url($"/api/v1/initiatives/{Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        foreach (var query in new[] { "pageSize=101", "page=0", "type=30", "stage=4", "type=27&stage=1", "municipality=12345", "page=abc" })
        {
            var bad = await client.GetAsync(Url($"/api/v1/initiatives?{query}"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        }
        var openApi = await client.GetStringAsync(Url("/openapi/v1.json"));
        Assert.Contains("\"/api/v1/initiatives\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/initiatives/{id}\"", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_government_view_is_refused_to_everyone_but_staff()
    {
        var anonymous = await app.CreateBrowser().GetAsync(Url("/collaboration/government"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var (admin, _) = await OpportunityData.OrgAdminAsync(app, "一覧表を見たい会");
        foreach (var browser in new[] { admin, await app.SignInAsync(Roles.Resident) })
        {
            ProBonoData.AssertRefused(await browser.GetAsync(Url("/collaboration/government")));
            ProBonoData.AssertRefused(await browser.GetAsync(Url("/collaboration/government?handler=Csv")));
        }
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(Roles.PrefectureAdmin)).GetAsync(Url("/collaboration/government"))).StatusCode);
    }

    [Fact]
    public async Task The_matrix_counts_where_the_departments_measures_are_and_where_they_are_heading()
    {
        var department = Unique("集計課");
        await InitiativeData.AddAsync(app, InitiativeData.Details("集計1", owner: department), InitiativeType.ByResidents);
        await InitiativeData.AddAsync(app, InitiativeData.Details("集計2", owner: department), InitiativeType.ByResidents);
        await InitiativeData.AddAsync(app, InitiativeData.Details("集計3", owner: department, targetType: InitiativeType.Together, targetStage: CollaborationStage.SupportingActors), InitiativeType.ByGovernment);
        await InitiativeData.AddAsync(app, InitiativeData.Details("集計4", owner: department, targetType: InitiativeType.Together, targetStage: CollaborationStage.System), InitiativeType.Together, CollaborationStage.Pilot);
        await InitiativeData.AddAsync(app, InitiativeData.Details("集計5", owner: department, targetType: InitiativeType.Together, targetStage: CollaborationStage.System), InitiativeType.Together, CollaborationStage.SupportingActors);
        var ended = await InitiativeData.AddAsync(app, InitiativeData.Details("終わった集計", owner: department), InitiativeType.ByResidents);
        await InitiativeData.AddAsync(app, InitiativeData.Details("よその課の取組", owner: Unique("よその課")), InitiativeType.ByResidents);
        await InitiativeData.AddAsync(app, InitiativeData.Details("団体の集計", InitiativeOwnerKind.Group, department), InitiativeType.ByResidents); // a group of the same name is not the department
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var initiative = await db.Initiatives.FindAsync(ended);
            db.InitiativeChanges.Add(initiative!.End("廃止", initiative.CreatedBy!.Value, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var staff = await app.SignInAsync(Roles.Coordinator);
        var html = await (await staff.GetAsync(Url($"/collaboration/government?department={Uri.EscapeDataString(department)}"))).HtmlAsync();
        int Cell(string place) => int.Parse(Regex.Match(html, $"data-place=\"{place}\">(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, Cell("ByResidents--now"));
        Assert.Equal(1, Cell("ByGovernment--now"));
        Assert.Equal(1, Cell("Together-SupportingActors-now"));
        Assert.Equal(1, Cell("Together-Pilot-now"));
        Assert.Equal(0, Cell("Together-System-now"));
        Assert.Equal(0, Cell("ByResidents--heading"));
        Assert.Equal(1, Cell("Together-SupportingActors-heading"));
        Assert.Equal(0, Cell("Together-Pilot-heading"));
        Assert.Equal(2, Cell("Together-System-heading"));
        Assert.Contains("<caption>型と段階ごとの取組・施策の数（今の位置と、向かう先）</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">㉙ 協働の試行</th>", html, StringComparison.Ordinal);
        Assert.Contains("集計4", html, StringComparison.Ordinal);
        Assert.DoesNotContain("終わった集計", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">よその課の取組</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">団体の集計</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_a_header_the_filtered_rows_and_quotes_what_people_wrote()
    {
        var department = Unique("CSV課");
        await InitiativeData.AddAsync(app, InitiativeData.Details("見守り, \"あいさつ\" 運動", owner: department, challenges: [1, 5], pathways: [20, 21],
            targetType: InitiativeType.Together, targetStage: CollaborationStage.Pilot), InitiativeType.ByGovernment);
        await InitiativeData.AddAsync(app, InitiativeData.Details("=HYPERLINK(\"https://example.com\")", owner: department, municipalities: []), InitiativeType.Together, CollaborationStage.System);
        await InitiativeData.AddAsync(app, InitiativeData.Details("よその取組", owner: Unique("よその課")), InitiativeType.ByResidents);

        var staff = await app.SignInAsync(Roles.Coordinator);
        var response = await staff.GetAsync(Url($"/collaboration/government?handler=Csv&department={Uri.EscapeDataString(department)}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("\"見守り, \"\"あいさつ\"\" 運動\"", text, StringComparison.Ordinal); // RFC 4180 quoting
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        var rows = ParseCsv(text);
        Assert.Equal(["ID", "タイトル", "担い手の種類", "担い手", "市区町村", "型", "段階", "向かう先の型", "向かう先の段階", "目標の時期", "枠組みの課題", "枠組みの方策", "更新日時"], rows[0]);
        Assert.Equal(3, rows.Count);
        var measure = rows.Single(r => r[1] == "見守り, \"あいさつ\" 運動");
        Assert.Equal(["行政の部署", department, "千葉市", "㉘ 行政による取組", "", "㉙ 住民と行政の協働による取組", "協働の試行", "2099-03-31", "1 5", "20 21"], measure[2..12]);
        var formula = rows.Single(r => r[1].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Equal("'=HYPERLINK(\"https://example.com\")", formula[1]); // not a live formula in Excel
        Assert.Equal("県全域", formula[4]);
        Assert.Equal("制度づくり", formula[6]);

        var english = await app.SignInAsync(Roles.Coordinator);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var header = ParseCsv(Encoding.UTF8.GetString((await english.GetByteArrayAsync(Url($"/collaboration/government?handler=Csv&department={Uri.EscapeDataString(department)}")))[3..]))[0];
        Assert.Equal("Title", header[1]);
    }

    [Fact]
    public async Task The_government_view_shows_calls_in_progress_and_pilots_with_their_results()
    {
        var department = Unique("試行課");
        var initiative = await InitiativeData.AddAsync(app, InitiativeData.Details("試行の取組", owner: department), InitiativeType.Together, CollaborationStage.Pilot);
        Guid open, pilot;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var someone = (await InitiativeData.FindAsync(app, initiative))!.CreatedBy!.Value;
            var now = DateTimeOffset.UtcNow;
            CollaborationCall Call(string title, params Action<CollaborationCall>[] steps)
            {
                var call = new CollaborationCall(new CallDetails(CallKind.GovernmentProposed, title, "テーマ", "説明", department, 1_000_000,
                    new DateOnly(2099, 4, 1), new DateOnly(2100, 3, 31), new DateOnly(2099, 2, 1), [new RubricCriterion(1, "実現性", "", 10)], initiative), someone, now);
                foreach (var step in steps) step(call);
                db.CollaborationCalls.Add(call);
                return call;
            }
            var openCall = Call("募集中の協働", c => c.Open(now));
            Call("審査中の協働", c => c.Open(now), c => c.StartReview(now));
            Call("下書きの協働");
            var closed = Call("終わった協働", c => c.Open(now), c => c.StartReview(now));
            CollaborationProposal Proposal(CollaborationCall call, string title, bool submit)
            {
                var proposal = new CollaborationProposal(call.Id, someone, new ProposalDetails(null, [], title, "目標", "計画", "役割", 500_000,
                    new DateOnly(2099, 4, 1), new DateOnly(2099, 9, 30), "公民館", InitiativeData.Chiba), now);
                if (submit) proposal.Submit(now);
                db.CollaborationProposals.Add(proposal);
                return proposal;
            }
            Proposal(openCall, "提出された提案", true);
            Proposal(openCall, "下書きの提案", false);
            var adopted = Proposal(closed, "採択された試行", true);
            adopted.Decide(ProposalStatus.Adopted, "地域の力を活かせる", "", someone, now);
            closed.Close(now);
            var started = new CollaborationPilot(adopted.Id, initiative, now);
            db.CollaborationPilots.Add(started);
            db.PilotReports.Add(new PilotReport(started.Id, PilotReportKind.Final, "報告", "目標の8割を達成", AgreementParty.Government, someone, now));
            await db.SaveChangesAsync();
            (open, pilot) = (openCall.Id, started.Id);
        }

        var staff = await app.SignInAsync(Roles.Coordinator);
        var html = await (await staff.GetAsync(Url($"/collaboration/government?department={Uri.EscapeDataString(department)}"))).HtmlAsync();
        Assert.Matches($"<a href=\"/collaboration/calls/{open}\">募集中の協働</a></th>\\s*<td>行政提案型</td>\\s*<td>{department}</td>\\s*<td>2099-02-01</td>\\s*<td>募集中</td>\\s*<td>1</td>", html);
        Assert.Contains("審査中の協働", html, StringComparison.Ordinal);
        Assert.DoesNotContain("下書きの協働", html, StringComparison.Ordinal);
        Assert.DoesNotContain("終わった協働", html, StringComparison.Ordinal);
        Assert.Matches($"<a href=\"/collaboration/pilots/{pilot}\">採択された試行</a></th>\\s*<td>[\\s\\S]*?</td>\\s*<td>まだ判断していません</td>\\s*<td>提出済み</td>", html);

        var page = await (await app.CreateBrowser().GetAsync(Url($"/collaboration/initiatives/{initiative}"))).HtmlAsync();
        Assert.Contains($"href=\"/collaboration/pilots/{pilot}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pilots_csv_has_each_pilots_results_decision_and_reasons()
    {
        var department = Unique("成果課");
        var initiative = await InitiativeData.AddAsync(app, InitiativeData.Details("成果の取組", owner: department), InitiativeType.Together, CollaborationStage.Pilot);
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "成果の会");
        Guid decided, running;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var someone = (await InitiativeData.FindAsync(app, initiative))!.CreatedBy!.Value;
            var now = DateTimeOffset.UtcNow;
            CollaborationPilot Pilot(string callDepartment, string title, Guid? organization)
            {
                var call = new CollaborationCall(new CallDetails(CallKind.CitizenProposed, title + "の募集", "テーマ", "説明", callDepartment, 1_000_000,
                    new DateOnly(2099, 4, 1), new DateOnly(2100, 3, 31), new DateOnly(2099, 2, 1), [new RubricCriterion(1, "実現性", "", 10)], initiative), someone, now);
                call.Open(now);
                call.StartReview(now);
                var proposal = new CollaborationProposal(call.Id, someone, new ProposalDetails(organization, [], title, "目標", "計画", "役割", 500_000,
                    new DateOnly(2099, 4, 1), new DateOnly(2099, 9, 30), "公民館", InitiativeData.Chiba), now);
                proposal.Submit(now);
                proposal.Decide(ProposalStatus.Adopted, "地域の力を活かせる", "", someone, now);
                var pilot = new CollaborationPilot(proposal.Id, initiative, now);
                db.AddRange(call, proposal, pilot);
                return pilot;
            }
            var first = Pilot(department, "判断した試行", organizationId);
            db.PilotReports.Add(new PilotReport(first.Id, PilotReportKind.Progress, "途中の報告", "", AgreementParty.Partner, someone, now));
            db.PilotReports.Add(new PilotReport(first.Id, PilotReportKind.Final, "報告", "=SUM(A1) 目標の8割を達成", AgreementParty.Partner, someone, now));
            first.Decide(PilotDecision.Continue, "もう一年, \"様子\"を見る", someone, now);
            var second = Pilot(department, "走っている試行", null);
            Pilot(Unique("よその課"), "よその試行", null);
            await db.SaveChangesAsync();
            (decided, running) = (first.Id, second.Id);
        }

        var staff = await app.SignInAsync(Roles.Coordinator);
        var filter = $"department={Uri.EscapeDataString(department)}";
        var html = await (await staff.GetAsync(Url($"/collaboration/government?{filter}"))).HtmlAsync();
        Assert.Contains($"href=\"/collaboration/government?handler=PilotsCsv&{filter}\"", html.Replace("&amp;", "&", StringComparison.Ordinal), StringComparison.Ordinal);
        var response = await staff.GetAsync(Url($"/collaboration/government?handler=PilotsCsv&{filter}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["ID", "試行", "提案した団体", "部署", "市区町村", "開始日時", "最終報告の提出日時", "目標に対する成果", "試行後の判断", "判断の理由", "判断日時"], rows[0]);
        Assert.Equal(3, rows.Count);
        var decidedRow = rows.Single(r => r[0] == decided.ToString());
        Assert.Equal(["判断した試行", "成果の会", department, "千葉市"], decidedRow[1..5]);
        Assert.NotEqual("", decidedRow[6]);
        Assert.Equal("'=SUM(A1) 目標の8割を達成", decidedRow[7]); // not a live formula in Excel
        Assert.Equal(["試行を続ける", "もう一年, \"様子\"を見る"], decidedRow[8..10]);
        Assert.NotEqual("", decidedRow[10]);
        var runningRow = rows.Single(r => r[0] == running.ToString());
        Assert.Equal(["走っている試行", "", department], runningRow[1..4]);
        Assert.Equal(["", "", "まだ判断していません", "", ""], runningRow[6..11]);

        var english = await app.SignInAsync(Roles.Coordinator);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var englishRows = ParseCsv(Encoding.UTF8.GetString((await english.GetByteArrayAsync(Url($"/collaboration/government?handler=PilotsCsv&{filter}")))[3..]));
        Assert.Equal("Results against the goals", englishRows[0][7]);
        foreach (var browser in new[] { (await OpportunityData.OrgAdminAsync(app, "CSVを見たい会")).Browser, await app.SignInAsync(Roles.Resident) })
            ProBonoData.AssertRefused(await browser.GetAsync(Url("/collaboration/government?handler=PilotsCsv")));
    }

    [GeneratedRegex("<th scope=\"row\"><a href=\"(/collaboration/initiatives/[0-9a-f-]{36})\">")]
    private static partial Regex RowLinks();
}
