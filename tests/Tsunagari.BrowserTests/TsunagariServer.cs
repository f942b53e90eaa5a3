using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Tsunagari.BrowserTests;

/// <summary>
/// The real application on Kestrel (a browser cannot reach the in-memory test server), with its own data folder so
/// each test starts from a fresh SQLite database and an empty mail folder.
/// </summary>
public sealed class TsunagariServer : WebApplicationFactory<Program>
{
    /// <summary>
    /// The demo data, seeded once per run by a server that is then stopped; each test's server starts on a copy of it.
    /// Seeding takes several times longer than starting on seeded data, and every test wants the same demo.
    /// </summary>
    private static readonly Lazy<string> SeededDemo = new(SeedDemo, LazyThreadSafetyMode.ExecutionAndPublication);

    private bool keepData;

    private TsunagariServer(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        UseKestrel(0);
    }

    public string DataDirectory { get; }

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    public LogCapture Logs { get; } = new();

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public static TsunagariServer Start()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tsunagari-browser-").FullName;
        Copy(SeededDemo.Value, dataDirectory);
        var server = new TsunagariServer(dataDirectory);
        server.StartServer();
        return server;
    }

    private static string SeedDemo()
    {
        var folder = Directory.CreateTempSubdirectory("tsunagari-demo-").FullName;
        using (var seeding = new TsunagariServer(folder) { keepData = true })
        {
            seeding.StartServer();
            if (seeding.Logs.Errors.Count > 0)
                throw new InvalidOperationException("Seeding the demo logged errors: " + string.Join("; ", seeding.Logs.Errors));
        }
        // The stopped server's pooled connections still hold the database; closing them checkpoints its write-ahead log.
        SqliteConnection.ClearAllPools();
        return folder;
    }

    private static void Copy(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Settings, not environment variables: they are read while Program builds the app and stay private to this host.
        builder.UseSetting("Tsunagari:DataDirectory", DataDirectory);
        builder.UseSetting("Tsunagari:Demo", "true");
        builder.UseSetting("Tsunagari:MigrateOnStart", "true");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Tsunagari", "");
        builder.UseSetting("Mail:Smtp:Host", "");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || keepData) return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment after shutdown; a leftover temp folder is harmless.
        }
    }
}
