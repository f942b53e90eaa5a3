using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// A PostgreSQL server of the test's own: a cluster made with initdb in a temporary folder, listening on a free loopback
/// port, so that a test can stop and start it like a real outage without touching the server the other tests share.
/// Needs the PostgreSQL server binaries (Debian's <c>postgresql</c> package, which CI installs); as root it runs them as
/// the <c>postgres</c> user, because PostgreSQL refuses to run as root. Stopped and removed on dispose.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly string bin;
    private readonly string directory;

    private OwnPostgres(string bin, string directory, int port) => (this.bin, this.directory, Port) = (bin, directory, port);

    public int Port { get; }

    /// <summary>Trust authentication on loopback, so no password.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    /// <summary>The newest installed server's bin folder (pg_ctl, initdb), or null.</summary>
    public static string? Binaries =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(Path.Combine(d, "bin", "pg_ctl")) && int.TryParse(Path.GetFileName(d), out _))
                .OrderBy(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture))
                .Select(d => Path.Combine(d, "bin")).LastOrDefault()
            : null;

    /// <summary>Skips the test without the binaries, unless every test must run (CI), where it fails instead.</summary>
    public static string Require()
    {
        if (Binaries is { } found) return found;
        Assert.SkipWhen(Environment.GetEnvironmentVariable("TSUNAGARI_REQUIRE_ALL") != "1", "No PostgreSQL server binaries in /usr/lib/postgresql.");
        Assert.Fail("TSUNAGARI_REQUIRE_ALL=1 but no PostgreSQL server binaries in /usr/lib/postgresql.");
        return "";
    }

    public static async Task<OwnPostgres> StartAsync()
    {
        var bin = Require();
        var directory = Path.Combine(Path.GetTempPath(), "tsunagari-own-postgres-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (IsRoot) await RunAsync("chown", ["postgres", directory], asPostgres: false);
        var server = new OwnPostgres(bin, directory, FreePort());
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", server.Data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"], asPostgres: IsRoot);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Stops the server as its administrator would (fast shutdown: open connections are cut).</summary>
    public Task StopAsync() => RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Data, "-m", "fast", "-w", "stop"], asPostgres: IsRoot);

    public Task StartAgainAsync() => RunAsync(Path.Combine(bin, "pg_ctl"),
        ["-D", Data, "-l", Path.Combine(directory, "log"), "-w", "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {directory} -c fsync=off", "start"], asPostgres: IsRoot);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], asPostgres: IsRoot);
        }
        catch (InvalidOperationException)
        {
            // Stopped already.
        }
        Directory.Delete(directory, recursive: true);
    }

    private string Data => Path.Combine(directory, "data");

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres)
        {
            foreach (var word in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(word);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }
}
