using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Data.Demo;
using Tsunagari.Features;
using Tsunagari.Platform;

namespace Tsunagari.Benchmarks;

/// <summary>
/// The application as Program.cs builds it (platform, data, features), never started: benchmarks take its services from a
/// scope, as a request does, so they run the app's own queries on a real SQLite file (WAL, as migrated), never on EF's
/// in-memory provider, whose costs are nothing like a database's. The data is what `seed --scale prefecture` loads, at a
/// tenth of the prefecture (<see cref="Scale"/>), with the demo accounts; seeding and building the search index take about
/// a minute, so the first benchmark process seeds and the others reuse the folder while the app's code and the day are
/// the same (the seed lays its dates out from today).
/// </summary>
public static class BenchApp
{
    public static readonly DirectoryScale Scale = DirectoryScale.Prefecture with { Organizations = 2_000, Opportunities = 20_000, Residents = 2_000 };

    private static readonly Lazy<WebApplication> shared = new(Create);

    /// <summary>One per process: its singletons (the search index and its cache, data protection keys) stay warm between calls.</summary>
    public static WebApplication Shared => shared.Value;

    /// <summary>The data folder: the SQLite file and the search index.</summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "tsunagari-bench-app",
        $"app-{typeof(AppDbContext).Module.ModuleVersionId:N}-{typeof(DataSetup).Module.ModuleVersionId:N}-{DateTime.UtcNow:yyyyMMdd}");

    /// <summary>A scope, as a request has: its own DbContext, with the connection opened once (DataSetup).</summary>
    public static AsyncServiceScope Request() => Shared.Services.CreateAsyncScope();

    private static WebApplication Create()
    {
        var root = Path.GetDirectoryName(Folder)!;
        if (System.IO.Directory.Exists(root))
            foreach (var stale in System.IO.Directory.GetDirectories(root).Where(d => !string.Equals(d, Folder, StringComparison.Ordinal)))
                System.IO.Directory.Delete(stale, recursive: true);
        var marker = Path.Combine(Folder, "seeded");
        if (!File.Exists(marker))
        {
            if (System.IO.Directory.Exists(Folder)) System.IO.Directory.Delete(Folder, recursive: true);
            var clock = Stopwatch.StartNew();
            // Seeded by an app of its own, disposed after, so that the search index's write lock is released.
            using (var seeding = Build())
            {
                seeding.MigrateDatabaseAsync().GetAwaiter().GetResult();
                var code = SeedAtScale.RunAsync(seeding.Services, Scale, TextWriter.Null).GetAwaiter().GetResult();
                if (code != 0) throw new InvalidOperationException($"seed --scale failed ({code}).");
            }
            File.WriteAllText(marker, "");
            Console.WriteLine($"// Seeded {Scale.Organizations:N0} organizations, {Scale.Opportunities:N0} opportunities, {Scale.Residents:N0} residents in {clock.Elapsed.TotalSeconds:N0} s");
        }
        return Build();
    }

    private static WebApplication Build()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
            Args =
            [
                $"--{TsunagariOptions.Section}:DataDirectory={Folder}",
                $"--{TsunagariOptions.Section}:Demo=false",
                "--Logging:LogLevel:Default=Warning",
            ],
        });
        builder.AddPlatform();
        builder.AddData();
        builder.AddFeatures();
        return builder.Build();
    }
}
