using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.LogicModels;

/// <summary>A logic model's details as typed into the new and edit forms.</summary>
public class DetailsInput
{
    public string? Title { get; set; }

    /// <summary>A <see cref="LogicModelSubject"/> by its exact name.</summary>
    public string? Subject { get; set; }

    public Guid? PilotId { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
}

/// <summary>A collaboration pilot an organization may evaluate: one whose proposal it made.</summary>
public sealed record PilotChoice(Guid Id, Guid OrganizationId, string Title);

/// <summary>The checked details, ready to set on the model.</summary>
public sealed record ModelDetails(string Title, LogicModelSubject Subject, Guid? PilotId, DateOnly PeriodStart, DateOnly PeriodEnd)
{
    public void ApplyTo(LogicModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Title = Title;
        model.Subject = Subject;
        model.PilotId = PilotId;
        model.PeriodStart = PeriodStart;
        model.PeriodEnd = PeriodEnd;
    }

    public static DetailsInput From(LogicModel model, DetailsInput input)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        input.Title = model.Title;
        input.Subject = model.Subject.ToString();
        input.PilotId = model.PilotId;
        input.PeriodStart = model.PeriodStart;
        input.PeriodEnd = model.PeriodEnd;
        return input;
    }

    /// <summary>The pilots of proposals made by these organizations (as lead proposer), for the pilot select.</summary>
    public static async Task<IReadOnlyList<PilotChoice>> PilotsAsync(AppDbContext db, IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = organizationIds.ToList();
        var pilots = await (from pilot in db.CollaborationPilots.AsNoTracking()
                            join proposal in db.CollaborationProposals.AsNoTracking() on pilot.ProposalId equals proposal.Id
                            where proposal.OrganizationId != null && ids.Contains(proposal.OrganizationId.Value)
                            select new PilotChoice(pilot.Id, proposal.OrganizationId!.Value, proposal.Title)).ToListAsync(cancellationToken);
        return pilots.OrderBy(p => p.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Checks the form for a model of the organization; each problem goes to <paramref name="state"/> under
    /// <paramref name="prefix"/> with a localized message, and the result is null when there is one.
    /// </summary>
    public static ModelDetails? Check(DetailsInput input, string prefix, Guid? organizationId, IReadOnlyList<PilotChoice> pilots,
        IStringLocalizer<SharedResource> l, ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(state);
        var errors = new List<(string Key, string Message)>();
        var title = FormText.Check(input.Title, prefix + "Title", "タイトル", LogicModel.MaxTitleLength, l, errors);
        LogicModelSubject? subject = Enum.GetNames<LogicModelSubject>().Contains(input.Subject) ? Enum.Parse<LogicModelSubject>(input.Subject!) : null;
        if (subject is null) errors.Add((prefix + "Subject", l["評価の対象を選んでください。"]));
        Guid? pilotId = null;
        if (state[prefix + "PilotId"] is { Errors.Count: > 0 } unreadablePilot)
        {
            // Not one of the select's values: said below as a pilot to choose, when the subject needs one.
            unreadablePilot.Errors.Clear();
            unreadablePilot.ValidationState = ModelValidationState.Valid;
            input.PilotId = null;
        }
        if (subject == LogicModelSubject.CollaborationPilot)
        {
            if (input.PilotId is not { } chosen) errors.Add((prefix + "PilotId", l["評価する協働の試行を選んでください。"]));
            else if (!pilots.Any(p => p.Id == chosen && p.OrganizationId == organizationId)) errors.Add((prefix + "PilotId", l["協働の試行は、この団体が提案したものから選んでください。"]));
            else pilotId = chosen;
        }
        CheckPeriod(input, prefix, l, state, errors);
        foreach (var (key, message) in errors) state.AddModelError(key, message);
        return errors.Count == 0 && state.IsValid ? new ModelDetails(title, subject!.Value, pilotId, input.PeriodStart!.Value, input.PeriodEnd!.Value) : null;
    }

    private static void CheckPeriod(DetailsInput input, string prefix, IStringLocalizer<SharedResource> l, ModelStateDictionary state, List<(string Key, string Message)> errors)
    {
        // A date the browser sent but that does not parse gets this form's message, naming the field, instead of the binding's.
        bool Unreadable(string key)
        {
            if (state[prefix + key] is not { Errors.Count: > 0 } entry) return false;
            entry.Errors.Clear();
            entry.ValidationState = ModelValidationState.Valid;
            return true;
        }
        if (Unreadable("PeriodStart")) errors.Add((prefix + "PeriodStart", l["開始日は日付（例：2027-04-01）で入力してください。"]));
        else if (input.PeriodStart is null) errors.Add((prefix + "PeriodStart", l["開始日を入力してください。"]));
        if (Unreadable("PeriodEnd")) errors.Add((prefix + "PeriodEnd", l["終了日は日付（例：2028-03-31）で入力してください。"]));
        else if (input.PeriodEnd is null) errors.Add((prefix + "PeriodEnd", l["終了日を入力してください。"]));
        if (input.PeriodStart is { } start && input.PeriodEnd is { } end && end < start)
            errors.Add((prefix + "PeriodEnd", l["評価期間の終了日（{0:yyyy-MM-dd}）が開始日（{1:yyyy-MM-dd}）より前です。終了日は開始日以降にしてください。", end, start]));
    }
}
