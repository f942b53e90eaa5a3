using System.Net;
using System.Text.RegularExpressions;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Tests.Features.Organizations;

public sealed partial class MembersTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<HttpClient> SignInAsAsync(string email)
    {
        var browser = app.CreateBrowser();
        var login = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    [Fact]
    public async Task An_admin_invites_by_mail_and_only_the_invited_address_can_accept()
    {
        var (adminAccount, _) = await app.CreateAccountAsync($"admin-{Guid.NewGuid():N}@example.jp");
        var admin = await SignInAsAsync(adminAccount.Email!);
        var id = await OrganizationForms.RegisterAsync(admin, "招待の会");
        var invitee = $"invitee-{Guid.NewGuid():N}@example.jp";

        var sent = await admin.PostFormAsync($"/organizations/{id}/members", new() { ["Input.Email"] = invitee, ["Input.Role"] = "Member" }, handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var list = await (await admin.GetAsync(new Uri($"/organizations/{id}/members", UriKind.Relative))).HtmlAsync();
        Assert.Contains($"{invitee}に招待のメールを送りました。", list, StringComparison.Ordinal);
        Assert.Contains(invitee, list, StringComparison.Ordinal);

        var mail = app.Mail().Last(m => m.To.ToString().Contains(invitee, StringComparison.Ordinal));
        Assert.Contains("招待の会", mail.Subject, StringComparison.Ordinal);
        var link = new Uri(InvitationLink().Match(mail.TextBody!).Value);

        var stranger = await app.SignInAsync(Roles.Resident);
        Assert.Contains("宛てです", await (await stranger.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        await stranger.PostFormAsync(link.PathAndQuery, []);
        Assert.Single((await OrganizationForms.LoadAsync(app, id)).Memberships);

        var anonymous = await app.CreateBrowser().GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal("/account/login", anonymous.Headers.Location!.AbsolutePath);

        var (inviteeAccount, _) = await app.CreateAccountAsync(invitee);
        var browser = await SignInAsAsync(invitee);
        Assert.Contains("団体「招待の会」にメンバーとして参加しますか。", await (await browser.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        var accepted = await browser.PostFormAsync(link.PathAndQuery, []);
        Assert.Equal($"/organizations/{id}", accepted.Headers.Location!.OriginalString);
        var organization = await OrganizationForms.LoadAsync(app, id);
        Assert.Contains(organization.Memberships, m => m.AccountId == inviteeAccount.Id && m.Role == MembershipRole.Member);

        // Used once only; the member sees the list but cannot manage it.
        Assert.Contains("無効か、期限が切れています", await (await browser.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        var members = await browser.GetAsync(new Uri($"/organizations/{id}/members", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.DoesNotContain("メンバーを招待する", await members.HtmlAsync(), StringComparison.Ordinal);
        var denied = await browser.PostFormAsync($"/organizations/{id}/members", new() { ["accountId"] = adminAccount.Id.ToString() }, handler: "Remove");
        Assert.Equal("/account/access-denied", denied.Headers.Location!.AbsolutePath);
        Assert.Equal(2, (await OrganizationForms.LoadAsync(app, id)).Memberships.Count);
        var edit = await browser.GetAsync(new Uri($"/organizations/{id}/edit", UriKind.Relative));
        Assert.Equal("/account/access-denied", edit.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_invitation_mail_is_in_the_inviters_language()
    {
        var admin = await app.SignInAsync(Roles.Resident);
        var id = await OrganizationForms.RegisterAsync(admin, "English Club");
        var invitee = $"en-{Guid.NewGuid():N}@example.jp";
        await admin.GetAsync(new Uri("/?culture=en", UriKind.Relative));
        await admin.PostFormAsync($"/organizations/{id}/members", new() { ["Input.Email"] = invitee, ["Input.Role"] = "Admin" }, handler: "Invite");
        var mail = app.Mail().Last(m => m.To.ToString().Contains(invitee, StringComparison.Ordinal));
        Assert.Contains("Invitation", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("as Admin", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_keeps_at_least_one_admin()
    {
        var (adminAccount, _) = await app.CreateAccountAsync($"only-admin-{Guid.NewGuid():N}@example.jp");
        var admin = await SignInAsAsync(adminAccount.Email!);
        var id = await OrganizationForms.RegisterAsync(admin, "管理者の会");
        var url = $"/organizations/{id}/members";

        var demoted = await admin.PostFormAsync(url, new() { ["accountId"] = adminAccount.Id.ToString(), ["role"] = "Member" }, handler: "ChangeRole");
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Contains("団体には管理者が少なくとも1人必要です。", await demoted.HtmlAsync(), StringComparison.Ordinal);
        var removed = await admin.PostFormAsync(url, new() { ["accountId"] = adminAccount.Id.ToString() }, handler: "Remove");
        Assert.Contains("団体には管理者が少なくとも1人必要です。", await removed.HtmlAsync(), StringComparison.Ordinal);
        Assert.True((await OrganizationForms.LoadAsync(app, id)).IsAdmin(adminAccount.Id));

        // With a second admin, the first may step down and then be removed.
        var (second, _) = await app.CreateAccountAsync($"second-{Guid.NewGuid():N}@example.jp");
        await using (var scope = app.Scope())
        {
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Tsunagari.Data.AppDbContext>(scope.ServiceProvider);
            db.Memberships.Add(new Membership(id, second.Id, MembershipRole.Member, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var promoted = await admin.PostFormAsync(url, new() { ["accountId"] = second.Id.ToString(), ["role"] = "Admin" }, handler: "ChangeRole");
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        var left = await admin.PostFormAsync(url, new() { ["accountId"] = adminAccount.Id.ToString() }, handler: "Remove");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        var organization = await OrganizationForms.LoadAsync(app, id);
        Assert.Equal([second.Id], organization.Memberships.Select(m => m.AccountId));
        Assert.True(organization.IsAdmin(second.Id));
    }

    [Fact]
    public async Task Outsiders_cannot_see_the_members()
    {
        var id = await OrganizationForms.RegisterAsync(await app.SignInAsync(Roles.Resident), "内輪の会");
        var outsider = await app.SignInAsync(Roles.Resident);
        var response = await outsider.GetAsync(new Uri($"/organizations/{id}/members", UriKind.Relative));
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [GeneratedRegex(@"https?://\S+/organizations/invitations/[0-9A-F]+")]
    private static partial Regex InvitationLink();
}
