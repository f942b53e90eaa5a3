using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Dialogue;

/// <summary>
/// The meeting's plan as its form posts it (bound as "Plan"): theme, agenda (one item per line) and the initiative it
/// serves, if any. Shared by the new-meeting page and the manage page.
/// </summary>
public sealed class PlanInput
{
    public const int MaxAgendaItems = 30;

    public string? Theme { get; set; }
    public string? Agenda { get; set; }
    public string? InitiativeId { get; set; }

    public sealed record Plan(DialogueTheme Theme, string Agenda, Guid? InitiativeId);

    /// <summary>An initiative one may link: the active ones, and the meeting's own even after it ended.</summary>
    public sealed record Choice(Guid Id, string Title);

    public static PlanInput From(DialogueMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new PlanInput { Theme = meeting.Theme.ToString(), Agenda = meeting.Agenda, InitiativeId = meeting.InitiativeId?.ToString() };
    }

    public static Task<List<Choice>> ChoicesAsync(AppDbContext db, Guid? current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Initiatives.AsNoTracking()
            .Where(i => i.EndedAt == null || i.Id == current)
            .OrderBy(i => i.Title)
            .Select(i => new Choice(i.Id, i.Title))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The agenda's items: one a line, blank lines dropped.</summary>
    public static IReadOnlyList<string> Items(string? agenda) =>
        (agenda ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The plan, or null with every problem in <paramref name="errors"/> (key without the "Plan." prefix).</summary>
    public Plan? Validate(IReadOnlyList<Choice> choices, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        // Names only: a number would parse as any value of the enum.
        if (!Enum.TryParse<DialogueTheme>(Theme, ignoreCase: true, out var theme) || !Enum.IsDefined(theme) || int.TryParse(Theme, out _))
            errors.Add((nameof(Theme), l["テーマを選んでください。"]));

        var items = Items(Agenda);
        var agenda = string.Join('\n', items);
        if (items.Count == 0) errors.Add((nameof(Agenda), l["議題を1行に1つ入力してください。"]));
        else if (items.Count > MaxAgendaItems) errors.Add((nameof(Agenda), l["議題は{0}項目までにしてください。", MaxAgendaItems]));
        else if (agenda.Length > DialogueMeeting.MaxTextLength) errors.Add((nameof(Agenda), l["議題は{0}文字以内で入力してください。", DialogueMeeting.MaxTextLength]));

        Guid? initiative = null;
        if (!string.IsNullOrWhiteSpace(InitiativeId))
        {
            if (Guid.TryParse(InitiativeId, out var id) && choices.Any(c => c.Id == id)) initiative = id;
            else errors.Add((nameof(InitiativeId), l["取組を一覧から選んでください。"]));
        }
        return errors.Count > 0 ? null : new Plan(theme, agenda, initiative);
    }
}

/// <summary>What the plan's fields show: the input, the initiatives to choose from and the form's errors.</summary>
public sealed record PlanForm(PlanInput Input, IReadOnlyList<PlanInput.Choice> Initiatives, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary State);
