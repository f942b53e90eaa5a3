using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Accounts.Admin;

[Authorize(Policy = Policies.PrefectureAdmin)]
public sealed class AuditModel(AppDbContext db) : PageModel
{
    public sealed record Row(DateTimeOffset At, string? Actor, string Action, string? Subject, string Detail);

    public IReadOnlyList<Row> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var entries = await (
            from e in db.AuditEntries.AsNoTracking()
            join a in db.Users on e.ActorId equals a.Id into actors
            from actor in actors.DefaultIfEmpty()
            join s in db.Users on e.SubjectId equals s.Id into subjects
            from subject in subjects.DefaultIfEmpty()
            orderby e.Id descending
            select new Row(e.At, actor.Email, e.Action, subject.Email, e.Detail)).Take(200).ToListAsync(cancellationToken);
        Entries = entries;
    }
}
