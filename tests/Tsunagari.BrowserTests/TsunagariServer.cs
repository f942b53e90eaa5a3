using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tsunagari.BrowserTests;

/// <summary>
/// The real application on Kestrel (a browser cannot reach the in-memory test server), with its own data folder so
/// each test starts from a fresh SQLite database and an empty mail folder.
/// </summary>
public sealed class TsunagariServer : WebApplicationFactory<Program>
{
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
        var server = new TsunagariServer(Directory.CreateTempSubdirectory("tsunagari-browser-").FullName);
        server.StartServer();
        return server;
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
        if (!disposing) return;
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
