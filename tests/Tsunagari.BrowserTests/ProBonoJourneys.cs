using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.ProBono;
using static Microsoft.Playwright.Assertions;

namespace Tsunagari.BrowserTests;

public sealed class ProBonoJourneys
{
    private const string Password = "tsunagari-demo";

    /// <summary>
    /// A round end to end: an organization's admin submits a challenge; a coordinator accepts it, opens a round, adds it,
    /// runs the solver and sends the proposals; the three professionals accept; the challenge shows as staffed.
    /// </summary>
    [Fact]
    public async Task CoordinatorRunsARoundAndTheTeamIsStaffed()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var title = "子ども食堂の広報（ブラウザテスト）";
        var professionals = new[] { ("pm@example.jp", "project-management"), ("marketer@example.jp", "marketing"), ("designer@example.jp", "design") };
        foreach (var (email, skill) in professionals) await ProfessionalAsync(session, email, skill);

        await SignInAsync(session, "orgadmin@example.jp");
        await session.GotoAsync("/organizations/mine");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "プロボノの課題", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "プロボノの課題を応募する", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.Locator("#Input_Title").FillAsync(title);
        await page.Locator("#Input_Situation").FillAsync("毎週土曜に子ども食堂を開いています。");
        await page.Locator("#Input_Problem").FillAsync("地域の家庭に知られていません。");
        await page.Locator("#Input_Goal").FillAsync("チラシとウェブサイトで利用者を倍にしたい。");
        await page.Locator("#Input_Deliverable").SelectOptionAsync("Website");
        foreach (var (_, skill) in professionals) await page.Locator($"#role-{skill}").SelectOptionAsync("1");
        await page.Locator("#Input_HoursPerWeek").FillAsync("4");
        await page.Locator("#Input_StartsOn").FillAsync("2027-01-10");
        await page.Locator("#Input_EndsOn").FillAsync("2027-02-10");
        await page.GetByRole(AriaRole.Group, new() { Name = "活動の形" }).GetByLabel("どちらでもよい").CheckAsync();
        await page.Locator("#Input_MunicipalityCode").SelectOptionAsync("121011");
        await page.GetByRole(AriaRole.Button, new() { Name = "応募する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("審査待ち");
        var challengeUrl = new Uri(page.Url).AbsolutePath;
        await session.CheckPageAsync();
        await SignOutAsync(session);

        await SignInAsync(session, "coordinator@example.jp");
        await session.GotoAsync("/probono/review");
        var card = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
        await card.GetByRole(AriaRole.Button, new() { Name = "受理する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("課題を受理しました。");
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "マッチングの回", Exact = true }).First.ClickAsync();
        await session.CheckPageAsync();
        await page.GetByLabel("回の名前").FillAsync("2027年1月の回");
        await page.GetByRole(AriaRole.Button, new() { Name = "回をつくる", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("2027年1月の回");
        await session.CheckPageAsync();
        await page.GetByLabel("加える課題").SelectOptionAsync(challengeUrl["/probono/challenges/".Length..]);
        await page.GetByRole(AriaRole.Button, new() { Name = "この回に加える", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(title);
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "チーム編成を実行する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("チーム編成を実行しました。");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("1件／1件");
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提案を送る", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("提案を送りました。");
        await session.CheckPageAsync();
        await SignOutAsync(session);

        foreach (var (email, _) in professionals)
        {
            await SignInAsync(session, email);
            await session.GotoAsync("/me");
            await page.GetByRole(AriaRole.Link, new() { Name = "プロボノ", Exact = true }).ClickAsync();
            await session.CheckPageAsync();
            var proposal = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
            await proposal.GetByRole(AriaRole.Button, new() { Name = "承諾する" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("提案を承諾しました。");
            await session.CheckPageAsync();
            await SignOutAsync(session);
        }

        await SignInAsync(session, "orgadmin@example.jp");
        await session.GotoAsync(challengeUrl);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("チーム決定");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "チーム" })).ToContainTextAsync("承諾");

        // The team's acceptance started the project: its workspace, with a decision recorded, and its other pages.
        await page.GetByRole(AriaRole.Link, new() { Name = "プロジェクトを開く", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "記録の種類" }).GetByLabel("決定事項").CheckAsync();
        await page.Locator("#NewEntry_Text").FillAsync("チラシはA4両面にする");
        await page.GetByRole(AriaRole.Button, new() { Name = "記録する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("決定事項を記録しました。");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "メモと決定事項" })).ToContainTextAsync("チラシはA4両面にする");
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "成果物（ファイル・リンク）", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "評価とふりかえり（完了後のアンケートを含む）", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        session.Finish();
    }

    /// <summary>
    /// A short expert session: an organization's admin requests one from the organization's pro bono page; a coordinator
    /// finds it in the queue and assigns the suggested professional with the preferred slot.
    /// </summary>
    [Fact]
    public async Task OrganizationRequestsAnExpertSessionAndACoordinatorAssignsIt()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var topic = "寄付の会計処理について（ブラウザテスト）";
        await ProfessionalAsync(session, "session-accountant@example.jp", "accounting");
        var slot = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).Date.AddDays(10).AddHours(14)
            .ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        await SignInAsync(session, "orgadmin@example.jp");
        await session.GotoAsync("/organizations/mine");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "プロボノの課題", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "短時間の専門相談", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "短時間の専門相談を依頼する", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.Locator("#Input_Topic").FillAsync(topic);
        await page.Locator("#Input_Skill").SelectOptionAsync("accounting");
        await page.GetByRole(AriaRole.Group, new() { Name = "相談の形" }).GetByLabel("オンライン").CheckAsync();
        await page.Locator("#Input_Slots_0").FillAsync(slot);
        await page.GetByRole(AriaRole.Button, new() { Name = "依頼する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(topic);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("専門家を調整中");
        await session.CheckPageAsync();
        await SignOutAsync(session);

        await SignInAsync(session, "coordinator@example.jp");
        await session.GotoAsync("/probono/review");
        await page.GetByRole(AriaRole.Link, new() { Name = "短時間の専門相談の調整", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = topic, Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByLabel("accounting さん").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "この専門家に依頼する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("専門家に依頼しました。");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("専門家の回答待ち");
        await session.CheckPageAsync();
        session.Finish();
    }

    /// <summary>A confirmed account with an active pro bono profile, straight in the database (the opt-in form has its own tests).</summary>
    private static async Task ProfessionalAsync(BrowserSession session, string email, string skill)
    {
        await using var scope = session.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = email, Email = email, EmailConfirmed = true, DisplayName = skill + " さん", CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(account, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(account, Roles.Resident);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ProBonoProfiles.Add(new ProBonoProfile(account.Id, DateTimeOffset.UtcNow)
        {
            Skills = [new ProBonoSkill(skill, 3)],
            HoursPerWeek = 5,
            YearsOfExperience = 10,
            AcceptsOnline = true,
            AcceptsInPerson = true,
        });
        await db.SaveChangesAsync();
    }

    private static async Task SignInAsync(BrowserSession session, string email)
    {
        var page = session.Page;
        await session.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByText("サインアウト", new() { Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync(); // the page sign-in lands on
    }

    private static async Task SignOutAsync(BrowserSession session)
    {
        var page = session.Page;
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "サインイン", Exact = true })).ToBeVisibleAsync();
    }
}
