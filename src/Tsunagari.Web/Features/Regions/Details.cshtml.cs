using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Regions;

/// <summary>One municipality or ward with its local challenges; staff of the deployment's prefecture record them here.</summary>
public sealed class DetailsModel(
    AppDbContext db,
    Japan japan,
    ListGroupings listGroupings,
    IAuthorizationService authorization,
    IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : PageModel
{
    public Municipality Municipality { get; private set; } = null!;
    public Prefecture Prefecture { get; private set; } = null!;
    public Municipality? Parent { get; private set; }
    public GroupingSummary? Grouping { get; private set; }
    public bool IsHomePrefecture { get; private set; }
    public IReadOnlyList<ChallengeView> Challenges { get; private set; } = [];

    /// <summary>Whether the person may add, change and delete this municipality's local challenges.</summary>
    public bool CanRecord { get; private set; }

    [BindProperty]
    public ChallengeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, Guid? edit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFound();
        if (edit is { } id && CanRecord)
        {
            var challenge = Challenges.FirstOrDefault(c => c.Id == id);
            if (challenge is null) return NotFound();
            Input = new ChallengeInput { Id = challenge.Id, Text = challenge.Text, Fields = [.. challenge.Fields] };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFound();
        if (!CanRecord) return Denied();

        var text = LocalChallenge.Normalize(Input.Text);
        if (text.Length > LocalChallenge.MaxTextLength)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Text)}", l["地域課題の内容は{0}文字以内で入力してください。", LocalChallenge.MaxTextLength]);
        if (Input.Fields.Any(f => !FieldsOfActivity.IsDefined(f)))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Fields)}", l["活動分野の選択が正しくありません。"]);
        if (!ModelState.IsValid) return Page();

        if (Input.Id is { } id)
        {
            var challenge = await db.LocalChallenges.SingleOrDefaultAsync(c => c.Id == id && c.MunicipalityCode == Municipality.Code, cancellationToken);
            if (challenge is null) return NotFound();
            challenge.Update(text, Input.Fields);
        }
        else
        {
            db.LocalChallenges.Add(new LocalChallenge(Municipality.Code, text, Input.Fields, clock.GetUtcNow(), CurrentAccountId()));
        }
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(null, null, new { code = Municipality.Code }, "challenges");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFound();
        if (!CanRecord) return Denied();
        var deleted = await db.LocalChallenges
            .Where(c => c.Id == id && c.MunicipalityCode == Municipality.Code)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0) return NotFound();
        return RedirectToPage(null, null, new { code = Municipality.Code }, "challenges");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (!LocalGovernmentCode.IsValid(code) || japan.Municipality(code) is not { } municipality) return false;
        Municipality = municipality;
        Prefecture = japan.Prefecture(municipality.PrefectureCode)!;
        Parent = japan.Municipality(municipality.ParentCode);
        var groupings = await listGroupings.RunAsync(Prefecture.Code, cancellationToken);
        Grouping = ListGroupings.ByMunicipality(groupings).GetValueOrDefault(municipality.ParentCode ?? municipality.Code);
        IsHomePrefecture = Prefecture.Code == options.Value.Prefecture;
        Challenges = await db.LocalChallenges.AsNoTracking()
            .Where(c => c.MunicipalityCode == municipality.Code)
            .OrderBy(c => c.RecordedAt)
            .Select(c => new ChallengeView(c.Id, c.Text, c.Fields, c.RecordedAt))
            .ToListAsync(cancellationToken);
        CanRecord = (await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded
            && (await authorization.AuthorizeAsync(User, municipality, RegionOperations.RecordLocalChallenge)).Succeeded;
        return true;
    }

    private IActionResult Denied() => User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();

    private Guid? CurrentAccountId() =>
        Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public sealed record ChallengeView(Guid Id, string Text, IReadOnlyList<int> Fields, DateTimeOffset RecordedAt)
    {
        /// <summary>The day in Japan (UTC+9 all year: Japan has no daylight saving time).</summary>
        public DateOnly RecordedOn => DateOnly.FromDateTime(RecordedAt.ToOffset(TimeSpan.FromHours(9)).DateTime);

        public IEnumerable<string> Paragraphs => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public sealed class ChallengeInput
    {
        /// <summary>Set when an existing challenge is being changed.</summary>
        public Guid? Id { get; set; }

        [Required(ErrorMessage = "地域課題の内容を入力してください。")]
        [Display(Name = "地域課題の内容")]
        public string? Text { get; set; }

        public List<int> Fields { get; set; } = [];
    }
}
