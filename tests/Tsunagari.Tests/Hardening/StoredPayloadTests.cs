using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.OpenData;
using Tsunagari.Features.Search;
using Tsunagari.Tests.Features.Engagement;
using Tsunagari.Tests.Features.Opportunities;
using Tsunagari.Tests.Features.Organizations;
using Tsunagari.Tests.Features.ProBono;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// Hostile text saved through the real forms and API comes out inert everywhere it is shown: encoded or sanitized in
/// HTML (with a CSP that allows no inline script), valid JSON in JSON-LD, escaped in iCalendar, no live formula in the
/// CSV, and JSON served as JSON that browsers may not sniff.
/// </summary>
public sealed class StoredPayloadTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Script = "<script>alert(1)</script>";
    private const string JavascriptLink = "[x](javascript:alert(1))";
    private const string Img = "<img src=x onerror=alert(1)>";
    private const string Svg = "<svg onload=alert(1)>";
    private const string Breakout = "\"><script>alert(2)</script>";
    private const string RightToLeft = "\u202Egnp.exe\u202C";
    private const string Joined = "👨\u200D👩\u200D👧";
    private const string Emoji = "🙏🏽🇯🇵";

    // Searched for, and found in every output that shows the stored things.
    private const string Marker = "悪意";

    private static readonly int[] OneField = [2], OneWay = [1];

    /// <summary>市原市: in the 千葉 grouping with 千葉市.</summary>
    private const string Ichihara = "122190";

    private static readonly string LongLine = string.Concat(Enumerable.Repeat("長い行の", 2_500));

    private static readonly string Markdown =
        $"## 見出し\n\n{Script}\n\n{JavascriptLink}\n\n{Img}\n\n{Svg}\n\n{Breakout}\n\n{RightToLeft} {Joined} {Emoji}\n\n{LongLine}";

    [Fact]
    public async Task Hostile_text_saved_through_forms_and_API_is_inert_in_every_output()
    {
        var admin = await app.SignInAsync(Roles.Resident);
        // Registration, then the edit form: both forms carry the payloads. The name starts with "=" for the CSV.
        var orgId = await OrganizationForms.RegisterAsync(admin, $"=1+1 {Marker}の会 {Breakout}", f =>
        {
            f["Input.Mission"] = $"{Script} {Img}";
            f["Input.Description"] = Markdown;
        });
        var organizationName = $"=1+1 {Marker}の会 {Breakout} {RightToLeft}{Joined}{Emoji}";
        var edited = await admin.PostFormAsync($"/organizations/{orgId}/edit", OrganizationForms.Fields(organizationName, f =>
        {
            f["Input.Mission"] = $"{Script} {Img} {Svg} {Breakout} {RightToLeft} {Emoji}";
            f["Input.Description"] = Markdown;
        }));
        Assert.True(edited.StatusCode == HttpStatusCode.Redirect, await edited.HtmlAsync());

        var title = $"=HYPERLINK(\"https://evil.example/\",\"x\") {Marker}の講座, 危険; {Script} {RightToLeft}{Joined}{Emoji}";
        var start = DateTime.SpecifyKind(DateTime.Today.AddDays(2).AddHours(10), DateTimeKind.Unspecified);
        var id = await PublishAsync(admin, orgId, new
        {
            title,
            // Starts with "-" for the CSV; tries to end the VEVENT and begin another for the calendars.
            description = $"-2+3 {Marker}\n\n{Markdown}\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
            fields = OneField,
            ways = OneWay,
            municipalityCode = OpportunityData.ChuoWard,
            isOnline = false,
            venueName = $"@SUM(1,2) {Img} {Svg}",
            venueAddress = $"+81 {Breakout} {JavascriptLink}",
            start,
            end = start.AddHours(2),
            repeat = "none",
            feeYen = 0,
            languages = "ja",
        });

        var q = Uri.EscapeDataString(Marker);
        foreach (var culture in new[] { "ja", "en" })
        {
            var browser = app.CreateBrowser(culture);
            foreach (var url in new[]
            {
                $"/organizations/{orgId}", $"/opportunities/{id}", $"/search?q={q}", $"/search?q={q}&type={SearchFields.OrganizationType}",
                $"/regions/{OpportunityData.ChuoWard}", "/regions/121002", "/",
            })
                await HtmlIsInertAsync(browser, url, htmx: false);
            await HtmlIsInertAsync(browser, $"/search?q={q}", htmx: true);
        }

        var page = await app.CreateBrowser().GetStringAsync(new Uri($"/organizations/{orgId}", UriKind.Relative));
        // Shown as text, not dropped: the payload is on the page, encoded.
        Assert.Contains(WebUtility.HtmlEncode("<script>alert(2)</script>"), page, StringComparison.Ordinal);
        var json = JsonLd(page);
        Assert.Contains(organizationName, json, StringComparer.Ordinal);
        var opportunityPage = await app.CreateBrowser().GetStringAsync(new Uri($"/opportunities/{id}", UriKind.Relative));
        Assert.Contains(JsonLd(opportunityPage), s => s.Contains($"{Marker}の講座", StringComparison.Ordinal));

        foreach (var url in new[] { $"/api/v1/organizations/{orgId}", $"/api/v1/opportunities/{id}", $"/api/v1/opportunities?q={q}", $"/api/v1/organizations?q={q}", "/opendata/organizations.json" })
        {
            var strings = await JsonStringsAsync(app.CreateBrowser(), url);
            // JSON may carry the raw text: it is data, and served so that no browser renders it.
            Assert.Contains(strings, s => s.Contains(Marker, StringComparison.Ordinal));
        }

        foreach (var url in new[] { $"/opportunities/{id}.ics", $"/organizations/{orgId}/opportunities.ics", $"/regions/{OpportunityData.ChuoWard}/opportunities.ics", "/regions/121002/opportunities.ics", $"/search.ics?q={q}" })
            await CalendarIsEscapedAsync(url);

        await CsvHasNoFormulasAsync(title);
    }

    [Fact]
    public void The_scanner_finds_what_could_run()
    {
        const string page = """
            <html><head><script src="/lib/htmx/htmx.min.js" defer></script><script type="application/ld+json">{}</script></head>
            <body><p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p title="x onerror=alert(1)">ok</p>
            <script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)></svg><a href=" java&#09;script:alert(1)">x</a>
            <iframe srcdoc="x"></iframe><p style="color:red">y</p></body></html>
            """;
        var found = ActiveContent(new HtmlParser().ParseDocument(page)).ToList();
        Assert.Equal(7, found.Count);
        Assert.Contains(found, f => f.StartsWith("<script>alert", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("onerror", StringComparison.Ordinal) && f.StartsWith("<img", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("onload", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("<a ", StringComparison.Ordinal));
        Assert.Empty(ActiveContent(new HtmlParser().ParseDocument("<p>&lt;img src=x onerror=alert(1)&gt;</p><a href=\"https://example.jp/\">x</a>")));
    }

    [Fact]
    public async Task Hostile_text_in_hours_reports_and_pro_bono_challenges_is_inert_where_it_is_shown()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "報告の会");
        var (person, _) = await AttendanceData.PersonAsync(app, "報告する人");
        var text = $"{Marker} {Script} {Img} {Svg} {Breakout} {JavascriptLink} {RightToLeft}{Joined}{Emoji}";
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var reported = await person.PostFormAsync($"/me/hours?organizationId={organizationId}", new()
        {
            ["Input.OrganizationId"] = organizationId.ToString(),
            ["Input.Date"] = yesterday,
            ["Input.Hours"] = "2",
            ["Input.Description"] = text,
            ["Input.Fields"] = "7",
        });
        Assert.True(reported.StatusCode == HttpStatusCode.Redirect, await reported.HtmlAsync());
        await HtmlIsInertAsync(person, "/me/hours", htmx: false);
        await HtmlIsInertAsync(admin, $"/organizations/{organizationId}/hours", htmx: false);

        var form = ProBonoData.ChallengeForm($"{Marker}の課題 {Script}");
        form["Input.Situation"] = text;
        form["Input.Problem"] = text;
        form["Input.Goal"] = text;
        var submitted = await admin.PostFormAsync($"/organizations/{organizationId}/challenges/new", form);
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, await submitted.HtmlAsync());
        await HtmlIsInertAsync(admin, submitted.Headers.Location!.OriginalString, htmx: false);
        await HtmlIsInertAsync(admin, $"/organizations/{organizationId}/challenges", htmx: false);
        await HtmlIsInertAsync(await app.SignInAsync(Roles.Coordinator), "/probono/review", htmx: false);
    }

    [Fact]
    public async Task Hostile_text_in_a_persons_name_and_chosen_ways_is_inert_on_the_pages_that_show_the_profile()
    {
        // A profile's own fields are choices from lists; the text it shows is the person's name (saved on the account
        // page) and the names of the ways chosen (saved by a prefecture admin).
        var way = await HostileWayAsync(await app.SignInAsync(Roles.PrefectureAdmin));
        // Outside 千葉市, whose calendars the first test counts.
        var (organizationAdmin, organizationId) = await OpportunityData.OrgAdminAsync(app, "名前の会");
        var opportunityId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("名前の会の活動", DateTimeOffset.UtcNow.AddMinutes(-30), municipality: OpportunityData.Funabashi));
        var occasion = new AttendanceData.Occasion(organizationAdmin, organizationId, opportunityId);
        var (person, personId) = await AttendanceData.PersonAsync(app, "仮の名前");
        var name = $"{Marker}{Script}{Img}{Breakout}{RightToLeft}";
        var renamed = await person.PostFormAsync("/account", new() { ["Input.DisplayName"] = name, ["Input.Culture"] = "ja" });
        Assert.True(renamed.StatusCode == HttpStatusCode.Redirect, await renamed.HtmlAsync());
        await SaveProfileAsync(person, way.Id, "Organizations");
        await AttendanceData.SignUpAsync(app, occasion, personId);

        foreach (var url in new[] { $"/people/{personId}", "/me", "/account", "/me/profile" })
            await HtmlIsInertAsync(person, url, htmx: false, inFormFields: url == "/account");
        // The admins of an organization the person signed up with, and staff (audited), see a profile shared with organizations.
        foreach (var url in new[] { $"/people/{personId}", $"/opportunities/{occasion.OpportunityId}/signups", $"/opportunities/{occasion.OpportunityId}/roster" })
            await HtmlIsInertAsync(occasion.Admin, url, htmx: false);
        await HtmlIsInertAsync(await app.SignInAsync(Roles.Coordinator), $"/people/{personId}", htmx: false);
        var prefectureAdmin = await app.SignInAsync(Roles.PrefectureAdmin);
        var email = await AttendanceData.DbAsync(app, db => db.Users.Where(u => u.Id == personId).Select(u => u.Email!).SingleAsync());
        await HtmlIsInertAsync(prefectureAdmin, $"/admin/accounts?email={Uri.EscapeDataString(email)}", htmx: false);
        await HtmlIsInertAsync(prefectureAdmin, $"/admin/accounts/{personId}", htmx: false);
        Assert.Contains(await JsonStringsAsync(person, "/api/v1/me"), s => s == name);

        await SaveProfileAsync(person, way.Id, "Public");
        foreach (var culture in new[] { "ja", "en" })
            await HtmlIsInertAsync(app.CreateBrowser(culture), $"/people/{personId}", htmx: false);
    }

    [Fact]
    public async Task Hostile_text_in_a_local_challenge_is_inert_on_the_municipality_page()
    {
        const string municipality = OpportunityData.Funabashi;
        var page = $"/regions/{municipality}";
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var text = $"{Marker}の課題\r\n\r\n{Script}\n{JavascriptLink}\n{Img}\n{Svg}\n{Breakout}\n{RightToLeft} {Joined} {Emoji}";
        var added = await coordinator.PostFormAsync(page, new() { ["Input.Text"] = text, ["Input.Fields[0]"] = "2" }, handler: "Save");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.HtmlAsync());
        var id = await AttendanceData.DbAsync(app, db => db.LocalChallenges.Where(c => c.MunicipalityCode == municipality).Select(c => c.Id).SingleAsync());
        // Changed through the edit form, which shows the stored text in its textarea.
        await HtmlIsInertAsync(coordinator, $"{page}?edit={id}", htmx: false);
        var changed = await coordinator.PostFormAsync($"{page}?edit={id}", new() { ["Input.Id"] = id.ToString(), ["Input.Text"] = text + " " + Svg, ["Input.Fields[0]"] = "2" }, handler: "Save");
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, await changed.HtmlAsync());

        await HtmlIsInertAsync(coordinator, page, htmx: false);
        await HtmlIsInertAsync(coordinator, $"{page}?edit={id}", htmx: false);
        foreach (var culture in new[] { "ja", "en" })
            await HtmlIsInertAsync(app.CreateBrowser(culture), page, htmx: false);
        var shown = await app.CreateBrowser().GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains(WebUtility.HtmlEncode(Script), shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_in_a_regional_grouping_is_inert_where_the_grouping_is_named()
    {
        var admin = await app.SignInAsync(Roles.PrefectureAdmin);
        // The grouping Chiba City is in, renamed: it is named on that city's pages and its wards'.
        var groupings = await AttendanceData.DbAsync(app, db => db.RegionalGroupings.AsNoTracking().ToListAsync());
        var grouping = Assert.Single(groupings, g => g.MunicipalityCodes.Contains("121002"));
        var (chiba, codes) = (grouping.Id, grouping.MunicipalityCodes);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Name"] = $"{Marker}{Script}{Img}{Breakout}{RightToLeft}",
            ["Input.NameEn"] = $"{Marker}{Svg}{Breakout}{JavascriptLink}{Emoji}",
            ["Input.SortOrder"] = "10",
        };
        for (var i = 0; i < codes.Count; i++) fields[$"Input.Municipalities[{i}]"] = codes[i];
        var saved = await admin.PostFormAsync($"/regions/groupings/edit/{chiba}", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.HtmlAsync());

        // The list first: it also says, once, which grouping was saved.
        await HtmlIsInertAsync(admin, "/regions/groupings", htmx: false);
        await HtmlIsInertAsync(admin, "/regions/groupings", htmx: false);
        await HtmlIsInertAsync(admin, $"/regions/groupings/edit/{chiba}", htmx: false, inFormFields: true);
        await HtmlIsInertAsync(admin, "/regions/groupings/edit", htmx: false);
        // The organization form offers municipalities by grouping.
        await HtmlIsInertAsync(admin, "/organizations/new", htmx: false);

        // An opportunity in 市原市, of the same grouping (outside 千葉市, whose calendars the first test counts).
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "地域区分の会");
        await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("地域区分の講座", DateTimeOffset.UtcNow.AddDays(3), municipality: Ichihara));
        await app.Services.GetRequiredService<SearchIndex>().CatchUpAsync();
        foreach (var culture in new[] { "ja", "en" })
        {
            var browser = app.CreateBrowser(culture);
            foreach (var url in new[] { "/regions", "/regions/121002", $"/regions/{OpportunityData.ChuoWard}", $"/regions/{Ichihara}", $"/search?q={Uri.EscapeDataString("地域区分の講座")}", $"/search?grouping={chiba}" })
                await HtmlIsInertAsync(browser, url, htmx: false);
            await HtmlIsInertAsync(browser, $"/search?grouping={chiba}", htmx: true);
        }
        foreach (var url in new[] { "/api/v1/municipalities", "/api/v1/municipalities/121002", $"/api/v1/municipalities/{Ichihara}" })
            Assert.Contains(await JsonStringsAsync(app.CreateBrowser(), url), s => s == fields["Input.Name"]);
    }

    [Fact]
    public async Task Hostile_text_in_a_way_to_take_part_is_inert_on_the_ways_list_and_wherever_opportunities_are_shown()
    {
        var prefectureAdmin = await app.SignInAsync(Roles.PrefectureAdmin);
        var way = await HostileWayAsync(prefectureAdmin);
        await HtmlIsInertAsync(prefectureAdmin, "/opportunities/ways", htmx: false);
        await HtmlIsInertAsync(prefectureAdmin, $"/opportunities/ways/edit/{way.Id}", htmx: false, inFormFields: true);

        // An organization that offers the way, and an opportunity of that way, through the forms and the API.
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "関わり方の会");
        var edited = await admin.PostFormAsync($"/organizations/{organizationId}/edit", OrganizationForms.Fields("関わり方の会", f => f["Input.WaysToHelp[0]"] = way.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(edited.StatusCode == HttpStatusCode.Redirect, await edited.HtmlAsync());
        var start = DateTime.SpecifyKind(DateTime.Today.AddDays(3).AddHours(10), DateTimeKind.Unspecified);
        var id = await PublishAsync(admin, organizationId, new
        {
            title = "関わり方の講座",
            description = "説明",
            fields = OneField,
            ways = new[] { way.Id },
            // Outside 千葉市, whose calendars the first test counts.
            municipalityCode = OpportunityData.Funabashi,
            isOnline = false,
            venueName = "公民館",
            venueAddress = "船橋市本町1-1",
            start,
            end = start.AddHours(2),
            repeat = "none",
            feeYen = 0,
            languages = "ja",
        });

        foreach (var url in new[] { $"/opportunities/{id}/edit", $"/organizations/{organizationId}/edit", "/organizations/new" })
            await HtmlIsInertAsync(admin, url, htmx: false);
        await HtmlIsInertAsync(await app.SignInAsync(Roles.Resident), "/me/profile", htmx: false);
        foreach (var culture in new[] { "ja", "en" })
        {
            var browser = app.CreateBrowser(culture);
            foreach (var url in new[]
            {
                $"/opportunities/{id}", $"/organizations/{organizationId}", "/", $"/regions/{OpportunityData.Funabashi}",
                $"/search?way={way.Key}", $"/search?q={Uri.EscapeDataString("関わり方の講座")}",
            })
                await HtmlIsInertAsync(browser, url, htmx: false);
            await HtmlIsInertAsync(browser, $"/search?way={way.Key}", htmx: true);
        }
    }

    /// <summary>A way to take part with hostile names in both languages, added through the prefecture admin's form.</summary>
    private async Task<(int Id, string Key)> HostileWayAsync(HttpClient prefectureAdmin)
    {
        var key = $"way-{Guid.NewGuid():N}"[..20];
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Key"] = key,
            ["Input.Name"] = $"{Marker}{Script}{Img}{Breakout}{RightToLeft}",
            ["Input.NameEn"] = $"{Marker}{Svg}{Breakout}{JavascriptLink}{Emoji}",
            ["Input.Icon"] = "moon",
            ["Input.SortOrder"] = "200",
        };
        var added = await prefectureAdmin.PostFormAsync("/opportunities/ways/edit", fields);
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.HtmlAsync());
        var id = await AttendanceData.DbAsync(app, db => db.WaysToTakePart.Where(w => w.Key == key).Select(w => w.Id).SingleAsync());
        // Saved again through the edit form, which shows the names in its fields.
        fields.Remove("Input.Key");
        fields["Input.SortOrder"] = "210";
        var changed = await prefectureAdmin.PostFormAsync($"/opportunities/ways/edit/{id}", fields);
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, await changed.HtmlAsync());
        return (id, key);
    }

    private static async Task SaveProfileAsync(HttpClient person, int way, string visibility)
    {
        var saved = await person.PostFormAsync("/me/profile", new()
        {
            ["Input.MunicipalityCode"] = OpportunityData.ChuoWard,
            ["Input.PreferredWays"] = way.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Languages"] = "ja",
            ["Input.Visibility"] = visibility,
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.HtmlAsync());
    }

    /// <summary>
    /// The page at <paramref name="url"/> shows the stored text (in its text, or with <paramref name="inFormFields"/> in
    /// a form field's value as well) and nothing in it could run.
    /// </summary>
    private static async Task HtmlIsInertAsync(HttpClient browser, string url, bool htmx, bool inFormFields = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (htmx) request.Headers.Add("HX-Request", "true");
        var response = await browser.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));

        var html = await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var shown = document.Body?.TextContent.Contains(Marker, StringComparison.Ordinal) == true
            || (inFormFields && document.QuerySelectorAll("input").Any(i => i.GetAttribute("value")?.Contains(Marker, StringComparison.Ordinal) == true));
        Assert.True(shown, $"{url} does not show the stored text");
        var problems = ActiveContent(document).ToList();
        Assert.True(problems.Count == 0, $"{url}{(htmx ? " (htmx)" : "")}: {string.Join("; ", problems)}");
    }

    /// <summary>What in a parsed page could run: scripts other than the app's own, handlers, javascript: URLs, frames, styles.</summary>
    private static IEnumerable<string> ActiveContent(IDocument document)
    {
        string[] urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping", "cite"];
        foreach (var element in document.All)
        {
            var tag = element.LocalName;
            if (tag == "script")
            {
                var src = element.GetAttribute("src");
                var ownScript = src is not null && src.StartsWith("/lib/htmx/", StringComparison.Ordinal) && element.TextContent.Length == 0;
                var structuredData = element.GetAttribute("src") is null && string.Equals(element.GetAttribute("type"), "application/ld+json", StringComparison.Ordinal);
                if (!ownScript && !structuredData) yield return element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)];
            }
            if (tag is "iframe" or "frame" or "frameset" or "object" or "embed" or "base" or "style" or "applet")
                yield return $"<{tag}>";
            if (tag == "meta" && string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))
                yield return "<meta http-equiv=refresh>";
            foreach (var attribute in element.Attributes)
            {
                if (attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.LocalName is "style" or "srcdoc")
                    yield return $"<{tag} {attribute.Name}=\"{attribute.Value}\">";
                // Browsers ignore spaces and control characters in a scheme, and its case.
                var value = string.Concat(attribute.Value.Where(c => c > ' ')).ToLowerInvariant();
                if (urlAttributes.Contains(attribute.LocalName, StringComparer.OrdinalIgnoreCase)
                    && (value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal) || value.StartsWith("data:text/html", StringComparison.Ordinal)))
                    yield return $"<{tag} {attribute.Name}=\"{attribute.Value}\">";
            }
        }
    }

    /// <summary>Every string in the page's JSON-LD blocks, which must be valid JSON whose text cannot end its script element.</summary>
    private static List<string> JsonLd(string html)
    {
        var blocks = new HtmlParser().ParseDocument(html).QuerySelectorAll("script[type='application/ld+json']");
        Assert.NotEmpty(blocks);
        var strings = new List<string>();
        foreach (var block in blocks)
        {
            using var json = JsonDocument.Parse(block.TextContent);
            Strings(json.RootElement, strings);
            // The strings as written in the page: "<" is escaped (\u003C), so no "</script" can end the element early.
            Assert.DoesNotContain("</script", block.TextContent, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<", block.TextContent, StringComparison.Ordinal);
        }
        // Decoded, the strings are the stored text itself (data, never markup): it is there, and the block still ended where it should.
        Assert.Contains(strings, s => s.Contains("</script>", StringComparison.Ordinal));
        return strings;
    }

    private static async Task<List<string>> JsonStringsAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var strings = new List<string>();
        Strings(json.RootElement, strings);
        return strings;
    }

    private static void Strings(JsonElement element, List<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: into.Add(element.GetString()!); break;
            case JsonValueKind.Array: foreach (var item in element.EnumerateArray()) Strings(item, into); break;
            case JsonValueKind.Object: foreach (var property in element.EnumerateObject()) Strings(property.Value, into); break;
            default: break;
        }
    }

    /// <summary>RFC 5545: text values escape commas, semicolons and line breaks, so stored text cannot add lines or events.</summary>
    private async Task CalendarIsEscapedAsync(string url)
    {
        var response = await app.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(text.Replace("\r\n", "", StringComparison.Ordinal), c => c is '\r' or '\n');
        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches("^[A-Z][A-Z0-9-]*[;:]", line));
        Assert.Equal(1, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(1, lines.Count(l => l == "END:VEVENT"));
        Assert.DoesNotContain("SUMMARY:injected", lines);
        var summary = Assert.Single(lines, l => l.StartsWith("SUMMARY", StringComparison.Ordinal));
        Assert.Contains($"{Marker}の講座\\, 危険\\; {Script}", summary, StringComparison.Ordinal);
        var description = Assert.Single(lines, l => l.StartsWith("DESCRIPTION", StringComparison.Ordinal));
        Assert.Contains("\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:injected", description, StringComparison.Ordinal);
    }

    /// <summary>CSV injection (OWASP): no cell starts a formula when the file is opened in a spreadsheet.</summary>
    private async Task CsvHasNoFormulasAsync(string title)
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/opendata/events.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var csv = CsvHelper.CsvReader.FromText(Encoding.UTF8.GetString(bytes[3..]), new CsvHelper.CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        var row = Assert.Single(rows, r => r[EventListColumns.Title].Contains(Marker, StringComparison.Ordinal));
        Assert.Equal("'" + title, row[EventListColumns.Title]);
        Assert.StartsWith("'-2+3", row[EventListColumns.Description], StringComparison.Ordinal);
        Assert.StartsWith("'=1+1", row[EventListColumns.Organizer], StringComparison.Ordinal);
        Assert.StartsWith("'=1+1", row[EventListColumns.ContactName], StringComparison.Ordinal);
        Assert.StartsWith("'@SUM", row[EventListColumns.VenueName], StringComparison.Ordinal);
        Assert.StartsWith("'+81", row[EventListColumns.Address], StringComparison.Ordinal);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', cell));
    }

    /// <summary>An opportunity made through the API and published, and in the search index.</summary>
    private async Task<Guid> PublishAsync(HttpClient admin, Guid organizationId, object opportunity)
    {
        var created = await admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/opportunities", opportunity);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/opportunities/{id}/publish", UriKind.Relative), null)).StatusCode);
        await app.Services.GetRequiredService<SearchIndex>().CatchUpAsync();
        return id;
    }
}
