using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform.Mail;
using Tsunagari.Resources;

namespace Tsunagari.Features.Organizations;

/// <summary>
/// Records an invitation and mails its link. The mail is written in the inviter's language (the request's), since the
/// platform does not know the invitee's.
/// </summary>
public sealed class InviteMember(AppDbContext db, Mailer mailer, LinkGenerator links, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public async Task RunAsync(HttpContext http, Organization organization, string email, MembershipRole role, Guid inviterId, string inviterName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var (invitation, secret) = Invitation.Create(organization.Id, email, role, inviterId, clock.GetUtcNow());
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        var link = links.GetUriByPage(http, "/Organizations/Invitation", values: new { secret })!;
        await mailer.SendAsync(invitation.Email, l["【つながり】{0}への招待", organization.Name],
            l["{0}さんから、つながりの団体「{1}」に{2}として招待されました。\n\n次のリンクを開き、このメールアドレスでサインインして参加してください（{3}日間有効です）。まだアカウントがない場合は、このメールアドレスで新規登録してください。\n\n{4}\n\nお心当たりがない場合は、このメールを破棄してください。",
                inviterName, organization.Name, l[MembershipRoleText.For(role)], (int)Invitation.Lifetime.TotalDays, link],
            cancellationToken);
    }
}
