using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tsunagari.BrowserTests;

public sealed class VisitorJourneys
{
    private static readonly string[] PublicPages = ["/", "/regions", "/regions/121002"];

    [Fact]
    public async Task VisitorBrowsesHomeAndRegionsInBothLanguages()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;

        await session.GotoAsync("/");
        // The README's picture of the home page, only on request so that ordinary runs leave the work tree clean.
        if (string.Equals(Environment.GetEnvironmentVariable("TSUNAGARI_SCREENSHOT"), "1", StringComparison.Ordinal))
            await session.SaveFullPageScreenshotAsync(Path.Combine(RepositoryRoot.Find(), "docs", "images", "home.png"));

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "本文へスキップ", Exact = true })).ToBeFocusedAsync();

        foreach (var path in PublicPages)
        {
            await session.GotoAsync(path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("千葉市");

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await session.CheckPageAsync();

        foreach (var path in PublicPages)
        {
            await session.GotoAsync(path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        }

        session.Finish();
    }
}
