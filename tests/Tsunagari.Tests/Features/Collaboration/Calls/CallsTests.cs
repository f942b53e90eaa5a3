using System.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Tests.Features.ProBono;

namespace Tsunagari.Tests.Features.Collaboration.Calls;

public sealed class CallsTests(TestApp app) : IClassFixture<TestApp>
{
    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A valid call form: two criteria in the first rows, the other eight left empty.</summary>
    private static Dictionary<string, string> Form(string title = "子育て広場の協働")
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "GovernmentProposed",
            ["Input.Title"] = title,
            ["Input.Theme"] = "子育て中の親の居場所づくり",
            ["Input.Description"] = "公民館で子育て広場を開きます。",
            ["Input.Department"] = "こども政策課",
            ["Input.BudgetCeiling"] = "2,000,000",
            ["Input.StartsOn"] = Date(CallData.Today.AddDays(60)),
            ["Input.EndsOn"] = Date(CallData.Today.AddDays(300)),
            ["Input.Deadline"] = Date(CallData.Today.AddDays(30)),
            ["Input.InitiativeId"] = "",
            ["Input.Criteria[0].Name"] = "必要性",
            ["Input.Criteria[0].Description"] = "地域に必要か",
            ["Input.Criteria[0].MaxScore"] = "30",
            ["Input.Criteria[1].Name"] = "協働の効果",
            ["Input.Criteria[1].Description"] = "",
            ["Input.Criteria[1].MaxScore"] = "20",
        };
        for (var i = 2; i < CollaborationCall.MaxCriteria; i++)
        {
            form[$"Input.Criteria[{i}].Name"] = "";
            form[$"Input.Criteria[{i}].Description"] = "";
            form[$"Input.Criteria[{i}].MaxScore"] = "";
        }
        return form;
    }

    private Task<CollaborationCall?> FindAsync(Guid id) =>
        CallData.QueryAsync(app, db => db.CollaborationCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id));

    [Fact]
    public async Task Staff_draft_a_call_which_only_staff_see_until_it_is_opened()
    {
        var staff = await app.SignInAsync(Roles.Coordinator);
        var created = await staff.PostFormAsync("/collaboration/calls/new", Form());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString["/collaboration/calls/".Length..]);
        var call = await FindAsync(id);
        Assert.NotNull(call);
        Assert.Equal(CallStatus.Draft, call.Status);
        Assert.Equal(CallKind.GovernmentProposed, call.Kind);
        Assert.Equal(2_000_000, call.BudgetCeiling);
        Assert.Equal(["必要性", "協働の効果"], call.Criteria.OrderBy(c => c.Number).Select(c => c.Name));
        Assert.Equal(50, call.MaxTotal);

        Assert.Contains("子育て広場の協働", await staff.PageAsync("/collaboration/calls"), StringComparison.Ordinal);
        var anonymous = app.CreateBrowser();
        Assert.DoesNotContain("子育て広場の協働", await anonymous.PageAsync("/collaboration/calls"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/collaboration/calls/{id}", UriKind.Relative))).StatusCode);

        // Edited while a draft; opened; then its terms stay.
        var form = Form("子育て広場の協働（改）");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/collaboration/calls/{id}/edit", form)).StatusCode);
        Assert.Equal("子育て広場の協働（改）", (await FindAsync(id))!.Title);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"/collaboration/calls/{id}", "Open")).StatusCode);
        Assert.Equal(CallStatus.Open, (await FindAsync(id))!.Status);
        var edit = await staff.GetAsync(new Uri($"/collaboration/calls/{id}/edit", UriKind.Relative));
        Assert.Equal($"/collaboration/calls/{id}", edit.Headers.Location!.OriginalString);
        Assert.Contains("公開した募集の条件と評価基準は変更できません。", await staff.PageAsync($"/collaboration/calls/{id}"), StringComparison.Ordinal);

        var list = await anonymous.PageAsync("/collaboration/calls");
        Assert.Contains("子育て広場の協働（改）", list, StringComparison.Ordinal);
        Assert.Contains("行政提案型", list, StringComparison.Ordinal);
        Assert.Contains("こども政策課", list, StringComparison.Ordinal);
        Assert.Contains("2,000,000", list, StringComparison.Ordinal);
        Assert.Contains(Date(CallData.Today.AddDays(30)), list, StringComparison.Ordinal);
        Assert.Contains("募集中", list, StringComparison.Ordinal);
        var page = await anonymous.PageAsync($"/collaboration/calls/{id}");
        Assert.Contains("必要性", page, StringComparison.Ordinal);
        Assert.Contains("評価基準（合計50点）", page, StringComparison.Ordinal);
        Assert.DoesNotContain("募集の運営", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.BudgetCeiling", "たくさん", "予算の上限は1円から1,000,000,000,000円までの整数で入力してください。")]
    [InlineData("Input.EndsOn", "2000-01-01", "実施期間の終了日は開始日以降にしてください。")]
    [InlineData("Input.Deadline", "2099-12-31", "提案の締切日は実施期間の終了日以前にしてください。")]
    [InlineData("Input.Criteria[1].MaxScore", "0", "評価基準2の満点は1から100までの整数で入力してください。")]
    [InlineData("Input.Criteria[0].Name", "", "評価基準1の名前を100文字以内で入力してください。")]
    [InlineData("Input.Kind", "Spaceship", "募集の型を選んでください。")]
    [InlineData("Input.InitiativeId", "00000000-0000-0000-0000-000000000001", "取組・施策を一覧から選んでください。")]
    [InlineData("Input.Title", "", "募集の名前を入力してください。")]
    public async Task Bad_call_input_is_shown_and_nothing_is_saved(string field, string value, string message)
    {
        var staff = await app.SignInAsync(Roles.PrefectureAdmin);
        var form = Form("誤入力の募集");
        form[field] = value;
        var response = await staff.PostFormAsync("/collaboration/calls/new", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("公民館で子育て広場を開きます。", html, StringComparison.Ordinal); // what was typed is kept
        Assert.False(await CallData.QueryAsync(app, db => db.CollaborationCalls.AnyAsync(c => c.Title == "誤入力の募集")));
    }

    [Fact]
    public async Task A_rubric_needs_a_criterion_and_says_so_in_English_too()
    {
        var staff = await app.SignInAsync(Roles.Coordinator);
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var form = Form("基準なしの募集");
        foreach (var key in form.Keys.Where(k => k.StartsWith("Input.Criteria", StringComparison.Ordinal)).ToList()) form[key] = "";
        var html = await (await staff.PostFormAsync("/collaboration/calls/new", form)).HtmlAsync();
        Assert.Contains("Enter at least one criterion.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Residents_may_not_create_calls()
    {
        var resident = await app.SignInAsync(Roles.Resident);
        ProBonoData.AssertRefused(await resident.GetAsync(new Uri("/collaboration/calls/new", UriKind.Relative)));
        var id = await CallData.CallAsync(app);
        ProBonoData.AssertRefused(await resident.PostAsync($"/collaboration/calls/{id}", "StartReview"));
        Assert.Equal(CallStatus.Open, (await FindAsync(id))!.Status);
    }

    [Fact]
    public async Task Staff_run_a_call_reviewers_presentation_review_and_close()
    {
        var staff = await app.SignInAsync(Roles.Coordinator);
        var id = await CallData.CallAsync(app);
        var url = $"/collaboration/calls/{id}";

        var unknown = await staff.PostAsync(url, "AddReviewer", new() { ["ReviewerEmail"] = "nobody@example.jp" });
        Assert.Contains("このメールアドレスのアカウントはありません。", await unknown.HtmlAsync(), StringComparison.Ordinal);
        var (_, expertId) = await CallData.ResidentAsync(app);
        var email = await CallData.QueryAsync(app, db => db.Users.Where(u => u.Id == expertId).Select(u => u.Email!).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(url, "AddReviewer", new() { ["ReviewerEmail"] = email.ToUpperInvariant() })).StatusCode);
        Assert.Contains("この人はすでに審査員です。", await (await staff.PostAsync(url, "AddReviewer", new() { ["ReviewerEmail"] = email })).HtmlAsync(), StringComparison.Ordinal);
        Assert.True(await CallData.QueryAsync(app, db => db.CallReviewers.AnyAsync(r => r.CallId == id && r.AccountId == expertId)));
        Assert.Contains(email, await staff.PageAsync(url), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(url, "RemoveReviewer", new() { ["accountId"] = expertId.ToString() })).StatusCode);
        Assert.False(await CallData.QueryAsync(app, db => db.CallReviewers.AnyAsync(r => r.CallId == id && r.AccountId == expertId)));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(url, "AddReviewer", new() { ["ReviewerEmail"] = email })).StatusCode);

        var badTime = await staff.PostAsync(url, "Schedule", new() { ["Presentation.At"] = "いつか", ["Presentation.Place"] = "県庁" });
        Assert.Contains("公開プレゼンテーションの日時を正しい日時で入力してください。", await badTime.HtmlAsync(), StringComparison.Ordinal);
        var at = CallData.Today.AddDays(40);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(url, "Schedule", new() { ["Presentation.At"] = $"{Date(at)}T14:00", ["Presentation.Place"] = "県庁大会議室" })).StatusCode);
        var call = await FindAsync(id);
        Assert.Equal(new DateTimeOffset(at.Year, at.Month, at.Day, 14, 0, 0, TimeSpan.FromHours(9)), call!.PresentationAt);
        var publicPage = await app.CreateBrowser().PageAsync(url);
        Assert.Contains("県庁大会議室", publicPage, StringComparison.Ordinal);
        Assert.Contains($"{Date(at)} 14:00", publicPage, StringComparison.Ordinal);

        // A submitted proposal blocks closing until it has its decision.
        var (_, proposerId) = await CallData.ResidentAsync(app);
        var proposalId = await CallData.ProposalAsync(app, id, proposerId);
        Assert.Contains("終了できるのは審査中の募集だけです。", await (await staff.PostAsync(url, "Close")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(url, "StartReview")).StatusCode);
        Assert.Equal(CallStatus.Reviewing, (await FindAsync(id))!.Status);
        var refused = await staff.PostAsync(url, "Close");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("まだ決定していない提案が1件あります。", await refused.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(CallStatus.Reviewing, (await FindAsync(id))!.Status);

        var decided = await staff.PostAsync($"{url}/review", "Decide", new()
        {
            ["Decision.ProposalId"] = proposalId.ToString(),
            ["Decision.Outcome"] = "NotAdopted",
            ["Decision.Reason"] = "予算の見積もりが不十分でした。",
        });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(url, "Close")).StatusCode);
        Assert.Equal(CallStatus.Closed, (await FindAsync(id))!.Status);
        Assert.Contains("予算の見積もりが不十分でした。", await app.CreateBrowser().PageAsync(url), StringComparison.Ordinal);

        var removeLate = await staff.PostAsync(url, "RemoveReviewer", new() { ["accountId"] = expertId.ToString() });
        Assert.Contains("終了した募集の審査員は変更できません。", await removeLate.HtmlAsync(), StringComparison.Ordinal);
        Assert.True(await CallData.QueryAsync(app, db => db.CallReviewers.AnyAsync(r => r.CallId == id && r.AccountId == expertId)));
    }

    [Fact]
    public async Task The_propose_button_shows_while_open_and_until_the_deadline()
    {
        var resident = await app.SignInAsync(Roles.Resident);
        var open = await CallData.CallAsync(app, details: CallData.Details("受付中の募集"));
        var today = await CallData.CallAsync(app, details: CallData.Details("今日締切の募集", deadline: CallData.Today));
        var past = await CallData.CallAsync(app, details: CallData.Details("締切済みの募集", deadline: CallData.Today.AddDays(-1)));
        var reviewing = await CallData.CallAsync(app, CallStatus.Reviewing, CallData.Details("審査中の募集"));
        Assert.Contains($"/collaboration/calls/{open}/propose", await resident.PageAsync($"/collaboration/calls/{open}"), StringComparison.Ordinal);
        Assert.Contains($"/collaboration/calls/{today}/propose", await resident.PageAsync($"/collaboration/calls/{today}"), StringComparison.Ordinal);
        var closed = await resident.PageAsync($"/collaboration/calls/{past}");
        Assert.DoesNotContain($"/collaboration/calls/{past}/propose", closed, StringComparison.Ordinal);
        Assert.Contains("提案の締切日を過ぎたため、提案の受け付けは終わりました。", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("/propose", await resident.PageAsync($"/collaboration/calls/{reviewing}"), StringComparison.Ordinal);
        Assert.Contains("提案するにはサインインしてください。", await app.CreateBrowser().PageAsync($"/collaboration/calls/{open}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_call_whose_deadline_passed_is_refused()
    {
        var staff = await app.SignInAsync(Roles.Coordinator);
        var id = await CallData.CallAsync(app, CallStatus.Draft, CallData.Details("古い締切の募集", deadline: CallData.Today.AddDays(-3)));
        var response = await staff.PostAsync($"/collaboration/calls/{id}", "Open");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("提案の締切日が過ぎているため公開できません。", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(CallStatus.Draft, (await FindAsync(id))!.Status);
    }
}
