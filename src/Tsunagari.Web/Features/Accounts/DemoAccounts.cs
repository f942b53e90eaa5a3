using Microsoft.AspNetCore.Identity;

namespace Tsunagari.Features.Accounts;

/// <summary>One account per role, so a visitor to the demo can try each (the password is in the README).</summary>
public sealed class DemoAccounts(UserManager<Account> users, TimeProvider clock) : ISeed
{
    public const string Password = "tsunagari-demo";

    public static readonly IReadOnlyList<(string Email, string Name, string[] Roles)> All =
    [
        ("resident@example.jp", "千葉 花子", [Roles.Resident]),
        ("orgadmin@example.jp", "船橋 一郎", [Roles.Resident]),
        ("coordinator@example.jp", "柏 さくら", [Roles.Resident, Roles.Coordinator]),
        ("admin@example.jp", "県庁 太郎", [Roles.Resident, Roles.PrefectureAdmin]),
    ];

    public bool IsDemo => true;

    public async Task RunAsync()
    {
        foreach (var (email, name, roles) in All)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var account = new Account
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAt = clock.GetUtcNow(),
                IsDemo = true,
            };
            var result = await users.CreateAsync(account, Password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            await users.AddToRolesAsync(account, roles);
        }
    }
}
