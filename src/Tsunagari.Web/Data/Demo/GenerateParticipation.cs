using System.Buffers.Binary;
using System.Globalization;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// Three years of participation by generated residents, drawn from one seeded <see cref="Random"/> in a fixed order, so
/// the same seed, people, opportunities and "now" give the same rows. The shape: most residents never take part; of those
/// who do, activity is heavy-tailed (a propensity drawn from a Pareto distribution), mostly near home (same municipality,
/// else a neighbouring one), and organizations keep regulars who come back — the repeat participation that carries a
/// journey from 体験 to 参加; the most faithful regulars become members (参画). Sign-ups follow each opportunity's
/// schedule (one per occurrence of a recurring one); past ones are mostly confirmed and attended, some cancelled or
/// no-shows; confirmed ones under a capacity hold seats 1..capacity, the rest of a full occurrence waits.
/// </summary>
public sealed class GenerateParticipation
{
    /// <summary>A person who may take part, in registration order.</summary>
    public sealed record Person(Guid Id, DateTimeOffset RegisteredAt);

    /// <summary>What the generator needs of an opportunity.</summary>
    public sealed record Offered(Guid Id, Guid OrganizationId, string MunicipalityCode, bool IsOnline, DateTimeOffset StartsAt,
        DateTimeOffset EndsAt, string? RecurrenceRule, int? Capacity, bool RequiresApproval, int Field);

    private readonly record struct Occurrence(int Offered, DateOnly Date, DateTimeOffset StartsAt, TimeSpan Length, int Quota);

    private sealed class Regular(int person)
    {
        public int Person { get; } = person;
        public int Attended { get; set; }
        public DateTimeOffset LastAt { get; set; }
    }

    /// <summary>Most regulars an organization keeps track of; more would rarely come back anyway.</summary>
    private const int RegularsPerOrganization = 40;

    private const int MembersPerOrganization = 3;

    private readonly Random random;
    private readonly IReadOnlyList<Person> people;
    private readonly IReadOnlyList<Offered> offered;
    private readonly DateTimeOffset now;
    private readonly Guid decider;
    private readonly int[] homes;
    private readonly float[] propensity;
    private readonly Dictionary<string, int> municipalityIndex;
    private readonly int[][] byMunicipality;
    private readonly double[][] cumulative;
    private readonly Dictionary<Guid, List<Regular>> regulars = [];
    private readonly Dictionary<Guid, int> organizationIndex;
    private readonly List<Guid> organizationIds;
    private readonly int[] personByRank;
    private readonly int[] rankOfPerson;

    /// <summary>Every check-in, compactly (ten million sign-ups make about seven million), for <see cref="Journeys"/>.</summary>
    private readonly List<Attendance> attendance = [];
    private bool attendanceSorted;

    private readonly record struct Attendance(long Pair, DateTimeOffset At, int Offered, short HalfHours);

    public int Requested { get; }
    public IReadOnlyList<string> Municipalities { get; }

    /// <summary>Members made of the most faithful regulars; filled while <see cref="SignUps"/> is enumerated.</summary>
    public List<Membership> Members { get; } = [];

    /// <summary>Approved hours for activity outside the platform; filled while <see cref="SignUps"/> is enumerated.</summary>
    public List<HoursReport> HoursReports { get; } = [];

    public GenerateParticipation(Random random, IReadOnlyList<Person> people, IReadOnlyList<Offered> offered, IReadOnlyList<string> municipalities, int count, DateTimeOffset now, Guid decider)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(municipalities);
        this.random = random;
        this.people = people;
        this.offered = offered;
        this.now = now;
        this.decider = decider;
        Requested = count;
        Municipalities = municipalities;
        municipalityIndex = municipalities.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        // Journeys are written in their primary key's order (account, then organization, as both databases sort ids), so
        // the bulk load appends to the key's index instead of inserting at random into millions of entries.
        organizationIds = [.. offered.Select(o => o.OrganizationId).Distinct().OrderBy(IdOrder, StringComparer.Ordinal)];
        organizationIndex = organizationIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        personByRank = [.. Enumerable.Range(0, people.Count).OrderBy(i => IdOrder(people[i].Id), StringComparer.Ordinal)];
        rankOfPerson = new int[people.Count];
        for (var rank = 0; rank < personByRank.Length; rank++) rankOfPerson[personByRank[rank]] = rank;

