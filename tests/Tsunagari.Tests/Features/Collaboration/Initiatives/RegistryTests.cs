using System.Net;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Tests.Features.Opportunities;
using Tsunagari.Tests.Features.ProBono;

namespace Tsunagari.Tests.Features.Collaboration.Initiatives;

/// <summary>Registering and editing initiatives: who may, what the form checks, and what the public pages show.</summary>
public sealed class RegistryTests(TestApp app) : IClassFixture<TestApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Staff_register_a_department_initiative_with_its_place_direction_and_tags_and_everyone_reads_it()
    {
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var registered = await coordinator.PostFormAsync("/collaboration/initiatives/new", InitiativeData.Form("地域食堂の協働づくり"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var id = InitiativeData.IdFrom(registered);

        var initiative = await InitiativeData.FindAsync(app, id);
        Assert.NotNull(initiative);
        Assert.Equal(InitiativeOwnerKind.Department, initiative.OwnerKind);
        Assert.Equal("県民生活課", initiative.OwnerName);
        Assert.Equal(InitiativeType.Together, initiative.Type);
        Assert.Equal(CollaborationStage.SupportingActors, initiative.Stage);
        Assert.Equal(InitiativeType.Together, initiative.TargetType);
        Assert.Equal(CollaborationStage.Pilot, initiative.TargetStage);
        Assert.Equal(new DateOnly(2099, 3, 31), initiative.TargetDate);
        Assert.Equal([InitiativeData.Chiba, InitiativeData.Funabashi], initiative.Municipalities);
        Assert.Equal([1, 21], initiative.Challenges);
        Assert.Equal([3, 20], initiative.Pathways);
        var history = Assert.Single(await InitiativeData.HistoryAsync(app, id));
        Assert.Null(history.FromType);
        Assert.Equal(InitiativeType.Together, history.ToType);
        Assert.Equal(CollaborationStage.SupportingActors, history.ToStage);

        var page = await (await app.CreateBrowser().GetAsync(Url($"/collaboration/initiatives/{id}"))).HtmlAsync();
        Assert.Contains("地域食堂の協働づくり", page, StringComparison.Ordinal);
        Assert.Contains("㉙ 主体の支援", page, StringComparison.Ordinal);
        Assert.Contains("㉙ 協働の試行", page, StringComparison.Ordinal); // where it is heading
        Assert.Contains("2099-03-31", page, StringComparison.Ordinal);
        Assert.Contains("千葉市、船橋市", page, StringComparison.Ordinal);
        // Tags grouped under their actor and vision, with the framework's wording.
        Assert.Matches("<dt>地域住民</dt>\\s*<dd>1\\. 地域社会に存在する課題の認識と当事者としての自覚</dd>", page);
        Assert.Matches("<dt>行政</dt>\\s*<dd>21\\. 自主的な取組を通じた課題解決の重要性</dd>", page);
        Assert.Contains("<dt>つながりの構築</dt>", page, StringComparison.Ordinal);
        Assert.Contains("[共助社会の場] 多様な主体による「共助社会の場」の構築と活動範囲の拡充", page, StringComparison.Ordinal);
        Assert.Contains("<dt>参加の促進</dt>", page, StringComparison.Ordinal);
        // The government's role for ㉙ as the prompt; registration as the first line of the history.
        Assert.Contains("相互理解と適切な役割分担による施策の深化や地域づくりへの発展", page, StringComparison.Ordinal);
        Assert.Contains("㉙ 主体の支援で登録", page, StringComparison.Ordinal);
        Assert.DoesNotContain("型と段階を変える</h2>", page, StringComparison.Ordinal); // anonymous readers get no forms

        var list = await (await app.CreateBrowser().GetAsync(Url("/collaboration/initiatives?type=29&stage=SupportingActors"))).HtmlAsync();
        Assert.Contains($"href=\"/collaboration/initiatives/{id}\"", list, StringComparison.Ordinal);
        Assert.Contains("県民生活課", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.Stage", "", "㉙の取組は段階を選んでください。")]
    [InlineData("Input.Type", "27", "段階を選べるのは㉙の取組だけです。")]
    [InlineData("Input.Type", "", "型（㉗・㉘・㉙）を選んでください。")]
    [InlineData("Input.Title", "", "タイトルを入力してください。")]
    [InlineData("Input.Title", "長", "タイトルは200文字以内で入力してください。")]
    [InlineData("Input.Summary", "長", "概要は4000文字以内で入力してください。")]
    [InlineData("Input.TargetType", "28", "向かう先の段階を選べるのは、向かう先が㉙のときだけです。")]
    [InlineData("Input.TargetStage", "", "向かう先が㉙のときは、向かう先の段階を選んでください。")]
    [InlineData("Input.TargetStage", "SupportingActors", "向かう先には、今の型・段階とは違うものを選んでください。")]
    [InlineData("Input.TargetDate", "2001-04-01", "目標の時期は明日以降の日付にしてください。")]
    [InlineData("Input.TargetDate", "来年の春", "目標の時期を正しい日付で入力してください。")]
    [InlineData("Input.Municipalities[1]", "131016", "市区町村を一覧から選んでください。")]
    [InlineData("Input.Challenges[1]", "25", "課題を一覧から選んでください。")]
    [InlineData("Input.Pathways[1]", "0", "方策を一覧から選んでください。")]
    [InlineData("Input.OwnerName", "", "部署の名前を入力してください。")]
    [InlineData("Input.OwnerKind", "Ministry", "担い手の種類を選んでください。")]
    public async Task Bad_input_is_shown_kept_and_nothing_is_saved(string field, string value, string message)
    {
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var title = $"誤入力の取組 {Guid.NewGuid():N}";
        var form = InitiativeData.Form(title);
        form[field] = value == "長" ? new string('長', field == "Input.Title" ? 201 : 4001) : value;
        var response = await coordinator.PostFormAsync("/collaboration/initiatives/new", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        // What was typed is kept.
        Assert.Contains(field == "Input.Summary" ? title : "子ども食堂を地域で支える仕組みを", html, StringComparison.Ordinal);
        Assert.False(await InitiativeData.QueryAsync(app, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Initiatives, i => i.Title == title)));
    }

    [Fact]
    public async Task A_target_date_without_a_target_and_a_target_stage_without_a_type_are_refused_in_English_too()
    {
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        coordinator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var form = InitiativeData.Form();
        form["Input.TargetType"] = "";
        var html = await (await coordinator.PostFormAsync("/collaboration/initiatives/new", form)).HtmlAsync();
        Assert.Contains("To choose a target stage, choose ㉙ as the target type.", html, StringComparison.Ordinal);
        form["Input.TargetStage"] = "";
        html = await (await coordinator.PostFormAsync("/collaboration/initiatives/new", form)).HtmlAsync();
        Assert.Contains("When you give a target date, choose the target type too.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_admin_registers_only_for_their_own_organization()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "協働登録の会");
        var (_, otherOrganization) = await OpportunityData.OrgAdminAsync(app, "よその協働の会");
        var form = InitiativeData.Form("会の見守り活動");
        form["Input.Type"] = "27";
        form["Input.Stage"] = "";

        var asDepartment = await admin.PostFormAsync("/collaboration/initiatives/new", new Dictionary<string, string>(form));
        Assert.Contains("団体の管理者が登録・編集できるのは、自分の団体の取組です。", await asDepartment.HtmlAsync(), StringComparison.Ordinal);

        form["Input.OwnerKind"] = "Organization";
        form["Input.OrganizationId"] = otherOrganization.ToString();
        var forAnother = await admin.PostFormAsync("/collaboration/initiatives/new", new Dictionary<string, string>(form));
        Assert.Contains("団体の管理者が登録・編集できるのは、自分の団体の取組です。", await forAnother.HtmlAsync(), StringComparison.Ordinal);

        form["Input.OrganizationId"] = organizationId.ToString();
        var registered = await admin.PostFormAsync("/collaboration/initiatives/new", form);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var initiative = await InitiativeData.FindAsync(app, InitiativeData.IdFrom(registered));
        Assert.Equal(InitiativeOwnerKind.Organization, initiative!.OwnerKind);
        Assert.Equal(organizationId, initiative.OrganizationId);
        Assert.Equal("協働登録の会", initiative.OwnerName);
        Assert.Equal(InitiativeType.ByResidents, initiative.Type);
        Assert.Null(initiative.Stage);
    }

    [Fact]
    public async Task Residents_without_an_organization_and_anonymous_visitors_may_not_register()
    {
        ProBonoData.AssertRefused(await (await app.SignInAsync(Roles.Resident)).GetAsync(Url("/collaboration/initiatives/new")));
        var anonymous = await app.CreateBrowser().GetAsync(Url("/collaboration/initiatives/new"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_and_staff_edit_others_are_refused_and_unknown_ids_are_not_found()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "編集の会");
        var id = await InitiativeData.AddAsync(app,
            InitiativeData.Details("編集される取組", InitiativeOwnerKind.Organization, "編集の会", organizationId), InitiativeType.ByResidents);
        var (otherAdmin, _) = await OpportunityData.OrgAdminAsync(app, "編集しない会");
        var resident = await app.SignInAsync(Roles.Resident);
        foreach (var refused in new[] { otherAdmin, resident })
        {
            ProBonoData.AssertRefused(await refused.GetAsync(Url($"/collaboration/initiatives/{id}/edit")));
            var page = await (await refused.GetAsync(Url($"/collaboration/initiatives/{id}"))).HtmlAsync();
            Assert.DoesNotContain($"/collaboration/initiatives/{id}/edit", page, StringComparison.Ordinal);
        }

        var form = InitiativeData.Form("編集された取組");
        form.Remove("Input.Type");
        form.Remove("Input.Stage");
        form["Input.OwnerKind"] = "Organization";
        form["Input.OrganizationId"] = organizationId.ToString();
        form["Input.TargetType"] = "29";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/collaboration/initiatives/{id}/edit", form)).StatusCode);
        var edited = await InitiativeData.FindAsync(app, id);
        Assert.Equal("編集された取組", edited!.Title);
        Assert.Equal(InitiativeType.ByResidents, edited.Type); // the type does not change by editing
        Assert.Equal(CollaborationStage.Pilot, edited.TargetStage);

        var coordinator = await app.SignInAsync(Roles.PrefectureAdmin);
        form["Input.Title"] = "県が直した取組";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/collaboration/initiatives/{id}/edit", form)).StatusCode);
        Assert.Equal("県が直した取組", (await InitiativeData.FindAsync(app, id))!.Title);

        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(Url($"/collaboration/initiatives/{unknown}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(Url($"/collaboration/initiatives/{unknown}/edit"))).StatusCode);
    }

    [Fact]
    public async Task The_framework_reads_in_English()
    {
        var id = await InitiativeData.AddAsync(app, InitiativeData.Details("英語の取組", challenges: [1, 24], pathways: [16]), InitiativeType.ByGovernment);
        var html = await (await app.CreateBrowser("en").GetAsync(Url($"/collaboration/initiatives/{id}"))).HtmlAsync();
        Assert.Contains("Local residents", html, StringComparison.Ordinal);
        Assert.Contains("Government staff expected to coordinate solving local problems", html, StringComparison.Ordinal);
        Assert.Contains("Revitalizing the region", html, StringComparison.Ordinal);
        Assert.Contains("[Neighbourhood associations and educational institutions]", html, StringComparison.Ordinal);
        Assert.Contains("The government's role in ㉘ initiatives", html, StringComparison.Ordinal);
        Assert.DoesNotContain("地域住民", html, StringComparison.Ordinal);
    }
}

internal static class UriPaths
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
