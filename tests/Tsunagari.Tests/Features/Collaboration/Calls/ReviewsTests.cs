using System.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Collaboration.Calls;

public sealed class ReviewsTests(TestApp app) : IClassFixture<TestApp>
{
    private static string ReviewUrl(Guid proposalId) => $"/collaboration/proposals/{proposalId}/review";

    private Task<ProposalReview?> ReviewAsync(Guid proposalId, Guid reviewerId) =>
        CallData.QueryAsync(app, db => db.ProposalReviews.AsNoTracking().SingleOrDefaultAsync(r => r.ProposalId == proposalId && r.ReviewerId == reviewerId));

    private Task<CollaborationProposal> ProposalAsync(Guid id) =>
        CallData.QueryAsync(app, db => db.CollaborationProposals.AsNoTracking().SingleAsync(p => p.Id == id));

    private async Task<(HttpClient Browser, Guid Id)> ReviewerAsync(Guid callId)
    {
        var reviewer = await CallData.ResidentAsync(app);
        await CallData.ReviewerAsync(app, callId, reviewer.Id);
        return reviewer;
    }

    private Task<int> MemberAsync(Guid organizationId, Guid accountId, MembershipRole role) => CallData.QueryAsync(app, async db =>
    {
        db.Memberships.Add(new Membership(organizationId, accountId, role, DateTimeOffset.UtcNow));
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_call_page_leads_a_proposer_back_to_their_proposals_and_a_reviewer_to_the_proposals_to_score()
    {
        var (proposer, proposerId) = await CallData.ResidentAsync(app);
        var (stranger, _) = await CallData.ResidentAsync(app);
        var callId = await CallData.CallAsync(app, CallStatus.Open);
        var draft = await CallData.ProposalAsync(app, callId, proposerId, CallData.Proposal("下書きの提案"), submitted: false);
        var submitted = await CallData.ProposalAsync(app, callId, proposerId, CallData.Proposal("提出した提案"));
        var (reviewer, _) = await ReviewerAsync(callId);
        var url = $"/collaboration/calls/{callId}";

        var mine = await proposer.PageAsync(url);
        Assert.Contains($"href=\"/collaboration/proposals/{draft}\"", mine, StringComparison.Ordinal);
        Assert.Contains($"href=\"/collaboration/proposals/{submitted}\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("あなたの提案", await stranger.PageAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain("審査する提案", await reviewer.PageAsync(url), StringComparison.Ordinal); // not before the review starts

        await CallData.SetStatusAsync(app, callId, CallStatus.Reviewing);
        var toReview = await reviewer.PageAsync(url);
        Assert.Contains($"href=\"/collaboration/proposals/{submitted}/review\"", toReview, StringComparison.Ordinal);
        Assert.DoesNotContain($"/collaboration/proposals/{draft}/review", toReview, StringComparison.Ordinal);
        Assert.DoesNotContain("審査する提案", await stranger.PageAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_declares_no_conflict_scores_each_criterion_and_may_change_it_until_the_decision()
    {
        var (_, proposerId) = await CallData.ResidentAsync(app);
        var callId = await CallData.CallAsync(app, CallStatus.Reviewing);
        var id = await CallData.ProposalAsync(app, callId, proposerId);
        var (reviewer, reviewerId) = await ReviewerAsync(callId);

        var page = await reviewer.PageAsync(ReviewUrl(id));
        Assert.Contains("利益相反の申告", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Scoring.Scores[0]\"", page, StringComparison.Ordinal);
        Assert.Contains("先に利益相反の有無を申告してください。",
            await (await reviewer.PostAsync(ReviewUrl(id), "Score", new() { ["Scoring.Scores[0]"] = "10", ["Scoring.Scores[1]"] = "5" })).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync(ReviewUrl(id), "Declare", new() { ["Declaration.Conflict"] = "none" })).StatusCode);
        Assert.Contains("利益相反の申告はすでに済んでいます。",
            await (await reviewer.PostAsync(ReviewUrl(id), "Declare", new() { ["Declaration.Conflict"] = "conflict", ["Declaration.Note"] = "後から" })).HtmlAsync(), StringComparison.Ordinal);

        var outside = await reviewer.PostAsync(ReviewUrl(id), "Score", new() { ["Scoring.Scores[0]"] = "21", ["Scoring.Scores[1]"] = "-1", ["Scoring.Comment"] = "丁寧な計画" });
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        var html = await outside.HtmlAsync();
        Assert.Contains("「地域への効果」の点数は0から20までの整数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("「実現性」の点数は0から10までの整数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("評価基準にない点数が送られました。",
            await (await reviewer.PostAsync(ReviewUrl(id), "Score", new() { ["Scoring.Scores[0]"] = "1", ["Scoring.Scores[1]"] = "1", ["Scoring.Scores[2]"] = "1" })).HtmlAsync(), StringComparison.Ordinal);
        Assert.False((await ReviewAsync(id, reviewerId))!.IsScored);

        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync(ReviewUrl(id), "Score", new() { ["Scoring.Scores[0]"] = "15", ["Scoring.Scores[1]"] = "8", ["Scoring.Comment"] = "丁寧な計画" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync(ReviewUrl(id), "Score", new() { ["Scoring.Scores[0]"] = "18", ["Scoring.Scores[1]"] = "8", ["Scoring.Comment"] = "見直しました" })).StatusCode);
        var review = await ReviewAsync(id, reviewerId);
        Assert.Equal([18, 8], review!.Scores);
        Assert.Equal("見直しました", review.Comment);

        var staff = await app.SignInAsync(Roles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"/collaboration/calls/{callId}/review", "Decide", new()
        {
            ["Decision.ProposalId"] = id.ToString(),
            ["Decision.Outcome"] = "Adopted",
            ["Decision.Reason"] = "地域への効果が大きい。",
        })).StatusCode);
        var late = await reviewer.PostAsync(ReviewUrl(id), "Score", new() { ["Scoring.Scores[0]"] = "1", ["Scoring.Scores[1]"] = "1" });
        Assert.Contains("決定済みの提案の採点は変更できません。", await late.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal([18, 8], (await ReviewAsync(id, reviewerId))!.Scores);
    }

    [Fact]
    public async Task A_declared_conflict_needs_its_note_and_ends_the_reviewers_part()
    {
        var (_, proposerId) = await CallData.ResidentAsync(app);
        var callId = await CallData.CallAsync(app, CallStatus.Reviewing);
        var id = await CallData.ProposalAsync(app, callId, proposerId);
        var (reviewer, reviewerId) = await ReviewerAsync(callId);
        Assert.Contains("利益相反の内容を入力してください。",
            await (await reviewer.PostAsync(ReviewUrl(id), "Declare", new() { ["Declaration.Conflict"] = "conflict" })).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("利益相反の有無を選んでください。",
            await (await reviewer.PostAsync(ReviewUrl(id), "Declare", new() { ["Declaration.Conflict"] = "maybe" })).HtmlAsync(), StringComparison.Ordinal);
        Assert.Null(await ReviewAsync(id, reviewerId));
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync(ReviewUrl(id), "Declare", new() { ["Declaration.Conflict"] = "conflict", ["Declaration.Note"] = "提案者は親族です" })).StatusCode);
        Assert.Contains("利益相反を申告したため、この提案は採点できません。",
            await (await reviewer.PostAsync(ReviewUrl(id), "Score", new() { ["Scoring.Scores[0]"] = "10", ["Scoring.Scores[1]"] = "5" })).HtmlAsync(), StringComparison.Ordinal);
        var review = await ReviewAsync(id, reviewerId);
        Assert.True(review!.Conflicted);
        Assert.Equal("提案者は親族です", review.ConflictNote);
        Assert.False(review.IsScored);
    }

    [Fact]
    public async Task Reviewing_ones_own_or_a_conflicted_proposal_is_refused_whatever_is_declared()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "提案する会");
        var (_, coOrganizationId) = await OpportunityData.OrgAdminAsync(app, "共同提案の会");
        var proposerId = await CallData.QueryAsync(app, db => db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).SingleAsync());
        var callId = await CallData.CallAsync(app, CallStatus.Reviewing);
        var id = await CallData.ProposalAsync(app, callId, proposerId, CallData.Proposal("利害のある提案", organizationId, coOrganizationId));

        await CallData.ReviewerAsync(app, callId, proposerId);
        var (member, memberId) = await ReviewerAsync(callId);
        await MemberAsync(organizationId, memberId, MembershipRole.Member);
        var (coAdmin, coAdminId) = await ReviewerAsync(callId);
        await MemberAsync(coOrganizationId, coAdminId, MembershipRole.Admin);

        foreach (var (browser, accountId) in new[] { (admin, proposerId), (member, memberId), (coAdmin, coAdminId) })
        {
            var page = await browser.PageAsync(ReviewUrl(id));
            Assert.Contains("自分自身の提案や、利害関係のある団体（所属する団体・共同提案者）の提案は審査できません。", page, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"Declaration.Conflict\"", page, StringComparison.Ordinal);
            var declared = await browser.PostAsync(ReviewUrl(id), "Declare", new() { ["Declaration.Conflict"] = "none" });
            Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
            Assert.Contains("自分自身の提案や、利害関係のある団体", await declared.HtmlAsync(), StringComparison.Ordinal);
            Assert.Null(await ReviewAsync(id, accountId));
        }
    }

