using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Tsunagari.Features.Accounts;

/// <summary>The `admin create` verb: makes (or promotes) a prefecture admin, with a one-time password when new.</summary>
public sealed class CreateAdmin(UserManager<Account> users, TimeProvider clock)
{
    public sealed record Result(bool Succeeded, string? Password, IEnumerable<IdentityError> Errors);

    public async Task<Result> RunAsync(string email)
    {
        var account = await users.FindByEmailAsync(email);
        string? password = null;
        if (account is null)
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', '-').Replace('+', '_');
            account = new Account { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(account, password);
            if (!created.Succeeded) return new(false, null, created.Errors);
            await users.AddToRoleAsync(account, Roles.Resident);
        }
        if (!await users.IsInRoleAsync(account, Roles.PrefectureAdmin))
        {
            var added = await users.AddToRoleAsync(account, Roles.PrefectureAdmin);
            if (!added.Succeeded) return new(false, null, added.Errors);
        }
        return new(true, password, []);
    }
}
