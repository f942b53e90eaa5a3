using Microsoft.AspNetCore.Identity;
using Tsunagari.Data;

namespace Tsunagari.Features.Accounts;

/// <summary>Erases a person at their request: every feature's part first, then the sign-in itself, in one transaction.</summary>
public sealed class DeleteAccount(AppDbContext db, UserManager<Account> users, IEnumerable<IPersonalData> parts)
{
    public async Task<IdentityResult> RunAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var part in parts)
            await part.EraseAsync(account.Id, cancellationToken);
        var result = await users.DeleteAsync(account);
        if (result.Succeeded) await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
