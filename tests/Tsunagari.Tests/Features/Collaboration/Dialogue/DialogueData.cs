using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Collaboration;

namespace Tsunagari.Tests.Features.Collaboration.Dialogue;

/// <summary>Dialogue meetings and their follow-up actions made straight in the database, and read back, for the dialogue tests.</summary>
public static class DialogueData
{
    public static Dictionary<string, string> PlanForm(string theme = nameof(DialogueTheme.SharingOtherRegions), string agenda = "開会のあいさつ\n他市の事例紹介\n意見交換") =>
        new() { ["Plan.Theme"] = theme, ["Plan.Agenda"] = agenda, ["Plan.InitiativeId"] = "" };

    public static async Task<Guid> MeetingAsync(TestApp app, Guid opportunityId, DialogueTheme theme = DialogueTheme.MutualUnderstanding, string agenda = "自己紹介\n話し合い")
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var meeting = new DialogueMeeting(opportunityId, theme, agenda, null, DateTimeOffset.UtcNow);
        db.DialogueMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    public static async Task<Guid> ActionAsync(TestApp app, Guid meetingId, string text, DateOnly due)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var action = new FollowUpAction(meetingId, text, "中央区役所", due, DateTimeOffset.UtcNow);
        db.FollowUpActions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }

    public static async Task<T> QueryAsync<T>(TestApp app, Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>403, or the access-denied page a signed-in browser is sent to.</summary>
    public static void AssertRefused(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Forbidden
            || response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true,
            $"Expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tsunagari.Platform.JapanTime.Zone).DateTime);
}
