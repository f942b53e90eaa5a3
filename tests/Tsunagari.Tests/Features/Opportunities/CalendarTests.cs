using System.Globalization;
using System.Net;
using Ical.Net;
using Tsunagari.Features.Opportunities;
using Calendar = Ical.Net.Calendar;

namespace Tsunagari.Tests.Features.Opportunities;

public sealed class CalendarTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task An_opportunity_calendar_parses_back_with_its_rule_exceptions_and_zone()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "暦の会");
        var start = OpportunityData.NextSaturday();
        var skipped = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start.AddDays(14), Tsunagari.Platform.JapanTime.Zone).Date);
        var id = await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("毎週の清掃", start, "FREQ=WEEKLY;BYDAY=SA", [skipped]));
        var cancelled = await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("中止の講座", start.AddDays(1)), OpportunityStatus.Cancelled);
        await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("下書きの講座", start), OpportunityStatus.Draft);

        var response = await app.CreateBrowser().GetAsync(new Uri($"/opportunities/{id}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Asia/Tokyo:", text, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=SA", text, StringComparison.Ordinal);
        Assert.Contains($"EXDATE;TZID=Asia/Tokyo:{skipped:yyyyMMdd}T100000", text, StringComparison.Ordinal);

        var calendar = Calendar.Load(text)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal($"{id}@tsunagari", e.Uid);
        Assert.Equal("Asia/Tokyo", e.DtStart!.TzId);
        Assert.Equal(10, e.DtStart.Hour);
        Assert.Equal("毎週の清掃", e.Summary);
        Assert.Equal("みんなで楽しく。", e.Description);
        Assert.Equal($"/opportunities/{id}", e.Url!.AbsolutePath);
        Assert.Contains("中央公民館", e.Location, StringComparison.Ordinal);
        Assert.Equal("FREQ=WEEKLY;BYDAY=SA", e.RecurrenceRule!.ToString());
        var occurrences = e.GetOccurrences(new Ical.Net.DataTypes.CalDateTime(start.UtcDateTime, "UTC")).TakeWhileBefore(new Ical.Net.DataTypes.CalDateTime(start.AddDays(28).UtcDateTime, "UTC")).ToList();
        Assert.Equal(3, occurrences.Count);
        Assert.DoesNotContain(occurrences, o => o.Period.StartTime.Date == skipped);

        var feed = Calendar.Load(await app.CreateBrowser().GetStringAsync(new Uri($"/organizations/{orgId}/opportunities.ics", UriKind.Relative)))!;
        Assert.Equal(2, feed.Events.Count);
        Assert.Equal("CANCELLED", feed.Events.Single(x => x.Uid == $"{cancelled}@tsunagari").Status);

        var region = Calendar.Load(await app.CreateBrowser().GetStringAsync(new Uri("/regions/121002/opportunities.ics", UriKind.Relative)))!;
        Assert.Contains(region.Events, x => x.Uid == $"{id}@tsunagari");
        var other = Calendar.Load(await app.CreateBrowser().GetStringAsync(new Uri($"/regions/{OpportunityData.Funabashi}/opportunities.ics", UriKind.Relative)))!;
        Assert.Empty(other.Events);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateBrowser().GetAsync(new Uri("/regions/123/opportunities.ics", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,WE", "毎週 月曜日・水曜日")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1SU", "毎月 最終日曜日")]
    [InlineData("FREQ=DAILY", "毎日")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1,15", "繰り返し（FREQ=MONTHLY;BYMONTHDAY=1,15）")]
    public void Rules_are_described_in_words(string rule, string words)
    {
        var l = new JapaneseLocalizer();
        Assert.Equal(words, Recurrence.Describe(rule, l));
        Assert.Null(Recurrence.Parse("FREQ=SOMETIMES"));
        Assert.NotNull(Recurrence.Parse("RRULE:" + rule));
    }

    [Theory]
    [InlineData("FREQ=DAILY;BYHOUR=9,13,17")]
    [InlineData("FREQ=WEEKLY;BYDAY=SA")]
    [InlineData("FREQ=WEEKLY;BYDAY=SU;COUNT=12")]
    public void The_upcoming_occurrences_kept_for_the_day_are_those_computed_afresh_at_any_time_of_it(string rule)
    {
        var start = new DateTimeOffset(2026, 9, 5, 9, 0, 0, TimeSpan.FromHours(9));
        var details = OpportunityData.Details("繰り返しの活動", start, rule, [new DateOnly(2026, 10, 18)]);
        var opportunity = new Opportunity(Guid.NewGuid(), details, start.AddDays(-30));
        // Through one Japan day, before, between and after its occurrences, and the next morning.
        foreach (var hour in new[] { 0, 9, 10, 14, 23, 33 })
        {
            var now = new DateTimeOffset(2026, 10, 11, 0, 0, 0, TimeSpan.FromHours(9)).AddHours(hour).AddMinutes(hour == 9 ? 1 : 0);
            Assert.Equal(Recurrence.Occurrences(opportunity, now, now.AddYears(1), 20), Recurrence.Upcoming(opportunity, now, 20));
        }
        // The same opportunity with its rule changed the same day gets the new rule's dates, not the kept ones.
        var noon = new DateTimeOffset(2026, 10, 11, 12, 0, 0, TimeSpan.FromHours(9));
        Assert.NotEmpty(Recurrence.Upcoming(opportunity, noon, 20));
        opportunity.Update(details with { RecurrenceRule = "FREQ=WEEKLY;BYDAY=MO" }, noon);
        var changed = Recurrence.Upcoming(opportunity, noon, 20);
        Assert.Equal(20, changed.Count);
        Assert.All(changed, o => Assert.Equal(DayOfWeek.Monday, o.Start.ToOffset(TimeSpan.FromHours(9)).DayOfWeek));
    }

    /// <summary>The resource keys are the Japanese text, so formatting the key is the Japanese result.</summary>
    private sealed class JapaneseLocalizer : Microsoft.Extensions.Localization.IStringLocalizer<Tsunagari.Resources.SharedResource>
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, name);

        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
