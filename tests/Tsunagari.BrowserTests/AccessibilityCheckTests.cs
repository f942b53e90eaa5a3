using Microsoft.Playwright;

namespace Tsunagari.BrowserTests;

/// <summary>The accessibility check every journey relies on must itself find what it is there to find.</summary>
public sealed class AccessibilityCheckTests
{
    [Fact]
    public async Task Finds_serious_and_critical_violations_and_passes_a_clean_page()
    {
        BrowserPrerequisites.RequireChromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserPrerequisites.ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();

        await page.SetContentAsync("""<html lang="ja"><head><title>悪い例</title></head><body><main><h1>悪い例</h1><button></button><p style="color:#bbb;background:#fff">薄い文字</p></main></body></html>""");
        var report = await Accessibility.FindBlockingViolationsAsync(page);
        Assert.NotNull(report);
        Assert.Contains("button-name (critical)", report, StringComparison.Ordinal);
        Assert.Contains("color-contrast (serious)", report, StringComparison.Ordinal);

        await page.SetContentAsync("""<html lang="ja"><head><title>良い例</title></head><body><main><h1>良い例</h1><button>送る</button><p>読みやすい文字</p></main></body></html>""");
        Assert.Null(await Accessibility.FindBlockingViolationsAsync(page));
    }
}
