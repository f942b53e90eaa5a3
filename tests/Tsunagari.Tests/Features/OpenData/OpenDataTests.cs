using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.OpenData;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Search;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.OpenData;

public sealed partial class OpenDataTests(TestApp app) : IClassFixture<TestApp>
{
    private static string[] StandardColumns() =>
        File.ReadAllLines(Path.Combine(SourceRoot(), "src", "Tsunagari.Web", "Features", "OpenData", "event-list-columns.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]).ToArray();

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tsunagari.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private static List<string[]> ParseCsv(string text)
    {
        using var csv = CsvHelper.CsvReader.FromText(text, new CsvHelper.CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        return rows;
    }

    [Fact]
    public async Task The_events_csv_has_the_32_standard_columns_and_a_row_per_occurrence()
    {
        Assert.Equal(32, StandardColumns().Length);
        Assert.Equal(StandardColumns(), EventListColumns.All);
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "オープンデータの会");
        var start = OpportunityData.NextSaturday();
        var skipped = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start.AddDays(7), Tsunagari.Platform.JapanTime.Zone).Date);
        await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("毎週の読み聞かせ", start, "FREQ=WEEKLY;BYDAY=SA", [skipped]));
        await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("船橋の一日講座", start.AddDays(2), municipality: OpportunityData.Funabashi));
        await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("下書きの講座", start), OpportunityStatus.Draft);
        await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("遠い先の講座", start.AddDays(120)));

        var response = await app.CreateBrowser().GetAsync(new Uri("/opendata/events.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(StandardColumns(), rows[0]);
        var weekly = rows.Skip(1).Where(r => r[4] == "毎週の読み聞かせ").ToList();
        // Saturdays in the next 90 days, less the one skipped.
        var expected = Enumerable.Range(0, 90).Select(i => start.AddDays(i)).Count(d => d < DateTimeOffset.UtcNow.AddDays(90) && TimeZoneInfo.ConvertTime(d, Tsunagari.Platform.JapanTime.Zone).DayOfWeek == DayOfWeek.Saturday) - 1;
        Assert.InRange(weekly.Count, expected - 1, expected);
        Assert.DoesNotContain(weekly, r => r[7] == skipped.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.All(weekly, r => Assert.Equal(("121011", "千葉県", "千葉市中央区", "10:00", "12:00", "500"), (r[0], r[2], r[3], r[9], r[10], r[13])));
        Assert.All(rows.Skip(1), r => Assert.Equal(32, r.Length));
        Assert.DoesNotContain(rows, r => r[4] is "下書きの講座" or "遠い先の講座");

        var funabashi = ParseCsv(Encoding.UTF8.GetString((await app.CreateBrowser().GetByteArrayAsync(new Uri($"/opendata/events.csv?municipality={OpportunityData.Funabashi}", UriKind.Relative)))[3..]));
        // Other tests of this class import events into 船橋市 too: check this test's own rows and the filter itself.
        var funabashiRows = funabashi.Skip(1).ToList();
        Assert.Contains(funabashiRows, r => r[4] == "船橋の一日講座");
        Assert.All(funabashiRows, r => Assert.Equal(OpportunityData.Funabashi, r[0]));
        var bad = await app.CreateBrowser().GetAsync(new Uri("/opendata/events.csv?municipality=999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_files_are_written_once_while_current_and_again_after_a_change()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "ファイルの会");
        await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("一度目の講座", OpportunityData.NextSaturday()));
        var folder = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Tsunagari.Platform.TsunagariOptions>>().Value.DataPath("opendata");
        async Task<string[]> DownloadAllAsync(string url) =>
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.CreateBrowser().GetStringAsync(new Uri(url, UriKind.Relative))));

        foreach (var (url, kind) in new[] { ("/opendata/events.csv", "events-all-"), ("/opendata/organizations.json", "organizations-") })
        {
            // Four downloads at once: one writing, the same file for all.
            var first = await DownloadAllAsync(url);
            Assert.Single(first.Distinct(StringComparer.Ordinal));
            Assert.Contains("一度目の講座", Regex.Unescape(first[0]), StringComparison.Ordinal); // JSON escapes non-ASCII
            var written = Assert.Single(System.IO.Directory.GetFiles(folder, kind + "*"));
            var at = File.GetLastWriteTimeUtc(written);
            Assert.Equal(first[0], await app.CreateBrowser().GetStringAsync(new Uri(url, UriKind.Relative)));
            Assert.Equal(at, File.GetLastWriteTimeUtc(written));
        }

        // A change is in the next download, and the earlier file is gone.
        await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("二度目の講座", OpportunityData.NextSaturday()));
        foreach (var (url, kind) in new[] { ("/opendata/events.csv", "events-all-"), ("/opendata/organizations.json", "organizations-") })
        {
            Assert.Contains("二度目の講座", Regex.Unescape(await app.CreateBrowser().GetStringAsync(new Uri(url, UriKind.Relative))), StringComparison.Ordinal);
            Assert.Single(System.IO.Directory.GetFiles(folder, kind + "*"));
        }
    }

    [Fact]
    public async Task The_organizations_json_has_the_shape_of_HSDS()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "HSDS の会");
        var id = await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("月例会", OpportunityData.NextSaturday(), "FREQ=MONTHLY;BYDAY=2SA"));
        var json = JsonDocument.Parse(await app.CreateBrowser().GetStringAsync(new Uri("/opendata/organizations.json", UriKind.Relative))).RootElement;
        var organization = json.EnumerateArray().Single(o => o.GetProperty("id").GetString() == orgId.ToString());
        Assert.Equal("HSDS の会", organization.GetProperty("name").GetString());
        var service = organization.GetProperty("services").EnumerateArray().Single();
        Assert.Equal(id.ToString(), service.GetProperty("id").GetString());
        Assert.Equal(orgId.ToString(), service.GetProperty("organization_id").GetString());
        Assert.Equal("active", service.GetProperty("status").GetString());
        var schedule = service.GetProperty("schedules")[0];
        Assert.Equal("MONTHLY", schedule.GetProperty("freq").GetString());
        Assert.Equal("2SA", schedule.GetProperty("byday").GetString());
        Assert.Equal("10:00", schedule.GetProperty("opens_at").GetString());
        var location = organization.GetProperty("locations")[0];
        Assert.Equal("physical", location.GetProperty("location_type").GetString());
        Assert.Equal("中央公民館", location.GetProperty("name").GetString());
        Assert.Equal("JP", location.GetProperty("addresses")[0].GetProperty("country").GetString());
        Assert.Equal(location.GetProperty("id").GetString(), service.GetProperty("service_at_locations")[0].GetProperty("location_id").GetString());
    }

    private static string Csv(params string[][] rows)
    {
        var header = string.Join(',', EventListColumns.All.Select(c => c == "料金(基本)" ? "料金（基本）" : c));
        return header + "\r\n" + string.Join("\r\n", rows.Select(r =>
        {
            var cells = new string[32];
            Array.Fill(cells, "");
            for (var i = 0; i < r.Length; i++) cells[i] = r[i];
            return string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c));
        })) + "\r\n";
    }

    private static string[] Row(string code, string title, string date, string fee = "500") =>
        [code, "1", "千葉県", "", title, "", "", date, date, "10:00", "12:00", "", "説明文", fee, "", "", "043-000-0000", "", "", "市民会館", "千葉市中央区1-1", "", "35.6", "140.1", "", "", "50"];

    private static Task<HttpResponseMessage> UploadAsync(HttpClient browser, Guid orgId, string csv, string fileName = "events.csv") =>
        UploadAsync(browser, orgId, Encoding.UTF8.GetBytes(csv), fileName);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, Guid orgId, byte[] content, string fileName)
    {
        var page = await (await browser.GetAsync(new Uri($"/opendata/import?OrganizationId={orgId}", UriKind.Relative))).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(orgId.ToString()), "OrganizationId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await browser.PostAsync(new Uri("/opendata/import?handler=DryRun", UriKind.Relative), form);
    }

    [Fact]
    public async Task Import_dry_run_reports_broken_rows_and_confirm_imports_all_or_nothing()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "取込の会");
        var resident = await app.SignInAsync(Roles.Resident);
        Assert.NotEqual(HttpStatusCode.OK, (await resident.GetAsync(new Uri("/opendata/import", UriKind.Relative))).StatusCode);

        var staff = await app.SignInAsync(Roles.Coordinator);
        // Staff find the organization by name (a prefecture has too many for a list), then upload for it.
        await app.Services.GetRequiredService<SearchIndex>().CatchUpAsync();
        var found = await staff.GetStringAsync(new Uri("/opendata/import?q=取込", UriKind.Relative));
        Assert.Contains($"<a href=\"/opendata/import?OrganizationId={orgId}\">取込の会</a>", found, StringComparison.Ordinal);
        var chosen = await staff.GetStringAsync(new Uri($"/opendata/import?OrganizationId={orgId}", UriKind.Relative));
        Assert.Contains("<strong>取込の会</strong>", chosen, StringComparison.Ordinal);
        Assert.Contains("handler=DryRun", chosen, StringComparison.Ordinal);
        Assert.Contains("見つかりませんでした", await staff.GetStringAsync(new Uri("/opendata/import?q=存在しない団体名", UriKind.Relative)), StringComparison.Ordinal);

        var date = DateTime.Today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var broken = Csv(Row("121011", "市民祭り", date), Row("121011", "", date), Row("999999", "謎の行事", date), Row("121011", "日付なし", "2026-13-45"), Row("122041", "無料講座", date, "無料"));
        var dryRun = await UploadAsync(staff, orgId, broken);
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var html = await dryRun.HtmlAsync();
        Assert.Contains("<th scope=\"row\">3</th><td>イベント名がありません。", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">4</th><td>市区町村コード「999999」はこの都道府県の市区町村ではありません。", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">5</th><td>開始日「2026-13-45」を日付として読めません。", html, StringComparison.Ordinal);
        Assert.Contains("作成する活動：2件、取り込めない行：3件", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Confirm", html, StringComparison.Ordinal);

        // Confirming a file with rejected rows (as a crafted post would) imports nothing.
        var checkedBroken = Convert.ToBase64String(Encoding.UTF8.GetBytes(broken));
        var refused = await staff.PostFormAsync("/opendata/import", new() { ["OrganizationId"] = orgId.ToString(), ["Checked"] = checkedBroken }, "Confirm");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("何も取り込みませんでした", await refused.HtmlAsync(), StringComparison.Ordinal);
        await using (var scope = app.Scope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Opportunities.AnyAsync(o => o.OrganizationId == orgId));

        var good = Csv(Row("121011", "市民祭り", date), Row("122041", "無料講座", date, "無料"));
        var ok = await (await UploadAsync(staff, orgId, good)).HtmlAsync();
        Assert.Contains("2件の活動を取り込む", ok, StringComparison.Ordinal);
        var checkedGood = WebUtility.HtmlDecode(CheckedField().Match(ok).Groups[1].Value);
        var confirmed = await staff.PostFormAsync("/opendata/import", new() { ["OrganizationId"] = orgId.ToString(), ["Checked"] = checkedGood }, "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await using (var scope = app.Scope())
        {
            var imported = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Opportunities.AsNoTracking().Where(o => o.OrganizationId == orgId).OrderBy(o => o.Title).ToListAsync();
            Assert.Equal(["市民祭り", "無料講座"], imported.Select(o => o.Title).Order(StringComparer.Ordinal));
            Assert.All(imported, o => Assert.Equal(OpportunityStatus.Published, o.Status));
            Assert.Equal(0m, imported.Single(o => o.Title == "無料講座").FeeYen);
            Assert.Equal(50, imported[0].Capacity);
            Assert.Equal(10, TimeZoneInfo.ConvertTime(imported[0].StartsAt, Tsunagari.Platform.JapanTime.Zone).Hour);
        }

        // The file is judged by its bytes, not its name: the event list saved as .txt is read, a picture named .csv is not.
        var asText = await (await UploadAsync(staff, orgId, good, "events.txt")).HtmlAsync();
        Assert.Contains("2件の活動を取り込む", asText, StringComparison.Ordinal);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
        var picture = await (await UploadAsync(staff, orgId, png, "events.csv")).HtmlAsync();
        Assert.Contains("CSVのテキストファイルではありません。", picture, StringComparison.Ordinal);
        Assert.DoesNotContain("Shift_JIS", picture, StringComparison.Ordinal);
        var withBom = await (await UploadAsync(staff, orgId, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(good)], "イベント")).HtmlAsync();
        Assert.Contains("2件の活動を取り込む", withBom, StringComparison.Ordinal);
        var tooBig = await (await UploadAsync(staff, orgId, new string('a', ImportEvents.MaxBytes + 10))).HtmlAsync();
        Assert.Contains("ファイルが大きすぎます。", tooBig, StringComparison.Ordinal);
        var noHeader = await (await UploadAsync(staff, orgId, "a,b\r\n1,2\r\n")).HtmlAsync();
        Assert.Contains("必要な列がありません", noHeader, StringComparison.Ordinal);
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var pictureInEnglish = await (await UploadAsync(staff, orgId, png, "events.csv")).HtmlAsync();
        Assert.DoesNotContain("CSVのテキストファイルではありません。", pictureInEnglish, StringComparison.Ordinal);
        Assert.Contains("not a CSV text file", pictureInEnglish, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Checked\" value=\"([^\"]+)\"")]
    private static partial Regex CheckedField();
}
