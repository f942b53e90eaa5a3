using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Features;
using Tsunagari.Platform;

namespace Tsunagari.Data;

public static class DataSetup
{
    public static void AddData(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Read when the context is first made, not now: test hosts and verbs add settings after this runs. The options are
        // made once (a singleton), not for every request: building them parsed the connection string and looked the
        // context's internal services up again each time, an eighth of a signed-in page's CPU on PostgreSQL.
        builder.Services.AddDbContext<AppDbContext>((services, db) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var connectionString = configuration.GetConnectionString("Tsunagari");
            if (string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Tsunagari is empty.");
                db.UseNpgsql(WithConnectTimeout(connectionString), o => o.MigrationsAssembly("Tsunagari.Migrations.Postgres"));
                return;
            }
            var options = services.GetRequiredService<IOptions<TsunagariOptions>>().Value;
            Directory.CreateDirectory(options.DataPath());
            var sqlite = string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={options.DataPath("tsunagari.db")}" : connectionString;
            db.UseSqlite(sqlite, o => o.MigrationsAssembly("Tsunagari.Migrations.Sqlite"));
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        // On SQLite, one open connection for the whole scope (a request), where EF would open and close it for each query:
        // each open makes Microsoft.Data.Sqlite register EF's dozen SQL functions again (and leave the old registrations
        // to the finalizer). Opening once took the organization page from 848 to 1,149 requests/s (docs/benchmarks.md).
        builder.Services.AddScoped(services =>
        {
            var db = new AppDbContext(services.GetRequiredService<DbContextOptions<AppDbContext>>());
            if (db.Database.ProviderName == AppDbContext.SqliteProvider) db.Database.OpenConnection();
            return db;
        });
    }

    /// <summary>Seconds to wait for a PostgreSQL connection when the connection string does not say (Npgsql's own default is 15).</summary>
    public const int DefaultConnectTimeoutSeconds = 3;

    /// <summary>
    /// A request waiting for an unreachable database should fail fast with 503, not hang: unless the connection string sets
    /// its own Timeout (the setting to change), opening a connection gives up after <see cref="DefaultConnectTimeoutSeconds"/>.
    /// </summary>
    public static string WithConnectTimeout(string connectionString)
    {
        if (new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Timeout")) return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Timeout = DefaultConnectTimeoutSeconds }.ConnectionString;
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.ProviderName != AppDbContext.SqliteProvider) return;
        // Write-ahead logging lets readers proceed during writes and survives a crash without losing acknowledged writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        // Statistics for what has none (an index a migration just added), so that the planner does not take it blindly;
        // sampled, so that it takes seconds on millions of rows; the limit is lifted again since the connection goes back to
        // the pool, where a later full ANALYZE (the seed's) would inherit it. PostgreSQL's autovacuum does this by itself.
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002; PRAGMA analysis_limit=0;");
    }

    /// <summary>On start: migrate when configured, then load reference data, and demo data in demo mode.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<TsunagariOptions>>().Value;
        if (options.MigrateOnStart) await app.MigrateDatabaseAsync();
        await app.SeedAsync(options.Demo);
    }

    public static async Task SeedAsync(this WebApplication app, bool demo)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var seed in scope.ServiceProvider.GetServices<ISeed>())
            if (demo || !seed.IsDemo) await seed.RunAsync();
    }
}
