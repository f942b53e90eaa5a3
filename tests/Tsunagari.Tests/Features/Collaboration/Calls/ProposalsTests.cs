using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Tests.Features.Opportunities;
using Tsunagari.Tests.Features.ProBono;

namespace Tsunagari.Tests.Features.Collaboration.Calls;

public sealed class ProposalsTests(TestApp app) : IClassFixture<TestApp>
{
    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Form(string title = "浜辺の清掃を地域で続ける", string organizationId = "") => new()
    {
        ["Input.Title"] = title,
        ["Input.Goal"] = "海岸のごみを一年で半分にしたい。",
        ["Input.Plan"] = "月に二回の清掃と、小学校での出前授業。",
        ["Input.Roles"] = "会が清掃を運営し、市がごみを回収する。",
        ["Input.Budget"] = "800000",
        ["Input.StartsOn"] = Date(CallData.Today.AddDays(70)),
        ["Input.EndsOn"] = Date(CallData.Today.AddDays(200)),
        ["Input.Place"] = "九十九里浜",
        ["Input.MunicipalityCode"] = OpportunityData.ChuoWard,
        ["Input.OrganizationId"] = organizationId,
    };

    private Task<CollaborationProposal?> FindAsync(Guid id) =>
        CallData.QueryAsync(app, db => db.CollaborationProposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id));

    private static Guid IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/collaboration/proposals/".Length..]);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, Guid proposalId, byte[] bytes, string fileName, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await CallData.TokenAsync(browser)), "__RequestVerificationToken" },
            { file, "file", fileName },
        };
        return await browser.PostAsync(new Uri($"/collaboration/proposals/{proposalId}?handler=Upload", UriKind.Relative), form);
    }

    [Fact]
    public async Task An_organization_admin_proposes_for_it_and_only_the_proposing_side_staff_and_reviewers_read_it()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "砂浜を守る会");
        var callId = await CallData.CallAsync(app);
        var id = IdOf(await admin.PostFormAsync($"/collaboration/calls/{callId}/propose", Form(organizationId: organizationId.ToString())));
        var proposal = await FindAsync(id);
        Assert.NotNull(proposal);
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Equal(organizationId, proposal.OrganizationId);
        Assert.Equal(800_000, proposal.Budget);
        Assert.Equal(OpportunityData.ChuoWard, proposal.MunicipalityCode);
        var page = await admin.PageAsync($"/collaboration/proposals/{id}");
        Assert.Contains("海岸のごみを一年で半分にしたい。", page, StringComparison.Ordinal);
        Assert.Contains("提案を提出する", page, StringComparison.Ordinal);

        // Another admin of the organization edits it too.
        var (other, otherId) = await CallData.ResidentAsync(app);
        await CallData.QueryAsync(app, async db =>
        {
            db.Memberships.Add(new Tsunagari.Features.Organizations.Membership(organizationId, otherId, Tsunagari.Features.Organizations.MembershipRole.Admin, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var saved = await other.PostAsync($"/collaboration/proposals/{id}", "Save", Form("浜辺の清掃を地域で続ける（改）", organizationId.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("浜辺の清掃を地域で続ける（改）", (await FindAsync(id))!.Title);

        var stranger = await app.SignInAsync(Roles.Resident);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/collaboration/proposals/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/collaboration/proposals/{id}", "Save", Form())).StatusCode);

        var (reviewer, reviewerId) = await CallData.ResidentAsync(app);
        await CallData.ReviewerAsync(app, callId, reviewerId);
        Assert.Contains("海岸のごみを一年で半分にしたい。", await reviewer.PageAsync($"/collaboration/proposals/{id}"), StringComparison.Ordinal);
        ProBonoData.AssertRefused(await reviewer.PostAsync($"/collaboration/proposals/{id}", "Save", Form()));

        var staff = await app.SignInAsync(Roles.Coordinator);
        var staffPage = await staff.PageAsync($"/collaboration/proposals/{id}");
        Assert.Contains("砂浜を守る会", staffPage, StringComparison.Ordinal);
        Assert.True(await CallData.QueryAsync(app, db => db.AuditEntries.AnyAsync(e => e.Action == AuditTrail.Actions.ViewPersonalData && e.Detail == $"collaboration proposal {id}")));
        ProBonoData.AssertRefused(await staff.PostAsync($"/collaboration/proposals/{id}", "Submit"));
        Assert.Equal(ProposalStatus.Draft, (await FindAsync(id))!.Status);
    }

    [Theory]
    [InlineData("Input.Budget", "1000001", "予算は募集の上限（1,000,000円）以内にしてください。")]
    [InlineData("Input.Budget", "-5", "予算は0円以上の整数で入力してください。")]
    [InlineData("Input.StartsOn", "2000-01-01", "期間は募集の実施期間")]
    [InlineData("Input.EndsOn", "2099-01-01", "期間は募集の実施期間")]
    [InlineData("Input.OrganizationId", "00000000-0000-0000-0000-000000000001", "提案する団体は、あなたが管理者をつとめる団体から選んでください。")]
    [InlineData("Input.Goal", "", "目的と目標を入力してください。")]
    [InlineData("Input.MunicipalityCode", "999999", "市区町村を一覧から選んでください。")]
    public async Task Bad_proposal_input_is_shown_and_nothing_is_saved(string field, string value, string message)
    {
        var (resident, residentId) = await CallData.ResidentAsync(app);
        var callId = await CallData.CallAsync(app);
        var form = Form("誤入力の提案");
        form[field] = value;
        var response = await resident.PostFormAsync($"/collaboration/calls/{callId}/propose", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("月に二回の清掃と、小学校での出前授業。", html, StringComparison.Ordinal);
        Assert.False(await CallData.QueryAsync(app, db => db.CollaborationProposals.AnyAsync(p => p.ProposerId == residentId)));
    }

    [Fact]
    public async Task An_organization_the_person_only_belongs_to_is_not_theirs_to_propose_for()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "会員だけの会");
        var (member, memberId) = await CallData.ResidentAsync(app);
        await CallData.QueryAsync(app, async db =>
        {
            db.Memberships.Add(new Tsunagari.Features.Organizations.Membership(organizationId, memberId, Tsunagari.Features.Organizations.MembershipRole.Member, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var callId = await CallData.CallAsync(app);
        var html = await (await member.PostFormAsync($"/collaboration/calls/{callId}/propose", Form(organizationId: organizationId.ToString()))).HtmlAsync();
        Assert.Contains("提案する団体は、あなたが管理者をつとめる団体から選んでください。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_proposal_after_the_deadline_or_to_a_call_that_is_not_open()
    {
        var (resident, residentId) = await CallData.ResidentAsync(app);
        var past = await CallData.CallAsync(app, details: CallData.Details("締切済み", deadline: CallData.Today.AddDays(-1)));
        var page = await resident.PageAsync($"/collaboration/calls/{past}/propose");
        Assert.Contains("この募集は提案を受け付けていません", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Title\"", page, StringComparison.Ordinal);
        var posted = await resident.PostAsync($"/collaboration/calls/{past}/propose", "", Form());
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("この募集は提案を受け付けていません", await posted.HtmlAsync(), StringComparison.Ordinal);
        var reviewing = await CallData.CallAsync(app, CallStatus.Reviewing);
        Assert.Contains("この募集は提案を受け付けていません", await (await resident.PostAsync($"/collaboration/calls/{reviewing}/propose", "", Form())).HtmlAsync(), StringComparison.Ordinal);
        var draft = await CallData.CallAsync(app, CallStatus.Draft);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(new Uri($"/collaboration/calls/{draft}/propose", UriKind.Relative))).StatusCode);
        Assert.False(await CallData.QueryAsync(app, db => db.CollaborationProposals.AnyAsync(p => p.ProposerId == residentId)));
    }

    [Fact]
    public async Task Attachments_are_recognized_by_their_bytes_limited_in_size_and_downloaded_as_attachments()
    {
        var (resident, residentId) = await CallData.ResidentAsync(app);
        var callId = await CallData.CallAsync(app);
        var id = await CallData.ProposalAsync(app, callId, residentId, submitted: false);

        var pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(resident, id, pdf, "予算書.pdf")).StatusCode);
        var html = await (await UploadAsync(resident, id, "MZ\u0090\u0000"u8.ToArray(), "tool.exe", "application/octet-stream")).HtmlAsync();
        Assert.Contains("受け付けられるのは、PDF、PNG、JPEG", html, StringComparison.Ordinal);
        var big = new byte[ProposalAttachment.MaxFileBytes + 1];
        "%PDF-"u8.CopyTo(big);
        Assert.Contains("ファイルは8MB以内にしてください。", await (await UploadAsync(resident, id, big, "big.pdf")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("砂浜のごみを半分にする", html, StringComparison.Ordinal); // the saved proposal is still shown

        var attachment = await CallData.QueryAsync(app, db => db.ProposalAttachments.AsNoTracking().SingleAsync(a => a.ProposalId == id));
        Assert.Equal("予算書.pdf", attachment.FileName);
        var download = await resident.GetAsync(new Uri($"/collaboration/proposals/{id}?handler=Attachment&attachmentId={attachment.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var stranger = await app.SignInAsync(Roles.Resident);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/collaboration/proposals/{id}?handler=Attachment&attachmentId={attachment.Id}", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostAsync($"/collaboration/proposals/{id}", "RemoveAttachment", new() { ["attachmentId"] = attachment.Id.ToString() })).StatusCode);
        Assert.False(await CallData.QueryAsync(app, db => db.ProposalAttachmentFiles.AnyAsync(f => f.AttachmentId == attachment.Id)));
    }

    [Fact]
    public async Task A_submitted_proposal_is_not_changed_and_the_page_says_so()
    {
        var (resident, residentId) = await CallData.ResidentAsync(app);
        var callId = await CallData.CallAsync(app);
        var id = await CallData.ProposalAsync(app, callId, residentId, submitted: false);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostAsync($"/collaboration/proposals/{id}", "Submit")).StatusCode);
        var proposal = await FindAsync(id);
        Assert.Equal(ProposalStatus.Submitted, proposal!.Status);
        Assert.NotNull(proposal.SubmittedAt);

        var page = await resident.PageAsync($"/collaboration/proposals/{id}");
        Assert.Contains("提出済みの提案は変更できません。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Title\"", page, StringComparison.Ordinal);
        foreach (var handler in new[] { "Save", "Submit", "AddCoProposer", "RemoveCoProposer" })
        {
            var response = await resident.PostAsync($"/collaboration/proposals/{id}", handler, Form("変えたい名前"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("提出済みの提案は変更できません。", await response.HtmlAsync(), StringComparison.Ordinal);
        }
        var upload = await UploadAsync(resident, id, "%PDF-1.4"u8.ToArray(), "late.pdf");
        Assert.Contains("提出済みの提案は変更できません。", await upload.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal("砂浜を守る会の清掃", (await FindAsync(id))!.Title);
        Assert.False(await CallData.QueryAsync(app, db => db.ProposalAttachments.AnyAsync(a => a.ProposalId == id)));
    }

    [Fact]
    public async Task Submitting_after_the_deadline_or_once_the_review_started_is_refused()
    {
        var (resident, residentId) = await CallData.ResidentAsync(app);
        var past = await CallData.CallAsync(app, details: CallData.Details("締切の過ぎた募集", deadline: CallData.Today.AddDays(-1)));
        var late = await CallData.ProposalAsync(app, past, residentId, submitted: false);
        var response = await resident.PostAsync($"/collaboration/proposals/{late}", "Submit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"締切日（{Date(CallData.Today.AddDays(-1))}）を過ぎたため、提出できません。", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Draft, (await FindAsync(late))!.Status);

        var reviewing = await CallData.CallAsync(app);
        var draft = await CallData.ProposalAsync(app, reviewing, residentId, submitted: false);
        await CallData.SetStatusAsync(app, reviewing, CallStatus.Reviewing);
        Assert.Contains("募集が公開中ではないため、提出できません。", await (await resident.PostAsync($"/collaboration/proposals/{draft}", "Submit")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Draft, (await FindAsync(draft))!.Status);
    }

    [Fact]
    public async Task Co_proposers_are_verified_organizations_found_by_name()
    {
        var (resident, residentId) = await CallData.ResidentAsync(app);
        var (_, verified) = await OpportunityData.OrgAdminAsync(app, "はまべ環境ネット");
        var (_, pending) = await OpportunityData.OrgAdminAsync(app, "はまべ未確認の会");
        await CallData.QueryAsync(app, async db =>
        {
            (await db.Organizations.SingleAsync(o => o.Id == verified)).Verify(residentId, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var callId = await CallData.CallAsync(app);
        var id = await CallData.ProposalAsync(app, callId, residentId, submitted: false);

        var found = await resident.PageAsync($"/collaboration/proposals/{id}?q=はまべ");
        Assert.Contains("はまべ環境ネット", found, StringComparison.Ordinal);
        Assert.DoesNotContain("はまべ未確認の会", found, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostAsync($"/collaboration/proposals/{id}", "AddCoProposer", new() { ["organizationId"] = verified.ToString() })).StatusCode);
        Assert.Equal([verified], (await FindAsync(id))!.CoProposers);
        Assert.Contains("共同提案者は、確認済みの団体から選んでください。",
            await (await resident.PostAsync($"/collaboration/proposals/{id}", "AddCoProposer", new() { ["organizationId"] = pending.ToString() })).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("すでにこの提案の提案者です。",
            await (await resident.PostAsync($"/collaboration/proposals/{id}", "AddCoProposer", new() { ["organizationId"] = verified.ToString() })).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostAsync($"/collaboration/proposals/{id}", "RemoveCoProposer", new() { ["organizationId"] = verified.ToString() })).StatusCode);
        Assert.Empty((await FindAsync(id))!.CoProposers);
    }

    [Fact]
    public async Task The_proposers_export_holds_their_proposals_and_a_reviewers_their_reviews()
    {
        var (resident, residentId) = await CallData.ResidentAsync(app);
        var callId = await CallData.CallAsync(app, details: CallData.Details("書き出しの募集"));
        var id = await CallData.ProposalAsync(app, callId, residentId, CallData.Proposal("書き出される提案"));
        var (reviewer, reviewerId) = await CallData.ResidentAsync(app);
        await CallData.ReviewerAsync(app, callId, reviewerId);
        await CallData.QueryAsync(app, async db =>
        {
            var review = new ProposalReview(id, reviewerId, false, "", DateTimeOffset.UtcNow);
            review.Score(CallData.Details().Criteria, [15, 8], "よく練られている", DateTimeOffset.UtcNow);
            db.ProposalReviews.Add(review);
            return await db.SaveChangesAsync();
        });

        using (var json = JsonDocument.Parse(await (await resident.PostFormAsync("/account/personal-data", [], handler: "Download")).Content.ReadAsStringAsync()))
        {
            var exported = json.RootElement.GetProperty("collaboration").GetProperty("proposals")[0];
            Assert.Equal("書き出される提案", exported.GetProperty("title").GetString());
            Assert.Equal("書き出しの募集", exported.GetProperty("call").GetString());
        }
        using (var json = JsonDocument.Parse(await (await reviewer.PostFormAsync("/account/personal-data", [], handler: "Download")).Content.ReadAsStringAsync()))
        {
            var collaboration = json.RootElement.GetProperty("collaboration");
            Assert.Equal("よく練られている", collaboration.GetProperty("reviews")[0].GetProperty("comment").GetString());
            Assert.Equal("書き出しの募集", collaboration.GetProperty("reviewerOf")[0].GetProperty("call").GetString());
        }

        // Deleting the account keeps the submitted proposal (the call's record) without its proposer.
        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostFormAsync("/account/personal-data", new() { ["Input.Password"] = TestApp.Password }, handler: "Delete")).StatusCode);
        var kept = await FindAsync(id);
        Assert.NotNull(kept);
        Assert.Null(kept.ProposerId);
    }
}
