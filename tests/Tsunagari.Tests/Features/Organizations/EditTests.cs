using System.Net;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Tests.Features.Organizations;

public sealed class EditTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    [Fact]
    public async Task An_admin_edits_the_profile()
    {
        var admin = await app.SignInAsync(Roles.Resident);
        var id = await OrganizationForms.RegisterAsync(admin, "編集前の会");
        var form = await (await admin.GetAsync(new Uri($"/organizations/{id}/edit", UriKind.Relative))).HtmlAsync();
        Assert.Contains("value=\"編集前の会\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"121002\" checked=\"checked\"", form, StringComparison.Ordinal);

        var saved = await admin.PostFormAsync($"/organizations/{id}/edit", OrganizationForms.Fields("編集後の会", f =>
        {
            f["Input.Kind"] = "SocialBusiness";
            f["Input.LegalForm"] = "StockCompany";
            f["Input.CorporateNumber"] = "";
            f["Input.IntermediateSupport"] = "false";
            f.Remove("Input.Municipalities[1]");
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var organization = await OrganizationForms.LoadAsync(app, id);
        Assert.Equal(("編集後の会", OrganizationKind.SocialBusiness, LegalForm.StockCompany), (organization.Name, organization.Kind, organization.LegalForm));
        Assert.Null(organization.CorporateNumber);
        Assert.False(organization.IsIntermediateSupport);
        Assert.Equal(["121002"], organization.MunicipalityCodes);
        Assert.Contains("変更を保存しました。", await (await admin.GetAsync(new Uri($"/organizations/{id}", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Others_may_not_edit()
    {
        var id = await OrganizationForms.RegisterAsync(await app.SignInAsync(Roles.Resident), "守られた会");
        foreach (var role in new[] { Roles.Resident, Roles.Coordinator })
        {
            var other = await app.SignInAsync(role);
            var page = await other.GetAsync(new Uri($"/organizations/{id}/edit", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/access-denied", page.Headers.Location!.AbsolutePath);
            Assert.DoesNotContain($"/organizations/{id}/edit", await (await other.GetAsync(new Uri($"/organizations/{id}", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        }
        var anonymous = await app.CreateBrowser().GetAsync(new Uri($"/organizations/{id}/edit", UriKind.Relative));
        Assert.Equal("/account/login", anonymous.Headers.Location!.AbsolutePath);
        Assert.Equal("守られた会", (await OrganizationForms.LoadAsync(app, id)).Name);
        var signedIn = await app.SignInAsync(Roles.Resident);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync(new Uri($"/organizations/{Guid.NewGuid()}/edit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync(new Uri($"/organizations/{Guid.NewGuid()}/members", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_logo_is_uploaded_served_with_its_type_and_cache_headers_and_removed()
    {
        var admin = await app.SignInAsync(Roles.Resident);
        var id = await OrganizationForms.RegisterAsync(admin, "ロゴの会");
        var url = $"/organizations/{id}/edit";
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowser().GetAsync(new Uri($"/organizations/{id}/logo", UriKind.Relative))).StatusCode);

        var uploaded = await admin.PostFileAsync(url, "Logo", "logo", Png, "logo.png", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var logo = await app.CreateBrowser().GetAsync(new Uri($"/organizations/{id}/logo", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());
        Assert.True(logo.Headers.CacheControl!.Public);
        Assert.NotNull(logo.Headers.ETag);
        Assert.Contains($"src=\"/organizations/{id}/logo?v=", await (await app.CreateBrowser().GetAsync(new Uri($"/organizations/{id}", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        var removed = await admin.PostFormAsync(url, [], handler: "RemoveLogo");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null((await OrganizationForms.LoadAsync(app, id)).Logo);
    }

    [Fact]
    public async Task A_non_image_or_oversized_logo_is_refused_and_nothing_is_lost()
    {
        var admin = await app.SignInAsync(Roles.Resident);
        var id = await OrganizationForms.RegisterAsync(admin, "画像の会");
        var url = $"/organizations/{id}/edit";

        var svg = await admin.PostFileAsync(url, "Logo", "logo", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "logo.png", "image/png");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        var html = await svg.HtmlAsync();
        Assert.Contains("ロゴにはPNG、JPEG、WebPのいずれかの画像を選んでください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"画像の会\"", html, StringComparison.Ordinal);

        var big = new byte[Organization.MaxLogoBytes + 1];
        Png.CopyTo(big, 0);
        var oversized = await admin.PostFileAsync(url, "Logo", "logo", big, "big.png", "image/png");
        Assert.Contains("ロゴの画像は512KB以内にしてください。", await oversized.HtmlAsync(), StringComparison.Ordinal);

        var organization = await OrganizationForms.LoadAsync(app, id);
        Assert.Null(organization.Logo);
        Assert.Equal("画像の会", organization.Name);
    }
}
