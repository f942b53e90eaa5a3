using Microsoft.AspNetCore.Identity;
using Tsunagari.Data;
using Tsunagari.Data.Demo;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Search;

namespace Tsunagari.Platform;

/// <summary>The command verbs of the same executable: `migrate`, `seed --scale demo|prefecture`, `admin create --email E`, `reindex`.</summary>
public sealed record Command(string? Verb, IReadOnlyDictionary<string, string> Options, string[] HostArgs)
{
    public const string Help = "--help";

    public const string Usage = """
        Tsunagari — citizen activity platform

        Usage: Tsunagari.Web [VERB] [OPTIONS] [--Section:Key=Value ...]
          (no verb)                 run the web server
          migrate                   apply database migrations and exit
          seed --scale demo         load reference and demo data (500 organizations, 3,000 opportunities) and exit
          seed --scale prefecture   the same at prefecture scale (20,000 organizations, 200,000 opportunities,
                                    1,000,000 residents without passwords: they sign in after a password reset);
               [--organizations N] [--opportunities N] [--residents N] [--participations N]
                                    other counts (residents and participations may be 0);
               [--as-of YYYY-MM-DD] the date the history ends (default today): the same counts and date give
                                    the same data set; the database must have no organizations yet
          admin create --email E    create a prefecture admin; prints a one-time password
          reindex                   rebuild this node's search index from the database and exit
          --help                    show this help

        Settings come from appsettings.json, environment variables (Tsunagari__Prefecture=120006)
        or arguments (--Database:Provider=Postgres).
        """;

    private static readonly string[] Verbs = ["migrate", "seed", "admin", "reindex"];

    public static Command Parse(string[] args)
    {
        if (args.Contains(Help) || args.Contains("-h")) return new(Help, new Dictionary<string, string>(), []);
        if (args.Length == 0 || !Verbs.Contains(args[0], StringComparer.Ordinal)) return new(null, new Dictionary<string, string>(), args);

        var verb = args[0];
        var rest = args.Skip(1).ToList();
        if (verb == "admin" && rest.FirstOrDefault() == "create")
        {
            verb = "admin create";
            rest.RemoveAt(0);
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var hostArgs = new List<string>();
        for (var i = 0; i < rest.Count; i++)
        {
            var arg = rest[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && !arg.Contains(':', StringComparison.Ordinal) && !arg.Contains('=', StringComparison.Ordinal) && i + 1 < rest.Count)
                options[arg[2..]] = rest[++i];
            else
                hostArgs.Add(arg);
        }
        return new(verb, options, [.. hostArgs]);
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        switch (Verb)
        {
            case "migrate":
                await app.MigrateDatabaseAsync();
                Console.WriteLine("Database is up to date.");
                return 0;
            case "seed":
                if (!DirectoryScale.TryParse(Options, out var scale, out var error))
                {
                    Console.Error.WriteLine(error);
                    return 2;
                }
                await app.MigrateDatabaseAsync();
                return await SeedAtScale.RunAsync(app.Services, scale, Console.Out);
            case "admin create":
                return await CreateAdminAsync(app);
            case "reindex":
                await app.MigrateDatabaseAsync();
                var index = app.Services.GetRequiredService<SearchIndex>();
                await index.RebuildAsync();
                Console.WriteLine($"Search index rebuilt: {await index.CountAsync()} documents.");
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private async Task<int> CreateAdminAsync(WebApplication app)
    {
        if (!Options.TryGetValue("email", out var email))
        {
            Console.Error.WriteLine("admin create needs --email E");
            return 2;
        }
        await app.MigrateDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var create = scope.ServiceProvider.GetRequiredService<CreateAdmin>();
        var result = await create.RunAsync(email);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine(error.Description);
            return 1;
        }
        Console.WriteLine($"Prefecture admin {email} created. One-time password: {result.Password}");
        Console.WriteLine("Sign in, change the password and set up two-factor sign-in.");
        return 0;
    }
}
