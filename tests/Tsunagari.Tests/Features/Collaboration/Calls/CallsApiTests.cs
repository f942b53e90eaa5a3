using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Collaboration;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Collaboration.Calls;

public sealed class CallsApiTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<JsonElement> GetAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await app.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Calls_are_listed_by_page_and_status_without_drafts()
    {
        var open = await CallData.CallAsync(app, details: CallData.Details("APIの公開中の募集"));
        var reviewing = await CallData.CallAsync(app, CallStatus.Reviewing, CallData.Details("APIの審査中の募集"));
        await CallData.CallAsync(app, CallStatus.Draft, CallData.Details("APIの下書きの募集"));

        var all = await GetAsync("/api/v1/collaboration/calls");
        var titles = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Contains("APIの公開中の募集", titles);
        Assert.Contains("APIの審査中の募集", titles);
        Assert.DoesNotContain("APIの下書きの募集", titles);
        Assert.Equal(titles.Count, all.GetProperty("total").GetInt32());

        var filtered = (await GetAsync("/api/v1/collaboration/calls?status=reviewing")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(filtered, i => Assert.Equal("Reviewing", i.GetProperty("status").GetString()));
        var item = Assert.Single(filtered, i => i.GetProperty("id").GetGuid() == reviewing);
        Assert.Equal("CitizenProposed", item.GetProperty("kind").GetString());
        Assert.Equal(1_000_000, item.GetProperty("budgetCeiling").GetInt64());
        Assert.DoesNotContain(filtered, i => i.GetProperty("id").GetGuid() == open);

        var paged = await GetAsync("/api/v1/collaboration/calls?page=2&pageSize=1");
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        Assert.Equal(2, paged.GetProperty("page").GetInt32());
        Assert.Equal(titles.Count, paged.GetProperty("total").GetInt32());

        foreach (var bad in new[] { "?status=Draft", "?status=Lost", "?status=Open,Reviewing", "?status=2", "?pageSize=101", "?page=0", "?page=x" })
        {
            var problem = await GetAsync("/api/v1/collaboration/calls" + bad, HttpStatusCode.BadRequest);
            Assert.True(problem.TryGetProperty("errors", out _), bad);
        }
    }

    [Fact]
    public async Task One_call_has_its_terms_rubric_and_presentation_and_a_draft_is_not_found()
    {
        var id = await CallData.CallAsync(app, details: CallData.Details("API詳細の募集"));
        var at = new DateTimeOffset(2030, 5, 1, 5, 0, 0, TimeSpan.Zero);
        await CallData.QueryAsync(app, async db =>
        {
            (await db.CollaborationCalls.SingleAsync(c => c.Id == id)).SchedulePresentation(at, "県民ホール", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var call = await GetAsync($"/api/v1/collaboration/calls/{id}");
        Assert.Equal("API詳細の募集", call.GetProperty("title").GetString());
        Assert.Equal("環境政策課", call.GetProperty("department").GetString());
        Assert.Equal(30, call.GetProperty("maxTotal").GetInt32());
        var criteria = call.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(["地域への効果", "実現性"], criteria.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(20, criteria[0].GetProperty("maxScore").GetInt32());
        Assert.Equal("県民ホール", call.GetProperty("presentation").GetProperty("place").GetString());
        Assert.Equal(at, call.GetProperty("presentation").GetProperty("at").GetDateTimeOffset());

        var draft = await CallData.CallAsync(app, CallStatus.Draft);
        var problem = await GetAsync($"/api/v1/collaboration/calls/{draft}", HttpStatusCode.NotFound);
        Assert.Contains(draft.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await GetAsync($"/api/v1/collaboration/calls/{Guid.NewGuid()}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Adopted_proposals_are_published_with_reasons_and_conditions_but_no_personal_names()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "採択された会");
        var proposerId = await CallData.QueryAsync(app, db => db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).SingleAsync());
        var callId = await CallData.CallAsync(app, CallStatus.Reviewing, CallData.Details("採択APIの募集"));
        var adopted = await CallData.ProposalAsync(app, callId, proposerId, CallData.Proposal("採択された提案", organizationId));
        var conditional = await CallData.ProposalAsync(app, callId, proposerId, CallData.Proposal("条件つきの提案"));
        var rejected = await CallData.ProposalAsync(app, callId, proposerId, CallData.Proposal("採択されなかった提案"));
        await CallData.ProposalAsync(app, callId, proposerId, CallData.Proposal("未決定の提案"));
        await CallData.QueryAsync(app, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            (await db.CollaborationProposals.SingleAsync(p => p.Id == adopted)).Decide(ProposalStatus.Adopted, "効果が大きい", "", proposerId, now);
            (await db.CollaborationProposals.SingleAsync(p => p.Id == conditional)).Decide(ProposalStatus.AdoptedWithConditions, "よい提案", "保険に入ること", proposerId, now.AddMinutes(1));
            (await db.CollaborationProposals.SingleAsync(p => p.Id == rejected)).Decide(ProposalStatus.NotAdopted, "予算超過の恐れ", "", proposerId, now);
            return await db.SaveChangesAsync();
        });

        var response = await app.CreateBrowser().GetAsync(new Uri("/api/v1/collaboration/proposals/adopted", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var page = JsonDocument.Parse(text).RootElement;
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["条件つきの提案", "採択された提案"], items.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal("AdoptedWithConditions", items[0].GetProperty("decision").GetString());
        Assert.Equal("保険に入ること", items[0].GetProperty("conditions").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("organization").ValueKind);
        Assert.Equal("採択された会", items[1].GetProperty("organization").GetString());
        Assert.Equal("効果が大きい", items[1].GetProperty("reasons").GetString());
        Assert.Equal("採択APIの募集", items[1].GetProperty("call").GetString());
        Assert.Equal(500_000, items[1].GetProperty("budget").GetInt64());
        Assert.Equal("九十九里浜", items[1].GetProperty("place").GetString());
        var proposer = await CallData.QueryAsync(app, db => db.Users.Where(u => u.Id == proposerId).Select(u => new { u.DisplayName, u.Email }).SingleAsync());
        Assert.DoesNotContain(proposer.DisplayName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(proposer.Email!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(proposerId.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apis_are_in_the_openapi_document()
    {
        var document = await app.CreateBrowser().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/api/v1/collaboration/calls", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/collaboration/calls/{id}", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/collaboration/proposals/adopted", document, StringComparison.Ordinal);
        Assert.Contains("\"ListAdoptedProposals\"", document, StringComparison.Ordinal);
    }
}
