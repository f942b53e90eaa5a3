using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Collaboration.Calls;

/// <summary>What the shared call fields partial needs from the new and edit pages.</summary>
public sealed record CallForm(CallInput Input, IReadOnlyList<CallForm.InitiativeOption> Initiatives, ModelStateDictionary State)
{
    public sealed record InitiativeOption(Guid Id, string Title);

    /// <summary>The registered initiatives a call may belong to (ended ones too: a call can follow up on one).</summary>
    public static async Task<IReadOnlyList<InitiativeOption>> InitiativesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Initiatives.AsNoTracking().OrderBy(i => i.Title).Select(i => new InitiativeOption(i.Id, i.Title)).ToListAsync(cancellationToken);
    }
}
