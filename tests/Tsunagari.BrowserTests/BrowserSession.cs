using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Tsunagari.BrowserTests;

/// <summary>
/// One test's app server and Chromium. Every page the test lands on must pass <see cref="CheckPageAsync"/> (axe, no
/// server error logs, no browser console errors, no page errors, no 5xx); <see cref="FinishAsync"/> also fails a test
/// that landed on a page it never checked.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>
    /// This machine has no network beyond package registries: background networking, component updates and sync would
    /// only produce refused connections and noise.
    /// </summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly ConcurrentQueue<string> browserProblems = new();
    private readonly ConcurrentDictionary<string, bool> landedPages = new(StringComparer.Ordinal);
    private readonly IPlaywright playwright;
    private readonly IBrowserContext context;
    private readonly string userDataDirectory;

    private BrowserSession(TsunagariServer server, IPlaywright playwright, IBrowserContext context, IPage page, string userDataDirectory)
    {
        Server = server;
        this.playwright = playwright;
        this.context = context;
        Page = page;
        this.userDataDirectory = userDataDirectory;

        page.Console += (_, message) =>
        {
            if (string.Equals(message.Type, "error", StringComparison.Ordinal))
                browserProblems.Enqueue($"console error on {page.Url}: {message.Text} (at {message.Location})");
        };
        page.PageError += (_, error) => browserProblems.Enqueue($"page error on {page.Url}: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
                browserProblems.Enqueue($"HTTP {response.Status} for {response.Request.Method} {response.Url}");
        };
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame && frame.Url.StartsWith("http", StringComparison.Ordinal))
                landedPages.TryAdd(WithoutFragment(frame.Url), false);
        };
    }

    public TsunagariServer Server { get; }

    public IPage Page { get; }

    public static async Task<BrowserSession> StartAsync(int viewportWidth = 1280, int viewportHeight = 800)
    {
        BrowserPrerequisites.RequireChromium();
        var server = TsunagariServer.Start();
        var userDataDirectory = Directory.CreateTempSubdirectory("tsunagari-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(userDataDirectory, new()
        {
            ExecutablePath = BrowserPrerequisites.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            BaseURL = server.BaseAddress.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new() { Width = viewportWidth, Height = viewportHeight },
        });
        await context.AddInitScriptAsync(Accessibility.Script);
        context.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(10_000);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        return new BrowserSession(server, playwright, context, page, userDataDirectory);
    }

    /// <summary>Opens a path of the app and checks the page it lands on.</summary>
    public async Task GotoAsync(string pathAndQuery)
    {
        Log($"GET {pathAndQuery}");
        var response = await Page.GotoAsync(pathAndQuery);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET {pathAndQuery} answered {response.Status} {response.StatusText}");
        await CheckPageAsync();
    }

    /// <summary>Scans the current page with axe and fails on anything that went wrong so far.</summary>
    public async Task CheckPageAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var started = Stopwatch.GetTimestamp();
        var violations = await Accessibility.FindBlockingViolationsAsync(Page);
        Log($"checked {Page.Url} ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms)");
        landedPages[WithoutFragment(Page.Url)] = true;
        AssertNoProblems(violations);
    }

    /// <summary>Ends the test: every page landed on must have been checked, and nothing may have gone wrong since.</summary>
    public void Finish()
    {
        var unscanned = landedPages.Where(p => !p.Value).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        AssertNoProblems(unscanned.Count == 0 ? null : "pages landed on but never checked with axe: " + string.Join(", ", unscanned));
    }

    public async Task SaveFullPageScreenshotAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Log($"screenshot saved to {path}");
    }

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
        await context.DisposeAsync();
        playwright.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(userDataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helper processes can outlive the context for a moment; a leftover temp folder is harmless.
        }
    }

    private void AssertNoProblems(string? extra)
    {
        var report = new StringBuilder();
        foreach (var entry in Server.Logs.Errors) report.AppendLine(CultureInfo.InvariantCulture, $"server logged: {entry}");
        foreach (var problem in browserProblems) report.AppendLine(problem);
        if (extra is not null) report.AppendLine(extra);
        if (report.Length > 0) Assert.Fail(report.ToString());
    }

    private static string WithoutFragment(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? url : url[..hash];
    }

    private static void Log(string message) => TestContext.Current.TestOutputHelper?.WriteLine(message);
}
