using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Notifications;
using Tsunagari.Resources;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

public sealed class NotificationsTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    private async Task DeliverAsync()
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<DeliverNotifications>().RunAsync(default);
    }

    private async Task SetAsync(Guid accountId, bool digest, string culture)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(a => a.Id == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.PrefersDailyDigest, digest).SetProperty(a => a.Culture, culture));
    }

    private List<MimeKit.MimeMessage> MailTo(string email) =>
        app.Mail().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    private async Task<string> EmailAsync(Guid accountId)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Id == accountId)).Email!;
    }

    [Fact]
    public void Every_kind_has_its_own_sentence_in_both_languages()
    {
        using var scope = app.Services.CreateScope();
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        foreach (var culture in new[] { "ja", "en" })
        {
            var before = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            try
            {
                var sentences = Enum.GetValues<NotificationKind>().Select(k => NotificationText.Sentence(k, "海辺の清掃", l)).ToList();
                Assert.All(sentences, s => Assert.Contains("海辺の清掃", s, StringComparison.Ordinal));
                Assert.All(sentences, s => Assert.NotEqual("海辺の清掃", s));
                Assert.Equal(sentences.Count, sentences.Distinct(StringComparer.Ordinal).Count());
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = before;
            }
        }
    }

    [Fact]
    public async Task Notifications_are_mailed_at_once_in_the_readers_language_and_only_once()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "メールの会");
        var id = await SignUpData.OpportunityAsync(app, orgId, 5, start: app.Clock.Now.AddDays(10));
        var (resident, residentId) = await SignUpData.ResidentAsync(app);
        await SetAsync(residentId, digest: false, culture: "en");
        Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync($"/api/v1/opportunities/{id}/signups", new { })).StatusCode);
        await DeliverAsync();
        var email = await EmailAsync(residentId);
        var mail = Assert.Single(MailTo(email));
        Assert.Contains("confirmed", mail.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"/opportunities/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.All(await SignUpData.NotificationsAsync(app, residentId), n => Assert.NotNull(n.MailedAt));
        await DeliverAsync();
        Assert.Single(MailTo(email));

        // On the site: listed, then read one by one or all at once.
        var page = await (await resident.GetAsync(new Uri("/me/notifications", UriKind.Relative))).HtmlAsync();
        Assert.Contains("海辺の清掃", page, StringComparison.Ordinal);
        var notification = (await SignUpData.NotificationsAsync(app, residentId)).Single();
        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostFormAsync($"/me/notifications?id={notification.Id}", [], "Read")).StatusCode);
        Assert.NotNull((await SignUpData.NotificationsAsync(app, residentId)).Single().ReadAt);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostFormAsync("/me/notifications", [], "ReadAll")).StatusCode);
    }

    [Fact]
    public async Task Digest_people_get_one_mail_a_day_at_seven_and_reminders_come_the_day_before()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "まとめの会");
        // 10:00 Japan time today; the event is the day after tomorrow at 10:00.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tsunagari.Platform.JapanTime.Zone).Date;
        app.Clock.Now = new DateTimeOffset(today.AddHours(10), Japan);
        var start = new DateTimeOffset(today.AddDays(2).AddHours(10), Japan);
        var first = await SignUpData.OpportunityAsync(app, orgId, 5, start: start);
        var second = await SignUpData.OpportunityAsync(app, orgId, null, start: start.AddDays(5));
        var (resident, residentId) = await SignUpData.ResidentAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostFormAsync("/me/notifications", new() { ["prefersDailyDigest"] = "true" }, "Digest")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync($"/api/v1/opportunities/{first}/signups", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync($"/api/v1/opportunities/{second}/signups", new { })).StatusCode);
        var email = await EmailAsync(residentId);

        await DeliverAsync();
        Assert.Empty(MailTo(email));

        // Tomorrow 07:05: the digest with both, and the reminder (created now, so it waits for the next digest).
        app.Clock.Now = new DateTimeOffset(today.AddDays(1).AddHours(7).AddMinutes(5), Japan);
        await DeliverAsync();
        var digest = Assert.Single(MailTo(email));
        Assert.Contains("(2)", digest.Subject!.Replace("（", "(", StringComparison.Ordinal).Replace("件）", ")", StringComparison.Ordinal), StringComparison.Ordinal);
        var notifications = await SignUpData.NotificationsAsync(app, residentId);
        var reminder = Assert.Single(notifications, n => n.Kind == NotificationKind.Reminder);
        Assert.Null(reminder.MailedAt);
        var signUp = (await SignUpData.SignUpsAsync(app, first)).Single();
        Assert.NotNull(signUp.ReminderSentAt);
        Assert.Null((await SignUpData.SignUpsAsync(app, second)).Single().ReminderSentAt);

        // No second reminder; the next morning's digest carries it.
        await DeliverAsync();
        Assert.Single(await SignUpData.NotificationsAsync(app, residentId), n => n.Kind == NotificationKind.Reminder);
        app.Clock.Now = new DateTimeOffset(today.AddDays(2).AddHours(7).AddMinutes(1), Japan);
        await DeliverAsync();
        Assert.Equal(2, MailTo(email).Count);
        Assert.Single(await SignUpData.NotificationsAsync(app, residentId), n => n.Kind == NotificationKind.Reminder);
    }
}
