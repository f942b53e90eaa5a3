using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Features;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// A believable directory over the real municipalities of the configured prefecture: about 500 organizations of every
/// kind and 3,000 opportunities of every way to take part. The same seed number gives the same data; dates are laid
/// out from the day the seed runs. <see cref="LoadDirectory"/> loads it, at this or a larger <see cref="DirectoryScale"/>.
/// </summary>
public sealed class DemoDirectory(AppDbContext db, Japan japan, ILookupNormalizer normalizer, IOptions<TsunagariOptions> options, IOptions<JourneyOptions> journeyOptions, TimeProvider clock) : ISeed
{
    public static int OrganizationCount => DirectoryScale.Demo.Organizations;
    public static int OpportunityCount => DirectoryScale.Demo.Opportunities;

    private static readonly int[] StartHours = [9, 10, 13, 14, 18, 19];
    private static readonly int[] TopicalWays = [7, 8, 9, 10, 11, 12, 13];

    private static readonly AccessibilityFeatures[] OfferedFeatures =
    [
        AccessibilityFeatures.Wheelchair, AccessibilityFeatures.HearingSupport, AccessibilityFeatures.SignLanguage,
        AccessibilityFeatures.Childcare, AccessibilityFeatures.EasyJapanese, AccessibilityFeatures.Seating,
    ];

    public bool IsDemo => true;

    public async Task RunAsync()
    {
        if (!await db.Organizations.AnyAsync())
            await new LoadDirectory(db, japan, options, clock).RunAsync(DirectoryScale.Demo, TextWriter.Null);
        // On its own check, so a demo database from before participation existed gets it too.
        await new DemoParticipation(db, japan, normalizer, options, journeyOptions, clock).RunAsync();
    }

    /// <summary>The organizations of a directory, kind by kind in the scale's mix; draws from <paramref name="random"/> in a fixed order.</summary>
    public static IEnumerable<Organization> MakeOrganizations(Random random, Prefecture prefecture, DirectoryScale scale, Guid founder, Guid? verifier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(prefecture);
        ArgumentNullException.ThrowIfNull(scale);
        foreach (var (kind, form, count) in scale.KindCounts())
        {
            for (var i = 0; i < count; i++)
            {
                var municipality = Pick(random, prefecture.Municipalities);
                var name = NameOf(kind, municipality, i, random);
                var profile = new OrganizationProfile(
                    name, "", kind, form, null, kind == OrganizationKind.Npo && i % 17 == 0,
                    [municipality.Code], PickSome(random, Enumerable.Range(1, 20).ToArray(), 1, 3),
                    $"{municipality.Name}で、{name}として地域の課題に取り組んでいます。", "", null,
                    "", "", "", PickSome(random, DefaultWays.All.Select(w => w.Id).ToArray(), 1, 3));
                var organization = new Organization(profile, founder, now.AddDays(-random.Next(30, 2000)));
                if (verifier is not null && random.Next(3) == 0) organization.Verify(verifier.Value, now.AddDays(-random.Next(1, 30)));
                yield return organization;
            }
        }
    }

    private static string NameOf(OrganizationKind kind, Municipality municipality, int i, Random random) => kind switch
    {
        OrganizationKind.NeighbourhoodAssociation => $"{municipality.Name}{Pick(random, DemoVocabulary.Places)}{i % 5 + 1}丁目自治会",
        OrganizationKind.Npo => $"NPO法人 {municipality.Name}{Pick(random, DemoVocabulary.NpoThemes)}",
        OrganizationKind.Company => $"株式会社{Pick(random, DemoVocabulary.Companies)} {municipality.Name}事業所",
        OrganizationKind.SocialBusiness => $"{municipality.Name}{Pick(random, DemoVocabulary.SocialBusinesses)}",
        OrganizationKind.RegionalFinancialInstitution => $"{Pick(random, DemoVocabulary.Places)}{Pick(random, DemoVocabulary.Banks)} {municipality.Name}支店",
        OrganizationKind.EducationalInstitution => $"{municipality.Name.TrimEnd('市', '町', '村')}{Pick(random, DemoVocabulary.Schools)}",
        _ => $"{municipality.Name} 市民活動推進課",
    };

    /// <summary>The opportunities of a directory, each offered by one of <paramref name="organizations"/>; draws after <see cref="MakeOrganizations"/>.</summary>
    public static IEnumerable<Opportunity> MakeOpportunities(Random random, IReadOnlyList<Organization> organizations, int count, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(organizations);
        var today = TimeZoneInfo.ConvertTime(now, JapanTime.Zone).Date;
        for (var i = 0; i < count; i++)
        {
            var organization = organizations[random.Next(organizations.Count)];
            var field = organization.Fields[random.Next(organization.Fields.Count)];
            var (title, description) = Pick(random, DemoVocabulary.Activities[field]);
            var day = today.AddDays(random.Next(-10, 90));
            var startHour = Pick(random, StartHours);
            var start = new DateTimeOffset(day.AddHours(startHour), TimeSpan.FromHours(9));
            var online = random.Next(10) == 0;
            var recurring = random.Next(5) == 0;
            var details = new OpportunityDetails(
                title, description + "\n\n初めての方も歓迎します。持ち物や服装はお申し込みの後にご案内します。",
                [field], WaysFor(random, online, recurring, startHour, day), organization.MunicipalityCodes[0], online,
                online ? "" : $"{organization.Name} 活動拠点", "", null, null,
                start, start.AddHours(random.Next(1, 4)),
                recurring ? (random.Next(2) == 0 ? $"FREQ=WEEKLY;BYDAY={Recurrence.WeekdayCode(day.DayOfWeek)};COUNT=12" : $"FREQ=MONTHLY;BYDAY=2{Recurrence.WeekdayCode(day.DayOfWeek)};COUNT=6") : null,
                [], random.Next(3) == 0 ? null : random.Next(5, 40), null, random.Next(4) == 0 ? random.Next(1, 6) * 100 : 0,
                "", "", random.Next(8) == 0 ? ["ja", "en"] : ["ja"], null, null, Accessibility(random));
            var opportunity = new Opportunity(organization.Id, details, now);
            if (random.Next(20) != 0) opportunity.Publish(now);
            yield return opportunity;
        }
    }

    private static int[] WaysFor(Random random, bool online, bool recurring, int startHour, DateTime day)
    {
        var ways = new List<int> { random.Next(2) == 0 ? 1 : 6 };
        if (recurring) ways.Add(2);
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) ways.Add(3);
        else if (startHour >= 18) ways.Add(4);
        if (online) ways.Add(5);
        ways.Add(Pick(random, TopicalWays));
        return [.. ways];
    }

    private static AccessibilityFeatures Accessibility(Random random)
    {
        var features = AccessibilityFeatures.None;
        foreach (var feature in OfferedFeatures)
            if (random.Next(5) == 0) features |= feature;
        return features;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static int[] PickSome(Random random, int[] items, int min, int max) =>
        [.. items.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1))];
}
