using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// Loads three years of participation (<see cref="GenerateParticipation"/>) for the residents already loaded: first the
/// past opportunities it happened at (closed, through EF like the directory), then profiles for a share of the residents,
/// the sign-ups, the members among the regulars and a few approved hours reports through the provider's bulk path, as
/// <see cref="LoadResidents"/> does (SQLite: prepared INSERTs in one transaction; PostgreSQL: binary COPY). The bulk rows
/// bypass AppDbContext.SaveChanges, so no JourneyChange (nor SearchChange) rows are written for them: that is intended —
/// the journeys are computed from the generated records by the same rules and loaded with them, instead of replaying ten
/// million outbox rows or reading them all back, and sign-ups are not searchable.
/// </summary>
public sealed class LoadParticipation(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, IOptions<JourneyOptions> journeyOptions, TimeProvider clock)
{
    public const int ProgressEvery = 1_000_000;

    /// <summary>Sign-ups per past opportunity generated for the history (with recurring ones, about 25 per occurrence).</summary>
    public const int SignUpsPerPastOpportunity = 100;

    public sealed record Loaded(int PastOpportunities, int Profiles, int SignUps, int Members, int HoursReports, int Journeys, TimeSpan Elapsed);

    private static readonly int[] StartHours = [9, 10, 13, 14, 18, 19];

    /// <summary>Null when there is nothing to load into: no such prefecture, or no demo organization admin to decide hours.</summary>
    public async Task<Loaded?> RunAsync(int participations, TextWriter progress, CancellationToken cancellationToken = default) =>
        await RunAsync(participations, Math.Max(1, participations / SignUpsPerPastOpportunity), progress, cancellationToken);

