using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Tests.Features.Organizations;

public sealed class PersonalDataTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Memberships_and_invitations_are_exported_and_erased_while_organizations_stay()
    {
        var email = $"member-{Guid.NewGuid():N}@example.jp";
        var (account, _) = await app.CreateAccountAsync(email);
        var browser = app.CreateBrowser();
        await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        var id = await OrganizationForms.RegisterAsync(browser, "個人情報の会");
        await browser.PostFormAsync($"/organizations/{id}/members", new() { ["Input.Email"] = "friend@example.jp", ["Input.Role"] = "Member" }, handler: "Invite");

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var other = (await app.CreateAccountAsync($"other-{Guid.NewGuid():N}@example.jp")).Account;
            var (invitation, _) = Invitation.Create(id, email.ToUpperInvariant(), MembershipRole.Member, other.Id, DateTimeOffset.UtcNow);
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Scope())
        {
            var part = scope.ServiceProvider.GetServices<IPersonalData>().OfType<OrganizationsPersonalData>().Single();
            var exported = JsonSerializer.Serialize(await part.ExportAsync(account.Id, CancellationToken.None), Readable);
            Assert.Contains("個人情報の会", exported, StringComparison.Ordinal);
            Assert.Contains("friend@example.jp", exported, StringComparison.Ordinal);
            Assert.Contains("Admin", exported, StringComparison.Ordinal);

            await part.EraseAsync(account.Id, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.Memberships.AnyAsync(m => m.AccountId == account.Id));
            Assert.True(await db.Organizations.AnyAsync(o => o.Id == id));
            Assert.Equal(["friend@example.jp"], await db.Invitations.Where(i => i.OrganizationId == id).Select(i => i.Email).ToListAsync());
        }
    }
}
