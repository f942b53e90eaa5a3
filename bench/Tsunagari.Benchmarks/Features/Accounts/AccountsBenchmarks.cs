using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Benchmarks.Features.Accounts;

/// <summary>
/// What an account costs per call, on the seeded SQLite database (<see cref="BenchApp"/>), each call in a scope and an
/// HttpContext of its own as a request has: the identity of every signed-in page (the cookie's ticket decrypted and
/// checked) and of every API call with a personal access token (hashed, looked up, the account read and its claims
/// built); a sign-in (password verified, cookie issued); and a person's personal-data export (every feature's part, as
/// one JSON document). The password hash is also measured alone: it is PBKDF2 (Identity's v3 format, HMAC-SHA512,
/// 100,000 iterations) and slow on purpose, so that a stolen hash is slow to guess; its cost is deliberate. The
/// baseline is the smallest read an account needs: the account found by its e-mail address.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessPerCallConfig))]
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet runs instance methods only.")]
public class AccountsBenchmarks
{
    // A demo account (DemoAccounts, seeded with the directory): confirmed, Resident, no second factor.
    private const string Email = "resident@example.jp";

    private string bearer = "";
    private string cookie = "";
    private Guid exported;
    private Account account = null!;
    private IPasswordHasher<Account> hasher = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        await using var scope = BenchApp.Request();
        var services = scope.ServiceProvider;
        account = (await services.GetRequiredService<UserManager<Account>>().FindByEmailAsync(Email))!;
        hasher = services.GetRequiredService<IPasswordHasher<Account>>();

        // A token of the benchmark's own (the secret is shown only once, so each process issues one).
        var db = services.GetRequiredService<AppDbContext>();
        var (token, secret) = PersonalAccessToken.Issue(account.Id, "benchmark", DateTimeOffset.UtcNow, null);
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync();
        bearer = "Bearer " + secret;

        // The cookie a browser would send back after signing in.
        var http = Context(services);
        var signIn = await services.GetRequiredService<SignInManager<Account>>().PasswordSignInAsync(Email, DemoAccounts.Password, false, lockoutOnFailure: true);
        if (!signIn.Succeeded) throw new InvalidOperationException($"Sign-in failed: {signIn}");
        cookie = string.Join("; ", http.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));

        // The generated resident with the most sign-ups: the largest export of the seeded residents.
        var busiest = await db.SignUps.GroupBy(s => s.AccountId).Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).FirstAsync();
        exported = busiest.Id;
        var bytes = await services.GetRequiredService<ExportPersonalData>().RunAsync(exported, CancellationToken.None);
        Console.WriteLine($"// cookie {cookie.Length:N0} characters; export of {busiest.Count} sign-ups: {bytes.Length:N0} bytes");
    }

    /// <summary>A request's HttpContext, made current for the services that read it (SignInManager).</summary>
    private static DefaultHttpContext Context(IServiceProvider services)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("tsunagari.example.jp");
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        return http;
    }

    [Benchmark(Baseline = true, Description = "Account found by e-mail, one read (baseline)")]
    public async Task<bool> FindByEmail()
    {
        await using var scope = BenchApp.Request();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(Email) is not null;
    }

    [Benchmark(Description = "Signed-in page: cookie ticket decrypted and validated")]
    public async Task<bool> Cookie()
    {
        await using var scope = BenchApp.Request();
        var http = Context(scope.ServiceProvider);
        http.Request.Headers.Cookie = cookie;
        return (await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded;
    }

    [Benchmark(Description = "API call: personal access token authenticated")]
    public async Task<bool> Token()
    {
        await using var scope = BenchApp.Request();
        var http = Context(scope.ServiceProvider);
        http.Request.Headers.Authorization = bearer;
        return (await http.AuthenticateAsync(PersonalAccessTokenAuthentication.SchemeName)).Succeeded;
    }

    [Benchmark(Description = "Sign-in: password verified, cookie issued")]
    public async Task<bool> SignIn()
    {
        await using var scope = BenchApp.Request();
        Context(scope.ServiceProvider);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<Account>>();
        return (await signIn.PasswordSignInAsync(Email, DemoAccounts.Password, false, lockoutOnFailure: true)).Succeeded;
    }

    [Benchmark(Description = "Password hash verified alone (PBKDF2, deliberately slow)")]
    public PasswordVerificationResult PasswordHash() => hasher.VerifyHashedPassword(account, account.PasswordHash!, DemoAccounts.Password);

    [Benchmark(Description = "Personal-data export: every feature's part, as JSON")]
    public async Task<int> Export()
    {
        await using var scope = BenchApp.Request();
        return (await scope.ServiceProvider.GetRequiredService<ExportPersonalData>().RunAsync(exported, CancellationToken.None)).Length;
    }
}