    public async Task<Loaded?> RunAsync(int participations, int pastOpportunities, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var prefecture = japan.Prefecture(options.Value.Prefecture);
        if (prefecture is null || prefecture.Municipalities.Count == 0) return null;
        var decider = await db.Users.Where(u => u.Email == "orgadmin@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (decider is null) return null;

        var watch = Stopwatch.StartNew();
        // A seed of its own, so adding participation does not change the directory or the residents.
        var random = new Random(options.Value.DemoSeed + 2);
        var now = clock.GetUtcNow();
        var past = await AddPastOpportunitiesAsync(random, pastOpportunities, now, progress, watch, cancellationToken);

        var people = await db.Users.AsNoTracking()
            // The demo accounts are left to DemoParticipation (and to people trying them), so no profile is made up for them.
            .Where(u => EF.Functions.Like(u.Email!, "resident%@" + LoadResidents.EmailDomain) && !u.IsDemo)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Email)
            .Select(u => new GenerateParticipation.Person(u.Id, u.CreatedAt))
            .ToListAsync(cancellationToken);
        var offered = (await db.Opportunities.AsNoTracking()
            .Where(o => o.Status == OpportunityStatus.Published || o.Status == OpportunityStatus.Closed)
            .OrderBy(o => o.StartsAt).ThenBy(o => o.Title).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.OrganizationId, o.MunicipalityCode, o.IsOnline, o.StartsAt, o.EndsAt, o.RecurrenceRule, o.Capacity, o.RequiresApproval, o.Fields })
            .ToListAsync(cancellationToken))
            .ConvertAll(o => new GenerateParticipation.Offered(o.Id, o.OrganizationId, o.MunicipalityCode, o.IsOnline, o.StartsAt, o.EndsAt,
                o.RecurrenceRule, o.Capacity, o.RequiresApproval, o.Fields.Count > 0 ? o.Fields[0] : 1));
        var generate = new GenerateParticipation(random, people, offered, [.. prefecture.Municipalities.Select(m => m.Code)], participations, now, decider.Value);
        var profiles = MakeProfiles(random, generate, people, now).ToList();
        var places = (await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.MunicipalityCodes }).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id, o => o.MunicipalityCodes.FirstOrDefault() ?? "");
        var journeys = new JourneyRows(generate, id => places.GetValueOrDefault(id, ""), journeyOptions.Value);

        var done = 0;
        void Report()
        {
            done++;
            if (done % ProgressEvery == 0)
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"participations {done}/{participations} ({watch.Elapsed.TotalSeconds:F1} s)"));
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
                await CopyAsync(npgsql, generate, profiles, journeys, Report, cancellationToken);
            else
                await InsertAsync(generate, profiles, journeys, Report, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"participations {done}/{participations}, {profiles.Count} profiles, {generate.Members.Count} members, {generate.HoursReports.Count} hours reports, {journeys.Count} journeys ({watch.Elapsed.TotalSeconds:F1} s)"));
        // Fresh statistics, so the planner uses the new indexes (as after the directory).
        await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        return new(past, profiles.Count, done, generate.Members.Count, generate.HoursReports.Count, journeys.Count, watch.Elapsed);
    }

    /// <summary>
    /// Closed opportunities of the three years before <paramref name="now"/>, at the directory's organizations, whose
    /// every occurrence is over: where the history took place (the directory's own opportunities are current).
    /// </summary>
    private async Task<int> AddPastOpportunitiesAsync(Random random, int count, DateTimeOffset now, TextWriter progress, Stopwatch watch, CancellationToken cancellationToken)
    {
        var organizations = (await db.Organizations.AsNoTracking()
            .OrderBy(o => o.Name).ThenBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.MunicipalityCodes, o.Fields })
            .ToListAsync(cancellationToken))
            .ConvertAll(o => (o.Id, Municipality: o.MunicipalityCodes.FirstOrDefault() ?? "", o.Fields));
        if (organizations.Count == 0 || count == 0) return 0;
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var added = 0;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Ids of their own generator, so that they do not change what else is drawn.
            var ids = new Random(options.Value.DemoSeed + 5);
            foreach (var batch in MakePastOpportunities(random, organizations, count, now).Chunk(LoadDirectory.BatchSize))
            {
                foreach (var opportunity in batch) SeededIds.Give(opportunity, ids);
                db.Opportunities.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                added += batch.Length;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"past opportunities {added}/{count} ({watch.Elapsed.TotalSeconds:F1} s)"));
        return added;
    }

    /// <summary>Past opportunities: one-offs and weekly or monthly series, all ended before <paramref name="now"/>, then closed.</summary>
    public static IEnumerable<Opportunity> MakePastOpportunities(Random random, IReadOnlyList<(Guid Id, string Municipality, List<int> Fields)> organizations, int count, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(organizations);
        var today = TimeZoneInfo.ConvertTime(now, JapanTime.Zone).Date;
        for (var i = 0; i < count; i++)
        {
            var (organization, municipality, fields) = organizations[random.Next(organizations.Count)];
            var field = fields.Count > 0 ? fields[random.Next(fields.Count)] : 1;
            var (title, description) = DemoVocabulary.Activities[field][random.Next(DemoVocabulary.Activities[field].Length)];
            var series = random.Next(20) switch { < 13 => 0, < 17 => 1, _ => 2 }; // one-off, weekly, monthly
            var occurrences = series == 0 ? 1 : random.Next(6, 13);
            var span = series switch { 0 => 1, 1 => 7 * occurrences, _ => 31 * occurrences + 31 };
            var day = today.AddDays(-random.Next(span + 1, Math.Max(span + 2, 1095)));
            var startHour = StartHours[random.Next(StartHours.Length)];
            var start = new DateTimeOffset(day.AddHours(startHour), TimeSpan.FromHours(9));
            var online = random.Next(12) == 0;
            var rule = series switch
            {
                1 => $"FREQ=WEEKLY;BYDAY={Recurrence.WeekdayCode(day.DayOfWeek)};COUNT={occurrences}",
                2 => $"FREQ=MONTHLY;BYDAY={(day.Day - 1) / 7 + 1}{Recurrence.WeekdayCode(day.DayOfWeek)};COUNT={occurrences}",
                _ => null,
            };
            // The monthly rule's nth weekday is the start's own, so the series starts on its first day.
            if (series == 2 && day.Day > 28) rule = $"FREQ=WEEKLY;BYDAY={Recurrence.WeekdayCode(day.DayOfWeek)};COUNT={occurrences}";
            var details = new OpportunityDetails(
                title, description, [field], series == 0 ? [1] : [1, 2], municipality, online,
                online ? "" : DemoVocabulary.Venue, "", null, null, start, start.AddHours(random.Next(1, 4)), rule, [],
                random.Next(3) == 0 ? null : random.Next(10, 61), null, 0, "", "", ["ja"], null, null, AccessibilityFeatures.None);
            var created = start.AddDays(-random.Next(14, 60));
            var opportunity = new Opportunity(organization, details, created);
            if (random.Next(20) == 0) opportunity.SetSignUpRules(true, [DemoVocabulary.SignUpQuestion], created);
            opportunity.Publish(created);
            opportunity.Close(now);
            yield return opportunity;
        }
    }

    /// <summary>
    /// A profile for every person (issue 4: residents with profiles), at the home the generator drew for them; as people
    /// do, many leave parts of it empty.
    /// </summary>
    public static IEnumerable<ResidentProfile> MakeProfiles(Random random, GenerateParticipation generate, IReadOnlyList<GenerateParticipation.Person> people, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(generate);
        ArgumentNullException.ThrowIfNull(people);
        var skills = Skills.All;
        for (var i = 0; i < people.Count; i++)
        {
            var stage = (LifeStage)(random.Next(100) switch { < 10 => 1, < 50 => 2, < 68 => 3, < 95 => 4, _ => 5 });
            var filledIn = people[i].RegisteredAt.AddDays(random.Next(0, 30));
            var profile = new ResidentProfile(people[i].Id, filledIn < now ? filledIn : now)
            {
                MunicipalityCode = random.Next(10) == 0 ? null : generate.HomeOf(i),
                Interests = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(1, 21)).Distinct().Order()],
                Skills = [.. Enumerable.Range(0, skills.Count == 0 ? 0 : random.Next(0, 4)).Select(_ => skills[random.Next(skills.Count)].Key)
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(k => new ProfileSkill(k, random.Next(Skills.MinLevel, Skills.MaxLevel + 1)))],
                LifeStage = random.Next(5) == 0 ? null : stage,
                // The retired are free on weekdays; people at work or school mostly at weekends and in the evening.
                Availability = stage == LifeStage.Retired
                    ? Availability.WeekdayDaytime | (random.Next(2) == 0 ? Availability.WeekendDaytime : Availability.None)
                    : Availability.WeekendDaytime | (random.Next(3) == 0 ? Availability.WeekdayEvening : Availability.None) | (random.Next(5) == 0 ? Availability.WeekendEvening : Availability.None),
                HoursPerMonth = random.Next(3) == 0 ? null : random.Next(1, 9) * 2,
                PreferredWays = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => random.Next(1, 14)).Distinct().Order()],
                AccessibilityNeeds = random.Next(15) == 0 ? AccessibilityFeatures.Seating : AccessibilityFeatures.None,
                Languages = random.Next(25) == 0 ? ["ja", "en"] : ["ja"],
                Visibility = random.Next(10) switch { < 6 => ProfileVisibility.Private, < 9 => ProfileVisibility.Organizations, _ => ProfileVisibility.Public },
            };
            yield return profile;
        }
    }

    private async Task InsertAsync(GenerateParticipation generate, List<ResidentProfile> profiles, JourneyRows journeys, Action report, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        // As for the residents: a 64 MiB page cache for this connection only; durability settings are untouched.
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dbTransaction = transaction.GetDbTransaction();
        var signUps = BulkTable.Of(db, typeof(SignUp));
        var journeyTable = BulkTable.Of(db, typeof(Journey));
        var transitions = BulkTable.Of(db, typeof(StageTransition)).Without(nameof(StageTransition.Id));
        // The big tables' secondary indexes are dropped for the load and built again after it, in the same transaction: a
        // sorted build is several times faster than millions of inserts into indexes in random order (by person, by
        // organization). Building the unique ones again checks every row against them, so nothing unchecked is committed.
        var rebuild = new List<string>();
        foreach (var table in new[] { signUps, journeyTable, transitions })
            rebuild.AddRange(await DropIndexesAsync(connection, dbTransaction, table, cancellationToken));
        await InsertRowsAsync(signUps, connection, dbTransaction, generate.SignUps(), report, cancellationToken);
        await InsertRowsAsync(BulkTable.Of(db, typeof(Membership)), connection, dbTransaction, generate.Members, null, cancellationToken);
        await InsertRowsAsync(BulkTable.Of(db, typeof(HoursReport)), connection, dbTransaction, generate.HoursReports, null, cancellationToken);
        await InsertRowsAsync(BulkTable.Of(db, typeof(ResidentProfile)), connection, dbTransaction, profiles, null, cancellationToken);
        var skills = BulkTable.Of(db, typeof(ProfileSkill), "AccountId");
        await using (var insert = skills.PrepareInsert(connection, dbTransaction))
        {
            foreach (var profile in profiles)
                foreach (var skill in profile.Skills)
                {
                    skills.Bind(insert, skill, profile.AccountId);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
        }
        await InsertRowsAsync(journeyTable, connection, dbTransaction, journeys.Journeys(), null, cancellationToken);
        await InsertRowsAsync(transitions, connection, dbTransaction, journeys.Transitions(), null, cancellationToken);
        foreach (var sql in rebuild) await ExecuteAsync(connection, dbTransaction, sql, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>SQLite: drops a table's secondary indexes (not its key's) and returns the statements that make them again.</summary>
    private static async Task<List<string>> DropIndexesAsync(DbConnection connection, DbTransaction transaction, BulkTable table, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL";
            var parameter = read.CreateParameter();
            parameter.ParameterName = "@table";
            parameter.Value = table.Name.Trim('"');
            read.Parameters.Add(parameter);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) await ExecuteAsync(connection, transaction, $"DROP INDEX \"{name}\"", cancellationToken);
        return [.. indexes.Select(i => i.Sql)];
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Index and constraint definitions read back from the database's own catalogue.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertRowsAsync<T>(BulkTable table, DbConnection connection, DbTransaction transaction, IEnumerable<T> rows, Action? report, CancellationToken cancellationToken)
        where T : class
    {
        await using var insert = table.PrepareInsert(connection, transaction);
        foreach (var row in rows)
        {
            table.Bind(insert, row);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            report?.Invoke();
        }
    }

    private async Task CopyAsync(NpgsqlConnection connection, GenerateParticipation generate, List<ResidentProfile> profiles, JourneyRows journeys, Action report, CancellationToken cancellationToken)
    {
        // One transaction, so a failed load leaves no half of it behind.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var signUps = BulkTable.Of(db, typeof(SignUp));
        var journeyTable = BulkTable.Of(db, typeof(Journey));
        var transitions = BulkTable.Of(db, typeof(StageTransition)).Without(nameof(StageTransition.Id));
        // As on SQLite, the secondary indexes are built after the load rather than maintained row by row; here the foreign
        // keys too, whose checks would otherwise run a trigger per row: adding them again validates all rows in one join.
        // All in the same transaction, so the tables are never committed without them.
        var rebuild = new List<string>();
        foreach (var table in new[] { signUps, journeyTable, transitions })
            rebuild.AddRange(await DropIndexesAndForeignKeysAsync(connection, transaction, table, cancellationToken));
        await CopyRowsAsync(signUps, connection, generate.SignUps(), report, cancellationToken);
        await CopyRowsAsync(BulkTable.Of(db, typeof(Membership)), connection, generate.Members, null, cancellationToken);
        await CopyRowsAsync(BulkTable.Of(db, typeof(HoursReport)), connection, generate.HoursReports, null, cancellationToken);
        await CopyRowsAsync(BulkTable.Of(db, typeof(ResidentProfile)), connection, profiles, null, cancellationToken);
        var skills = BulkTable.Of(db, typeof(ProfileSkill), "AccountId");
        await using (var writer = await connection.BeginBinaryImportAsync(skills.CopyCommand(), cancellationToken))
        {
            foreach (var profile in profiles)
                foreach (var skill in profile.Skills)
                    await skills.WriteAsync(writer, skill, [profile.AccountId], cancellationToken);
            await writer.CompleteAsync(cancellationToken);
        }
        await CopyRowsAsync(journeyTable, connection, journeys.Journeys(), null, cancellationToken);
        await CopyRowsAsync(transitions, connection, journeys.Transitions(), null, cancellationToken);
        // Indexes first, so re-adding a foreign key finds its index for the join.
        await ExecuteAsync(connection, transaction, "SET LOCAL maintenance_work_mem = '256MB'", cancellationToken);
        foreach (var sql in rebuild.OrderBy(sql => sql.StartsWith("ALTER", StringComparison.Ordinal)))
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>PostgreSQL: drops a table's foreign keys and secondary indexes and returns the statements that make them again.</summary>
    private static async Task<List<string>> DropIndexesAndForeignKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BulkTable table, CancellationToken cancellationToken)
    {
        var rebuild = new List<string>();
        var drop = new List<string>();
        await using (var read = new NpgsqlCommand(
            "SELECT 'ALTER TABLE ' || conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid), " +
            "'ALTER TABLE ' || conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(conname) FROM pg_constraint WHERE conrelid = @table::regclass AND contype = 'f' " +
            "UNION ALL SELECT pg_get_indexdef(i.indexrelid), 'DROP INDEX ' || i.indexrelid::regclass FROM pg_index i " +
            "WHERE i.indrelid = @table::regclass AND NOT i.indisprimary", connection, transaction))
        {
            read.Parameters.AddWithValue("table", table.Name);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rebuild.Add(reader.GetString(0));
                drop.Add(reader.GetString(1));
            }
        }
        foreach (var sql in drop) await ExecuteAsync(connection, transaction, sql, cancellationToken);
        return rebuild;
    }

    private static async Task CopyRowsAsync<T>(BulkTable table, NpgsqlConnection connection, IEnumerable<T> rows, Action? report, CancellationToken cancellationToken)
        where T : class
    {
        await using var writer = await connection.BeginBinaryImportAsync(table.CopyCommand(), cancellationToken);
        foreach (var row in rows)
        {
            await table.WriteAsync(writer, row, cancellationToken);
            report?.Invoke();
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
