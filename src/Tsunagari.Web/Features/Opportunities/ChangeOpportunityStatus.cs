using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Opportunities;

/// <summary>Publishes, closes or cancels an opportunity (page and API); a change the lifecycle does not allow is a localized error.</summary>
public sealed class ChangeOpportunityStatus(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, IEnumerable<IOpportunityChanges> listeners)
{
    public const int MaxReasonLength = 1000;

    /// <returns>Null when done, else why not.</returns>
    public async Task<string?> PublishAsync(Opportunity opportunity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (!opportunity.Publish(clock.GetUtcNow())) return l["公開できるのは下書きの活動だけです（現在：{0}）。", l[AccessibilityText.Status(opportunity.Status)].Value];
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> CloseAsync(Opportunity opportunity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (!opportunity.Close(clock.GetUtcNow())) return l["受付を終了できるのは公開中の活動だけです（現在：{0}）。", l[AccessibilityText.Status(opportunity.Status)].Value];
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> CancelAsync(Opportunity opportunity, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) return l["中止の理由を入力してください。"];
        if (text.Length > MaxReasonLength) return l["中止の理由は{0}文字以内で入力してください。", MaxReasonLength];
        if (!opportunity.Cancel(text, clock.GetUtcNow())) return l["中止できるのは下書きか公開中の活動だけです（現在：{0}）。", l[AccessibilityText.Status(opportunity.Status)].Value];
        foreach (var listener in listeners) await listener.CancelledAsync(opportunity, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
