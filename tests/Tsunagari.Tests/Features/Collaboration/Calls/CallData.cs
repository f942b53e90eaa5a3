using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Collaboration;
using Tsunagari.Platform;

namespace Tsunagari.Tests.Features.Collaboration.Calls;

/// <summary>Calls, proposals and reviewers made straight in the database, and form posts for pages that may have no form left.</summary>
public static partial class CallData
{
    public static DateOnly Today => JapanTime.Date(DateTimeOffset.UtcNow);

    /// <summary>A call: 1,000,000 yen at most, a pilot in the coming year, two criteria (20 and 10 points).</summary>
    public static CallDetails Details(string title = "海岸清掃の協働", DateOnly? deadline = null, long ceiling = 1_000_000) =>
        new(CallKind.CitizenProposed, title, "海岸の環境を守る", "海岸の清掃と啓発を一緒に進めます。", "環境政策課", ceiling,
            Today.AddDays(60), Today.AddDays(240), deadline ?? Today.AddDays(30),
            [new(1, "地域への効果", "地域の課題にどれだけ効くか", 20), new(2, "実現性", "計画と体制", 10)], null);

    public static async Task<Guid> CallAsync(TestApp app, CallStatus status = CallStatus.Open, CallDetails? details = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var creator = (await app.CreateAccountAsync($"call-{Guid.NewGuid():N}@example.jp")).Account.Id;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var call = new CollaborationCall(details ?? Details(), creator, now);
        if (status >= CallStatus.Open) call.Open(now);
        if (status >= CallStatus.Reviewing) call.StartReview(now);
        if (status >= CallStatus.Closed) call.Close(now);
        db.CollaborationCalls.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }

    public static ProposalDetails Proposal(string title = "砂浜を守る会の清掃", Guid? organizationId = null, params Guid[] coProposers) =>
        new(organizationId, coProposers, title, "砂浜のごみを半分にする", "月2回の清掃と学校での授業", "会が清掃、市が回収", 500_000,
            Today.AddDays(70), Today.AddDays(200), "九十九里浜", null);

    public static async Task<Guid> ProposalAsync(TestApp app, Guid callId, Guid proposerId, ProposalDetails? details = null, bool submitted = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var proposal = new CollaborationProposal(callId, proposerId, details ?? Proposal(), DateTimeOffset.UtcNow);
        if (submitted) proposal.Submit(DateTimeOffset.UtcNow);
        db.CollaborationProposals.Add(proposal);
        await db.SaveChangesAsync();
        return proposal.Id;
    }

    public static async Task ReviewerAsync(TestApp app, Guid callId, Guid accountId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.CallReviewers.Add(new CallReviewer(callId, accountId, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public static async Task SetStatusAsync(TestApp app, Guid callId, CallStatus status)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var call = await db.CollaborationCalls.SingleAsync(c => c.Id == callId);
        var now = DateTimeOffset.UtcNow;
        if (call.Status == CallStatus.Draft && status >= CallStatus.Open) call.Open(now);
        if (call.Status == CallStatus.Open && status >= CallStatus.Reviewing) call.StartReview(now);
        if (call.Status == CallStatus.Reviewing && status >= CallStatus.Closed) call.Close(now);
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> AccountIdAsync(TestApp app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A signed-in resident and their account id.</summary>
    public static async Task<(HttpClient Browser, Guid Id)> ResidentAsync(TestApp app, string role = Tsunagari.Features.Accounts.Roles.Resident)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"person-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(role, email);
        return (browser, await AccountIdAsync(app, email));
    }

    public static async Task<T> QueryAsync<T>(TestApp app, Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A form post with the person's antiforgery token taken from their account page, for pages that show no form.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient browser, string url, string handler, Dictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        fields ??= [];
        fields["__RequestVerificationToken"] = await TokenAsync(browser);
        var target = handler.Length == 0 ? url : $"{url}?handler={handler}";
        return await browser.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public static async Task<string> TokenAsync(HttpClient browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var html = await (await browser.GetAsync(new Uri("/account", UriKind.Relative))).Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, "No antiforgery token on /account");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public static async Task<string> PageAsync(this HttpClient browser, string url)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return await response.HtmlAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
