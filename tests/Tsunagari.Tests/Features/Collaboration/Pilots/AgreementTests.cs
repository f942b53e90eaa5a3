using System.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Collaboration.Pilots;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Collaboration.Pilots;

/// <summary>The agreement of an adopted proposal: both parties' roles, each side's signature, and the pilot it starts.</summary>
public sealed class AgreementTests(TestApp app) : IClassFixture<TestApp>
{
    private static string Url(Guid proposalId) => PilotLinks.Agreement(proposalId);

    private static Dictionary<string, string> Form(params (string Party, string Responsibility)[] roles)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.GovernmentCost"] = "300000",
            ["Input.PartnerCost"] = "50000",
            ["Input.StartsOn"] = "2027-05-01",
            ["Input.EndsOn"] = "2027-10-31",
            ["Input.PlaceBoundaries"] = "中央公民館の1階と中庭",
            ["Input.ReportingDuties"] = "提案者が毎月進捗を報告し、9月に中間ふりかえりを行う",
        };
        for (var i = 0; i < roles.Length; i++)
        {
            form[$"Input.Roles[{i}].Party"] = roles[i].Party;
            form[$"Input.Roles[{i}].Responsibility"] = roles[i].Responsibility;
        }
        return form;
    }

    private static Dictionary<string, string> Signature(string party, string name, string title = "") =>
        new() { ["Signature.Party"] = party, ["Signature.Name"] = name, ["Signature.Title"] = title };

    private Task<CollaborationAgreement?> AgreementAsync(Guid proposalId) =>
        PilotData.QueryAsync(app, db => db.CollaborationAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.ProposalId == proposalId));

    [Fact]
    public async Task Both_sides_write_and_sign_the_agreement_and_the_second_signature_starts_the_pilot_on_a_new_initiative()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "協定の会");
        var proposalId = await PilotData.ProposalAsync(app, organizationId, "子ども食堂の拡充");
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var url = Url(proposalId);

        // A draft from the proposal: its period and place.
        var first = await (await coordinator.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();
        Assert.Contains("2027-05-01", first, StringComparison.Ordinal);
        Assert.Contains("中央公民館", first, StringComparison.Ordinal);

        // Roles for one party only: refused with the message, nothing saved.
        var oneSided = await admin.PostFormAsync(url, Form(("Government", "会場の確保"), ("Government", "広報")), "Save");
        Assert.Equal(HttpStatusCode.OK, oneSided.StatusCode);
        Assert.Contains("協定には行政と提案者の両方が必要です。", await oneSided.HtmlAsync(), StringComparison.Ordinal);
        var noParty = await admin.PostFormAsync(url, Form(("Government", "会場の確保"), ("", "運営")), "Save");
        Assert.Contains("役割「運営」を担う側（行政または提案者）を選んでください。", await noParty.HtmlAsync(), StringComparison.Ordinal);
        var badCost = Form(("Government", "会場の確保"), ("Partner", "運営"));
        badCost["Input.PartnerCost"] = "-1";
        badCost["Input.EndsOn"] = "2027-04-01";
        var badHtml = await (await admin.PostFormAsync(url, badCost, "Save")).HtmlAsync();
        Assert.Contains("提案者の負担額を0以上10,000,000,000以下の円で入力してください。", badHtml, StringComparison.Ordinal);
        Assert.Contains("終了日は開始日以降にしてください。", badHtml, StringComparison.Ordinal);
        Assert.Null(await AgreementAsync(proposalId));

        // Both parties, with blank rows (the form's spare rows) ignored.
        var form = Form(("Government", "会場の確保"), ("", ""), ("Partner", "運営と記録"), ("Partner", "  "));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, form, "Save")).StatusCode);
        var saved = (await AgreementAsync(proposalId))!;
        Assert.Equal([(AgreementParty.Government, "会場の確保"), (AgreementParty.Partner, "運営と記録")],
            saved.Roles.Select(r => (r.Party, r.Responsibility)));
        Assert.Equal((300_000L, 50_000L), (saved.GovernmentCost, saved.PartnerCost));

        // Nobody signs for the other side.
        var forGovernment = await admin.PostFormAsync(url, Signature("Government", "提案花子"), "Sign");
        Assert.Contains("行政側の署名は、行政の職員だけが記録できます。", await forGovernment.HtmlAsync(), StringComparison.Ordinal);
        var forPartner = await coordinator.PostFormAsync(url, Signature("Partner", "行政太郎"), "Sign");
        Assert.Contains("提案者側の署名は、提案者と提案団体の管理者だけが記録できます。", await forPartner.HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("署名者の氏名を入力してください。", await (await coordinator.PostFormAsync(url, Signature("Government", " "), "Sign")).HtmlAsync(), StringComparison.Ordinal);
        saved = (await AgreementAsync(proposalId))!;
        Assert.Null(saved.GovernmentSignedAt);
        Assert.Null(saved.PartnerSignedAt);

        // One signature is not enough; a change clears it, and the page says so.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, Signature("Government", "行政太郎", "県民生活課長"), "Sign")).StatusCode);
        Assert.Equal("県民生活課長 行政太郎", (await AgreementAsync(proposalId))!.GovernmentSignatory);
        Assert.False(await PilotData.QueryAsync(app, db => db.CollaborationPilots.AnyAsync(p => p.ProposalId == proposalId)));
        Assert.Contains("協定を変更すると、それまでの署名はすべて取り消され", await (await admin.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        form["Input.PartnerCost"] = "80000";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, form, "Save")).StatusCode);
        saved = (await AgreementAsync(proposalId))!;
        Assert.Equal((80_000L, null, ""), (saved.PartnerCost, saved.GovernmentSignedAt, saved.GovernmentSignatory));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Signature("Partner", "提案花子", "代表"), "Sign")).StatusCode);
        Assert.False(await PilotData.QueryAsync(app, db => db.CollaborationPilots.AnyAsync(p => p.ProposalId == proposalId)));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, Signature("Government", "行政太郎", "県民生活課長"), "Sign")).StatusCode);
        Assert.True((await AgreementAsync(proposalId))!.InForce);

        // The pilot, on a new ㉙ initiative made from the proposal and owned by the call's department.
        var pilot = await PilotData.QueryAsync(app, db => db.CollaborationPilots.AsNoTracking().SingleAsync(p => p.ProposalId == proposalId));
        Assert.Null(pilot.Decision);
        var initiative = await PilotData.QueryAsync(app, db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == pilot.InitiativeId));
        Assert.Equal(("子ども食堂の拡充", PilotData.Goal, InitiativeOwnerKind.Department, PilotData.Department), (initiative.Title, initiative.Summary, initiative.OwnerKind, initiative.OwnerName));
        Assert.Equal((InitiativeType.Together, (CollaborationStage?)CollaborationStage.Pilot), (initiative.Type, initiative.Stage));
        Assert.Equal(["121011"], initiative.Municipalities);
        var history = await PilotData.QueryAsync(app, db => db.InitiativeChanges.AsNoTracking().Where(c => c.InitiativeId == initiative.Id).ToListAsync());
        Assert.Null(Assert.Single(history).FromType);
        Assert.Equal(0, await PilotData.QueryAsync(app, db => db.PilotMilestones.CountAsync(m => m.PilotId == pilot.Id)));

        // In force: the page links to the pilot and the agreement no longer changes.
        var inForce = await (await admin.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();
        Assert.Contains("この協定は双方の署名により締結されています。", inForce, StringComparison.Ordinal);
        Assert.Contains(PilotLinks.Pilot(pilot.Id), inForce, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Save", inForce, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostFormAsync(url, form, "Save")).StatusCode);
        Assert.Equal(80_000L, (await AgreementAsync(proposalId))!.PartnerCost);
    }

    [Fact]
    public async Task The_pilot_moves_the_calls_initiative_to_the_pilot_stage_with_the_reason()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "取組の会");
        var initiativeId = await PilotData.InitiativeAsync(app, InitiativeType.ByGovernment);
        var proposalId = await PilotData.ProposalAsync(app, organizationId, "見守りの試行", initiativeId);
        var coordinator = await app.SignInAsync(Roles.PrefectureAdmin);
        var url = Url(proposalId);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, Form(("Government", "名簿の提供"), ("Partner", "訪問")), "Save")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Signature("Partner", "提案花子"), "Sign")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, Signature("Government", "行政太郎"), "Sign")).StatusCode);

        var pilot = await PilotData.QueryAsync(app, db => db.CollaborationPilots.AsNoTracking().SingleAsync(p => p.ProposalId == proposalId));
        Assert.Equal(initiativeId, pilot.InitiativeId);
        var initiative = await PilotData.QueryAsync(app, db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == initiativeId));
        Assert.Equal((InitiativeType.Together, (CollaborationStage?)CollaborationStage.Pilot), (initiative.Type, initiative.Stage));
        var move = await PilotData.QueryAsync(app, db => db.InitiativeChanges.AsNoTracking().SingleAsync(c => c.InitiativeId == initiativeId && c.FromType != null));
        Assert.Equal((InitiativeType.ByGovernment, "協定の締結により協働の試行を開始"), (move.FromType!.Value, move.Reason));

        // The reason the platform wrote is shown in the reader's language.
        var english = await (await app.CreateBrowser("en").GetAsync(new Uri($"/collaboration/initiatives/{initiativeId}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("The pilot started as the agreement came into force", english, StringComparison.Ordinal);
        Assert.DoesNotContain("協定の締結により協働の試行を開始", english, StringComparison.Ordinal);
        var japanese = await (await app.CreateBrowser().GetAsync(new Uri($"/collaboration/initiatives/{initiativeId}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("協定の締結により協働の試行を開始", japanese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_initiative_already_in_the_pilot_stage_stays_without_a_new_history_entry()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "段階の会");
        var initiativeId = await PilotData.InitiativeAsync(app, InitiativeType.Together, CollaborationStage.Pilot);
        var (_, pilotId) = await PilotData.PilotAsync(app, organizationId, "二つ目の試行", initiativeId);
        Assert.Equal(initiativeId, await PilotData.QueryAsync(app, db => db.CollaborationPilots.Where(p => p.Id == pilotId).Select(p => p.InitiativeId).SingleAsync()));
        Assert.Equal(1, await PilotData.QueryAsync(app, db => db.InitiativeChanges.CountAsync(c => c.InitiativeId == initiativeId)));
    }

    [Fact]
    public async Task Only_the_two_sides_see_an_adopted_proposals_agreement()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "境界の会");
        var proposalId = await PilotData.ProposalAsync(app, organizationId, "境界の提案");
        var notAdopted = await PilotData.ProposalAsync(app, organizationId, "不採択の提案", decision: ProposalStatus.NotAdopted);
        var submitted = await PilotData.ProposalAsync(app, organizationId, "審査中の提案", decision: ProposalStatus.Submitted);
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri(Url(proposalId), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(new Uri(Url(proposalId), UriKind.Relative))).StatusCode);
        foreach (var other in new[] { notAdopted, submitted, Guid.NewGuid() })
            Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(new Uri(Url(other), UriKind.Relative))).StatusCode);

        var stranger = await app.SignInAsync(Roles.Resident);
        var (otherAdmin, _) = await OpportunityData.OrgAdminAsync(app, "よその会");
        foreach (var browser in new[] { stranger, otherAdmin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri(Url(proposalId), UriKind.Relative))).StatusCode);
            var token = await TokenAsync(browser);
            var post = await browser.PostAsync(new Uri($"{Url(proposalId)}?handler=Save", UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string>(Form(("Government", "a"), ("Partner", "b"))) { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        Assert.Null(await AgreementAsync(proposalId));
        var anonymous = await app.CreateBrowser().GetAsync(new Uri(Url(proposalId), UriKind.Relative));
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adopted_proposal_links_to_its_agreement_for_its_two_sides_only()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "案内の会");
        var adopted = await PilotData.ProposalAsync(app, organizationId, "案内される提案");
        var notAdopted = await PilotData.ProposalAsync(app, organizationId, "案内されない提案", decision: ProposalStatus.NotAdopted);
        var (_, pilotId) = await PilotData.PilotAsync(app, organizationId, "試行中の提案");
        var running = await PilotData.QueryAsync(app, db => db.CollaborationPilots.Where(p => p.Id == pilotId).Select(p => p.ProposalId).SingleAsync());
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        // A reviewer of the call who is not staff reads the proposal, but is on neither side of the agreement.
        var reviewerEmail = $"reviewer-{Guid.NewGuid():N}@example.jp";
        var reviewer = await app.SignInAsync(Roles.Resident, reviewerEmail);
        await PilotData.QueryAsync(app, async db =>
        {
            var callId = await db.CollaborationProposals.Where(p => p.Id == adopted).Select(p => p.CallId).SingleAsync();
            var id = await db.Users.Where(u => u.Email == reviewerEmail).Select(u => u.Id).SingleAsync();
            db.CallReviewers.Add(new CallReviewer(callId, id, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        async Task<string> PageAsync(HttpClient browser, string url)
        {
            var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        static string Link(string url) => $"href=\"{url}\"";

        foreach (var side in new[] { admin, coordinator })
        {
            Assert.Contains(Link(Url(adopted)), await PageAsync(side, PilotLinks.Proposal(adopted)), StringComparison.Ordinal);
            Assert.DoesNotContain(Link(Url(notAdopted)), await PageAsync(side, PilotLinks.Proposal(notAdopted)), StringComparison.Ordinal);
            // Once the pilot runs, the proposal also leads to it.
            var withPilot = await PageAsync(side, PilotLinks.Proposal(running));
            Assert.Contains(Link(Url(running)), withPilot, StringComparison.Ordinal);
            Assert.Contains(Link(PilotLinks.Pilot(pilotId)), withPilot, StringComparison.Ordinal);
        }
        var asReviewer = await PageAsync(reviewer, PilotLinks.Proposal(adopted));
        Assert.Contains("案内される提案", asReviewer, StringComparison.Ordinal);
        Assert.DoesNotContain(Url(adopted), asReviewer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(new Uri(Url(adopted), UriKind.Relative))).StatusCode);

        // The staff's review page links the adopted proposal's agreement, not the other one's.
        var calls = await PilotData.QueryAsync(app, db => db.CollaborationProposals.Where(p => p.Id == adopted || p.Id == notAdopted)
            .ToDictionaryAsync(p => p.Id, p => p.CallId));
        Assert.Contains(Link(Url(adopted)), await PageAsync(coordinator, $"/collaboration/calls/{calls[adopted]}/review"), StringComparison.Ordinal);
        var notAdoptedReview = await PageAsync(coordinator, $"/collaboration/calls/{calls[notAdopted]}/review");
        Assert.Contains("案内されない提案", notAdoptedReview, StringComparison.Ordinal);
        Assert.DoesNotContain(Url(notAdopted), notAdoptedReview, StringComparison.Ordinal);
    }

    /// <summary>An antiforgery token for the browser's user, from a page it may open.</summary>
    internal static async Task<string> TokenAsync(HttpClient browser)
    {
        var html = await (await browser.GetAsync(new Uri("/account", UriKind.Relative))).Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