    [Fact]
    public async Task Only_the_calls_reviewers_find_the_review_page_and_only_while_it_is_under_review()
    {
        var (_, proposerId) = await CallData.ResidentAsync(app);
        var callId = await CallData.CallAsync(app);
        var id = await CallData.ProposalAsync(app, callId, proposerId);
        var (reviewer, reviewerId) = await ReviewerAsync(callId);
        var otherCall = await CallData.CallAsync(app, CallStatus.Reviewing);
        var (otherReviewer, _) = await ReviewerAsync(otherCall);
        foreach (var browser in new[] { await app.SignInAsync(Roles.Resident), await app.SignInAsync(Roles.Coordinator), otherReviewer })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri(ReviewUrl(id), UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync(ReviewUrl(id), "Declare", new() { ["Declaration.Conflict"] = "none" })).StatusCode);
        }

        // Open, not yet under review.
        Assert.Contains("審査中の募集の提案だけを審査できます。", await reviewer.PageAsync(ReviewUrl(id)), StringComparison.Ordinal);
        Assert.Contains("審査中の募集の提案だけを審査できます。",
            await (await reviewer.PostAsync(ReviewUrl(id), "Declare", new() { ["Declaration.Conflict"] = "none" })).HtmlAsync(), StringComparison.Ordinal);
        Assert.Null(await ReviewAsync(id, reviewerId));

        // A draft is not there to review.
        var draft = await CallData.ProposalAsync(app, callId, proposerId, submitted: false);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(new Uri(ReviewUrl(draft), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Staff_see_totals_means_conflicts_and_comments_and_decide_with_published_reasons()
    {
        var (organizationAdmin, organizationId) = await OpportunityData.OrgAdminAsync(app, "決定を待つ会");
        var proposerId = await CallData.QueryAsync(app, db => db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).SingleAsync());
        var callId = await CallData.CallAsync(app, CallStatus.Reviewing, CallData.Details("決定の募集"));
        var id = await CallData.ProposalAsync(app, callId, proposerId, CallData.Proposal("決定される提案", organizationId));
        var other = await CallData.ProposalAsync(app, callId, proposerId, CallData.Proposal("見送られる提案"));
        var reviewers = new List<(HttpClient Browser, Guid Id)> { await ReviewerAsync(callId), await ReviewerAsync(callId), await ReviewerAsync(callId) };
        await reviewers[0].Browser.PostAsync(ReviewUrl(id), "Declare", new() { ["Declaration.Conflict"] = "none" });
        await reviewers[0].Browser.PostAsync(ReviewUrl(id), "Score", new() { ["Scoring.Scores[0]"] = "20", ["Scoring.Scores[1]"] = "10", ["Scoring.Comment"] = "すばらしい" });
        await reviewers[1].Browser.PostAsync(ReviewUrl(id), "Declare", new() { ["Declaration.Conflict"] = "none" });
        await reviewers[1].Browser.PostAsync(ReviewUrl(id), "Score", new() { ["Scoring.Scores[0]"] = "10", ["Scoring.Scores[1]"] = "5", ["Scoring.Comment"] = "予算が心配" });
        await reviewers[2].Browser.PostAsync(ReviewUrl(id), "Declare", new() { ["Declaration.Conflict"] = "conflict", ["Declaration.Note"] = "会の理事です" });

        var staff = await app.SignInAsync(Roles.PrefectureAdmin);
        var url = $"/collaboration/calls/{callId}/review";
        var page = await staff.PageAsync(url);
        Assert.Contains("決定される提案", page, StringComparison.Ordinal);
        Assert.Contains(">30<", page, StringComparison.Ordinal);
        Assert.Contains(">15<", page, StringComparison.Ordinal);
        Assert.Contains("22.5", page, StringComparison.Ordinal);
        Assert.Contains("あり：会の理事です", page, StringComparison.Ordinal);
        Assert.Contains("予算が心配", page, StringComparison.Ordinal);
        Assert.True(await CallData.QueryAsync(app, db => db.AuditEntries.AnyAsync(e => e.Action == AuditTrail.Actions.ViewPersonalData && e.Detail == $"collaboration call review {callId}")));

        async Task<string> RefusedAsync(Dictionary<string, string> fields)
        {
            var response = await staff.PostAsync(url, "Decide", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.HtmlAsync();
        }
        Assert.Contains("「決定される提案」の決定の理由を入力してください。理由は公開されます。",
            await RefusedAsync(new() { ["Decision.ProposalId"] = id.ToString(), ["Decision.Outcome"] = "Adopted", ["Decision.Reason"] = " " }), StringComparison.Ordinal);
        Assert.Contains("条件付き採択には、その条件を入力してください。",
            await RefusedAsync(new() { ["Decision.ProposalId"] = id.ToString(), ["Decision.Outcome"] = "AdoptedWithConditions", ["Decision.Reason"] = "効果が大きい" }), StringComparison.Ordinal);
        Assert.Contains("条件は条件付き採択のときだけ入力してください。",
            await RefusedAsync(new() { ["Decision.ProposalId"] = id.ToString(), ["Decision.Outcome"] = "NotAdopted", ["Decision.Reason"] = "理由", ["Decision.Conditions"] = "条件" }), StringComparison.Ordinal);
        Assert.Contains("「決定される提案」の結果を選んでください。",
            await RefusedAsync(new() { ["Decision.ProposalId"] = id.ToString(), ["Decision.Outcome"] = "Submitted", ["Decision.Reason"] = "理由" }), StringComparison.Ordinal);
        Assert.Contains("「決定される提案」の結果を選んでください。",
            await RefusedAsync(new() { ["Decision.ProposalId"] = id.ToString(), ["Decision.Outcome"] = "Adopted,Submitted", ["Decision.Reason"] = "理由" }), StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Submitted, (await ProposalAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync(url, "Decide", new() { ["Decision.ProposalId"] = Guid.NewGuid().ToString() })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(url, "Decide", new()
        {
            ["Decision.ProposalId"] = id.ToString(),
            ["Decision.Outcome"] = "AdoptedWithConditions",
            ["Decision.Reason"] = "地域への効果が大きい。",
            ["Decision.Conditions"] = "安全計画を提出すること。",
        })).StatusCode);
        var decided = await ProposalAsync(id);
        Assert.Equal(ProposalStatus.AdoptedWithConditions, decided.Status);
        Assert.Equal("安全計画を提出すること。", decided.Conditions);
        Assert.NotNull(decided.DecidedAt);
        Assert.Contains("「決定される提案」はすでに決定しているか",
            await RefusedAsync(new() { ["Decision.ProposalId"] = id.ToString(), ["Decision.Outcome"] = "NotAdopted", ["Decision.Reason"] = "やはり" }), StringComparison.Ordinal);

        // The proposer (the organization's admin) is told, in the inbox, with the reasons.
        var told = await CallData.QueryAsync(app, db => db.Notifications.AsNoTracking().Where(n => n.AccountId == proposerId && n.Subject == "決定される提案").ToListAsync());
        var notice = Assert.Single(told);
        Assert.Equal(NotificationKind.CollaborationProposalAdoptedWithConditions, notice.Kind);
        Assert.Equal("地域への効果が大きい。", notice.Detail);
        Assert.Equal($"/collaboration/proposals/{id}", notice.Link);
        var inbox = await organizationAdmin.PageAsync("/me/notifications");
        Assert.Contains("協働試行制度への提案「決定される提案」が条件付きで採択されました。", inbox, StringComparison.Ordinal);

        // The decision and its reasons are public on the call's page, named by the organization, not the person.
        var publicPage = await app.CreateBrowser().PageAsync($"/collaboration/calls/{callId}");
        Assert.Contains("決定される提案", publicPage, StringComparison.Ordinal);
        Assert.Contains("決定を待つ会", publicPage, StringComparison.Ordinal);
        Assert.Contains("条件付き採択", publicPage, StringComparison.Ordinal);
        Assert.Contains("安全計画を提出すること。", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("見送られる提案", publicPage, StringComparison.Ordinal);
        var proposer = await CallData.QueryAsync(app, db => db.Users.Where(u => u.Id == proposerId).Select(u => u.DisplayName).SingleAsync());
        Assert.DoesNotContain(proposer, publicPage, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Submitted, (await ProposalAsync(other)).Status);
    }

    [Fact]
    public async Task Decisions_wait_for_the_review_to_start()
    {
        var (_, proposerId) = await CallData.ResidentAsync(app);
        var callId = await CallData.CallAsync(app);
        var id = await CallData.ProposalAsync(app, callId, proposerId);
        var staff = await app.SignInAsync(Roles.Coordinator);
        var response = await staff.PostAsync($"/collaboration/calls/{callId}/review", "Decide", new()
        {
            ["Decision.ProposalId"] = id.ToString(),
            ["Decision.Outcome"] = "Adopted",
            ["Decision.Reason"] = "早すぎる決定",
        });
        Assert.Contains("決定できるのは審査中の募集の提案だけです。", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Submitted, (await ProposalAsync(id)).Status);
    }
}
