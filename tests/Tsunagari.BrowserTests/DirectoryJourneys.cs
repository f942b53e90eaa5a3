using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tsunagari.BrowserTests;

public sealed class DirectoryJourneys
{
    /// <summary>
    /// The directory's promise: an organization admin publishes a weekend activity with wheelchair access, and a resident
    /// finds it for this weekend in that town, filtered by the way to take part and by accessibility, and takes it to a calendar.
    /// </summary>
    [Fact]
    public async Task OrganizationAdminPublishesAndResidentFindsItForTheWeekend()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var title = "ビーチクリーン体験会（ブラウザテスト）";
        var day = ThisWeekendInJapan();

        await session.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス", new() { Exact = true }).FillAsync("orgadmin@example.jp");
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync("tsunagari-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByText("サインアウト", new() { Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync();

        await session.GotoAsync("/organizations/mine");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "活動の管理", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "活動を作成する", Exact = true }).ClickAsync();
        await session.CheckPageAsync();

        await page.Locator("#Input_Title").FillAsync(title);
        await page.Locator("#Input_Description").FillAsync("砂浜のごみを拾います。車いすで通れる遊歩道から参加できます。");
        await page.GetByRole(AriaRole.Group, new() { Name = "関わり方" }).GetByLabel("週末・休日のみ").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "活動分野" }).GetByLabel("環境の保全を図る活動").CheckAsync();
        await page.Locator("#Input_MunicipalityCode").SelectOptionAsync("122025");
        await page.Locator("#Input_VenueName").FillAsync("銚子マリーナ海水浴場");
        await page.Locator("#Input_Start").FillAsync(day.ToString("yyyy-MM-dd'T'23:00", CultureInfo.InvariantCulture));
        await page.Locator("#Input_End").FillAsync(day.ToString("yyyy-MM-dd'T'23:50", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Group, new() { Name = "アクセシビリティ" }).GetByLabel("車いすで参加できる").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "活動を保存する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "公開する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "公開する", Exact = true })).ToHaveCountAsync(0);
        await session.CheckPageAsync();

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "サインイン", Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync();
        var search = "/search?when=weekend&municipality=122025&way=weekend&access=Wheelchair";
        var found = page.GetByRole(AriaRole.Link, new() { Name = title });
        for (var attempt = 0; attempt < 20 && await found.CountAsync() == 0; attempt++)
        {
            // The index follows the outbox about once a second.
            await page.WaitForTimeoutAsync(500);
            await session.GotoAsync(search);
        }
        await Expect(found).ToBeVisibleAsync();
        await found.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await session.CheckPageAsync();

        var calendarLink = page.GetByRole(AriaRole.Link, new() { Name = "カレンダーに追加" });
        var calendar = await page.APIRequest.GetAsync(new Uri(session.Server.BaseAddress, await calendarLink.GetAttributeAsync("href")).ToString());
        Assert.StartsWith("text/calendar", calendar.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", await calendar.TextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add to calendar" })).ToBeVisibleAsync();
        await session.CheckPageAsync();

        await session.GotoAsync(search);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        session.Finish();
    }

    /// <summary>A day of the coming (or current) weekend in Japan; the activity is set late that evening so it is still ahead.</summary>
    private static DateTime ThisWeekendInJapan()
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).Date;
        return today.DayOfWeek switch
        {
            DayOfWeek.Saturday or DayOfWeek.Sunday => today,
            _ => today.AddDays(DayOfWeek.Saturday - today.DayOfWeek),
        };
    }
}
