using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Tsunagari.Platform.Mail;
using Tsunagari.Resources;

namespace Tsunagari.Features.Accounts;

/// <summary>Mails the links that prove a person owns an address: on registration, on an email change, for a password reset.</summary>
public sealed class SendConfirmation(UserManager<Account> users, Mailer mailer, LinkGenerator links, IStringLocalizer<SharedResource> l)
{
    public async Task RegistrationAsync(HttpContext http, Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(account));
        var link = links.GetUriByPage(http, "/Accounts/ConfirmEmail", values: new { userId = account.Id, code })!;
        await mailer.SendAsync(account.Email!, l["【つながり】メールアドレスの確認"],
            l["{0} 様\n\nつながりへのご登録ありがとうございます。次のリンクを開いて、メールアドレスを確認してください。\n\n{1}\n\nお心当たりがない場合は、このメールを破棄してください。", account.DisplayName, link]);
    }

    public async Task EmailChangeAsync(HttpContext http, Account account, string newEmail)
    {
        ArgumentNullException.ThrowIfNull(account);
        var code = Encode(await users.GenerateChangeEmailTokenAsync(account, newEmail));
        var link = links.GetUriByPage(http, "/Accounts/ConfirmEmailChange", values: new { userId = account.Id, email = newEmail, code })!;
        await mailer.SendAsync(newEmail, l["【つながり】新しいメールアドレスの確認"],
            l["{0} 様\n\n次のリンクを開くと、メールアドレスの変更が完了します。\n\n{1}\n\nお心当たりがない場合は、このメールを破棄してください。", account.DisplayName, link]);
    }

    public async Task PasswordResetAsync(HttpContext http, Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var code = Encode(await users.GeneratePasswordResetTokenAsync(account));
        var link = links.GetUriByPage(http, "/Accounts/ResetPassword", values: new { email = account.Email, code })!;
        await mailer.SendAsync(account.Email!, l["【つながり】パスワードの再設定"],
            l["{0} 様\n\n次のリンクを開いて、新しいパスワードを設定してください。\n\n{1}\n\nお心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。", account.DisplayName, link]);
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>Null when the code was cut or altered in transit; the caller shows "invalid link".</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
