using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Accounts;

[Authorize]
public sealed class TokensModel(AppDbContext db, UserManager<Account> users, TimeProvider clock) : PageModel
{
    public sealed record TokenRow(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, bool Active);

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    /// <summary>Shown once, right after creation; only its hash is kept.</summary>
    public string? NewSecret { get; private set; }

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "{0}を入力してください。")]
        [StringLength(100, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
        [Display(Name = "トークンの名前")]
        public string Name { get; set; } = "";

        [Range(1, 365, ErrorMessage = "{0}は{1}から{2}の間で入力してください。")]
        [Display(Name = "有効期間（日）")]
        public int Days { get; set; } = 90;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid)
        {
            var now = clock.GetUtcNow();
            var (token, secret) = PersonalAccessToken.Issue(AccountId, Input.Name.Trim(), now, now.AddDays(Input.Days));
            db.PersonalAccessTokens.Add(token);
            await db.SaveChangesAsync();
            NewSecret = secret;
            ModelState.Clear();
            Input = new();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.AccountId == AccountId);
        if (token is null) return NotFound();
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private Guid AccountId => Guid.Parse(users.GetUserId(User)!);

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.AccountId == AccountId).ToListAsync();
        Tokens = tokens.OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.IsActive(now)))
            .ToList();
    }
}
