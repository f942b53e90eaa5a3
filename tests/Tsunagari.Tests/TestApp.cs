using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using OtpNet;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Tests;

/// <summary>
/// The whole platform over HTTP, on its own database: a SQLite file in a private data folder, or a fresh PostgreSQL
/// database when TEST_DATABASE=Postgres. One instance per test class (IClassFixture), so no test class sees another's data.
/// </summary>
public class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct horse battery";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "tsunagari-tests", Guid.NewGuid().ToString("N"));

    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable("TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PostgreSQL server tests use; each test class makes its own database on it.</summary>
    public static string PostgresServer => Environment.GetEnvironmentVariable("TEST_POSTGRES") ?? "Host=127.0.0.1;Username=postgres;Password=postgres";

    private string? postgresDatabase;

    /// <summary>Settings a test class needs beyond the defaults (override in a subclass).</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (OnPostgres)
        {
            postgresDatabase = await Postgres.CreateDatabaseAsync();
            return;
        }
        // A copy of the run's migrated SQLite file, as on PostgreSQL: the app finds nothing left to migrate.
        Directory.CreateDirectory(DataDirectory);
        File.Copy(await SqliteTemplate.Value, Path.Combine(DataDirectory, "tsunagari.db"));
    }

    private static readonly Lazy<Task<string>> SqliteTemplate = new(async () =>
    {
        var file = Path.Combine(Path.GetTempPath(), "tsunagari-tests", $"template-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={file};Pooling=False", o => o.MigrationsAssembly("Tsunagari.Migrations.Sqlite")).Options;
        await using (var db = new AppDbContext(options)) await db.Database.MigrateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Tsunagari:DataDirectory"] = DataDirectory,
            ["Tsunagari:Demo"] = "false",
            ["RateLimits:AccountPermitLimit"] = "10000",
            // Tests change figures and read the same page again at once; InsightsCachingTests turns the cache on.
            ["Tsunagari:Dashboards:CacheDuration"] = "00:00:00",
        };
        if (postgresDatabase is not null)
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Tsunagari"] = Postgres.ConnectionString(postgresDatabase);
        }
        Configure(settings);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>A browser: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient CreateBrowser(string? culture = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        if (culture is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return client;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>Makes a confirmed account with the roles given (staff with an authenticator set up) and returns its id and TOTP key.</summary>
    public async Task<(Account Account, string? AuthenticatorKey)> CreateAccountAsync(string email, params string[] roles)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(account, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(account, roles.Append(Roles.Resident).Distinct());
        string? key = null;
        if (roles.Any(r => Roles.Staff.Contains(r)))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
        }
        return (account, key);
    }

    /// <summary>A browser signed in through the real sign-in pages, as a new account with the role (two-factor for staff).</summary>
    public async Task<HttpClient> SignInAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        var (_, key) = await CreateAccountAsync(email, role);
        var browser = CreateBrowser();
        var login = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        if (key is not null)
        {
            Assert.StartsWith("/account/login-2fa", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var second = await browser.PostFormAsync(login.Headers.Location!.OriginalString, new() { ["Input.Code"] = Totp(key) });
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }
        return browser;
    }

    public static string Totp(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    /// <summary>Mail the platform wrote to the data folder, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Mail()
    {
        var folder = Path.Combine(DataDirectory, "mail");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (postgresDatabase is not null)
        {
            await using (var pooled = new NpgsqlConnection(Postgres.ConnectionString(postgresDatabase))) NpgsqlConnection.ClearPool(pooled);
            await Postgres.DropDatabaseAsync(postgresDatabase);
        }
        DeleteDataDirectory();
        GC.SuppressFinalize(this);
    }

    /// <summary>Retried: a file closed by a finalizer or a background thread after the host stopped can be in the way for a moment.</summary>
    private void DeleteDataDirectory()
    {
        for (var attempt = 1; Directory.Exists(DataDirectory); attempt++)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(200);
            }
        }
    }

    public static class Postgres
    {
        /// <summary>For tests that need a PostgreSQL server whatever TEST_DATABASE says: skipped without one, unless CI (TSUNAGARI_REQUIRE_ALL=1) requires everything.</summary>
        public static async Task RequireAsync()
        {
            if (await IsAvailableAsync()) return;
            Assert.SkipWhen(Environment.GetEnvironmentVariable("TSUNAGARI_REQUIRE_ALL") != "1", $"No PostgreSQL server at TEST_POSTGRES ({PostgresServer}).");
            Assert.Fail($"TSUNAGARI_REQUIRE_ALL=1 but no PostgreSQL server at {PostgresServer}.");
        }

        /// <summary>
        /// The app's connection string to a test database: pooled as in production (a connection per query made the
        /// PostgreSQL run several times slower than SQLite), with a small pool, as a run has many databases at once.
        /// </summary>
        // Opening waits up to 15 s, not the app's fail-fast 3 s: on a loaded two-core machine a process started by a test
        // (CrashSafetyTests) timed out opening its first connection. The outage test keeps the default on its own server.
        public static string ConnectionString(string database) =>
            new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, MaxPoolSize = 10, Timeout = 15 }.ConnectionString;

        private static string AdminConnectionString() =>
            new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString;

        public static async Task<bool> IsAvailableAsync()
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString());
                await connection.OpenAsync();
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return false;
            }
        }

        private static readonly SemaphoreSlim TemplateGate = new(1, 1);
        private static string? template;

        /// <summary>
        /// A new database, already migrated: a copy of a template database that this run migrated once. Copying is a file
        /// copy on the server; migrating each test class's database from empty took several seconds of the run each.
        /// </summary>
        public static async Task<string> CreateDatabaseAsync()
        {
            var name = $"tsunagari_test_{Guid.NewGuid():N}";
            await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {await TemplateAsync()}");
            return name;
        }

        /// <summary>The run's migrated template, made on first use and dropped when the run ends.</summary>
        private static async Task<string> TemplateAsync()
        {
            await TemplateGate.WaitAsync();
            try
            {
                if (template is not null) return template;
                var name = $"tsunagari_template_{Guid.NewGuid():N}";
                await ExecuteAsync($"CREATE DATABASE {name}");
                var connection = new NpgsqlConnectionStringBuilder(ConnectionString(name)) { Pooling = false }.ConnectionString;
                var options = new DbContextOptionsBuilder<AppDbContext>()
                    .UseNpgsql(connection, o => o.MigrationsAssembly("Tsunagari.Migrations.Postgres")).Options;
                await using (var db = new AppDbContext(options)) await db.Database.MigrateAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DropDatabaseAsync(name).GetAwaiter().GetResult();
                return template = name;
            }
            finally
            {
                TemplateGate.Release();
            }
        }

        public static Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

        private static async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
