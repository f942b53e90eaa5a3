using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// Participation for the demo directory, so that every engagement page has something to show: a hundred generated
/// residents with a few hundred sign-ups over past and coming activities (<see cref="LoadParticipation"/> at a small
/// size), and the demo resident's own record — attended activities (four with one organization, a journey past its
/// first experience), coming ones, a waitlist place, sign-ups awaiting the organization's approval, and hours reports
/// (one approved, one waiting). Deterministic, and idempotent: nothing is added once any sign-up exists.
/// </summary>
public sealed class DemoParticipation(AppDbContext db, Japan japan, ILookupNormalizer normalizer, IOptions<TsunagariOptions> options, IOptions<JourneyOptions> journeyOptions, TimeProvider clock)
{
    public const int Residents = 100;
    public const int SignUps = 400;
    public const int PastOpportunities = 30;
    public const string DemoResidentEmail = "resident@example.jp";

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (await db.SignUps.AnyAsync(cancellationToken)) return;
        var resident = await db.Users.Where(u => u.Email == DemoResidentEmail).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (resident is null) return;
        // A run stopped after the residents were loaded finds them and goes on.
        if (!await db.Users.AnyAsync(u => u.Email == LoadResidents.EmailOf(1), cancellationToken)
            && await new LoadResidents(db, normalizer, options, clock).RunAsync(Residents, TextWriter.Null, cancellationToken) is null)
            return;
        if (await new LoadParticipation(db, japan, options, journeyOptions, clock).RunAsync(SignUps, PastOpportunities, TextWriter.Null, cancellationToken) is null) return;
        await AddDemoResidentAsync(resident.Value, cancellationToken);
        // The generated journeys came with the bulk load; the demo resident's and the founder's memberships went through the
        // outbox: computing every pair now shows them at once instead of after the first poll.
        var update = new UpdateJourneys(db, journeyOptions, clock);
        try
        {
            await update.UpdateAllAsync(cancellationToken: cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The journey processor may have stored a pair from the outbox first; recomputing is idempotent.
            db.ChangeTracker.Clear();
            await update.UpdateAllAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>The demo resident's record, through EF, so the journeys' outbox hears of it as of any sign-up.</summary>
    private async Task AddDemoResidentAsync(Guid resident, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var random = new Random(options.Value.DemoSeed + 3);
        var signUps = await db.SignUps.AsNoTracking()
            .Select(s => new { s.OpportunityId, s.Occurrence, s.AccountId, s.Status, s.Seat })
            .ToListAsync(cancellationToken);
        var held = signUps.Where(s => s.Seat is not null).GroupBy(s => (s.OpportunityId, s.Occurrence)).ToDictionary(g => g.Key, g => g.Max(s => s.Seat!.Value));
        var others = signUps.Select(s => s.AccountId).Distinct().Order().Take(6).ToList();
        var opportunities = await db.Opportunities
            .Where(o => o.Status == OpportunityStatus.Published || o.Status == OpportunityStatus.Closed)
            .OrderBy(o => o.StartsAt).ThenBy(o => o.Title).ThenBy(o => o.Id)
            .ToListAsync(cancellationToken);
        var used = new HashSet<Guid>();

        // Seat for a confirmed sign-up, or null when the occurrence is full.
        int? NextSeat(Opportunity o, DateOnly occurrence, out bool full)
        {
            var taken = held.GetValueOrDefault((o.Id, occurrence));
            full = o.Capacity is { } capacity && taken >= capacity;
            if (o.Capacity is null || full) return null;
            held[(o.Id, occurrence)] = taken + 1;
            return taken + 1;
        }

        SignUp Attended(Opportunity o, DateOnly occurrence, DateTimeOffset start, CheckInMethod method)
        {
            var hours = Math.Clamp((decimal)Math.Round((o.EndsAt - o.StartsAt).TotalHours), 1m, 4m);
            var signUp = new SignUp(o.Id, o.OrganizationId, resident, occurrence, start.AddDays(-random.Next(2, 10)))
            {
                Status = SignUpStatus.Confirmed,
                Seat = NextSeat(o, occurrence, out _),
                CheckedInAt = start.AddMinutes(random.Next(-10, 10)),
                CheckInMethod = method,
                Hours = hours,
            };
            signUp.CheckedOutAt = signUp.CheckedInAt.Value.AddHours((double)hours);
            signUp.UpdatedAt = signUp.CheckedOutAt.Value;
            used.Add(o.Id);
            return signUp;
        }

        bool Free(Opportunity o, DateOnly occurrence) =>
            !used.Contains(o.Id) && !signUps.Exists(s => s.OpportunityId == o.Id && s.Occurrence == occurrence && s.AccountId == resident)
            && (o.Capacity is null || held.GetValueOrDefault((o.Id, occurrence)) < o.Capacity);

        // Four evenings with one organization's weekly series: repeat participation.
        var series = opportunities.FirstOrDefault(o => o.Status == OpportunityStatus.Closed && o.RecurrenceRule?.Contains("WEEKLY", StringComparison.Ordinal) == true
            && GenerateParticipation.OccurrencesOf(o.StartsAt, o.RecurrenceRule)!.Count >= 4 && o.StartsAt > now.AddMonths(-8));
        if (series is not null)
        {
            foreach (var start in GenerateParticipation.OccurrencesOf(series.StartsAt, series.RecurrenceRule)!.Take(4))
            {
                var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, JapanTime.Zone).DateTime);
                if (!signUps.Exists(s => s.OpportunityId == series.Id && s.Occurrence == date && s.AccountId == resident)
                    && (series.Capacity is null || held.GetValueOrDefault((series.Id, date)) < series.Capacity))
                    db.SignUps.Add(Attended(series, date, start, CheckInMethod.Roster));
            }
        }
        // First experiences with other organizations, one-offs of the past year.
        foreach (var o in opportunities.Where(o => o.Status == OpportunityStatus.Closed && o.RecurrenceRule is null && o.OrganizationId != series?.OrganizationId
                     && o.StartsAt > now.AddYears(-1) && Free(o, SignUp.WholeOpportunity)).Take(3))
            db.SignUps.Add(Attended(o, SignUp.WholeOpportunity, o.StartsAt, CheckInMethod.Code));

        var upcoming = opportunities.Where(o => o.Status == OpportunityStatus.Published && o.RecurrenceRule is null && o.StartsAt > now.AddDays(2)).ToList();
        // Two coming activities, confirmed.
        foreach (var o in upcoming.Where(o => Free(o, SignUp.WholeOpportunity)).Take(2))
        {
            db.SignUps.Add(new SignUp(o.Id, o.OrganizationId, resident, SignUp.WholeOpportunity, now.AddDays(-1))
            {
                Status = SignUpStatus.Confirmed,
                Seat = NextSeat(o, SignUp.WholeOpportunity, out _),
            });
            used.Add(o.Id);
        }
        // A full one with the demo resident first on its waitlist: its places taken by generated residents.
        if (upcoming.FirstOrDefault(o => o.Capacity is > 0 and <= 12 && Free(o, SignUp.WholeOpportunity) && !signUps.Exists(s => s.OpportunityId == o.Id)) is { } full)
        {
            var people = await db.Users.AsNoTracking().Where(u => EF.Functions.Like(u.Email!, "resident0%@" + LoadResidents.EmailDomain))
                .OrderBy(u => u.Email).Select(u => u.Id).Take(full.Capacity!.Value).ToListAsync(cancellationToken);
            foreach (var person in people)
                db.SignUps.Add(new SignUp(full.Id, full.OrganizationId, person, SignUp.WholeOpportunity, now.AddDays(-3))
                {
                    Status = SignUpStatus.Confirmed,
                    Seat = NextSeat(full, SignUp.WholeOpportunity, out _),
                });
            if (people.Count == full.Capacity)
                db.SignUps.Add(new SignUp(full.Id, full.OrganizationId, resident, SignUp.WholeOpportunity, now.AddDays(-1)) { Status = SignUpStatus.Waitlisted });
            used.Add(full.Id);
        }
        // Two opportunities that ask the organization's approval, each with sign-ups waiting for it (the demo resident's among them).
        foreach (var o in upcoming.Where(o => Free(o, SignUp.WholeOpportunity) && !signUps.Exists(s => s.OpportunityId == o.Id)).Take(2))
        {
            o.SetSignUpRules(true, [DemoVocabulary.SignUpQuestion], now);
            foreach (var (person, i) in others.Take(2).Append(resident).Select((p, i) => (p, i)))
                db.SignUps.Add(new SignUp(o.Id, o.OrganizationId, person, SignUp.WholeOpportunity, now.AddHours(-5 - i))
                {
                    Status = SignUpStatus.Pending,
                    Answers = [DemoVocabulary.SignUpAnswers[i == 2 ? 1 : 0]],
                });
            used.Add(o.Id);
        }
        // Hours done for the series' organization outside the platform: one approved, one waiting for a decision.
        if (series is not null)
        {
            var decider = await db.Users.Where(u => u.Email == "orgadmin@example.jp").Select(u => u.Id).SingleAsync(cancellationToken);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, JapanTime.Zone).DateTime);
            db.HoursReports.Add(new HoursReport(resident, series.OrganizationId, today.AddDays(-40), 2.5m, DemoVocabulary.HoursReportDescriptions[1], series.Fields, now.AddDays(-38))
            {
                Status = HoursReportStatus.Approved,
                DecidedBy = decider,
                DecidedAt = now.AddDays(-36),
            });
            db.HoursReports.Add(new HoursReport(resident, series.OrganizationId, today.AddDays(-5), 1.5m, DemoVocabulary.HoursReportDescriptions[2], series.Fields, now.AddDays(-4)));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
