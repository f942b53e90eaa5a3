using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>What the sign-up form shows: the occurrences one can choose (recurring only) and the organization's questions.</summary>
public sealed record SignUpFormView(
    Guid OpportunityId,
    bool Recurring,
    IReadOnlyList<DateTimeOffset> Occurrences,
    IReadOnlyList<string> Questions,
    DateOnly? Chosen,
    IReadOnlyList<string?> Answers)
{
    public const int ShownOccurrences = 20;

    /// <summary>Upcoming occurrences before the application deadline (or their start).</summary>
    public static SignUpFormView For(Opportunity opportunity, DateTimeOffset now, DateOnly? chosen = null, IReadOnlyList<string?>? answers = null)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var recurring = Recurrence.Parse(opportunity.RecurrenceRule) is not null;
        var open = opportunity.ApplicationDeadline is not { } deadline || now < deadline;
        var occurrences = recurring && open
            ? Recurrence.Occurrences(opportunity, now, now.AddYears(1), ShownOccurrences).Select(o => o.Start).ToList()
            : [];
        return new SignUpFormView(opportunity.Id, recurring, occurrences, opportunity.SignUpQuestions, chosen, answers ?? []);
    }

    /// <summary>Whether a sign-up could be accepted now (published, before the deadline, an occurrence left).</summary>
    public static bool IsOpen(Opportunity opportunity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (opportunity.Status != OpportunityStatus.Published) return false;
        if (opportunity.ApplicationDeadline is { } deadline && now >= deadline) return false;
        return Recurrence.Parse(opportunity.RecurrenceRule) is null
            ? now < opportunity.StartsAt
            : Recurrence.Occurrences(opportunity, now, now.AddYears(1), 1).Count > 0;
    }
}
