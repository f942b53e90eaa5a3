using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Tsunagari.Features.Accounts;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// Generates resident accounts (the prefecture's people, with the Resident role) and loads them through the provider's
/// bulk path, because a million rows through the change tracker and UserManager would take hours: on SQLite one prepared
/// INSERT reused for every row in one transaction, on PostgreSQL binary COPY. Tables and columns are read from the EF
/// model, so the rows are exactly what Identity would have written. Residents are not searchable: no outbox rows.
/// </summary>
public sealed class LoadResidents(AppDbContext db, ILookupNormalizer normalizer, IOptions<TsunagariOptions> options, TimeProvider clock)
{
    /// <summary>How often a progress line is written.</summary>
    public const int ProgressEvery = 100_000;

    public const string EmailDomain = "example.jp";

    public sealed record Loaded(int Residents, TimeSpan Elapsed);

    /// <summary>
    /// The e-mail address of the <paramref name="number"/>th generated resident (from 1), e.g. resident000001@example.jp;
    /// example.jp is reserved, so no mail can reach a real person.
    /// </summary>
    public static string EmailOf(int number) => string.Create(CultureInfo.InvariantCulture, $"resident{number:D6}@{EmailDomain}");

    /// <summary>
    /// <paramref name="count"/> residents who registered one after another over the three years before
    /// <paramref name="now"/>; the same <paramref name="random"/> seed gives the same names, ids and dates.
    /// </summary>
    public static IEnumerable<Account> MakeResidents(Random random, int count, DateTimeOffset now, ILookupNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(normalizer);
        var start = now.AddYears(-3);
        var slot = (now - start).Ticks / Math.Max(count, 1);
        for (var i = 0; i < count; i++)
        {
            var email = EmailOf(i + 1);
            var createdAt = start.AddTicks(slot * i + random.NextInt64(Math.Max(slot, 1)));
            var family = DemoVocabulary.FamilyNames[random.Next(DemoVocabulary.FamilyNames.Length)];
            var given = DemoVocabulary.GivenNames[random.Next(DemoVocabulary.GivenNames.Length)];
            yield return new Account
            {
                Id = SeededIds.Next(random, createdAt),
                UserName = email,
                NormalizedUserName = normalizer.NormalizeName(email),
                Email = email,
                NormalizedEmail = normalizer.NormalizeEmail(email),
                EmailConfirmed = true,
                // No usable password: a million PBKDF2 hashes would take longer than the whole load. A resident signs in
                // only after "forgot password" sets one, which the confirmed address allows.
                PasswordHash = null,
                // Identity refuses to sign in (and to validate a reset) without a security stamp; the concurrency stamp is
                // what UserManager sets on create.
                SecurityStamp = RandomText(random),
                ConcurrencyStamp = RandomText(random),
                LockoutEnabled = true,
                DisplayName = $"{family} {given}",
                Culture = random.Next(50) == 0 ? "en" : "ja",
                CreatedAt = createdAt,
            };
        }
    }

    private static string RandomText(Random random)
    {
        Span<byte> bytes = stackalloc byte[20];
        random.NextBytes(bytes);
        return Convert.ToHexString(bytes);
    }

    /// <summary>Null when the Resident role has not been seeded yet.</summary>
    public async Task<Loaded?> RunAsync(int count, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var residentRole = normalizer.NormalizeName(Roles.Resident);
        var role = await db.Roles.Where(r => r.NormalizedName == residentRole).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (role is null) return null;

        var watch = Stopwatch.StartNew();
        // A seed of its own, so adding residents does not change the directory drawn from DemoSeed.
        var residents = MakeResidents(new Random(options.Value.DemoSeed + 1), count, clock.GetUtcNow(), normalizer);
        var accounts = BulkTable.Of(db, typeof(Account));
        var links = BulkTable.Of(db, typeof(IdentityUserRole<Guid>));
        var link = new IdentityUserRole<Guid> { RoleId = role.Value };
        var done = 0;
        void Report()
        {
            done++;
            if (done % ProgressEvery == 0 || done == count)
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"residents {done}/{count} ({watch.Elapsed.TotalSeconds:F1} s)"));
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
                await CopyAsync(npgsql, accounts, links, residents, link, Report, cancellationToken);
            else
                await InsertAsync(accounts, links, residents, link, Report, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new(done, watch.Elapsed);
    }

    private async Task InsertAsync(BulkTable accounts, BulkTable links, IEnumerable<Account> residents, IdentityUserRole<Guid> link, Action report, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        // A bigger page cache for this connection only (64 MiB): the unique indexes on e-mail and user name take the
        // rows in order, but SQLite's default 2 MiB cache still rereads index pages. Durability settings are untouched.
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var insertAccount = accounts.PrepareInsert(connection, transaction.GetDbTransaction());
        await using var insertLink = links.PrepareInsert(connection, transaction.GetDbTransaction());
        foreach (var account in residents)
        {
            accounts.Bind(insertAccount, account);
            await insertAccount.ExecuteNonQueryAsync(cancellationToken);
            link.UserId = account.Id;
            links.Bind(insertLink, link);
            await insertLink.ExecuteNonQueryAsync(cancellationToken);
            report();
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, BulkTable accounts, BulkTable links, IEnumerable<Account> residents, IdentityUserRole<Guid> link, Action report, CancellationToken cancellationToken)
    {
        // Both COPYs in one transaction, so a failed load leaves no account without its role (nor the reverse).
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = new List<Guid>();
        await using (var writer = await connection.BeginBinaryImportAsync(accounts.CopyCommand(), cancellationToken))
        {
            foreach (var account in residents)
            {
                await accounts.WriteAsync(writer, account, cancellationToken);
                ids.Add(account.Id);
                report();
            }
            await writer.CompleteAsync(cancellationToken);
        }
        await using (var writer = await connection.BeginBinaryImportAsync(links.CopyCommand(), cancellationToken))
        {
            foreach (var id in ids)
            {
                link.UserId = id;
                await links.WriteAsync(writer, link, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
