using System.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.ProBono;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ProBono;

/// <summary>The public case library: nothing without the organization's consent, gone when it is withdrawn, no professional named.</summary>
public sealed class CasesTests(TestApp app) : IClassFixture<TestApp>
{
    private static Dictionary<string, string> Summary(bool showLinks = false, bool consent = true)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Problem"] = "子ども食堂が地域に知られていなかった。",
            ["Input.Made"] = "ウェブサイトとチラシをつくった。",
            ["Input.Result"] = "利用者が倍になった。",
        };
        if (showLinks) form["Input.ShowLinks"] = "true";
        if (consent) form["Input.Consent"] = "true";
        return form;
    }

    private static async Task CompleteAsync(ProBonoData.Staffed s)
    {
        foreach (var kind in Enum.GetValues<ProjectPhaseKind>())
            Assert.Equal(HttpStatusCode.Redirect, (await s.Pros["design"].Browser.PostFormAsync($"{s.Url}?kind={kind}&done=true", [], "Phase")).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient browser, string url) => await browser.GetAsync(new Uri(url, UriKind.Relative));

    [Fact]
    public async Task A_case_is_public_only_with_the_organizations_consent_and_gone_when_it_is_withdrawn()
    {
        var s = await ProBonoData.StaffedAsync(app, "事例の会");
        var consent = $"{s.Url}/case";
        var caseUrl = $"/probono/cases/{s.ProjectId}";
        var anonymous = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await s.Pros["marketing"].Browser.PostFormAsync($"{s.Url}/deliverables",
            new() { ["Input.Title"] = "公開サイト", ["Input.Kind"] = "Website", ["Input.Url"] = "https://example.jp/kodomo-shokudo" }, "Link")).StatusCode);

        // An active project cannot be published.
        var early = await s.Admin.PostFormAsync(consent, Summary());
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("事例集には、完了したプロジェクトだけを掲載できます。", await early.HtmlAsync(), StringComparison.Ordinal);
        await CompleteAsync(s);

        // Completed, but no consent yet: nothing public.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, caseUrl)).StatusCode);
        Assert.DoesNotContain("事例の会の課題", await (await GetAsync(anonymous, "/probono/cases")).HtmlAsync(), StringComparison.Ordinal);
        var unticked = await s.Admin.PostFormAsync(consent, Summary(consent: false));
        Assert.Contains("事例集への掲載に同意する場合は、チェックを入れてください。", await unticked.HtmlAsync(), StringComparison.Ordinal);
        var empty = await s.Admin.PostFormAsync(consent, new() { ["Input.Consent"] = "true", ["Input.Made"] = new string('あ', ProBonoCase.MaxTextLength + 1) });
        var emptyPage = await empty.HtmlAsync();
        Assert.Contains("どんな課題があったかを入力してください。", emptyPage, StringComparison.Ordinal);
        Assert.Contains("各項目は800文字以内で入力してください。", emptyPage, StringComparison.Ordinal);
        Assert.False(await ProBonoData.QueryAsync(app, db => db.ProBonoCases.AnyAsync(c => c.ProjectId == s.ProjectId)));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, caseUrl)).StatusCode);

        // With consent: listed and readable by anyone, the links only when chosen.
        Assert.Equal(HttpStatusCode.Redirect, (await s.Admin.PostFormAsync(consent, Summary())).StatusCode);
        var list = await GetAsync(anonymous, "/probono/cases");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(caseUrl, await list.HtmlAsync(), StringComparison.Ordinal);
        var page = await (await GetAsync(anonymous, caseUrl)).HtmlAsync();
        foreach (var text in new[] { "事例の会", "事例の会の課題", "会計・経理の仕組みづくり", "2027-01-10", "2027-02-10", "3人", "利用者が倍になった。", "ウェブサイトとチラシをつくった。" })
            Assert.Contains(text, page, StringComparison.Ordinal);
        Assert.DoesNotContain("kodomo-shokudo", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Admin.PostFormAsync(consent, Summary(showLinks: true))).StatusCode);
        Assert.Contains("https://example.jp/kodomo-shokudo", await (await GetAsync(anonymous, caseUrl)).HtmlAsync(), StringComparison.Ordinal);

        // Reopening the project takes it out of the library until it is completed again.
        Assert.Equal(HttpStatusCode.Redirect, (await s.Pros["design"].Browser.PostFormAsync($"{s.Url}?kind=Review&done=false", [], "Phase")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, caseUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Pros["design"].Browser.PostFormAsync($"{s.Url}?kind=Review&done=true", [], "Phase")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(anonymous, caseUrl)).StatusCode);

        // Withdrawn: gone at once, from the page and the list.
        Assert.Equal(HttpStatusCode.Redirect, (await s.Admin.PostFormAsync(consent, [], "Withdraw")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, caseUrl)).StatusCode);
        Assert.DoesNotContain(caseUrl, await (await GetAsync(anonymous, "/probono/cases")).HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await ProBonoData.QueryAsync(app, db => db.ProBonoCases.AnyAsync(c => c.ProjectId == s.ProjectId)));
    }

    [Fact]
    public async Task Case_pages_never_name_the_professionals()
    {
        var s = await ProBonoData.StaffedAsync(app, "匿名の会");
        await CompleteAsync(s);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Admin.PostFormAsync($"{s.Url}/case", Summary(showLinks: true))).StatusCode);
        var ids = s.Pros.Values.Select(p => p.Id).ToList();
        var people = await ProBonoData.QueryAsync(app, db => db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.DisplayName, u.Email }).ToListAsync());
        Assert.Equal(3, people.Count);
        foreach (var url in new[] { "/probono/cases", $"/probono/cases/{s.ProjectId}" })
        {
            foreach (var culture in new[] { "ja", "en" })
            {
                var page = await (await GetAsync(app.CreateBrowser(culture), url)).HtmlAsync();
                Assert.Contains("匿名の会", page, StringComparison.Ordinal);
                foreach (var person in people)
                {
                    Assert.DoesNotContain(person.DisplayName, page, StringComparison.Ordinal);
                    Assert.DoesNotContain(person.Email!, page, StringComparison.Ordinal);
                }
                Assert.DoesNotContain("pro-", page, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Only_the_organizations_admins_decide_on_publishing()
    {
        var s = await ProBonoData.StaffedAsync(app, "同意の会");
        await CompleteAsync(s);
        var consent = $"{s.Url}/case";
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(s.Admin, consent)).StatusCode);
        Assert.Contains(consent, await (await GetAsync(s.Admin, s.Url)).HtmlAsync(), StringComparison.Ordinal);
        ProBonoData.AssertRefused(await GetAsync(s.Pros["design"].Browser, consent));
        ProBonoData.AssertRefused(await GetAsync(await app.SignInAsync(Roles.Coordinator), consent));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(await app.SignInAsync(Roles.Resident), consent)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync((await OpportunityData.OrgAdminAsync(app, "隣の同意の会")).Browser, consent)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await GetAsync(app.CreateBrowser(), consent)).StatusCode);
        Assert.False(await ProBonoData.QueryAsync(app, db => db.ProBonoCases.AnyAsync(c => c.ProjectId == s.ProjectId)));
        // Withdrawing what was never given is a message, not an error.
        Assert.Equal(HttpStatusCode.Redirect, (await s.Admin.PostFormAsync(consent, [], "Withdraw")).StatusCode);
    }

    [Fact]
    public async Task The_library_answers_any_page_number_and_the_residents_pages_lead_to_it()
    {
        var anonymous = app.CreateBrowser();
        foreach (var page in new[] { "0", "-5", "2", "99999999999", "abc" })
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(anonymous, $"/probono/cases?page={page}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, $"/probono/cases/{Guid.NewGuid()}")).StatusCode);
        var resident = await app.SignInAsync(Roles.Resident);
        Assert.Contains("href=\"/probono/cases\"", await (await GetAsync(resident, "/me/probono")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("href=\"/probono/cases\"", await (await GetAsync(anonymous, "/")).HtmlAsync(), StringComparison.Ordinal);
    }
}
