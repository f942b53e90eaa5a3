using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.ProBono.Challenges;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Rounds;

/// <summary>Coordinators' list of matching rounds and the form to open one.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RoundsModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const int SmallestTeam = 1;
    public const int LargestTeam = 10;

    public sealed record Row(Guid Id, string Name, RoundStatus Status, int Challenges, DateTimeOffset CreatedAt);

    public IReadOnlyList<Row> Rounds { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? MinSize { get; set; } = "3";

    [BindProperty]
    public string? MaxSize { get; set; } = "5";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MatchingRound.MaxNameLength)
            ModelState.AddModelError(nameof(Name), l["回の名前を{0}文字以内で入力してください。", MatchingRound.MaxNameLength]);
        var minOk = int.TryParse(MinSize, NumberStyles.Integer, CultureInfo.InvariantCulture, out var min) && min is >= SmallestTeam and <= LargestTeam;
        var maxOk = int.TryParse(MaxSize, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) && max is >= SmallestTeam and <= LargestTeam;
        if (!minOk) ModelState.AddModelError(nameof(MinSize), l["チームの最少人数は{0}から{1}までの整数で入力してください。", SmallestTeam, LargestTeam]);
        if (!maxOk) ModelState.AddModelError(nameof(MaxSize), l["チームの最大人数は{0}から{1}までの整数で入力してください。", SmallestTeam, LargestTeam]);
        if (minOk && maxOk && max < min) ModelState.AddModelError(nameof(MaxSize), l["チームの最大人数は最少人数以上にしてください。"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var round = new MatchingRound(name, min, max, ChallengeAccess.AccountId(User), clock.GetUtcNow());
        db.MatchingRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/probono/rounds/{round.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rounds = await db.MatchingRounds.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(100)
            .Select(r => new Row(r.Id, r.Name, r.Status, db.Challenges.Count(c => c.RoundId == r.Id), r.CreatedAt))
            .ToListAsync(cancellationToken);
}
