using System.Net;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Tests.Features.Opportunities;
using Tsunagari.Tests.Features.ProBono;

namespace Tsunagari.Tests.Features.Collaboration.Initiatives;

/// <summary>Moving an initiative's type or stage, ending it, and the owner's self-assessment of the government's role.</summary>
public sealed class ChangesTests(TestApp app) : IClassFixture<TestApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task A_move_without_a_reason_is_refused_and_changes_nothing()
    {
        var id = await InitiativeData.AddAsync(app, InitiativeData.Details("理由なしの取組"), InitiativeType.Together, CollaborationStage.Pilot);
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var response = await coordinator.PostFormAsync($"/collaboration/initiatives/{id}",
            new() { ["Move.Type"] = "29", ["Move.Stage"] = "System", ["Move.Reason"] = "  " }, "Move");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("型や段階を変える理由を入力してください。理由のない変更は記録できません。", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(CollaborationStage.Pilot, (await InitiativeData.FindAsync(app, id))!.Stage);
        Assert.Single(await InitiativeData.HistoryAsync(app, id));
    }

    [Theory]
    [InlineData("29", "", "㉙に移るときは段階を選んでください。")]
    [InlineData("28", "Pilot", "段階を選べるのは㉙の取組だけです。")]
    [InlineData("29", "Pilot", "この取組はすでにその型と段階にあります。")]
    [InlineData("", "", "移る先の型（㉗・㉘・㉙）を選んでください。")]
    public async Task A_move_to_no_place_or_the_same_place_is_refused(string type, string stage, string message)
    {
        var id = await InitiativeData.AddAsync(app, InitiativeData.Details("動かない取組"), InitiativeType.Together, CollaborationStage.Pilot);
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var response = await coordinator.PostFormAsync($"/collaboration/initiatives/{id}",
            new() { ["Move.Type"] = type, ["Move.Stage"] = stage, ["Move.Reason"] = "試しに" }, "Move");
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Single(await InitiativeData.HistoryAsync(app, id));
    }

    [Fact]
    public async Task A_move_with_a_reason_is_recorded_reaches_the_target_and_clears_the_assessment_of_the_old_role()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "動く会");
        var id = await InitiativeData.AddAsync(app,
            InitiativeData.Details("動く取組", InitiativeOwnerKind.Organization, "動く会", organizationId, targetType: InitiativeType.Together, targetStage: CollaborationStage.SupportingActors),
            InitiativeType.ByResidents);

        var assessed = await admin.PostFormAsync($"/collaboration/initiatives/{id}", new() { ["Assess.Level"] = "3", ["Assess.Note"] = "月1回の相談会がある" }, "Assess");
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);
        var page = await (await admin.GetAsync(Url($"/collaboration/initiatives/{id}"))).HtmlAsync();
        Assert.Contains("能力発揮の機会の充実", page, StringComparison.Ordinal); // ㉗'s government role
        Assert.Contains("3 — 一部できている", page, StringComparison.Ordinal);
        Assert.Contains("月1回の相談会がある", page, StringComparison.Ordinal);

        var moved = await admin.PostFormAsync($"/collaboration/initiatives/{id}",
            new() { ["Move.Type"] = "29", ["Move.Stage"] = "SupportingActors", ["Move.Reason"] = "市と協定を結んだため" }, "Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var initiative = await InitiativeData.FindAsync(app, id);
        Assert.Equal(InitiativeType.Together, initiative!.Type);
        Assert.Equal(CollaborationStage.SupportingActors, initiative.Stage);
        Assert.Null(initiative.TargetType); // the target was reached
        Assert.Null(initiative.RoleAssessment); // it was about ㉗'s role
        var change = Assert.Single(await InitiativeData.HistoryAsync(app, id), c => c.FromType is not null);
        Assert.Equal(InitiativeType.ByResidents, change.FromType);
        Assert.Equal("市と協定を結んだため", change.Reason);

        page = await (await app.CreateBrowser().GetAsync(Url($"/collaboration/initiatives/{id}"))).HtmlAsync();
        Assert.Contains("型と段階を変更しました。", await (await admin.GetAsync(Url($"/collaboration/initiatives/{id}"))).HtmlAsync(), StringComparison.Ordinal);
        Assert.Matches("㉗ 住民による取組\\s*→\\s*㉙ 主体の支援", page);
        Assert.Contains("市と協定を結んだため", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("で登録", StringComparison.Ordinal) < page.IndexOf("市と協定を結んだため", StringComparison.Ordinal), "registration first");
    }

    [Theory]
    [InlineData("5", "自己評価を4つの中から選んでください。")]
    [InlineData("", "自己評価を4つの中から選んでください。")]
    public async Task An_assessment_outside_one_to_four_is_refused(string level, string message)
    {
        var id = await InitiativeData.AddAsync(app, InitiativeData.Details("評価の取組"), InitiativeType.ByGovernment);
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var response = await coordinator.PostFormAsync($"/collaboration/initiatives/{id}", new() { ["Assess.Level"] = level }, "Assess");
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Null((await InitiativeData.FindAsync(app, id))!.RoleAssessment);
    }

    [Fact]
    public async Task Ending_needs_a_reason_and_an_ended_initiative_leaves_the_list_but_keeps_its_page()
    {
        var id = await InitiativeData.AddAsync(app, InitiativeData.Details("終わる取組"), InitiativeType.Together, CollaborationStage.Pilot);
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var noReason = await coordinator.PostFormAsync($"/collaboration/initiatives/{id}", new() { ["EndReason"] = "" }, "End");
        Assert.Contains("取組を終える理由を入力してください。", await noReason.HtmlAsync(), StringComparison.Ordinal);
        Assert.True((await InitiativeData.FindAsync(app, id))!.IsActive);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/collaboration/initiatives/{id}", new() { ["EndReason"] = "試行を続けないと決めた" }, "End")).StatusCode);
        Assert.False((await InitiativeData.FindAsync(app, id))!.IsActive);
        var ended = Assert.Single(await InitiativeData.HistoryAsync(app, id), c => c.Ended);
        Assert.Equal("試行を続けないと決めた", ended.Reason);

        var page = await (await app.CreateBrowser().GetAsync(Url($"/collaboration/initiatives/{id}"))).HtmlAsync();
        Assert.Contains("この取組は終了しました", page, StringComparison.Ordinal);
        Assert.Contains("試行を続けないと決めた", page, StringComparison.Ordinal);
        var list = await (await app.CreateBrowser().GetAsync(Url("/collaboration/initiatives?owner=県民生活課"))).HtmlAsync();
        Assert.DoesNotContain($"/collaboration/initiatives/{id}\"", list, StringComparison.Ordinal);

        // Nothing more changes once it has ended.
        var again = await coordinator.PostFormAsync($"/collaboration/initiatives/{id}", new() { ["Move.Type"] = "29", ["Move.Stage"] = "System", ["Move.Reason"] = "やはり" }, "Move");
        Assert.Contains("終了した取組は変更できません。", await again.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(CollaborationStage.Pilot, (await InitiativeData.FindAsync(app, id))!.Stage);
    }

    [Fact]
    public async Task Only_those_who_may_edit_move_end_or_assess()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "守られた協働の会");
        var id = await InitiativeData.AddAsync(app,
            InitiativeData.Details("守られた取組", InitiativeOwnerKind.Organization, "守られた協働の会", organizationId), InitiativeType.ByResidents);
        var (otherAdmin, _) = await OpportunityData.OrgAdminAsync(app, "隣の協働の会");
        var resident = await app.SignInAsync(Roles.Resident);
        foreach (var browser in new[] { otherAdmin, resident })
        {
            ProBonoData.AssertRefused(await browser.PostFormAsync($"/collaboration/initiatives/{id}", new() { ["Move.Type"] = "28", ["Move.Reason"] = "乗っ取り" }, "Move"));
            ProBonoData.AssertRefused(await browser.PostFormAsync($"/collaboration/initiatives/{id}", new() { ["EndReason"] = "乗っ取り" }, "End"));
            ProBonoData.AssertRefused(await browser.PostFormAsync($"/collaboration/initiatives/{id}", new() { ["Assess.Level"] = "1" }, "Assess"));
        }
        var initiative = await InitiativeData.FindAsync(app, id);
        Assert.Equal(InitiativeType.ByResidents, initiative!.Type);
        Assert.True(initiative.IsActive);
        Assert.Null(initiative.RoleAssessment);
        Assert.Single(await InitiativeData.HistoryAsync(app, id));
    }
}
