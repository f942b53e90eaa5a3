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

    /// <summary>
    /// The occurrences one can sign up for: the next <see cref="ShownOccurrences"/> within a year. A page computes them
    /// once and passes them to <see cref="For"/> and <see cref="IsOpen"/>.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Upcoming(Opportunity opportunity, DateTimeOffset now) =>
        Recurrence.Upcoming(opportunity, now, ShownOccurrences);

    /// <summary>Upcoming occurrences before the application deadline (or their start).</summary>
    public static SignUpFormView For(Opportunity opportunity, DateTimeOffset now, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> upcoming, DateOnly? chosen = null, IReadOnlyList<string?>? answers = null)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        ArgumentNullException.ThrowIfNull(upcoming);
        var recurring = Recurrence.Parse(opportunity.RecurrenceRule) is not null;
        var open = opportunity.ApplicationDeadline is not { } deadline || now < deadline;
        var occurrences = recurring && open ? upcoming.Select(o => o.Start).ToList() : [];
        return new SignUpFormView(opportunity.Id, recurring, occurrences, opportunity.SignUpQuestions, chosen, answers ?? []);
    }

    /// <summary>Whether a sign-up could be accepted now (published, before the deadline, an occurrence left).</summary>
    public static bool IsOpen(Opportunity opportunity, DateTimeOffset now, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> upcoming)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        ArgumentNullException.ThrowIfNull(upcoming);
        if (opportunity.Status != OpportunityStatus.Published) return false;
        if (opportunity.ApplicationDeadline is { } deadline && now >= deadline) return false;
        return Recurrence.Parse(opportunity.RecurrenceRule) is null ? now < opportunity.StartsAt : upcoming.Count > 0;
    }
}
