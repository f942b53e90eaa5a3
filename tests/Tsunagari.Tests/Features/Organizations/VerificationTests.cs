using System.Net;
using System.Text.RegularExpressions;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Tests.Features.Organizations;

public sealed partial class VerificationTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task A_coordinator_asks_for_changes_then_verifies_and_the_badge_says_who_and_when()
    {
        var admin = await app.SignInAsync(Roles.Resident);
        var id = await OrganizationForms.RegisterAsync(admin, "審査の会");
        var coordinatorEmail = $"coord-{Guid.NewGuid():N}@example.jp";
        var coordinator = await app.SignInAsync(Roles.Coordinator, coordinatorEmail);

        var queue = await coordinator.GetAsync(new Uri("/organizations/verification", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("審査の会", await queue.HtmlAsync(), StringComparison.Ordinal);
        var page = await (await coordinator.GetAsync(new Uri($"/organizations/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("確認済みにする", page, StringComparison.Ordinal);
        Assert.Contains("修正を依頼", page, StringComparison.Ordinal);

        var empty = await coordinator.PostFormAsync($"/organizations/verification?id={id}", new() { ["note"] = " " }, handler: "RequestChanges");
        Assert.Contains("修正してほしい内容を2000文字以内で入力してください。", await empty.HtmlAsync(), StringComparison.Ordinal);

        var requested = await coordinator.PostFormAsync($"/organizations/verification?id={id}", new() { ["note"] = "法人番号の記載をお願いします。" }, handler: "RequestChanges");
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Equal(VerificationStatus.ChangesRequested, (await OrganizationForms.LoadAsync(app, id)).Verification);
        Assert.Contains("法人番号の記載をお願いします。", await (await admin.GetAsync(new Uri($"/organizations/{id}", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("法人番号の記載をお願いします。", await (await app.CreateBrowser().GetAsync(new Uri($"/organizations/{id}", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        // The organization's change does not verify it by itself.
        await admin.PostFormAsync($"/organizations/{id}/edit", OrganizationForms.Fields("審査の会"));
        Assert.Equal(VerificationStatus.ChangesRequested, (await OrganizationForms.LoadAsync(app, id)).Verification);
        Assert.Contains("審査の会", await (await coordinator.GetAsync(new Uri("/organizations/verification", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        var verified = await coordinator.PostFormAsync($"/organizations/verification?id={id}", [], handler: "Verify");
        Assert.Equal($"/organizations/{id}", verified.Headers.Location!.OriginalString);
        var organization = await OrganizationForms.LoadAsync(app, id);
        Assert.Equal(VerificationStatus.Verified, organization.Verification);
        Assert.NotNull(organization.VerifiedAt);

        var html = await (await app.CreateBrowser().GetAsync(new Uri($"/organizations/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("確認済み", html, StringComparison.Ordinal);
        Assert.Contains($"{coordinatorEmail.Split('@')[0]}が確認しました", html, StringComparison.Ordinal);
        Assert.DoesNotContain("未確認", html, StringComparison.Ordinal);
        Assert.DoesNotContain("審査の会", await (await coordinator.GetAsync(new Uri("/organizations/verification", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_staff_verify()
    {
        var admin = await app.SignInAsync(Roles.Resident);
        var id = await OrganizationForms.RegisterAsync(admin, "自分で点検する団体");
        var queue = await admin.GetAsync(new Uri("/organizations/verification", UriKind.Relative));
        Assert.Equal("/account/access-denied", queue.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("確認済みにする", await (await admin.GetAsync(new Uri($"/organizations/{id}", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        var page = await (await admin.GetAsync(new Uri($"/organizations/{id}", UriKind.Relative))).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var tried = await admin.PostAsync(new Uri($"/organizations/verification?id={id}&handler=Verify", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/account/access-denied", tried.Headers.Location!.AbsolutePath);
        Assert.Equal(VerificationStatus.Pending, (await OrganizationForms.LoadAsync(app, id)).Verification);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