        // People live where activity is: a municipality is weighted by the opportunities offered there.
        var weights = new double[municipalities.Count];
        foreach (var o in offered)
            if (municipalityIndex.TryGetValue(o.MunicipalityCode, out var m)) weights[m]++;
        var cumulativeHomes = Cumulative(weights.Select(w => w + 1).ToArray());
        homes = new int[people.Count];
        propensity = new float[people.Count];
        for (var i = 0; i < people.Count; i++)
        {
            homes[i] = PickWeighted(cumulativeHomes, cumulativeHomes.Length);
            // About 45 % ever take part; among them a Pareto (α 1.2) propensity: many come once, a few come very often.
            propensity[i] = random.NextDouble() < 0.45 ? (float)Math.Min(100, 1 / Math.Pow(1 - random.NextDouble(), 1 / 1.2)) : 0f;
        }
        byMunicipality = new int[municipalities.Count][];
        cumulative = new double[municipalities.Count][];
        var groups = Enumerable.Range(0, people.Count).GroupBy(i => homes[i]).ToDictionary(g => g.Key, g => g.ToArray());
        for (var m = 0; m < municipalities.Count; m++)
        {
            byMunicipality[m] = groups.GetValueOrDefault(m, []);
            cumulative[m] = Cumulative(byMunicipality[m].Select(i => (double)propensity[i]).ToArray());
        }
    }

    /// <summary>The home municipality drawn for the person at <paramref name="index"/> (their profile says the same).</summary>
    public string HomeOf(int index) => Municipalities[homes[index]];

    /// <summary>
    /// The sign-ups, opportunity by opportunity and occurrence by occurrence, exactly <see cref="Requested"/> when the
    /// opportunities' room and the people allow it (each occurrence takes at most its capacity plus a short waitlist).
    /// </summary>
    public IEnumerable<SignUp> SignUps()
    {
        var occurrences = Quotas(Occurrences());
        var sequence = 0L;
        var carry = 0;
        var taken = new HashSet<int>();
        foreach (var occurrence in occurrences)
        {
            var o = offered[occurrence.Offered];
            var past = occurrence.StartsAt < now;
            var quota = occurrence.Quota + carry;
            var room = MaxFor(o.Capacity);
            if (quota > room) quota = room;
            var seats = 0;
            taken.Clear();
            var made = 0;
            var tries = 0;
            while (made < quota && tries < quota * 12)
            {
                tries++;
                var signedUpAt = past ? occurrence.StartsAt.AddHours(-random.Next(12, 24 * 21)) : now.AddHours(-random.Next(1, 24 * 30));
                var (person, regular) = Pick(o, signedUpAt);
                if (person < 0 || !taken.Add(person)) continue;
                made++;
                var signUp = new SignUp(o.Id, o.OrganizationId, people[person].Id, occurrence.Date, signedUpAt);
                SetId(signUp, IdOf(sequence++));
                Decide(signUp, o, occurrence, past, ref seats, person, regular);
                yield return signUp;
            }
            carry = occurrence.Quota + carry - made;
        }
        foreach (var (organization, list) in regulars.OrderBy(r => r.Key))
            foreach (var r in list.Where(r => r.Attended >= 5).OrderByDescending(r => r.Attended).ThenBy(r => r.Person).Take(MembersPerOrganization))
                Members.Add(new Membership(organization, people[r.Person].Id, MembershipRole.Member, r.LastAt.AddDays(7) < now ? r.LastAt.AddDays(7) : now));
    }

    /// <summary>
    /// Every (person, organization) journey the generated records make, by the same rules as <see cref="UpdateJourneys"/>
    /// (attended sign-ups, the approved hours reports and the memberships), in a fixed order. Call after
    /// <see cref="SignUps"/> has been enumerated; each call evaluates again, so two passes need not hold millions of rows.
    /// </summary>
    public IEnumerable<(Guid AccountId, Guid OrganizationId, JourneyRules.Outcome Outcome)> Journeys(Func<Guid, string> fallbackMunicipality, JourneyOptions options)
    {
        ArgumentNullException.ThrowIfNull(fallbackMunicipality);
        ArgumentNullException.ThrowIfNull(options);
        if (!attendanceSorted)
        {
            attendance.Sort((a, b) => a.Pair != b.Pair ? a.Pair.CompareTo(b.Pair) : a.At.CompareTo(b.At));
            attendanceSorted = true;
        }
        var person = people.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var reports = HoursReports.ToLookup(r => PairOf(r.OrganizationId, person[r.AccountId]), r => UpdateJourneys.ReportActivity(r.Date, r.Hours));
        var roles = Members.ToLookup(m => PairOf(m.OrganizationId, person[m.AccountId]), m => UpdateJourneys.MembershipRole(m.JoinedAt, m.Role));
        // Pairs with attendance, and any with only reports or roles (the generator makes none today), in key order.
        var pairs = new List<long>();
        for (var i = 0; i < attendance.Count; i++)
            if (i == 0 || attendance[i].Pair != attendance[i - 1].Pair) pairs.Add(attendance[i].Pair);
        var attended = pairs.ToHashSet();
        pairs.AddRange(reports.Select(g => g.Key).Concat(roles.Select(g => g.Key)).Where(attended.Add));
        pairs.Sort();
        var next = 0;
        foreach (var pair in pairs)
        {
            var activities = new List<JourneyRules.Activity>();
            for (; next < attendance.Count && attendance[next].Pair == pair; next++)
            {
                var (_, at, index, halfHours) = attendance[next];
                var o = offered[index];
                activities.Add(new(at, halfHours / 2m, o.IsOnline ? "" : o.MunicipalityCode));
            }
            var organization = organizationIds[(int)(pair & uint.MaxValue)];
            var outcome = JourneyRules.Evaluate(activities.Concat(reports[pair]), roles[pair], fallbackMunicipality(organization), options, now);
            if (outcome is not null) yield return (people[personByRank[(int)(pair >> 32)]].Id, organization, outcome);
        }
    }

    private long PairOf(Guid organizationId, int person) => ((long)rankOfPerson[person] << 32) | (uint)organizationIndex[organizationId];

    /// <summary>An id as SQLite (upper-case text) and PostgreSQL (uuid bytes) order it.</summary>
    private static string IdOrder(Guid id) => id.ToString("D").ToUpperInvariant();

    private static int MaxFor(int? capacity) => capacity is { } c ? c + Math.Max(1, c / 5) + 2 : 60;

    private void Decide(SignUp signUp, Offered o, Occurrence occurrence, bool past, ref int seats, int person, Regular? regular)
    {
        var roll = random.NextDouble();
        var decidedAt = signUp.CreatedAt.AddHours(random.Next(1, 48));
        if (decidedAt > now) decidedAt = now;
        if (o.RequiresApproval && !past && roll < 0.4)
        {
            signUp.Status = SignUpStatus.Pending;
            return;
        }
        if (o.RequiresApproval && roll < 0.1)
        {
            signUp.Status = SignUpStatus.Declined;
            signUp.UpdatedAt = decidedAt;
            return;
        }
        if (roll > (past ? 0.93 : 0.95))
        {
            signUp.Status = SignUpStatus.Cancelled;
            signUp.CancelledBy = random.Next(8) == 0 ? CancelledBy.Organization : CancelledBy.Participant;
            signUp.CancellationReason = DemoVocabulary.CancellationReasons[random.Next(DemoVocabulary.CancellationReasons.Length)];
            signUp.CancelledAt = decidedAt;
            signUp.UpdatedAt = decidedAt;
            return;
        }
        if (o.Capacity is { } capacity && seats >= capacity)
        {
            signUp.Status = SignUpStatus.Waitlisted;
            return;
        }
        signUp.Status = SignUpStatus.Confirmed;
        if (o.Capacity is not null) signUp.Seat = ++seats;
        if (!past || random.NextDouble() < 0.12) return; // upcoming, or a no-show

        var checkedIn = occurrence.StartsAt.AddMinutes(random.Next(-15, 20));
        var hours = Math.Clamp(Math.Round((decimal)occurrence.Length.TotalHours * 2) / 2 + random.Next(-1, 2) * 0.5m, 1m, 4m);
        var method = random.Next(20) switch { < 11 => CheckInMethod.Roster, < 18 => CheckInMethod.Code, _ => CheckInMethod.Recorded };
        signUp.CheckedInAt = checkedIn;
        signUp.CheckInMethod = method;
        signUp.CheckedOutAt = method == CheckInMethod.Recorded ? null : checkedIn.AddHours((double)hours);
        signUp.Hours = hours;
        signUp.UpdatedAt = checkedIn.AddHours((double)hours) < now ? checkedIn.AddHours((double)hours) : now;
        attendance.Add(new(PairOf(o.OrganizationId, person), checkedIn, occurrence.Offered, (short)(hours * 2)));
        Attended(o, person, regular, checkedIn);
    }

    private void Attended(Offered o, int person, Regular? regular, DateTimeOffset at)
    {
        if (regular is null)
        {
            // A newcomer who enjoyed it comes back now and then: the organization gains a regular.
            if (random.Next(5) != 0) return;
            if (!regulars.TryGetValue(o.OrganizationId, out var list)) regulars[o.OrganizationId] = list = [];
            if (list.Exists(r => r.Person == person)) return;
            regular = new Regular(person);
            if (list.Count < RegularsPerOrganization) list.Add(regular);
            else list[random.Next(list.Count)] = regular;
        }
        regular.Attended++;
        if (at > regular.LastAt) regular.LastAt = at;
        // Now and then a regular also reports hours done for the organization outside the platform, which it approved.
        if (regular.Attended >= 3 && random.Next(200) == 0)
        {
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, JapanTime.Zone).DateTime).AddDays(random.Next(1, 10));
            var reportedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(20, 0)), TimeSpan.FromHours(9));
            if (reportedAt.AddDays(3) >= now) return;
            var report = new HoursReport(people[person].Id, o.OrganizationId, date, random.Next(2, 7) * 0.5m, DemoVocabulary.HoursReportDescriptions[0], [o.Field], reportedAt)
            {
                Status = HoursReportStatus.Approved,
                DecidedBy = decider,
                DecidedAt = reportedAt.AddDays(random.Next(1, 3)),
            };
            SetReportId(report, IdOf((1L << 46) + HoursReports.Count));
            HoursReports.Add(report);
        }
    }

    /// <summary>A person for the opportunity who had registered by <paramref name="at"/>; -1 when the draw found none.</summary>
    private (int Person, Regular? Regular) Pick(Offered o, DateTimeOffset at)
    {
        if (random.NextDouble() < 0.35 && regulars.TryGetValue(o.OrganizationId, out var list) && list.Count > 0)
        {
            var regular = list[random.Next(list.Count)];
            return people[regular.Person].RegisteredAt <= at ? (regular.Person, regular) : (-1, null);
        }
        var home = municipalityIndex.GetValueOrDefault(o.MunicipalityCode, 0);
        var roll = random.NextDouble();
        var m = o.IsOnline || roll >= 0.9 ? random.Next(Municipalities.Count)
            : roll < 0.75 ? home
            : Math.Clamp(home + random.Next(-2, 3), 0, Municipalities.Count - 1);
        var residents = byMunicipality[m];
        // Residents are in registration order: those registered by then are a prefix.
        int lo = 0, hi = residents.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (people[residents[mid]].RegisteredAt <= at) lo = mid + 1;
            else hi = mid;
        }
        if (lo == 0 || cumulative[m][lo - 1] <= 0) return (-1, null);
        var person = residents[PickWeighted(cumulative[m], lo)];
        if (regulars.TryGetValue(o.OrganizationId, out var known) && known.Find(r => r.Person == person) is { } r) return (person, r);
        return (person, null);
    }

    /// <summary>Every occurrence of every opportunity within three years before and 90 days after now, in order.</summary>
    private List<Occurrence> Occurrences()
    {
        var list = new List<Occurrence>();
        var from = now.AddYears(-3);
        var until = now.AddDays(90);
        for (var i = 0; i < offered.Count; i++)
        {
            var o = offered[i];
            var length = o.EndsAt - o.StartsAt;
            var starts = OccurrencesOf(o.StartsAt, o.RecurrenceRule);
            if (starts is null)
            {
                if (o.StartsAt >= from && o.StartsAt <= until) list.Add(new(i, SignUp.WholeOpportunity, o.StartsAt, length, 0));
                continue;
            }
            foreach (var start in starts)
                if (start >= from && start <= until)
                    list.Add(new(i, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, JapanTime.Zone).DateTime), start, length, 0));
        }
        return list;
    }

    /// <summary>
    /// The starts of the rules the generated directories use (weekly on a day, or monthly on the second such day, with a
    /// COUNT); null for a one-off; only the first occurrence of any other rule.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset>? OccurrencesOf(DateTimeOffset start, string? rule)
    {
        if (string.IsNullOrEmpty(rule)) return null;
        var parts = rule.Split(';').Select(p => p.Split('=')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("COUNT", out var text) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return [start];
        var local = TimeZoneInfo.ConvertTime(start, JapanTime.Zone);
        var result = new List<DateTimeOffset>();
        if (parts.GetValueOrDefault("FREQ") == "WEEKLY")
        {
            for (var i = 0; i < count; i++) result.Add(local.AddDays(7 * i));
            return result;
        }
        if (parts.GetValueOrDefault("FREQ") == "MONTHLY" && parts.TryGetValue("BYDAY", out var byDay) && byDay.Length == 3 && byDay[0] is >= '1' and <= '4')
        {
            var nth = byDay[0] - '0';
            var month = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
            while (result.Count < count)
            {
                var day = month.AddDays(((int)local.DayOfWeek - (int)month.DayOfWeek + 7) % 7 + 7 * (nth - 1));
                var at = new DateTimeOffset(day.Add(local.TimeOfDay), TimeSpan.FromHours(9));
                if (at >= local) result.Add(at);
                month = month.AddMonths(1);
            }
            return result;
        }
        return [start];
    }

    /// <summary>
    /// Shares <see cref="Requested"/> among the occurrences by their size (capacity, else 30; fewer for the future, which
    /// is still filling up), largest remainders first, none beyond what an occurrence can take.
    /// </summary>
    private List<Occurrence> Quotas(List<Occurrence> occurrences)
    {
        if (occurrences.Count == 0 || Requested == 0) return [];
        var weights = occurrences.Select(x =>
        {
            var size = offered[x.Offered].Capacity ?? 30;
            return x.StartsAt < now ? size : x.StartsAt < now.AddDays(14) ? size * 0.6 : size * 0.2;
        }).ToArray();
        var total = weights.Sum();
        var quotas = new int[occurrences.Count];
        var room = occurrences.Select(x => Math.Min(MaxFor(offered[x.Offered].Capacity), people.Count)).ToArray();
        long given = 0;
        for (var i = 0; i < quotas.Length; i++)
        {
            quotas[i] = Math.Min(room[i], (int)(Requested * weights[i] / total));
            given += quotas[i];
        }
        // What rounding and full occurrences left over goes round the occurrences with room, in a seeded order.
        var order = Enumerable.Range(0, quotas.Length).OrderBy(_ => random.Next()).ToArray();
        while (given < Requested)
        {
            var before = given;
            foreach (var i in order)
            {
                if (given == Requested) break;
                if (quotas[i] >= room[i]) continue;
                quotas[i]++;
                given++;
            }
            if (given == before) break;
        }
        return [.. occurrences.Select((x, i) => x with { Quota = quotas[i] })];
    }

    private int PickWeighted(double[] cumulativeWeights, int count)
    {
        var target = random.NextDouble() * cumulativeWeights[count - 1];
        var i = Array.BinarySearch(cumulativeWeights, 0, count, target);
        i = i < 0 ? ~i : i + 1;
        return Math.Min(i, count - 1);
    }

    private static double[] Cumulative(double[] weights)
    {
        var sum = 0d;
        var result = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++) result[i] = sum += weights[i];
        return result;
    }

    /// <summary>A version 7 UUID whose leading bits are the sequence: deterministic, and appended to the primary key in order.</summary>
    private Guid IdOf(long sequence)
    {
        Span<byte> id = stackalloc byte[16];
        random.NextBytes(id[8..]);
        BinaryPrimitives.WriteUInt64BigEndian(id, (ulong)sequence << 16 | 0x7000);
        id[8] = (byte)(0x80 | (id[8] & 0x3F));
        return new Guid(id, bigEndian: true);
    }

    private static readonly Action<SignUp, Guid> SetId = SeededIds.Setter<SignUp>();
    private static readonly Action<HoursReport, Guid> SetReportId = SeededIds.Setter<HoursReport>();
}
