using System.ComponentModel.DataAnnotations;

namespace Tsunagari.Features.Accounts;

/// <summary>A form that asks only for an email address (resend confirmation, forgot password).</summary>
public sealed class EmailInput
{
    [Required(ErrorMessage = "{0}を入力してください。")]
    [EmailAddress(ErrorMessage = "メールアドレスの形式が正しくありません。")]
    [StringLength(254, ErrorMessage = "{0}は{1}文字以内で入力してください。")]
    [Display(Name = "メールアドレス")]
    public string Email { get; set; } = "";
}
