namespace Tsunagari.Features.Accounts;

/// <summary>
/// Each feature that keeps data about a person implements this, so a person's export is complete and their deletion
/// reaches everything: erase what is only theirs, detach them from records others rely on.
/// </summary>
public interface IPersonalData
{
    /// <summary>The name of this part in the exported JSON.</summary>
    string Section { get; }

    Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken);

    Task EraseAsync(Guid accountId, CancellationToken cancellationToken);
}
