using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.ImpactEvaluation.LogicModels;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Collaboration.Dialogue;
using Tsunagari.Tests.Features.Collaboration.Pilots;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ImpactEvaluation;

/// <summary>
/// Logic models: made blank or from a template (in the maker's language), the hub's diagram and text equivalent, the
/// no-script editor with every refusal leaving the saved model as it was, details and narrative, deletion, and who may
/// see and change what.
/// </summary>
public sealed class LogicModelTests(TestApp app) : IClassFixture<TestApp>
{
    private static Dictionary<string, string> NewForm(Guid organizationId, string title = "子ども食堂の評価", string template = "",
        string start = "2027-04-01", string end = "2028-03-31", string subject = "Organization") => new()
        {
            ["Input.OrganizationId"] = organizationId.ToString(),
            ["Input.Title"] = title,
            ["Input.Subject"] = subject,
            ["Input.PeriodStart"] = start,
            ["Input.PeriodEnd"] = end,
            ["Input.Template"] = template,
        };

    private static async Task<Guid> CreateAsync(HttpClient admin, Guid organizationId, string template = "", string title = "子ども食堂の評価")
    {
        var response = await admin.PostFormAsync(ModelUrls.New(), NewForm(organizationId, title, template));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.HtmlAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString["/impact/models/".Length..]);
    }

    private Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => PilotData.QueryAsync(app, query);

    private Task<LogicModel?> ModelAsync(Guid id) => QueryAsync(db => db.LogicModels.AsNoTracking().Include(m => m.Elements).Include(m => m.Links).SingleOrDefaultAsync(m => m.Id == id));

    private static Dictionary<string, string> Element(string kind, string text) => new() { ["NewElement.Kind"] = kind, ["NewElement.Text"] = text };

    private static Dictionary<string, string> Link(Guid from, Guid to) => new() { ["NewLink.From"] = from.ToString(), ["NewLink.To"] = to.ToString() };

    /// <summary>A signed-in resident who is a plain member of the organization.</summary>
    private async Task<HttpClient> MemberAsync(Guid organizationId)
    {
        var email = $"member-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = await db.Users.SingleAsync(u => u.Email == email);
        db.Memberships.Add(new Membership(organizationId, account.Id, MembershipRole.Member, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return browser;
    }

    [Fact]
    public void Every_template_fills_all_seven_columns_with_two_to_four_elements_joined_without_a_cycle()
    {
        Assert.Equal(["dormant-deposit", "volunteer", "probono"], LogicModelTemplates.All.Select(t => t.Key));
        foreach (var template in LogicModelTemplates.All)
        {
            var model = new LogicModel(Guid.NewGuid(), "t", new DateOnly(2027, 4, 1), new DateOnly(2028, 3, 31), Guid.NewGuid(), DateTimeOffset.UtcNow, template.Key);
            var indicators = template.Apply(model, text => text, DateTimeOffset.UtcNow);
            foreach (var kind in Enum.GetValues<ElementKind>())
                Assert.InRange(model.Elements.Count(e => e.Kind == kind), 2 - (kind == ElementKind.Impact ? 1 : 0), 4);
            Assert.Equal(template.Links.Count, model.Links.Count);
            // Every element is joined to something, and no arrow leads back to where it started.
            Assert.All(model.Elements, e => Assert.Contains(model.Links, l => l.FromId == e.Id || l.ToId == e.Id));
            Assert.All(model.Links, l => Assert.False(model.Reaches(l.ToId, l.FromId), template.Key));
            Assert.NotEmpty(indicators);
            Assert.All(indicators, i => Assert.True(model.Elements.Single(e => e.Id == i.ElementId).Kind.IsMeasurable(), i.Name));
            Assert.All(indicators, i => Assert.Equal(i.Source == IndicatorSource.Platform, i.Measure is not null));
        }
    }

    [Fact]
    public async Task The_volunteer_template_makes_the_model_with_its_arrows_and_a_platform_hours_indicator()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "見守りの会");
        var id = await CreateAsync(admin, organizationId, "volunteer");
        var model = (await ModelAsync(id))!;
        Assert.Equal(("volunteer", LogicModelSubject.Organization, new DateOnly(2027, 4, 1), new DateOnly(2028, 3, 31)), (model.TemplateKey, model.Subject, model.PeriodStart, model.PeriodEnd));
        Assert.All(Enum.GetValues<ElementKind>(), kind => Assert.Contains(model.Elements, e => e.Kind == kind));
        Assert.Equal(LogicModelTemplates.Find("volunteer")!.Links.Count, model.Links.Count);
        Assert.All(model.Links, l => Assert.False(model.Reaches(l.ToId, l.FromId)));

        var indicators = await QueryAsync(db => db.Indicators.AsNoTracking().Where(i => i.LogicModelId == id).ToListAsync());
        var hours = indicators.Single(i => i.Name == "ボランティア活動時間");
        Assert.Equal((IndicatorSource.Platform, (PlatformMeasure?)PlatformMeasure.VolunteerHours, "時間", IndicatorDirection.Increase), (hours.Source, hours.Measure, hours.Unit, hours.Direction));
        Assert.Equal(ElementKind.Output, model.Elements.Single(e => e.Id == hours.ElementId).Kind);
        Assert.Equal(PlatformMeasure.Newcomers, indicators.Single(i => i.Name == "新たな参加者数").Measure);
        Assert.Equal(IndicatorSource.Survey, indicators.Single(i => i.Name == "活動に満足した参加者の割合").Source);

        // The hub: the diagram and, under it, each element with what it leads to.
        var hub = await (await admin.GetAsync(new Uri(ModelUrls.Hub(id), UriKind.Relative))).HtmlAsync();
        Assert.Contains("role=\"img\"", hub, StringComparison.Ordinal);
        Assert.Contains("marker-end=\"url(#logic-model-arrowhead)\"", hub, StringComparison.Ordinal);
        Assert.Contains("テンプレートからロジックモデルを作りました。", hub, StringComparison.Ordinal);
        Assert.Contains("ボランティアプログラム", hub, StringComparison.Ordinal);
        Assert.Contains("<li id=\"element-", hub, StringComparison.Ordinal);
        Assert.Contains("活動後のふりかえり会\n                            <br /><span>→ つながる先：参加者が活動にやりがいと地域とのつながりを感じる</span>", hub.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("子ども食堂・清掃・見守りの定例活動\n                            <br /><span>→ つながる先：ボランティアが定例活動に参加する、定例活動が計画どおり開かれる</span>", hub.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        foreach (var part in new[] { ModelUrls.Indicators(id), ModelUrls.Snapshots(id), ModelUrls.Sroi(id), ModelUrls.Report(id), ModelUrls.Edit(id) })
            Assert.Contains($"href=\"{part}\"", hub, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_request_makes_the_template_in_English()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "English club", "en");
        var id = await CreateAsync(admin, organizationId, "volunteer");
        var model = (await ModelAsync(id))!;
        Assert.Contains(model.Elements, e => e is { Kind: ElementKind.Input, Text: "Volunteer coordinator" });
        Assert.DoesNotContain(model.Elements, e => e.Text.Any(c => c is >= '\u3040' and <= '\u9fff'));
        var indicator = await QueryAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.LogicModelId == id && i.Measure == PlatformMeasure.VolunteerHours));
        Assert.Equal(("Volunteer hours", "Hours"), (indicator.Name, indicator.Unit));
        var hub = await (await admin.GetAsync(new Uri(ModelUrls.Hub(id), UriKind.Relative))).HtmlAsync();
        Assert.Contains("Short-term outcomes", hub, StringComparison.Ordinal);
        Assert.Contains("→ Leads to: ", hub, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blank_model_is_built_through_the_forms_and_refused_arrows_change_nothing()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "白紙の会");
        var id = await CreateAsync(admin, organizationId);
        var url = ModelUrls.Hub(id);
        Assert.Empty((await ModelAsync(id))!.Elements);
        Assert.Contains("まだ要素がありません。", await (await admin.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        // Elements through the form; empty, too long or without a column: refused with the message.
        foreach (var (kind, text) in new[] { ("Input", "会費と寄付"), ("Activity", "週1回の学習会"), ("Output", "学習会の参加者"), ("Output", "教材") })
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Element(kind, text), "AddElement")).StatusCode);
        Assert.Contains("要素の文章を入力してください。", await (await admin.PostFormAsync(url, Element("Input", "  "), "AddElement")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("要素の文章は500文字以内で入力してください。", await (await admin.PostFormAsync(url, Element("Input", new string('あ', 501)), "AddElement")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("要素の列を選んでください。", await (await admin.PostFormAsync(url, Element("3", "数字の列"), "AddElement")).HtmlAsync(), StringComparison.Ordinal);
        var model = (await ModelAsync(id))!;
        Assert.Equal(4, model.Elements.Count);
        Guid Id(string text) => model.Elements.Single(e => e.Text == text).Id;
        var (fee, study, participants, materials) = (Id("会費と寄付"), Id("週1回の学習会"), Id("学習会の参加者"), Id("教材"));
        Assert.Equal([1, 2], model.Elements.Where(e => e.Kind == ElementKind.Output).OrderBy(e => e.Text == "教材").Select(e => e.Order));

        // Arrows: fee → study → participants → materials.
        foreach (var (from, to) in new[] { (fee, study), (study, participants), (participants, materials) })
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Link(from, to), "AddLink")).StatusCode);

        // A cycle, an arrow to itself, a second identical arrow, an element of no model: each refused, naming the elements.
        var cycle = await (await admin.PostFormAsync(url, Link(materials, fee), "AddLink")).HtmlAsync();
        Assert.Contains("「教材」から「会費と寄付」への矢印を引くと、矢印がたどって元に戻る循環になります。", cycle, StringComparison.Ordinal);
        Assert.Contains("「週1回の学習会」から同じ要素へは矢印を引けません。", await (await admin.PostFormAsync(url, Link(study, study), "AddLink")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("「会費と寄付」から「週1回の学習会」への矢印はすでにあります。", await (await admin.PostFormAsync(url, Link(fee, study), "AddLink")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("矢印の元と先を、このロジックモデルの要素から選んでください。", await (await admin.PostFormAsync(url, Link(fee, Guid.NewGuid()), "AddLink")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("矢印の元と先を選んでください。", await (await admin.PostFormAsync(url, new(), "AddLink")).HtmlAsync(), StringComparison.Ordinal);
        var after = (await ModelAsync(id))!;
        Assert.Equal(3, after.Links.Count);
        Assert.Equal(4, after.Elements.Count);

        // Rewording (a refused one keeps the old text), moving within the column, deleting with its arrows.
        var edit = new Dictionary<string, string> { ["elementId"] = participants.ToString(), ["text"] = "学習会の延べ参加者" };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, edit, "EditElement")).StatusCode);
        edit["text"] = "";
        Assert.Contains("要素の文章を入力してください。", await (await admin.PostFormAsync(url, edit, "EditElement")).HtmlAsync(), StringComparison.Ordinal);
        var unknown = new Dictionary<string, string> { ["elementId"] = Guid.NewGuid().ToString(), ["text"] = "x" };
        Assert.Contains("その要素は見つかりません。", await (await admin.PostFormAsync(url, unknown, "EditElement")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new() { ["elementId"] = materials.ToString(), ["direction"] = "up" }, "Move")).StatusCode);
        model = (await ModelAsync(id))!;
        Assert.Equal("学習会の延べ参加者", model.Elements.Single(e => e.Id == participants).Text);
        Assert.Equal(["教材", "学習会の延べ参加者"], model.Elements.Where(e => e.Kind == ElementKind.Output).OrderBy(e => e.Order).Select(e => e.Text));

        var hub = await (await admin.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();
        Assert.Contains("→ つながる先：週1回の学習会", hub, StringComparison.Ordinal);
        Assert.Contains("→ つながる先：学習会の延べ参加者", hub, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new() { ["elementId"] = study.ToString() }, "DeleteElement")).StatusCode);
        model = (await ModelAsync(id))!;
        Assert.DoesNotContain(model.Elements, e => e.Id == study);
        Assert.Equal([(participants, materials)], model.Links.Select(l => (l.FromId, l.ToId)));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new() { ["from"] = participants.ToString(), ["to"] = materials.ToString() }, "DeleteLink")).StatusCode);
        Assert.Empty((await ModelAsync(id))!.Links);
    }

    [Fact]
    public async Task Deleting_an_element_takes_its_indicators_with_it()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "指標の会");
        var id = await CreateAsync(admin, organizationId, "volunteer");
        var hours = await QueryAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.LogicModelId == id && i.Measure == PlatformMeasure.VolunteerHours));
        var hub = await (await admin.GetAsync(new Uri(ModelUrls.Hub(id), UriKind.Relative))).HtmlAsync();
        Assert.Contains("削除する（指標1件も削除）", hub, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(ModelUrls.Hub(id), new() { ["elementId"] = hours.ElementId.ToString() }, "DeleteElement")).StatusCode);
        Assert.False(await QueryAsync(db => db.Indicators.AnyAsync(i => i.Id == hours.Id)));
        Assert.Equal(3, await QueryAsync(db => db.Indicators.CountAsync(i => i.LogicModelId == id)));
    }

    [Fact]
    public async Task A_full_model_takes_no_more_elements()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "満杯の会");
        var id = await CreateAsync(admin, organizationId);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var model = await db.LogicModels.Include(m => m.Elements).SingleAsync(m => m.Id == id);
            for (var i = 0; i < LogicModel.MaxElements; i++) db.LogicModelElements.Add(model.AddElement(ElementKind.Activity, $"活動{i}"));
            await db.SaveChangesAsync();
        }
        var refused = await admin.PostFormAsync(ModelUrls.Hub(id), Element("Input", "もう一つ"), "AddElement");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"要素は{LogicModel.MaxElements}個までです。", await refused.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(LogicModel.MaxElements, (await ModelAsync(id))!.Elements.Count);
    }

    [Fact]
    public async Task Members_and_staff_see_admins_change_and_other_organizations_are_told_nothing()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "権限の会");
        var id = await CreateAsync(admin, organizationId, "probono", "プロボノの評価");
        var member = await MemberAsync(organizationId);
        var (otherAdmin, otherOrganizationId) = await OpportunityData.OrgAdminAsync(app, "よその会");
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var url = ModelUrls.Hub(id);
        var element = Element("Input", "会費");

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var memberHub = await (await member.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();
        Assert.DoesNotContain("handler=AddElement", memberHub, StringComparison.Ordinal);
        Assert.Contains("プロボノチームによる成果物の制作", memberHub, StringComparison.Ordinal);

        DialogueData.AssertRefused(await member.PostFormAsync(url, element, "AddElement"));
        DialogueData.AssertRefused(await coordinator.PostFormAsync(url, element, "AddElement"));
        DialogueData.AssertRefused(await member.GetAsync(new Uri(ModelUrls.Edit(id), UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(new Uri(ModelUrls.Edit(id), UriKind.Relative))).StatusCode);
        Assert.DoesNotContain((await ModelAsync(id))!.Elements, e => e.Text == "会費");

        // The list: the member's organization's models, all for staff, none of it for the other organization.
        var memberList = await (await member.GetAsync(new Uri(ModelUrls.List, UriKind.Relative))).HtmlAsync();
        Assert.Contains("プロボノの評価", memberList, StringComparison.Ordinal);
        Assert.Contains("権限の会", memberList, StringComparison.Ordinal);
        Assert.DoesNotContain(ModelUrls.New(), memberList, StringComparison.Ordinal);
        Assert.Contains("プロボノの評価", await (await coordinator.GetAsync(new Uri(ModelUrls.List, UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        var otherList = await (await otherAdmin.GetAsync(new Uri(ModelUrls.List, UriKind.Relative))).HtmlAsync();
        Assert.DoesNotContain("プロボノの評価", otherList, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ModelUrls.New()}\"", otherList, StringComparison.Ordinal);

        // Making one for an organization one does not administer: 404 unseen, 403 when only a member; none at all for staff.
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(new Uri(ModelUrls.New(organizationId), UriKind.Relative))).StatusCode);
        var foreign = await otherAdmin.PostFormAsync(ModelUrls.New(), NewForm(organizationId));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        DialogueData.AssertRefused(await member.GetAsync(new Uri(ModelUrls.New(), UriKind.Relative)));
        DialogueData.AssertRefused(await coordinator.GetAsync(new Uri(ModelUrls.New(organizationId), UriKind.Relative)));
        Assert.Equal(1, await QueryAsync(db => db.LogicModels.CountAsync(m => m.OrganizationId == organizationId)));
        Assert.Equal(0, await QueryAsync(db => db.LogicModels.CountAsync(m => m.OrganizationId == otherOrganizationId)));
    }

    [Fact]
    public async Task Bad_details_are_refused_with_their_messages_and_nothing_is_made()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "入力の会");
        var (_, otherOrganizationId) = await OpportunityData.OrgAdminAsync(app, "別の会");
        var (_, otherPilot) = await PilotData.PilotAsync(app, otherOrganizationId, "よその試行");
        var (_, ownPilot) = await PilotData.PilotAsync(app, organizationId, "自分の試行");

        var reversed = await (await admin.PostFormAsync(ModelUrls.New(), NewForm(organizationId, start: "2028-04-01", end: "2027-04-01"))).HtmlAsync();
        Assert.Contains("評価期間の終了日（2027-04-01）が開始日（2028-04-01）より前です。", reversed, StringComparison.Ordinal);
        Assert.Contains("タイトルを入力してください。", await (await admin.PostFormAsync(ModelUrls.New(), NewForm(organizationId, title: " "))).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("テンプレートは一覧から選んでください。", await (await admin.PostFormAsync(ModelUrls.New(), NewForm(organizationId, template: "sib"))).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("評価の対象を選んでください。", await (await admin.PostFormAsync(ModelUrls.New(), NewForm(organizationId, subject: "9"))).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("開始日を入力してください。", await (await admin.PostFormAsync(ModelUrls.New(), NewForm(organizationId, start: ""))).HtmlAsync(), StringComparison.Ordinal);
        var unreadable = await (await admin.PostFormAsync(ModelUrls.New(), NewForm(organizationId, end: "2028-02-30"))).HtmlAsync();
        Assert.Contains("終了日は日付（例：2028-03-31）で入力してください。", unreadable, StringComparison.Ordinal);
        Assert.DoesNotContain("PeriodEnd", unreadable.Replace("Input.PeriodEnd", "", StringComparison.Ordinal).Replace("Input_PeriodEnd", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var badPilot = NewForm(organizationId, subject: "CollaborationPilot");
        badPilot["Input.PilotId"] = "not-a-pilot";
        Assert.Contains("評価する協働の試行を選んでください。", await (await admin.PostFormAsync(ModelUrls.New(), badPilot)).HtmlAsync(), StringComparison.Ordinal);
        badPilot["Input.Subject"] = "Project";
        badPilot["Input.Title"] = "試行ではない事業";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(ModelUrls.New(), badPilot)).StatusCode);
        Assert.Null(await QueryAsync(db => db.LogicModels.Where(m => m.Title == "試行ではない事業").Select(m => m.PilotId).SingleAsync()));
        await QueryAsync(db => db.LogicModels.Where(m => m.Title == "試行ではない事業").ExecuteDeleteAsync());
        Assert.Contains("評価する協働の試行を選んでください。", await (await admin.PostFormAsync(ModelUrls.New(), NewForm(organizationId, subject: "CollaborationPilot"))).HtmlAsync(), StringComparison.Ordinal);
        var foreignPilot = NewForm(organizationId, subject: "CollaborationPilot");
        foreignPilot["Input.PilotId"] = otherPilot.ToString();
        Assert.Contains("協働の試行は、この団体が提案したものから選んでください。", await (await admin.PostFormAsync(ModelUrls.New(), foreignPilot)).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync(ModelUrls.New(), NewForm(otherOrganizationId))).StatusCode);
        Assert.Equal(0, await QueryAsync(db => db.LogicModels.CountAsync(m => m.OrganizationId == organizationId || m.OrganizationId == otherOrganizationId)));

        // The pilot select offers the organization's own pilot, and a model of it keeps it.
        var form = await (await admin.GetAsync(new Uri(ModelUrls.New(organizationId), UriKind.Relative))).HtmlAsync();
        Assert.Contains("自分の試行", form, StringComparison.Ordinal);
        Assert.DoesNotContain("よその試行", form, StringComparison.Ordinal);
        var own = NewForm(organizationId, subject: "CollaborationPilot");
        own["Input.PilotId"] = ownPilot.ToString();
        var created = await admin.PostFormAsync(ModelUrls.New(), own);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var model = await QueryAsync(db => db.LogicModels.AsNoTracking().SingleAsync(m => m.OrganizationId == organizationId));
        Assert.Equal((LogicModelSubject.CollaborationPilot, (Guid?)ownPilot, (string?)null), (model.Subject, model.PilotId, model.TemplateKey));
        Assert.Contains("自分の試行", await (await admin.GetAsync(new Uri(ModelUrls.Hub(model.Id), UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edit_page_saves_details_and_narrative_and_deletes_only_when_confirmed()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "振り返りの会");
        var id = await CreateAsync(admin, organizationId, "dormant-deposit");
        var url = ModelUrls.Edit(id);
        var form = NewForm(organizationId, "休眠預金事業の評価", start: "2027-04-01", end: "2030-03-31", subject: "Programme");
        form.Remove("Input.OrganizationId");
        form.Remove("Input.Template");
        form["Input.Purpose"] = "子どもの孤立を防ぐ";
        form["Input.Findings"] = "相談できる大人がいる子が増えた";
        form["Input.NextSteps"] = new string('あ', LogicModel.MaxTextLength + 1);
        Assert.Contains("次の改善は4000文字以内で入力してください。", await (await admin.PostFormAsync(url, form)).HtmlAsync(), StringComparison.Ordinal);
        form["Input.NextSteps"] = "高校との連携を広げる";
        form["Input.PeriodEnd"] = "2027-03-31";
        Assert.Contains("終了日は開始日以降にしてください。", await (await admin.PostFormAsync(url, form)).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal("子ども食堂の評価", (await ModelAsync(id))!.Title);
        form["Input.PeriodEnd"] = "2030-03-31";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, form)).StatusCode);
        var model = (await ModelAsync(id))!;
        Assert.Equal(("休眠預金事業の評価", LogicModelSubject.Programme, new DateOnly(2030, 3, 31), "子どもの孤立を防ぐ", "相談できる大人がいる子が増えた", "高校との連携を広げる"),
            (model.Title, model.Subject, model.PeriodEnd, model.Purpose, model.Findings, model.NextSteps));

        // Deleting needs the confirmation; with it, the model and what hangs from it are gone.
        var unconfirmed = await admin.PostFormAsync(url, new(), "Delete");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("削除するには、確認の欄にチェックを入れてください。", await unconfirmed.HtmlAsync(), StringComparison.Ordinal);
        Assert.NotNull(await ModelAsync(id));
        var deleted = await admin.PostFormAsync(url, new() { ["ConfirmDelete"] = "true" }, "Delete");
        Assert.Equal((HttpStatusCode.Redirect, ModelUrls.List), (deleted.StatusCode, deleted.Headers.Location!.OriginalString));
        Assert.Null(await ModelAsync(id));
        Assert.Equal(0, await QueryAsync(db => db.Indicators.CountAsync(i => i.LogicModelId == id)));
        Assert.Equal(0, await QueryAsync(db => db.LogicModelElements.CountAsync(e => e.LogicModelId == id)));
    }

    [Fact]
    public void The_diagram_wraps_long_text_inside_its_boxes_and_cuts_it_with_an_ellipsis()
    {
        var width = LogicModelDiagram.ColumnWidth - 2 * LogicModelDiagram.Padding;
        var japanese = LogicModelDiagram.Wrap(new string('あ', 300), width, LogicModelDiagram.MaxLines);
        Assert.Equal(LogicModelDiagram.MaxLines, japanese.Count);
        Assert.EndsWith("…", japanese[^1], StringComparison.Ordinal);
        Assert.All(japanese, line => Assert.True(line.Length * LogicModelDiagram.FontSize <= width, line));
        var english = LogicModelDiagram.Wrap("Children and young people connect with adults they can safely turn to", width, LogicModelDiagram.MaxLines);
        Assert.True(english.Count > 1);
        Assert.All(english, line => Assert.False(line.StartsWith(' ') || line.EndsWith(' ')));
        Assert.Equal("Children and young people connect with adults they can safely turn to", string.Join(' ', english));

        var model = new LogicModel(Guid.NewGuid(), "t", new DateOnly(2027, 4, 1), new DateOnly(2028, 3, 31), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var a = model.AddElement(ElementKind.Activity, "a");
        var b = model.AddElement(ElementKind.Output, "b");
        var c = model.AddElement(ElementKind.Output, "c");
        model.AddLink(a.Id, b.Id);
        model.AddLink(c.Id, b.Id);
        var diagram = new LogicModelDiagram(model, k => k.ToString());
        Assert.Equal(2, diagram.Arrows.Count);
        Assert.All(diagram.Boxes, box => Assert.InRange(box.X + box.Width, 0, diagram.Width));
        Assert.Equal([b], diagram.Targets(a));
    }

    [Fact]
    public void CheckLink_refuses_unknown_self_duplicate_and_cyclic_arrows()
    {
        var model = new LogicModel(Guid.NewGuid(), "t", new DateOnly(2027, 4, 1), new DateOnly(2028, 3, 31), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var (a, b, c) = (model.AddElement(ElementKind.Input, "a").Id, model.AddElement(ElementKind.Activity, "b").Id, model.AddElement(ElementKind.Output, "c").Id);
        model.AddLink(a, b);
        model.AddLink(b, c);
        Assert.True(model.Reaches(a, c));
        Assert.False(model.Reaches(c, a));
        Assert.Equal(LinkProblem.Cycle, model.CheckLink(c, a));
        Assert.Equal(LinkProblem.SelfLink, model.CheckLink(b, b));
        Assert.Equal(LinkProblem.Duplicate, model.CheckLink(a, b));
        Assert.Equal(LinkProblem.UnknownElement, model.CheckLink(a, Guid.NewGuid()));
        Assert.Null(model.CheckLink(a, c));
    }
}
