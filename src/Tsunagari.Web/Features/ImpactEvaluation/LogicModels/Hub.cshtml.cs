using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.LogicModels;

/// <summary>
/// A logic model's page: its details, the diagram and its text equivalent, links to the evaluation's other parts and,
/// for the organization's admins, the editor as plain forms (elements: add, reword, move within the column, delete;
/// arrows: add, delete). A refused change re-shows the page with the reason and leaves the saved model as it was.
/// </summary>
[Authorize]
public sealed class HubModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "ImpactLogicModelMessage";

    public sealed class ElementInput
    {
        /// <summary>An <see cref="ElementKind"/> by its exact name.</summary>
        public string? Kind { get; set; }
        public string? Text { get; set; }
    }

    public sealed class LinkInput
    {
        public Guid? From { get; set; }
        public Guid? To { get; set; }
    }

    [BindProperty]
    public ElementInput NewElement { get; set; } = new();

    [BindProperty]
    public LinkInput NewLink { get; set; } = new();

    public ImpactAccess.Access Access { get; private set; } = null!;
    public LogicModel Model => Access.Model;
    public Organization Organization => Access.Organization;
    public string? PilotTitle { get; private set; }

    /// <summary>How many indicators each element has (they go with it when it is deleted).</summary>
    public IReadOnlyDictionary<Guid, int> IndicatorCounts { get; private set; } = new Dictionary<Guid, int>();

    /// <summary>A reworded text that was refused, shown again in its element's field.</summary>
    public (Guid ElementId, string Text)? Refused { get; private set; }

    public string? Message { get; private set; }

    public LogicModelDiagram Diagram => new(Model, kind => l[LogicModelText.For(kind)]) { HeadingLevel = 3 };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ImpactAccess.LoadAsync(db, User, id, cancellationToken) is not { } access) return NotFound();
        Access = access;
        Message = TempData[MessageKey] as string;
        return await ShowAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAddElementAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, () =>
    {
        ElementKind? kind = Enum.GetNames<ElementKind>().Contains(NewElement.Kind) ? Enum.Parse<ElementKind>(NewElement.Kind!) : null;
        if (kind is null) ModelState.AddModelError("NewElement.Kind", l["要素の列を選んでください。"]);
        var text = CheckText(NewElement.Text, "NewElement.Text");
        if (Model.Elements.Count >= LogicModel.MaxElements) ModelState.AddModelError("NewElement.Text", l["要素は{0}個までです。", LogicModel.MaxElements]);
        if (!ModelState.IsValid) return null;
        // Added explicitly: found through the collection with its Guid already set, EF would take it for an existing row.
        db.LogicModelElements.Add(Model.AddElement(kind!.Value, text));
        return "要素を加えました。";
    }, cancellationToken);

    public Task<IActionResult> OnPostEditElementAsync(Guid id, Guid? elementId, string? text, CancellationToken cancellationToken) => ChangeAsync(id, () =>
    {
        if (Find(elementId) is not { } element) return null;
        var checkedText = CheckText(text, "Element_" + element.Id);
        if (!ModelState.IsValid)
        {
            Refused = (element.Id, text ?? "");
            return null;
        }
        element.Text = checkedText;
        return "要素の文章を保存しました。";
    }, cancellationToken);

    /// <summary>Swaps the element with its neighbour above or below in the same column; at the end of the column nothing moves.</summary>
    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid? elementId, string? direction, CancellationToken cancellationToken) => ChangeAsync(id, () =>
    {
        if (Find(elementId) is not { } element) return null;
        if (direction is not ("up" or "down"))
        {
            ModelState.AddModelError("", l["移動の向きを選んでください。"]);
            return null;
        }
        var column = Model.Elements.Where(e => e.Kind == element.Kind).OrderBy(e => e.Order).ToList();
        var at = column.IndexOf(element);
        var other = direction == "up" ? column.ElementAtOrDefault(at - 1) : column.ElementAtOrDefault(at + 1);
        if (other is null) return direction == "up" ? "この要素はすでに列のいちばん上です。" : "この要素はすでに列のいちばん下です。";
        (element.Order, other.Order) = (other.Order, element.Order);
        return "要素を移動しました。";
    }, cancellationToken);

    public Task<IActionResult> OnPostDeleteElementAsync(Guid id, Guid? elementId, CancellationToken cancellationToken) => ChangeAsync(id, () =>
    {
        if (Find(elementId) is not { } element) return null;
        // Its arrows go with it here; its indicators (and their measurements) by the database's cascade.
        Model.RemoveElement(element.Id);
        return "要素と、その矢印・指標を削除しました。";
    }, cancellationToken);

    public Task<IActionResult> OnPostAddLinkAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, () =>
    {
        if (NewLink.From is not { } from || NewLink.To is not { } to)
        {
            ModelState.AddModelError("NewLink.From", l["矢印の元と先を選んでください。"]);
            return null;
        }
        if (Model.CheckLink(from, to) is { } problem)
        {
            ModelState.AddModelError(problem == LinkProblem.UnknownElement ? "NewLink.From" : "NewLink.To",
                l[LogicModelText.For(problem), TextOf(from), TextOf(to), LogicModel.MaxLinks]);
            return null;
        }
        db.LogicModelLinks.Add(Model.AddLink(from, to));
        return "矢印を加えました。";
    }, cancellationToken);

    public Task<IActionResult> OnPostDeleteLinkAsync(Guid id, Guid? from, Guid? to, CancellationToken cancellationToken) => ChangeAsync(id, () =>
    {
        if (!Model.Links.Exists(k => k.FromId == from && k.ToId == to))
        {
            ModelState.AddModelError("", l["その矢印は見つかりません。すでに削除されたかもしれません。"]);
            return null;
        }
        Model.RemoveLink(from!.Value, to!.Value);
        return "矢印を削除しました。";
    }, cancellationToken);

    /// <summary>The elements an arrow may start from or go to, by column, for the selects' option groups.</summary>
    public IEnumerable<IGrouping<ElementKind, LogicModelElement>> ElementsByColumn() =>
        Model.Elements.OrderBy(e => e.Kind).ThenBy(e => e.Order).GroupBy(e => e.Kind);

    public string TextOf(Guid id) => Model.Elements.Find(e => e.Id == id)?.Text ?? "";

    /// <summary>
    /// Loads the model for a change (404 if unseen, 403 if only seen), applies it, and saves and redirects when it returns
    /// a message; otherwise the page is shown again with the reasons in ModelState and nothing saved.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Func<string?> change, CancellationToken cancellationToken)
    {
        if (await ImpactAccess.LoadAsync(db, User, id, cancellationToken, tracking: true) is not { } access) return NotFound();
        if (!access.CanEdit) return Forbid();
        Access = access;
        var message = change();
        if (message is null || !ModelState.IsValid)
        {
            // Nothing of a refused change is kept, and the page shows the saved model.
            db.ChangeTracker.Clear();
            Access = (await ImpactAccess.LoadAsync(db, User, id, cancellationToken))!;
            return await ShowAsync(cancellationToken);
        }
        Model.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = message;
        return Redirect(ModelUrls.Hub(id) + "#editor");
    }

    private LogicModelElement? Find(Guid? elementId)
    {
        var element = Model.Elements.Find(e => e.Id == elementId);
        if (element is null) ModelState.AddModelError("", l["その要素は見つかりません。すでに削除されたかもしれません。"]);
        return element;
    }

    private string CheckText(string? value, string key)
    {
        var errors = new List<(string Key, string Message)>();
        var text = FormText.Check(value, key, "要素の文章", LogicModelElement.MaxTextLength, l, errors);
        foreach (var (k, message) in errors) ModelState.AddModelError(k, message);
        return text;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Indicators.AsNoTracking().Where(i => i.LogicModelId == Model.Id)
            .GroupBy(i => i.ElementId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        IndicatorCounts = counts.ToDictionary(c => c.Key, c => c.Count);
        if (Model.PilotId is { } pilotId)
        {
            PilotTitle = await (from pilot in db.CollaborationPilots.AsNoTracking()
                                join proposal in db.CollaborationProposals.AsNoTracking() on pilot.ProposalId equals proposal.Id
                                where pilot.Id == pilotId
                                select proposal.Title).SingleOrDefaultAsync(cancellationToken);
        }
        return Page();
    }
}
