using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Insights;
using Tsunagari.Features.Insights.Dashboards;
using Tsunagari.Features.Insights.Map;
using Tsunagari.Features.Regions;

namespace Tsunagari.Tests.Features.Insights;

/// <summary>The population upload, the tile grid map and the open data of the figures, on one database.</summary>
public sealed partial class MapTests(TestApp app) : IClassFixture<TestApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, byte[] file, string source)
    {
        var page = await (await admin.GetAsync(Url("/admin/population"))).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(source), "Source" },
            { content, "Upload", "population.csv" },
        };
        return await admin.PostAsync(Url("/admin/population"), form);
    }

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private async Task<Dictionary<string, int>> PopulationsAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().MunicipalityPopulations.AsNoTracking()
            .ToDictionaryAsync(p => p.MunicipalityCode, p => p.Population);
    }

    [Fact]
    public async Task A_population_file_is_saved_whole_or_refused_with_each_bad_line()
    {
        var admin = await app.SignInAsync(Roles.PrefectureAdmin);
        var before = await PopulationsAsync();

        var bad = await (await UploadAsync(admin, Utf8("municipality_code,population,as_of\n122033,-5,2025-10-01\n131016,10,2025-10-01\n122114,abc,2025-13-01\n122114,100,2025-10-01\n12345x,1,2025-10-01\n"), "テスト")).HtmlAsync();
        Assert.Contains("5行に問題があるため、何も保存しませんでした。", bad, StringComparison.Ordinal);
        Assert.Contains("人口は0以上にしてください（-5）。", bad, StringComparison.Ordinal);
        Assert.Contains("コード131016の市区町村はこの都道府県にありません。", bad, StringComparison.Ordinal);
        Assert.Contains("人口「abc」は整数ではありません。 基準日「2025-13-01」は日付ではありません", bad, StringComparison.Ordinal);
        Assert.Contains("コード122114は4行目と重複しています。", bad, StringComparison.Ordinal);
        Assert.Contains("「12345x」は全国地方公共団体コードではありません", bad, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">6</th>", bad);
        Assert.Equal(before, await PopulationsAsync());

        Assert.Contains("必要な列がありません。", await (await UploadAsync(admin, Utf8("code,pop\n122033,1\n"), "テスト")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("ファイルが空です。", await (await UploadAsync(admin, [], "テスト")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("データの行がありません。", await (await UploadAsync(admin, Utf8("municipality_code,population,as_of\n"), "テスト")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("ファイルが大きすぎます。", await (await UploadAsync(admin, new byte[PopulationCsv.MaxBytes + 1], "テスト")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("出典を入力してください。", await (await UploadAsync(admin, Utf8("municipality_code,population,as_of\n122033,1,2025-10-01\n"), " ")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await PopulationsAsync());

        // Japanese headers, a BOM, a 5-digit code without its check digit, a thousands separator and an extra column.
        var good = await UploadAsync(admin, [.. Encoding.UTF8.GetPreamble(), .. Utf8("団体コード,市区町村名,人口,基準日\n12100,千葉市,\"980,000\",2025/10/1\n122033,市川市,490000,2025-10-01\n")], "テスト用の人口（概数）");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await PopulationsAsync();
        Assert.Equal(980_000, saved["121002"]);
        Assert.Equal(490_000, saved["122033"]);

        var shiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetBytes("団体コード,人口,基準日\r\n122114,130000,2025-10-01\r\n");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, shiftJis, "Shift_JISの人口")).StatusCode);
        Assert.Equal(130_000, (await PopulationsAsync())["122114"]);
        var page = await (await admin.GetAsync(Url("/admin/population"))).HtmlAsync();
        Assert.Contains("1市区町村の人口を保存しました。", page, StringComparison.Ordinal);
        Assert.Contains("テスト用の人口（概数）", page, StringComparison.Ordinal);
        Assert.Contains("Shift_JISの人口", page, StringComparison.Ordinal);

        var coordinator = await app.SignInAsync(Roles.Coordinator);
        Assert.NotEqual(HttpStatusCode.OK, (await coordinator.GetAsync(Url("/admin/population"))).StatusCode);
    }

    private async Task SeedFiguresAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.RegionalFigures.AnyAsync(f => f.MunicipalityCode == "122173")) return;
        db.RegionalFigures.AddRange(
            new RegionalFigure("122173", RegionalMeasures.Participants, "", 20261, 120),
            new RegionalFigure("122173", RegionalMeasures.Participants, "", 20254, 7),
            new RegionalFigure("121011", RegionalMeasures.Participants, "", 20261, 40),
            new RegionalFigure("121029", RegionalMeasures.Participants, "", 20261, 10),
            new RegionalFigure("122084", RegionalMeasures.Participants, "", 20261, 3),
            new RegionalFigure("122041", RegionalMeasures.Participants, "", 20261, 100),
            new RegionalFigure("122173", RegionalMeasures.Hours, "", 20261, 2.5m),
            new RegionalFigure("122084", RegionalMeasures.Hours, "", 20261, 9));
        db.MunicipalityPopulations.Add(new MunicipalityPopulation("122173", 400_000, new DateOnly(2025, 10, 1), "柏市のテスト人口", DateTimeOffset.UtcNow, null));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_map_colours_each_municipality_hides_small_counts_and_downloads_its_table()
    {
        await SeedFiguresAsync();
        var browser = app.CreateBrowser();
        var map = await browser.GetAsync(Url("/insights/map?measure=people.participants&from=2026Q1&to=2026Q1"));
        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        var html = await map.HtmlAsync();
        Assert.Contains("<a href=\"/insights/regions/122173\" aria-label=\"柏市 120\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"千葉 50（千葉市）\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"野田 非公開（野田市）\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"銚子 0（銚子市）\"", html, StringComparison.Ordinal);
        Assert.Equal(54, Regex.Count(html, "<a href=\"/insights/regions/\\d{6}\" aria-label"));
        Assert.DoesNotContain("<script", html[html.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var twoQuarters = await (await browser.GetAsync(Url("/insights/map?measure=people.participants&from=2025Q4&to=2026Q1"))).HtmlAsync();
        Assert.Contains("aria-label=\"柏市 120\"", twoQuarters, StringComparison.Ordinal);

        var perThousand = await (await browser.GetAsync(Url("/insights/map?measure=people.participants&from=2026Q1&to=2026Q1&per=per1000"))).HtmlAsync();
        Assert.Contains("aria-label=\"柏市 0.30\"", perThousand, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"船橋 人口未登録（船橋市）\"", perThousand, StringComparison.Ordinal);
        Assert.Contains("柏市のテスト人口", perThousand, StringComparison.Ordinal);

        var csv = await browser.GetAsync(Url("/insights/map?measure=people.participants&from=2026Q1&to=2026Q1&chart=map&format=csv"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("柏市,120", text, StringComparison.Ordinal);
        Assert.Contains("野田市,\r\n", text, StringComparison.Ordinal);
        var json = await (await browser.GetAsync(Url("/insights/map?measure=people.participants&from=2026Q1&to=2026Q1&chart=map&format=json"))).Content.ReadAsStringAsync();
        var nodaRow = JsonDocument.Parse(json).RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("category").GetString() == "野田市");
        Assert.Equal(JsonValueKind.Null, nodaRow.GetProperty("values").EnumerateObject().Single().Value.ValueKind);

        var wrong = await browser.GetAsync(Url("/insights/map?measure=nope&from=2026Q9&per=x"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongHtml = await wrong.HtmlAsync();
        Assert.Contains("指標「nope」はありません。", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("四半期「2026Q9」は「2026Q3」の形で指定してください。", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("表し方は count（件数）か per1000（人口千人あたり）を指定してください。", wrongHtml, StringComparison.Ordinal);

        var english = app.CreateBrowser("en");
        Assert.Contains("Municipality map", await (await english.GetAsync(Url("/insights/map?measure=people.participants&from=2026Q1&to=2026Q1"))).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_open_data_gives_every_figure_with_its_licence_and_refuses_unknown_filters()
    {
        await SeedFiguresAsync();
        var browser = app.CreateBrowser();
        var csv = await browser.GetAsync(Url("/api/v1/insights/figures?format=csv&municipality=121002"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("creativecommons.org/licenses/by/4.0", csv.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["municipality_code,municipality_name,measure,key,quarter,value", "121011,千葉市中央区,people.participants,,2026Q1,40", "121029,千葉市花見川区,people.participants,,2026Q1,10"], lines);

        var json = JsonDocument.Parse(await (await browser.GetAsync(Url("/api/v1/insights/figures?measure=people.participants&from=2026Q1&to=2026Q1"))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("CC BY 4.0", json.GetProperty("licence").GetProperty("name").GetString());
        var noda = json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("municipality_code").GetString() == "122084");
        Assert.Equal(JsonValueKind.Null, noda.GetProperty("value").ValueKind);
        Assert.DoesNotContain(json.GetProperty("rows").EnumerateArray(), r => r.GetProperty("quarter").GetString() == "2025Q4");

        var unknown = await browser.GetAsync(Url("/api/v1/insights/figures?municipality=131016&measure=nope&from=x"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("コード「131016」の市区町村は見つかりません。", errors.GetProperty("municipality")[0].GetString());
        Assert.StartsWith("指標「nope」はありません。", errors.GetProperty("measure")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("四半期「x」", errors.GetProperty("from")[0].GetString(), StringComparison.Ordinal);

        var page = await (await browser.GetAsync(Url("/insights/open-data"))).HtmlAsync();
        Assert.Contains("href=\"https://creativecommons.org/licenses/by/4.0/deed.ja\" rel=\"license\">CC BY 4.0</a>", page, StringComparison.Ordinal);
        Assert.Contains("<code>municipality_code</code>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hours_resting_on_one_to_four_participants_are_hidden_on_the_map_and_in_the_open_data()
    {
        await SeedFiguresAsync();
        var browser = app.CreateBrowser();
        var map = await (await browser.GetAsync(Url("/insights/map?measure=people.hours&from=2025Q4&to=2026Q1"))).HtmlAsync();
        Assert.Contains("aria-label=\"柏市 2.50\"", map, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"野田 非公開（野田市）\"", map, StringComparison.Ordinal); // 9 hours of 3 people

        var json = JsonDocument.Parse(await (await browser.GetAsync(Url("/api/v1/insights/figures?measure=people.hours"))).Content.ReadAsStringAsync()).RootElement;
        decimal? Hours(string code) => json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("municipality_code").GetString() == code)
            .GetProperty("value") is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal() : null;
        Assert.Equal(2.5m, Hours("122173"));
        Assert.Null(Hours("122084"));
        var csv = await (await browser.GetAsync(Url("/api/v1/insights/figures?format=csv&measure=people.hours&municipality=122084"))).Content.ReadAsStringAsync();
        Assert.EndsWith("122084,野田市,people.hours,,2026Q1,\r\n", csv, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>The tile layouts and the legend's classes, without a database.</summary>
public sealed class MapLayoutTests
{
    [Fact]
    public void Chiba_has_a_hand_made_layout_with_every_municipality_once()
    {
        var chiba = Japan.Shared.Prefecture("120006")!;
        Assert.True(TileLayout.IsHandMade(chiba));
        var tiles = TileLayout.For(chiba);
        Assert.Equal(54, tiles.Count);
        Assert.Equal(tiles.Count, tiles.Select(t => (t.Row, t.Column)).Distinct().Count());
        Tile At(string code) => tiles.Single(t => t.Municipality.Code == code);
        Assert.True(At("122084").Row < At("121002").Row, "Noda is north of Chiba city");
        Assert.True(At("122025").Column > At("121002").Column, "Choshi is east of Chiba city");
        Assert.True(At("122050").Row > At("122068").Row, "Tateyama is south of Kisarazu");
        Assert.Equal("南房総", TileLayout.ShortName(At("122343").Municipality));
    }

    [Fact]
    public void A_prefecture_without_a_layout_gets_a_grid_and_a_wrong_layout_is_refused()
    {
        var tokyo = Japan.Shared.Prefecture("130001")!;
        Assert.False(TileLayout.IsHandMade(tokyo));
        var tiles = TileLayout.For(tokyo);
        Assert.Equal(tokyo.Municipalities.Count, tiles.Count);
        Assert.Equal(tiles.Count, tiles.Select(t => (t.Row, t.Column)).Distinct().Count());
        var chiba = Japan.Shared.Prefecture("120006")!;
        Assert.Throws<InvalidDataException>(() => TileLayout.Parse("code,row,column\n121002,0,0\n122025,0,0\n", chiba));
        Assert.Throws<InvalidDataException>(() => TileLayout.Parse("code,row,column\n131016,0,0\n", chiba));
        Assert.Throws<InvalidDataException>(() => TileLayout.Parse("code,row,column\n121002,0,0\n", chiba));
    }

    [Fact]
    public void Quantile_classes_hold_about_equal_numbers_and_never_split_equal_values()
    {
        var classes = MapClasses.Of(Enumerable.Range(1, 10).Select(i => (decimal)i));
        Assert.Equal(["1 – 2", "3 – 4", "5 – 6", "7 – 8", "9 – 10"], classes.Select(c => c.Range));
        Assert.Equal(MapClasses.Palette.Select(p => p.Fill), classes.Select(c => c.Fill));
        var ties = MapClasses.Of([0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
        Assert.Equal("0", ties[0].Range);
        Assert.Single(ties, c => c.Lower == 0);
        Assert.Equal(ties[0], MapClasses.ClassOf(ties, 0));
        var single = Assert.Single(MapClasses.Of([7, 7, 7]));
        Assert.Equal("#08306b", single.Fill);
        Assert.Empty(MapClasses.Of([]));
    }
}
