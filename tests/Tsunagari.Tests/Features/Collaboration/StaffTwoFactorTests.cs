using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Collaboration.Pilots;
using Tsunagari.Tests.Features.Collaboration.Calls;
using Tsunagari.Tests.Features.Collaboration.Pilots;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Collaboration;

/// <summary>
/// Staff act for the government only under the Staff policy, as on its pages: a coordinator who signed in without a second
/// factor still reads what staff read, but each staff action sends them to set one up and changes nothing.
/// </summary>
public sealed class StaffTwoFactorTests(TestApp app) : IClassFixture<TestApp>
{
    private const string SetUp = "/account/two-factor?required=true";

    /// <summary>A coordinator signed in with the password alone (no authenticator set up), as a newly appointed one would be.</summary>
    private async Task<HttpClient> CoordinatorWithoutSecondFactorAsync()
    {
        var email = $"new-coordinator-{Guid.NewGuid():N}@example.jp";
        var (account, _) = await app.CreateAccountAsync(email);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var added = await users.AddToRoleAsync((await users.FindByIdAsync(account.Id.ToString()))!, Roles.Coordinator);
            Assert.True(added.Succeeded);
        }
        var browser = app.CreateBrowser();
        var login = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.DoesNotContain("login-2fa", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return browser;
    }

    private static void AssertSentToSetUp(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SetUp, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_coordinator_without_a_second_factor_is_refused_the_staff_actions_of_collaboration()
    {
        var staff = await CoordinatorWithoutSecondFactorAsync();
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "二要素の会");

        // The call: its page is read (a draft, as staff), but it is not opened.
        var callId = await CallData.CallAsync(app, CallStatus.Draft);
        AssertSentToSetUp(await staff.PostFormAsync($"/collaboration/calls/{callId}", [], "Open"));
        Assert.Equal(CallStatus.Draft, await PilotData.QueryAsync(app, db => db.CollaborationCalls.Where(c => c.Id == callId).Select(c => c.Status).SingleAsync()));

        // The agreement: read, but not signed for the government.
        var proposalId = await PilotData.ProposalAsync(app, organizationId, "二要素の提案");
        await PilotData.QueryAsync(app, db =>
        {
            db.CollaborationAgreements.Add(new CollaborationAgreement(proposalId, PilotData.Agreement(), DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });
        var sign = new Dictionary<string, string> { ["Signature.Party"] = "Government", ["Signature.Name"] = "行政太郎" };
        AssertSentToSetUp(await staff.PostFormAsync(PilotLinks.Agreement(proposalId), sign, "Sign"));
        Assert.Null(await PilotData.QueryAsync(app, db => db.CollaborationAgreements.Where(a => a.ProposalId == proposalId).Select(a => a.GovernmentSignedAt).SingleAsync()));

        // The pilot: read, but not decided.
        var (_, pilotId) = await PilotData.PilotAsync(app, organizationId, "二要素の試行");
        var report = new Dictionary<string, string> { ["NewReport.Kind"] = "Final", ["NewReport.Text"] = "報告", ["NewReport.ResultsAgainstGoals"] = "目標どおり" };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(PilotLinks.Pilot(pilotId), report, "Report")).StatusCode);
        var decide = new Dictionary<string, string> { ["Decision.Decision"] = "Stop", ["Decision.Reason"] = "やめる" };
        AssertSentToSetUp(await staff.PostFormAsync(PilotLinks.Pilot(pilotId), decide, "Decide"));
        var pilot = await PilotData.QueryAsync(app, db => db.CollaborationPilots.AsNoTracking().SingleAsync(p => p.Id == pilotId));
        Assert.Null(pilot.Decision);

        // The initiative: read, but neither moved, edited nor registered for a department.
        var initiativeId = pilot.InitiativeId;
        var move = new Dictionary<string, string> { ["Move.Type"] = "29", ["Move.Stage"] = "System", ["Move.Reason"] = "制度にする" };
        AssertSentToSetUp(await staff.PostFormAsync($"/collaboration/initiatives/{initiativeId}", move, "Move"));
        Assert.Equal(CollaborationStage.Pilot, await PilotData.QueryAsync(app, db => db.Initiatives.Where(i => i.Id == initiativeId).Select(i => i.Stage).SingleAsync()));
        AssertSentToSetUp(await staff.GetAsync(new Uri($"/collaboration/initiatives/{initiativeId}/edit", UriKind.Relative)));
        AssertSentToSetUp(await staff.GetAsync(new Uri("/collaboration/initiatives/new", UriKind.Relative)));

        // With the second factor, the same actions go through.
        var verified = await app.SignInAsync(Roles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await verified.PostFormAsync($"/collaboration/calls/{callId}", [], "Open")).StatusCode);
        Assert.Equal(CallStatus.Open, await PilotData.QueryAsync(app, db => db.CollaborationCalls.Where(c => c.Id == callId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await verified.PostFormAsync(PilotLinks.Pilot(pilotId), decide, "Decide")).StatusCode);
        Assert.Equal(PilotDecision.Stop, await PilotData.QueryAsync(app, db => db.CollaborationPilots.Where(p => p.Id == pilotId).Select(p => p.Decision).SingleAsync()));
    }
}
